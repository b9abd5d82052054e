// What `plan --assume` changes, as text above the plan: the assumptions, then one line per change.
import type { ChalkInstance } from 'chalk';
import type { AssumedPlan } from '../../domain/plan-assuming.js';
import type { WhatIfChange } from '../../domain/what-if.js';
import { WIDTH, wrap } from './plan-text.js';

const HEADINGS: [WhatIfChange['kind'], string][] = [
  ['lands', 'Where it lands'],
  ['release', 'Scope and dates'],
  ['rid', 'RID versions (RID-1)'],
  ['notice', 'Notices'],
  ['finding', 'Findings'],
];

export function formatChangesText(view: AssumedPlan, o: { chalk: ChalkInstance }): string {
  const c = o.chalk;
  const out = [c.bold(`Assuming ${view.assumptions.map((a) => a.text).join(', ')}`)];
  if (view.changes.length === 0) out.push('', 'Nothing changes: the plan below is the same as without the assumptions.');
  for (const [kind, heading] of HEADINGS) {
    const list = view.changes.filter((ch) => ch.kind === kind);
    if (list.length === 0) continue;
    out.push('', `  ${c.bold(heading)}`);
    for (const ch of list) {
      const lines = wrap(ch.text, 4);
      const mark = ch.kind === 'finding' ? (ch.change === 'new' ? (ch.finding.severity === 'error' ? c.red('+') : c.yellow('+')) : c.green('-')) : '•';
      out.push(`  ${mark}${lines[0]!.slice(3)}`, ...lines.slice(1));
    }
  }
  out.push('', c.dim('═'.repeat(WIDTH)), '');
  return `${out.join('\n')}\n`;
}
