// Implementation dates (IMP-1..5, and CAL-6 for a Working Days date): decision-by dates, primary and fall-back, the wording.
import { addMonths, compare, formatLong } from './dates.js';
import { existedOn, isEligibleRelease } from './release-eligibility.js';
import type { IsoDate } from './dates.js';
import type { PlannedRelease } from './calendar.js';
import type { ChangeFreeze } from './config.js';
import { decisionVerdict, decisionWindow, NO_VALID_DATE } from './decision-window.js';
import { describeFreeze, freezeOn, goLiveFrozen } from './freezes.js';
import type { HolidayLookup } from './holidays.js';
import { addWorkingDays } from './working-days.js';

export type LeadTime = { unit: 'months'; amount: number } | { unit: 'working-days'; amount: number };

const LEAD_TIME = /^(\d{1,4})(m|wd)$/;

/** '12m' → 12 months, '20wd' → 20 Working Days; undefined for anything else. */
export function parseLeadTime(text: string): LeadTime | undefined {
  const match = LEAD_TIME.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'm' ? { unit: 'months', amount } : { unit: 'working-days', amount };
}

/** IMP-1: the last day a decision to approve can arrive for a release going live on `goLive`. */
export function decisionByDate(goLive: IsoDate, leadTimeMonths: number): IsoDate {
  return addMonths(goLive, -leadTimeMonths);
}

export interface ImplementationOption {
  release: PlannedRelease;
  /** The go-live date: the implementation date if this option applies. */
  date: IsoDate;
  decisionBy: IsoDate;
  /** For the fall-back: decisions after this date (the primary's decision-by) fall in its window. */
  decisionAfter?: IsoDate;
  /** The Policy's sentence for this option (IMP-2). */
  line: string;
}

export type ImplementationProblemCode =
  | 'bad-lead-time'
  | 'no-eligible-release'
  | 'release-not-found'
  | 'release-not-eligible'
  | 'no-fallback'
  | 'decision-in-fallback-window'
  | 'decision-after-window'
  | 'no-start-date'
  | 'date-in-freeze';

