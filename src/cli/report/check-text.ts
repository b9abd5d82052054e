// `secrel check` for people: the findings under the release they are about, releases in go-live order,
// each with `file:line:column` so terminals link them; then one summary line.
import type { ChalkInstance } from 'chalk';
import type { PlannedRelease } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/dates.js';
import { sortFindings, summarise, type Located } from '../../domain/findings.js';
import type { ReleaseGroup } from '../../domain/release-groups.js';
import { summaryLine } from './findings.js';
import { shortDate } from './plan-text.js';
import { oneLineSafe } from './terminal.js';

export interface CheckTextOptions {
  chalk: ChalkInstance;
  /** How to print a repository-relative path (relative to the current folder, usually). */
  displayPath: (file: string) => string;
  asOf: IsoDate;
  /** `--release`: the one release checked, named in the summary. */
  release?: PlannedRelease;
}

function title(g: ReleaseGroup<Located>): string {
  if (g.id === undefined) return 'Not about one release';
  return g.planned ? `${g.planned.name} (${g.id}, ${shortDate(g.planned.date)})` : `Release ${g.id} (not in the calendar)`;
}

export function formatCheckText(groups: readonly ReleaseGroup<Located>[], o: CheckTextOptions): string {
  const c = o.chalk;
  const lines: string[] = [];
  for (const g of groups) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold(title(g)));
    for (const f of sortFindings(g.findings)) {
      const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
      lines.push(`  ${c.dim(`${o.displayPath(f.file)}:${f.line}:${f.column}`)} ${sev} ${c.bold(f.rule)}`);
      lines.push(`    ${oneLineSafe(f.message)}`);
    }
  }
  const findings = groups.flatMap((g) => g.findings);
  const summary = summarise(findings);
  const scope = o.release ? ` for the ${o.release.name}` : '';
  const line = findings.length ? `${summaryLine(summary)}${scope}, as of ${o.asOf}` : `no problems found${scope} as of ${o.asOf}`;
  const colour = summary.errors ? c.red.bold : summary.warnings ? c.yellow.bold : c.green;
  return `${lines.join('\n')}${lines.length ? '\n\n' : ''}${colour(line)}\n`;
}
