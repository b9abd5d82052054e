// Reporters of findings: text for people, JSON for programs, GitHub annotations for pull requests.
import type { ChalkInstance } from 'chalk';
import { sortFindings, summarise, type FindingSummary, type Located } from '../../domain/findings.js';
import { escapeData, escapeProperty } from './escape.js';
import { oneLineSafe } from './terminal.js';

export interface ReportOptions {
  /** How to print a repository-relative path (relative to the current folder, usually). */
  displayPath: (file: string) => string;
  chalk: ChalkInstance;
}

export function summaryLine(s: FindingSummary): string {
  if (s.errors + s.warnings + s.infos === 0) return 'no problems found';
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos) parts.push(plural(s.infos, 'info', 'infos'));
  return `${parts.join(', ')} in ${plural(s.files, 'file')}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Findings grouped by file, ESLint-style, with `file:line:column` on every line so terminals link them. */
export function formatFindingsText(findings: readonly Located[], o: ReportOptions): string {
  const c = o.chalk;
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of sortFindings(findings)) {
    const path = o.displayPath(f.file);
    if (f.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(c.underline(path));
      current = f.file;
    }
    const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
    lines.push(`  ${c.dim(`${path}:${f.line}:${f.column}`)} ${sev} ${c.bold(f.rule)}`);
    // A message quotes the data (a key, a value): a line break in it must not start a line of its own.
    lines.push(`    ${oneLineSafe(f.message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `{asOf?, findings, summary}`; each finding with its place (`line`, `column`) and its `path` in the file's data. */
/** `checked`: the files read, beside `summary.files` (those with a finding), as the text's "N files checked" says. */
export function formatFindingsJson(findings: readonly Located[], extra: { asOf?: string } = {}, checked?: number): string {
  const summary = { ...summarise(findings), ...(checked !== undefined ? { checked } : {}) };
  return `${JSON.stringify({ ...extra, findings: sortFindings(findings).map(findingJson), summary }, null, 2)}\n`;
}

/** One finding for programs, in a fixed key order; `where` (key or value) is already in `line` and `column`. */
export function findingJson(f: Located): Record<string, unknown> {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    path: f.path,
    ...(f.release !== undefined ? { release: f.release } : {}),
    ...(f.modification !== undefined ? { modification: f.modification } : {}),
  };
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const GITHUB_SHOWN = 10;

export function formatFindingsGithub(findings: readonly Located[], o: Pick<ReportOptions, 'displayPath'> & { command?: string }): string {
  const out = sortFindings(findings)
    .map(
      (f) =>
        `::${GITHUB_LEVEL[f.severity]} file=${escapeProperty(o.displayPath(f.file))},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}::${escapeData(f.message)}\n`,
    )
    .join('');
  const s = summarise(findings);
  const hidden = [s.errors, s.warnings, s.infos].reduce((n, k) => n + Math.max(0, k - GITHUB_SHOWN), 0);
  if (hidden === 0) return out;
  // A plain line, not an annotation (one more would be cut too): it stays in the step's log.
  const command = o.command ?? 'secrel check';
  return `${out}secrel: GitHub shows ${GITHUB_SHOWN} annotations of each kind per step, so ${plural(hidden, 'annotation')} of ${findings.length} ${hidden === 1 ? 'is' : 'are'} left out; all of them: \`${command} --format markdown\` (the job summary of the secrel action) or \`${command}\`\n`;
}
