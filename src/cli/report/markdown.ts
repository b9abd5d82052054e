// Markdown for people reading a job summary or a pull-request comment: counts first, a table of errors,
// then of warnings, and the infos collapsed. GitHub-flavoured (tables, <details>), escaped so that data
// never becomes markup.
import { sortFindings, summarise, type Located, type Severity } from '../../domain/findings.js';
import { plural, summaryLine } from './findings.js';

/** Text for a table cell: no line breaks, no pipes, no HTML, no stray emphasis. */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that holds any text: a fence longer than any run of backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${cell(text)}${pad}${fence}`;
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function findingRows(findings: readonly Located[], displayPath: (file: string) => string): string[][] {
  return findings.map((f) => [
    code(f.line > 0 ? `${displayPath(f.file)}:${f.line}:${f.column}` : displayPath(f.file)),
    f.rule,
    cell(f.release ?? f.modification ?? ''),
    cell(f.message),
  ]);
}

const HEAD = ['Where', 'Rule', 'About', 'What to do'];
const TITLES: Record<Severity, [string, string]> = { error: ['error', 'Errors'], warning: ['warning', 'Warnings'], info: ['info', 'Infos'] };

export interface MarkdownOptions {
  /** The heading: the command, e.g. `secrel check`. */
  title: string;
  displayPath: (file: string) => string;
  /** Appended to the counts line, e.g. `as of 2027-01-15`. */
  context?: string;
  /** What the all-clear says, e.g. `3 files checked`. */
  clean?: string;
  /** The all-clear sentence instead of `No problems found (clean)`. */
  empty?: string;
  /** The heading level of the title (2 unless the report is part of a larger one). */
  level?: number;
  /** A command's own overview (Markdown), between the counts and the findings: the plan's releases. */
  overview?: string;
}

/** The findings as a Markdown section: counts, errors, warnings, then infos collapsed. */
export function formatFindingsMarkdown(findings: readonly Located[], o: MarkdownOptions): string {
  const h = '#'.repeat(o.level ?? 2);
  const s = summarise(findings);
  const suffix = o.context ? `, ${o.context}` : '';
  const out = [`${h} ${o.title}`, ''];
  const overview = o.overview ? [o.overview, ''] : [];
  if (findings.length === 0) {
    out.push(o.empty ?? `No problems found${o.clean ? ` (${o.clean})` : ''}${suffix}.`, '', ...overview);
    return out.join('\n');
  }
  out.push(`${s.errors ? '❌' : s.warnings ? '⚠️' : 'ℹ️'} ${summaryLine(s)}${suffix}.`, '', ...overview);
  const sorted = sortFindings(findings);
  for (const severity of ['error', 'warning', 'info'] as const) {
    const some = sorted.filter((f) => f.severity === severity);
    if (some.length === 0) continue;
    const [one, many] = TITLES[severity];
    const body = table(HEAD, findingRows(some, o.displayPath));
    if (severity === 'info') out.push(`<details><summary>${plural(some.length, one, 'infos')}</summary>`, '', body, '', '</details>', '');
    else out.push(`${h}# ${many}`, '', body, '');
  }
  return out.join('\n');
}
