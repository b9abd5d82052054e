// Prints findings in the chosen format and decides the exit code (1 when any error). Findings arrive as
// paths; they are placed (line:column) here, once, just before they are shown.
import { notLoaded, sortFindings, summarise, type Finding, type Located } from '../domain/findings.js';
import { locateFindings } from '../repo/locate.js';
import type { YamlFile } from '../repo/yaml-doc.js';
import type { Context } from './context.js';
import { formatFindingsGithub, formatFindingsJson, formatFindingsText, plural, summaryLine } from './report/findings.js';

/** What reporting needs of a loaded repository: where it is, and the files read (to place findings). */
export interface ReadFiles {
  root: string;
  files: readonly YamlFile[];
}

/** The findings placed in their files' text. */
export function place(repo: ReadFiles, findings: readonly Finding[]): Promise<Located[]> {
  return locateFindings(repo.files, findings);
}

export async function printFindings(ctx: Context, repo: ReadFiles, findings: readonly Finding[], info: { checked: number }): Promise<number> {
  const located = await place(repo, findings);
  const displayPath = (file: string) => ctx.displayPath(repo.root, file);
  const summary = summarise(located);
  if (ctx.format === 'json') ctx.io.stdout(formatFindingsJson(located, { asOf: ctx.asOf }));
  else if (ctx.format === 'github') ctx.io.stdout(formatFindingsGithub(located, { displayPath }));
  else {
    const body = formatFindingsText(located, { displayPath, chalk: ctx.chalk });
    const line = located.length ? summaryLine(summary) : `${plural(info.checked, 'file')} checked, no problems found`;
    const colour = summary.errors ? ctx.chalk.red.bold : summary.warnings ? ctx.chalk.yellow.bold : ctx.chalk.green;
    ctx.io.stdout(`${body}${body ? '\n' : ''}${colour(line)}\n`);
  }
  return summary.errors > 0 ? 1 : 0;
}

/**
 * For commands that show the data rather than check it (plan): a warning on stderr, in every format,
 * naming each file that could not be read and where, so nobody mistakes a partial view for the whole.
 */
export async function warnNotLoaded(ctx: Context, repo: ReadFiles, findings: readonly Finding[]): Promise<void> {
  const broken = await place(repo, notLoaded(findings));
  if (broken.length === 0) return;
  const files = new Set(broken.map((f) => f.file)).size;
  const lines = sortFindings(broken).map((f) => `  ${ctx.displayPath(repo.root, f.file)}:${f.line}:${f.column} ${f.rule}: ${f.message}`);
  ctx.io.stderr(`secrel: warning: ${files === 1 ? 'a file' : `${files} files`} could not be read, so ${files === 1 ? 'its' : 'their'} data is left out; fix ${files === 1 ? 'it' : 'them'} (secrel validate):\n${lines.join('\n')}\n`);
}
