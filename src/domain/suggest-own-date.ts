// `secrel suggest` for a Working Days lead time (IMP-3): the date the modification goes live on its own, not with a release.
import { describeFreeze, freezeOn } from './freezes.js';
import type { IsoDate } from './dates.js';
import { parseLeadTime } from './implementation.js';
import type { RepoModel } from './repository.js';
import type { Proposal, Suggestion } from './suggest.js';
import { addWorkingDays } from './working-days.js';
import { workingDaysDate } from './working-days-date.js';

/** A Working Days lead time's own implementation date: that many Working Days after the decision, or after `asOf` before one. */
export function ownDate(model: RepoModel, p: Proposal, asOf: IsoDate): Suggestion['ownDate'] {
  const lead = p.leadTime ? parseLeadTime(p.leadTime) : undefined;
  if (lead?.unit !== 'working-days') return undefined;
  // Approved already: its own count, from the decision or (Self-Governance) the end of the referral window.
  const m = p.recorded ? model.modifications.find((x) => x.id === p.id)?.data : undefined;
  const known = m && m.leadTime === p.leadTime ? workingDaysDate(m, model.config.holidays) : undefined;
  const counted =
    known?.start && known.date
      ? { date: known.date, from: known.start.date, after: known.start.kind }
      : {
          date: addWorkingDays(p.decision ?? asOf, lead.amount, model.config.holidays),
          from: p.decision ?? asOf,
          after: p.decision ? ('decision' as const) : ('as-of' as const),
        };
  const freeze = freezeOn(model.config.freezes, counted.date);
  return { ...counted, workingDays: lead.amount, ...(freeze ? { freeze: describeFreeze(freeze) } : {}) };
}
