// `secrel suggest` as text: each candidate release in order with why it does not work, then the earliest that does.
import type { ChalkInstance } from 'chalk';
import { formatLong, formatWithWeekday } from '../../domain/dates.js';
import { impactLabel } from '../../domain/impact.js';
import type { Candidate, Suggestion } from '../../domain/suggest.js';
import { shortDate, wrap } from './plan-text.js';

export function formatSuggestionText(s: Suggestion, asOf: string, c: ChalkInstance): string {
  const p = s.proposal;
  const what = [
    p.impact === 'none' ? 'documentation only' : impactLabel(p.impact),
    p.leadTime ? `${p.leadTime} lead time` : 'no lead time',
    ...(p.techSpecs.length ? [`changes ${p.techSpecs.join(', ')}`] : []),
    ...(p.dependsOn.length ? [`waits on ${p.dependsOn.map((d) => d.id).join(', ')}`] : []),
  ].join(', ');
  // The list starts at the decision only while it is still to come; once made, releases gone live since are no candidates.
  const from =
    p.decision && s.from === p.decision
      ? `a decision on ${formatLong(p.decision)}`
      : p.decision
        ? `${formatLong(s.from)} (--as-of; decided on ${formatLong(p.decision)})`
        : `${formatLong(asOf)} (--as-of)`;
  const out = [c.bold(`Earliest release for ${p.id === 'PROPOSAL' ? 'the proposal' : p.id}`) + ` (${what}), from ${from}:`];
  if (p.expectedDecisionPassed)
    out.push(
      ...wrap(`Its decision was expected on ${formatLong(p.expectedDecisionPassed)}, which has passed with none recorded: it cannot come before today.`, 2),
    );
  if (s.ownDate) {
    const o = s.ownDate;
    const after = {
      decision: 'the decision',
      'referral-window-end': 'the end of the Self-Governance referral window',
      'as-of': 'today, as no decision date is known',
    }[o.after];
    out.push(
      ...wrap(
        `A Working Days lead time (IMP-3): it goes live on its own date, ${formatWithWeekday(o.date)}, ${o.workingDays} Working Days after ${after} (${formatLong(o.from)}), not with a release` +
          (o.freeze ? `; but that day is inside the change freeze ${o.freeze} (CAL-6), so the date has to change` : '') +
          '. To bundle it with a release instead:',
        2,
      ),
    );
  }
  out.push('');
  // Columns as wide as the longest id and name (an ad-hoc `2028-05-urgent`), so the rows line up.
  const widths = { id: Math.max(9, ...s.candidates.map((x) => x.id.length + 1)), name: Math.max(28, ...s.candidates.map((x) => x.name.length + 1)) };
  for (const cand of s.candidates) out.push(...candidateLines(cand, c, widths));
  out.push('');
  if (s.earliest) {
    const e = s.earliest;
    // With a date of its own (Working Days), the release is only the one to bundle it with: say so.
    const what = s.ownDate ? 'Earliest release to bundle it with' : 'Earliest feasible';
    out.push(c.bold(`${what}: the ${e.name} (${e.id}), ${formatLong(e.date)}`));
    if (e.wording.length) out.push('  The implementation date, as the Policy words it (IMP-2):', ...e.wording.flatMap((l) => wrap(l, 4)));
    if (e.fallback) out.push(`  Fall-back: the ${e.fallback.name} (${e.fallback.id}), ${formatLong(e.fallback.date)}`);
    out.push('  The Panel would need to approve: no exception');
  } else {
    out.push(c.red.bold(`No release until ${formatLong(s.horizon)} works (three years after ${s.from === p.decision ? 'the decision' : '--as-of'}).`));
  }
  if (s.withException) {
    const w = s.withException;
    out.push(
      ...wrap(`Earlier, if the Panel approves an exception: the ${w.name} (${w.id}), ${formatLong(w.date)}: ${w.obstacles.map((o) => o.text).join('; ')}.`, 2),
    );
  }
  return `${out.join('\n')}\n`;
}

function candidateLines(cand: Candidate, c: ChalkInstance, widths: { id: number; name: number }): string[] {
  const ok = cand.obstacles.length === 0;
  const head = `  ${cand.id.padEnd(widths.id)} ${cand.name.padEnd(widths.name)} ${shortDate(cand.date).padEnd(16)} ${ok ? c.green('works') : c.red('no')}`;
  return [
    head.trimEnd(),
    ...cand.obstacles.flatMap((o) => wrap(`${o.rule}: ${o.text}`, 14)),
    ...cand.caveats.flatMap((t) => wrap(`note: ${t}`, 14).map((l) => c.dim(l))),
  ];
}
