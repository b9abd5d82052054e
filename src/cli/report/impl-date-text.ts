// `secrel impl-date` for people: the Policy's wording on stdout (and the IMP-5 or CAL-6 verdict), notes
// and why there is no answer on stderr.
import { formatLong, formatWithWeekday } from '../../domain/dates.js';
import type { ImplementationResult, MonthsImplementation, WorkingDaysImplementation } from '../../domain/implementation.js';
import type { ImplDateRequest } from '../impl-date-request.js';

export interface ImplDateText {
  stdout: string;
  stderr: string;
}

export function formatImplDateText(req: ImplDateRequest, r: ImplementationResult): ImplDateText {
  return r.form === 'months' ? monthsText(r) : workingDaysText(req, r);
}

function monthsText(r: MonthsImplementation): ImplDateText {
  if (!r.primary) {
    return { stdout: '', stderr: r.problems.map((p) => `secrel: ${p.rule}: ${p.message}; run \`secrel calendar\` to see the releases\n`).join('') };
  }
  const freezes = r.problems.filter((p) => p.code === 'date-in-freeze').map((p) => `\nCAL-6: ${p.message}.\n`);
  const stdout = `${r.lines.join('\n')}\n${r.verdict ? `\n${r.verdict.line}\n` : ''}${freezes.join('')}`;
  const stderr = r.problems
    .filter((p) => p.code === 'no-fallback')
    .map((p) => `secrel: note: ${p.message}\n`)
    .join('');
  return { stdout, stderr };
}

function workingDaysText(req: ImplDateRequest, r: WorkingDaysImplementation): ImplDateText {
  let stdout = `${r.sentence}\n`;
  if (!r.date || !r.start) {
    const need = req.selfGovernance
      ? 'add --referral-end D (the end of the Self-Governance referral window)'
      : 'add --decision D (or, for Self-Governance, --self-governance --referral-end D)';
    return { stdout, stderr: `secrel: note: no date yet; for one, ${need}\n` };
  }
  const from = r.start.kind === 'decision' ? 'the decision' : 'the end of the Self-Governance referral window';
  stdout += `\nImplementation date: ${formatWithWeekday(r.date)} (${r.workingDays} Working ${r.workingDays === 1 ? 'Day' : 'Days'} after ${from} on ${formatLong(r.start.date)}).\n`;
  const freeze = r.problems.find((p) => p.code === 'date-in-freeze');
  if (freeze) stdout += `\nCAL-6: ${freeze.message}.\n`;
  return { stdout, stderr: '' };
}
