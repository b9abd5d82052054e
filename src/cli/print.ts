// Prints findings in the chosen format and decides the exit code (1 when any error). Findings arrive as
// paths; they are placed (line:column) here, once, just before they are shown. Also the warnings about files not read.
import { notLoaded, sortFindings, summarise, type Finding, type Located } from '../domain/findings.js';
import { YAML_FILE } from '../domain/repository.js';
import { locateFindings } from '../repo/locate.js';
import type { YamlFile } from '../repo/yaml-doc.js';
import type { Context } from './context.js';
import { VERSION } from './program.js';
import { oneLineSafe } from './report/terminal.js';
import { formatFindingsGithub, formatFindingsJson, formatFindingsText, plural, summaryLine } from './report/findings.js';
import { formatFindingsMarkdown } from './report/markdown.js';
import { formatFindingsSarif } from './report/sarif.js';

/** What reporting needs of a loaded repository: where it is, and the files read (to place findings). */
export interface ReadFiles {
  root: string;
  files: readonly YamlFile[];
  readTexts(files: readonly YamlFile[]): Promise<void>;
}

/** The findings placed in their files' text. */
export function place(repo: ReadFiles, findings: readonly Finding[]): Promise<Located[]> {
  return locateFindings(repo.files, findings, repo.readTexts);
}

export interface PrintInfo {
  checked: number;
  /** The Markdown report's heading (default `secrel validate`). */
  title?: string;
  /** The Markdown report's context, e.g. `as of 2027-01-15`. */
  context?: string;
}

export async function printFindings(ctx: Context, repo: ReadFiles, all: readonly Finding[], info: PrintInfo): Promise<number> {
  const findings = await place(repo, all);
  const displayPath = (file: string) => ctx.displayPath(repo.root, file);
  const summary = summarise(findings);
  if (ctx.format === 'json') ctx.io.stdout(formatFindingsJson(findings, { asOf: ctx.asOf }, info.checked));
  else if (ctx.format === 'github') ctx.io.stdout(formatFindingsGithub(findings, { displayPath, command: info.title ?? 'secrel validate' }));
  else if (ctx.format === 'markdown') {
    const md = {
      title: info.title ?? 'secrel validate',
      displayPath,
      clean: `${plural(info.checked, 'file')} checked`,
      ...(info.context ? { context: info.context } : {}),
    };
    ctx.io.stdout(formatFindingsMarkdown(findings, md));
  } else if (ctx.format === 'sarif') ctx.io.stdout(formatFindingsSarif(findings, { displayPath, version: VERSION }));
  else {
    const body = formatFindingsText(findings, { displayPath, chalk: ctx.chalk });
    // Nothing read is no all-clear: every file named was skipped (each said why on stderr).
    const clean = info.checked === 0 ? 'no secrel file checked' : `${plural(info.checked, 'file')} checked, no problems found`;
    // "in 8 files" alone leaves the reader to guess whether the other files were read at all.
    const of = info.checked > summary.files ? ` (${plural(info.checked, 'file')} checked)` : '';
    const line = findings.length ? `${summaryLine(summary)}${of}` : clean;
    const colour = summary.errors ? ctx.chalk.red.bold : summary.warnings ? ctx.chalk.yellow.bold : ctx.chalk.green;
    ctx.io.stdout(`${body}${body ? '\n' : ''}${colour(line)}\n`);
  }
  return summary.errors > 0 ? 1 : 0;
}

/**
 * For commands that show the data rather than check it (plan): a warning on stderr, in every format,
 * naming each file that does not load and where, so nobody mistakes a partial view for the whole.
 */
export async function warnNotLoaded(ctx: Context, repo: ReadFiles, findings: readonly Finding[]): Promise<void> {
  const broken = await place(repo, notLoaded(findings));
  if (broken.length === 0) return;
  const paths = new Set(broken.map((f) => f.file));
  const files = paths.size;
  // A folder that cannot be read is named as one: it is no YAML or schema error in a file.
  const folders = [...paths].some((p) => !YAML_FILE.test(p));
  const lines = sortFindings(broken).map((f) => `  ${ctx.displayPath(repo.root, f.file)}:${f.line}:${f.column} ${f.rule}: ${oneLineSafe(f.message)}`);
  const what = folders
    ? `${files === 1 ? 'a file or folder does' : `${files} files or folders do`} not load`
    : `${files === 1 ? 'a file does' : `${files} files do`} not load (a YAML or schema error)`;
  ctx.io.stderr(
    `secrel: warning: ${what}, so ${files === 1 ? 'its' : 'their'} data is left out; fix ${files === 1 ? 'it' : 'them'} (secrel validate):\n${lines.join('\n')}\n`,
  );
}

/** A file that does not parse on one side would look deleted: say so rather than mislead. */
export function warnUnreadable(ctx: Context, repo: { sourceLabel: string; findings: readonly Finding[] }): void {
  const files = [...new Set(repo.findings.filter((f) => f.severity === 'error' && (f.rule === 'YAML' || f.rule === 'SCHEMA')).map((f) => f.file))];
  if (files.length === 0) return;
  ctx.io.stderr(
    `secrel: warning: in ${repo.sourceLabel}, ${files.join(', ')} ${files.length === 1 ? 'does' : 'do'} not load (run secrel validate); changes in ${files.length === 1 ? 'it' : 'them'} are not shown\n`,
  );
}
