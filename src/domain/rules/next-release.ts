// "The next release it could still make": the one answer every rule's hint gives (SCP-2, SCP-3, IMP-1, DEP-1),
// so that two findings about one modification never send it to two different releases.
import type { PlannedRelease } from '../calendar.js';
import { compare, isValidIsoDate, type IsoDate } from '../dates.js';
import { dccImpact, systemsScope } from '../impact.js';
import { decisionByDate, parseLeadTime } from '../implementation.js';
import type { Modification } from '../model.js';
import { scopeStatus } from '../scope.js';
import { isApproved } from '../status.js';
import type { RuleContext } from './context.js';
import { scopeCutOff } from './scope.js';

/**
 * The first release after `from` that `m` could still move to as of `ctx.asOf`: one that may hold it (IMP-4)
 * and existed then; whose scope cut-off has not passed (joining now is no breach, SCP-2); and, for a
 * modification with a months lead time, whose decision-by date is still to come (`decisionOpen`). `also` adds a condition of the caller's (a dependency done in time, DEP-1).
 */
export function nextOpenRelease(
  ctx: Pick<RuleContext, 'asOf' | 'eligibleAfter'>,
  m: Modification,
  from: string,
  also: (r: PlannedRelease) => boolean = () => true,
): PlannedRelease | undefined {
  const open = decisionOpen(m, ctx.asOf);
  const systems = systemsScope(m);
  return ctx.eligibleAfter(from, dccImpact(m)).find((r) => compare(scopeCutOff(r.date, systems), ctx.asOf) >= 0 && open(r) && also(r));
}

/**
 * Whether a release's decision window is still open for `m` as of `asOf`: its decision-by date is on or after
 * the earliest day a decision could now come. That is the expected decision (or today) while it is undecided,
 * and today once it is approved, since a move then needs the Authority's revision, a decision of its own. Always
 * open without a months lead time.
 */
export function decisionOpen(m: Modification, asOf: IsoDate): (r: PlannedRelease) => boolean {
  const lead = m.leadTime ? parseLeadTime(m.leadTime) : undefined;
  if (lead?.unit !== 'months') return () => true;
  const undecided = scopeStatus(m.status) === 'targeted' && !(isValidIsoDate(m.decision?.date) && compare(m.decision.date, asOf) <= 0);
  const expected = undecided && isValidIsoDate(m.decision?.expected) ? m.decision.expected : undefined;
  const earliest = expected && compare(expected, asOf) > 0 ? expected : asOf;
  return (r) => compare(decisionByDate(r.date, lead.amount), earliest) >= 0;
}

/**
 * How `key` moves to `r` (a later release, when none is known), `note` said of `r`: a modification not yet
 * approved is simply re-targeted; an approved one has an implementation date, which only an Authority-approved
 * revision moves (IMP-6).
 */
export function moveWords(m: Modification, key: string, r: PlannedRelease | undefined, note?: string): string {
  const where = r ? `the ${r.name} (${r.id})${note ? `, ${note}` : ''}` : 'a later release';
  return isApproved(m.status)
    ? `ask the Authority to approve a revised implementation date in ${where}${r && note ? ',' : ''} and record it under implementation.revisions (IMP-6)`
    : `move ${key} to ${where}`;
}
