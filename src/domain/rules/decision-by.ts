// IMP-1 for targeted modifications: a decision-by date that has passed without an approval, or a decision
// expected after it, closes the window for the release the modification targets; the fall-back takes over.
import type { PlannedRelease } from '../calendar.js';
import { compare, isValidIsoDate, type IsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { decisionByDate, parseLeadTime } from '../implementation.js';
import type { Modification } from '../model.js';
import type { Entity } from '../repository.js';
import { scopeStatus } from '../scope.js';
import type { Rule, RuleContext } from './context.js';
import { decisionOpen, nextOpenRelease } from './next-release.js';
import { fieldFinding, long } from './support.js';
import { recordedFallback } from '../release-eligibility.js';

export interface ClosedWindow {
  release: PlannedRelease;
  decisionBy: IsoDate;
  /** Why the window is closed: the date passed with no approval, or the decision is expected after it. */
  reason: 'passed' | 'expected-after';
  expected?: IsoDate;
  /** The first eligible later release whose window is still open (the named fall-back when it is). */
  fallback?: { release: PlannedRelease; decisionBy: IsoDate };
  /**
   * The fall-back the file names (`implementation.fallback`) when it is closed or may not hold the modification
   * (IMP-4: cancelled, or a Documentation Release for a DCC-System-impacting one, `ineligible` says which), so `fallback` is another.
   */
  namedClosed?: { release: PlannedRelease; decisionBy: IsoDate; ineligible?: string };
}

/**
 * The closed decision window of a targeted (not yet approved) modification with a months lead time, as of
 * `asOf`; undefined when its window is open, it is decided, or there is no window (Working Days, parts).
 */
export function closedWindow(ctx: RuleContext, m: Modification): ClosedWindow | undefined {
  const impl = m.implementation;
  const lead = m.leadTime ? parseLeadTime(m.leadTime) : undefined;
  if (scopeStatus(m.status) !== 'targeted' || !impl?.release || lead?.unit !== 'months' || (m.parts ?? []).length > 0) return undefined;
  if (isValidIsoDate(m.decision?.date) && compare(m.decision.date, ctx.asOf) <= 0) return undefined; // decided: IMP-5's business
  const release = ctx.planned(impl.release);
  if (!release || release.cancelled) return undefined;
  const decisionBy = decisionByDate(release.date, lead.amount);
  const expected = isValidIsoDate(m.decision?.expected) ? m.decision.expected : undefined;
  const passed = compare(ctx.asOf, decisionBy) > 0;
  if (!passed && !(expected && compare(expected, decisionBy) > 0)) return undefined;
  // The fall-back must still be open: on or after today, and after the expected decision; one secrel
  // finds must also take it into its scope without a breach of the cut-off (the same as every other hint).
  const open = decisionOpen(m, ctx.asOf);
  const named = recordedFallback(ctx.planned, m);
  const fb = named && !named.ineligible && open(named.release) ? named.release : nextOpenRelease(ctx, m, release.id);
  const out: ClosedWindow = { release, decisionBy, reason: passed ? 'passed' : 'expected-after' };
  if (expected) out.expected = expected;
  // The fall-back the file names, when its window has closed too or it may not hold it: the message says why another is offered.
  if (named && fb !== named.release) {
    out.namedClosed = {
      release: named.release,
      decisionBy: decisionByDate(named.release.date, lead.amount),
      ...(named.ineligible ? { ineligible: named.ineligible } : {}),
    };
  }
  if (fb) out.fallback = { release: fb, decisionBy: decisionByDate(fb.date, lead.amount) };
  return out;
}

export const passedDecisionBy: Rule = {
  id: 'IMP-1',
  title: 'a targeted modification can still be decided by the decision-by date of the release it targets',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const f = closedFinding(ctx, m) ?? lapsedExpectation(ctx, m);
      if (f) out.push(f);
    }
    return out;
  },
};

function closedFinding(ctx: RuleContext, m: Entity<Modification>): Finding | undefined {
  const w = closedWindow(ctx, m.data);
  if (!w) return undefined;
  const ids = { modification: m.id, release: w.release.id };
  const fb = w.fallback;
  const nc = w.namedClosed;
  const named = nc
    ? `its recorded fall-back, the ${nc.release.name} (${nc.release.id}), ${nc.ineligible ?? `closed too (decision by ${long(nc.decisionBy)})`}; `
    : '';
  const next = !nc ? 'its fall-back' : nc.ineligible && !nc.release.cancelled ? 'the next release that may hold it and is still open' : 'the next still open';
  const instead = fb
    ? `${named}${next} is the ${fb.release.name} (${fb.release.id}), decision by ${long(fb.decisionBy)}: set implementation.release to ${fb.release.id}` +
      fallbackAfter(ctx, m.data, fb.release)
    : `${named}no later eligible release in the next three years is still open: ask the Panel for a new implementation date`;
  if (w.reason === 'passed') {
    return fieldFinding(
      m,
      ['implementation', 'release'],
      'IMP-1',
      'error',
      `${m.id} targets the ${w.release.name}, but its decision-by date (${long(w.decisionBy)}) passed without an approval, so it can no longer ` +
        `make that release; ${instead}, or, if it was approved in time, record decision.date and status: approved`,
      ids,
    );
  }
  return fieldFinding(
    m,
    ['decision', 'expected'],
    'IMP-1',
    'warning',
    `${m.id}'s decision is expected on ${long(w.expected!)}, after the decision-by date for the ${w.release.name} (${long(w.decisionBy)}); ` +
      `${instead}, or bring the decision forward`,
    ids,
  );
}

/** The fall-back to record with a move to `to`, named (IMP-1: the next release after it that may hold the modification, IMP-4). */
function fallbackAfter(ctx: RuleContext, m: Modification, to: PlannedRelease): string {
  const after = nextOpenRelease(ctx, m, to.id);
  return after ? ` (and implementation.fallback to ${after.id}, the next release after it that may hold it)` : ' (and remove implementation.fallback)';
}

/**
 * An expected decision date that passed with no decision recorded: every date secrel works out from it (the
 * release the modification can still make, `suggest`, the plan) is then worked out from today instead, so the
 * record is stale, and nothing said so.
 */
function lapsedExpectation(ctx: RuleContext, m: Entity<Modification>): Finding | undefined {
  const { decision, status } = m.data;
  if (scopeStatus(status) !== 'targeted' || !isValidIsoDate(decision?.expected) || compare(decision.expected, ctx.asOf) >= 0) return undefined;
  if (isValidIsoDate(decision.date) && compare(decision.date, ctx.asOf) <= 0) return undefined;
  return fieldFinding(
    m,
    ['decision', 'expected'],
    'IMP-1',
    'warning',
    `${m.id}'s decision was expected on ${long(decision.expected)}, which has passed with no decision recorded: record the decision ` +
      '(decision.date, and the status), or the new expected date; until then secrel plans from today',
    { modification: m.id, ...(m.data.implementation?.release ? { release: m.data.implementation.release } : {}) },
  );
}
