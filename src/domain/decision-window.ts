// IMP-5: which window a decision falls in (primary, fall-back or none), and the sentence that says so.
import { compare, formatLong } from './dates.js';
import type { IsoDate } from './dates.js';
import type { ImplementationOption, ImplementationResult, MonthsImplementation } from './implementation.js';

/** What IMP-5 leaves a modification whose decision missed every window with. */
export const NO_VALID_DATE = 'no valid implementation date until the Authority approves a new one';

/** IMP-5 in a sentence: which window a decision on `decision` falls in, and the implementation date it gives. */
export function decisionVerdict(
  decision: IsoDate,
  primary: ImplementationOption,
  fallback: ImplementationOption | undefined,
): NonNullable<MonthsImplementation['verdict']> {
  const w = decisionWindow(decision, primary, fallback);
  const on = `a decision on ${formatLong(decision)}`;
  if (w.window === 'none') {
    const closed = fallback
      ? `the fall-back window closed on ${formatLong(fallback.decisionBy)}`
      : `the only window closed on ${formatLong(primary.decisionBy)}`;
    return { window: 'none', line: `IMP-5: ${on} is too late: ${closed}. The modification has ${NO_VALID_DATE}.` };
  }
  const which = w.window === 'primary' ? 'the primary window' : 'the fall-back window';
  return { window: w.window, line: `A${on.slice(1)} falls in ${which}: implementation on ${formatLong(w.option.date)} (${w.option.release.name}).` };
}

/**
 * Whether the answer leaves the modification without a valid implementation date: no release fits (IMP-1,
 * IMP-4), the decision comes after every window (IMP-5), or the date is inside a freeze (CAL-6): a Working Days date,
 * or the go-live of the release it names.
 */
export function noValidDate(r: ImplementationResult): boolean {
  return r.problems.some((p) => p.severity === 'error');
}

export type DecisionWindow<T> = { window: 'primary'; option: T } | { window: 'fallback'; option: T } | { window: 'none' };

/**
 * IMP-5: which window a decision falls in. On or before the primary's decision-by → primary; after it and
 * on or before the fall-back's → fall-back; after both → none (no valid implementation date).
 */
export function decisionWindow<T extends { decisionBy: IsoDate }>(decision: IsoDate, primary: T, fallback?: T): DecisionWindow<T> {
  if (compare(decision, primary.decisionBy) <= 0) return { window: 'primary', option: primary };
  if (fallback && compare(decision, fallback.decisionBy) <= 0) return { window: 'fallback', option: fallback };
  return { window: 'none' };
}
