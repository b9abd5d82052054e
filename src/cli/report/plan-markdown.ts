// The plan as Markdown for a job summary or a pull-request comment: the counts, one table row per release
// (when, scope, RID, the next milestone, its findings), then the findings as every Markdown report lists
// them (errors, warnings, infos collapsed).
import type { Located } from '../../domain/findings.js';
import type { PlanRelease, PlanView } from '../../domain/plan.js';
import type { WhatIfChange } from '../../domain/what-if.js';
import { plural } from './findings.js';
import { cell, code, formatFindingsMarkdown, table } from './markdown.js';
import { countdown, otherFindings, shortDate } from './plan-text.js';

export interface PlanMarkdownOptions {
  displayPath: (file: string) => string;
  codeName?: string;
  /** `plan --assume`: what was assumed and what it changes, listed before the releases. */
  assumed?: { texts: readonly string[]; changes: readonly WhatIfChange[] };
}

export function formatPlanMarkdown(view: PlanView<Located>, o: PlanMarkdownOptions): string {
  const range = view.from === view.to ? shortDate(view.from) : `${shortDate(view.from)} to ${shortDate(view.to)}`;
  const overview: string[] = [`${o.codeName ?? 'SEC'} Releases going live ${range}.`, ''];
  if (o.assumed) overview.push(...assumedLines(o.assumed), '');
  if (view.releases.length === 0) overview.push('No release goes live in this window; widen it with `--from` and `--to`.');
  else overview.push(table(['Release', 'Goes live', 'Status', 'Scope', 'Next milestone', 'Findings'], view.releases.map(row)));
  if (view.workingDays.length > 0) {
    overview.push(
      '',
      `${plural(view.workingDays.length, 'modification')} with a Working Days lead time, implemented on ${view.workingDays.length === 1 ? 'its' : 'their'} own date (IMP-3): ${view.workingDays.map((w) => `${code(w.id)} ${w.date ? shortDate(w.date) : 'date set by the decision'}`).join(', ')}.`,
    );
  }
  if (view.summary.otherFindings > 0)
    overview.push('', `${otherFindings(view.summary)} about files or releases not shown: \`secrel check\` lists every finding.`);
  const findings = view.releases.flatMap((r) => r.findings);
  return formatFindingsMarkdown(findings, { title: 'secrel plan', displayPath: o.displayPath, context: `as of ${view.asOf}`, overview: overview.join('\n') });
}

function assumedLines(a: NonNullable<PlanMarkdownOptions['assumed']>): string[] {
  const head = `**Assuming ${a.texts.map(code).join(', ')}** (nothing is written):`;
  if (a.changes.length === 0) return [head, '', 'Nothing changes: the plan is the same as without the assumptions.'];
  return [head, '', ...a.changes.map((c) => `- ${cell(c.text)}`)];
}

function row(r: PlanRelease<Located>): string[] {
  const when = `${shortDate(r.date)}, ${r.cancelled ? 'cancelled' : countdown(r.daysToGoLive)}`;
  const status = [
    r.status ?? (r.file ? 'status not recorded' : r.fileDoesNotLoad ? 'release file does not load' : 'no release file yet'),
    r.rid?.version ? `RID ${r.rid.version}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [`${cell(r.name)} (${code(r.id)})`, when, cell(status), scope(r), milestone(r), counts(r.summary)];
}

function scope(r: PlanRelease): string {
  if (r.scopeUnknown) return 'unknown (the modifications folder cannot be read)';
  if (r.scope.length === 0) return r.changeRequests.length ? plural(r.changeRequests.length, 'Change Request') : 'nothing targeted yet';
  const system = r.scope.filter((s) => s.impact === 'system').length;
  const user = r.scope.filter((s) => s.impact === 'user').length;
  return `${plural(r.scope.length, 'modification')} (${system} system${user ? `, ${user} User System only` : ''})`;
}

/** The overdue ones counted (the first named), else the next one. */
function milestone(r: PlanRelease): string {
  const overdue = r.milestones.filter((m) => m.state === 'overdue');
  if (overdue.length > 0) return `**${overdue.length} overdue**: ${cell(overdue[0]!.label)}, due ${shortDate(overdue[0]!.date)}`;
  const next = r.milestones[0];
  if (!next) return 'none';
  return `${cell(next.label)}, ${shortDate(next.date)} (${next.days === 0 ? 'today' : `in ${plural(next.days, 'day')}`})`;
}

function counts(s: { errors: number; warnings: number; infos: number }): string {
  if (s.errors + s.warnings + s.infos === 0) return 'none';
  const parts = [s.errors ? plural(s.errors, 'error') : '', s.warnings ? plural(s.warnings, 'warning') : '', s.infos ? plural(s.infos, 'info', 'infos') : ''];
  return parts.filter(Boolean).join(', ');
}