export interface ImplementationProblem {
  code: ImplementationProblemCode;
  rule: 'IMP-1' | 'IMP-3' | 'IMP-4' | 'IMP-5' | 'CAL-6';
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface MonthsImplementation {
  form: 'months';
  leadTime: LeadTime;
  primary?: ImplementationOption;
  fallback?: ImplementationOption;
  /** The wording, one line per option, exactly as the Policy writes it. */
  lines: string[];
  /** IMP-5, when a decision date is given and there is a primary: the window it falls in, in a sentence. */
  verdict?: { window: 'primary' | 'fallback' | 'none'; line: string };
  problems: ImplementationProblem[];
}

export interface WorkingDaysImplementation {
  form: 'working-days';
  leadTime: LeadTime;
  workingDays: number;
  /** What the count starts from: the decision, or for Self-Governance the end of the referral window (IMP-3). */
  start?: { date: IsoDate; kind: 'decision' | 'referral-window-end' };
  date?: IsoDate;
  /** "20 Working Days following decision". */
  sentence: string;
  lines: string[];
  problems: ImplementationProblem[];
}

export type ImplementationResult = MonthsImplementation | WorkingDaysImplementation;

export interface ImplementationInput {
  leadTime: string | LeadTime;
  systemImpact: boolean;
  /** The expected (or actual) decision date. */
  decision?: IsoDate;
  /** A release the user names as the primary, instead of the earliest that fits. */
  release?: string;
  /** Candidate releases, long enough to hold a primary and a fall-back. */
  releases: readonly PlannedRelease[];
  holidays: HolidayLookup;
  selfGovernance?: { referralWindowEnd?: IsoDate };
  /** The change freezes (CAL-6): a Working Days date inside one is no valid implementation date. */
  freezes?: readonly ChangeFreeze[];
  /** Today: picks the primary when no decision date is given. */
  asOf?: IsoDate;
}

export function workingDaysSentence(workingDays: number): string {
  return `${workingDays} Working ${workingDays === 1 ? 'Day' : 'Days'} following decision`;
}

function byDateThenId(a: PlannedRelease, b: PlannedRelease): number {
  return compare(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function workingDaysForm(input: ImplementationInput, leadTime: LeadTime): WorkingDaysImplementation {
  const sentence = workingDaysSentence(leadTime.amount);
  const result: WorkingDaysImplementation = {
    form: 'working-days',
    leadTime,
    workingDays: leadTime.amount,
    sentence,
    lines: [sentence],
    problems: [],
  };
  const start = input.selfGovernance
    ? input.selfGovernance.referralWindowEnd && { date: input.selfGovernance.referralWindowEnd, kind: 'referral-window-end' as const }
    : input.decision && { date: input.decision, kind: 'decision' as const };
  if (!start) {
    const missing = input.selfGovernance ? 'the end of the Self-Governance referral window' : 'a decision date';
    result.problems.push({ code: 'no-start-date', rule: 'IMP-3', severity: 'info', message: `No implementation date yet: it needs ${missing}` });
    return result;
  }
  result.start = start;
  result.date = addWorkingDays(start.date, leadTime.amount, input.holidays);
  const freeze = freezeOn(input.freezes ?? [], result.date);
  const message = freeze && `${formatLong(result.date)} is inside the change freeze ${describeFreeze(freeze)}; no implementation date may fall in a freeze`;
  if (message) result.problems.push({ code: 'date-in-freeze', rule: 'CAL-6', severity: 'error', message });
  return result;
}

function option(release: PlannedRelease, months: number): Omit<ImplementationOption, 'line'> {
  return { release, date: release.date, decisionBy: decisionByDate(release.date, months) };
}

/**
 * IMP-1..5 for one modification: the primary release and its decision-by date, the fall-back, and the
 * Policy's wording; or for a Working Days lead time the sentence and, once the decision is known, the date.
 * Problems (no eligible release, a named release that does not fit, a decision too late) are returned, not thrown.
 */
export function implementationOptions(input: ImplementationInput): ImplementationResult {
  const leadTime = typeof input.leadTime === 'string' ? parseLeadTime(input.leadTime) : input.leadTime;
  if (!leadTime) {
    return {
      form: 'months',
      leadTime: { unit: 'months', amount: 0 },
      lines: [],
      problems: [{ code: 'bad-lead-time', rule: 'IMP-1', severity: 'error', message: `Lead time "${String(input.leadTime)}" is not like 12m or 20wd` }],
    };
  }
  if (leadTime.unit === 'working-days') return workingDaysForm(input, leadTime);

  const result: MonthsImplementation = { form: 'months', leadTime, lines: [], problems: [] };
  const problem = (p: ImplementationProblem): void => void result.problems.push(p);
  const kind = input.systemImpact ? 'System Release' : 'release';
  const eligible = input.releases.filter((r) => isEligibleRelease(r, input.systemImpact) && existedOn(r, input.decision ?? input.asOf)).sort(byDateThenId);

  let primary: Omit<ImplementationOption, 'line'> | undefined;
  if (input.release !== undefined) {
    const named = input.releases.find((r) => r.id === input.release);
    if (!named) {
      problem({ code: 'release-not-found', rule: 'IMP-1', severity: 'error', message: `No release ${input.release} in the calendar` });
      return result;
    }
    if (!isEligibleRelease(named, input.systemImpact)) {
      const why = named.cancelled ? 'it is cancelled' : `a DCC-System-impacting modification needs a System Release and it is a ${named.type} release`;
      problem({ code: 'release-not-eligible', rule: 'IMP-4', severity: 'error', message: `${named.name} (${named.id}) cannot take this modification: ${why}` });
      return result;
    }
    primary = option(named, leadTime.amount);
  } else {
    const anchor = input.decision ?? input.asOf;
    primary = eligible.map((r) => option(r, leadTime.amount)).find((o) => anchor === undefined || compare(o.decisionBy, anchor) >= 0);
    if (!primary) {
      const after = anchor ? ` with a decision-by date on or after ${formatLong(anchor)}` : '';
      problem({ code: 'no-eligible-release', rule: 'IMP-1', severity: 'error', message: `No ${kind} in the calendar${after}` });
      return result;
    }
  }

  // A fall-back whose window would be empty (same decision-by date) is no fall-back at all.
  const primaryDecisionBy = primary.decisionBy;
  const fallbackRelease = eligible.find((r) => byDateThenId(r, primary.release) > 0 && compare(decisionByDate(r.date, leadTime.amount), primaryDecisionBy) > 0);
  const primaryLine = `${formatLong(primary.date)} (${primary.release.name}) if a decision to approve is received on or before ${formatLong(primary.decisionBy)}`;
  result.primary = { ...primary, line: `${primaryLine}${fallbackRelease ? '; or' : '.'}` };
  if (fallbackRelease) {
    const f = option(fallbackRelease, leadTime.amount);
    const line = `${formatLong(f.date)} (${f.release.name}) if a decision to approve is received after ${formatLong(primary.decisionBy)}, but on or before ${formatLong(f.decisionBy)}.`;
    result.fallback = { ...f, decisionAfter: primary.decisionBy, line };
  } else {
    problem({
      code: 'no-fallback',
      rule: 'IMP-1',
      severity: 'info',
      message: `No later ${kind} in the calendar to serve as the fall-back after ${primary.release.name}`,
    });
  }
  result.lines = [result.primary.line, ...(result.fallback ? [result.fallback.line] : [])];
  for (const o of [result.primary, result.fallback]) {
    const message = o && goLiveFrozen(input.freezes ?? [], { name: o.release.name, date: o.date });
    if (message) problem({ code: 'date-in-freeze', rule: 'CAL-6', severity: 'error', message });
  }

  if (input.decision !== undefined) {
    result.verdict = decisionVerdict(input.decision, result.primary, result.fallback);
    const window = decisionWindow(input.decision, result.primary, result.fallback);
    if (window.window === 'fallback') {
      problem({
        code: 'decision-in-fallback-window',
        rule: 'IMP-5',
        severity: 'warning',
        message: `A decision on ${formatLong(input.decision)} misses ${result.primary.release.name}: the fall-back applies (${formatLong(window.option.date)})`,
      });
    } else if (window.window === 'none') {
      problem({
        code: 'decision-after-window',
        rule: 'IMP-5',
        severity: 'error',
        message: `A decision on ${formatLong(input.decision)} is after every decision-by date: ${NO_VALID_DATE}`,
      });
    }
  }
  return result;
}

/**
 * How far ahead secrel looks for a release to hold a modification: past its lead time, far enough for a
 * primary and a fall-back (releases come at least once a year), and `suggest`'s three-year horizon.
 */
export const RELEASE_HORIZON_MONTHS = 36;

/** The go-live dates to list releases over, from `from`, for a modification with `leadMonths` of lead time. */
export function releaseHorizon(from: IsoDate, leadMonths = 0): { from: IsoDate; to: IsoDate } {
  return { from, to: addMonths(from, leadMonths + RELEASE_HORIZON_MONTHS) };
}
