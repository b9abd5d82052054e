// IMP-3 for a modification: a Working Days lead time (`20wd`) gives an implementation date counted from the
// decision, or for Self-Governance from the end of the referral window after the Change Board vote.
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { HolidayLookup } from './holidays.js';
import { parseLeadTime, workingDaysSentence } from './implementation.js';
import type { Modification } from './model.js';
import { addWorkingDays } from './working-days.js';
import { isApproved } from './status.js';

export interface WorkingDaysDate {
  workingDays: number;
  /** "20 Working Days following decision". */
  sentence: string;
  /** What the count starts from, once it is known (as of `asOf`). */
  start?: { date: IsoDate; kind: 'decision' | 'referral-window-end' };
  /** The computed implementation date, once the start is known. */
  date?: IsoDate;
}

/** Undefined unless the lead time is in Working Days. A start dated after `asOf` had not happened yet. */
export function workingDaysDate(m: Modification, holidays: HolidayLookup, asOf?: IsoDate): WorkingDaysDate | undefined {
  const lead = m.leadTime ? parseLeadTime(m.leadTime) : undefined;
  if (lead?.unit !== 'working-days') return undefined;
  const out: WorkingDaysDate = { workingDays: lead.amount, sentence: workingDaysSentence(lead.amount) };
  const approved = isApproved(m.status);
  const self = m.governance === 'self-governance';
  const from = self ? m.decision?.referralWindowEnd : m.decision?.date;
  if (!approved || !isValidIsoDate(from) || (asOf !== undefined && compare(from, asOf) > 0)) return out;
  out.start = { date: from, kind: self ? 'referral-window-end' : 'decision' };
  out.date = addWorkingDays(from, lead.amount, holidays);
  return out;
}

/** Placed in a release (implementation.release, or parts): it goes live with that release, not on a Working Days date of its own. */
export function inRelease(m: Modification): boolean {
  return m.implementation?.release !== undefined || (m.parts ?? []).length > 0;
}

export interface WorkingDaysImplementation extends WorkingDaysDate {
  id: string;
  title: string;
  /** The recorded implementation.date, else the computed one; undefined until the decision is known. */
  date?: IsoDate;
  /** The date is one the file records that differs from the computed one (an Authority revision, say). */
  recorded: boolean;
}

/**
 * Every approved (or implemented) modification with a Working Days lead time, delivered on its own date
 * rather than with a release (no `implementation.release`, no parts), with the date it goes live on:
 * the one the file records, else the one counted from the decision. Sorted by date, undated last.
 */
export function workingDaysImplementations(
  modifications: readonly { data: Modification }[],
  holidays: HolidayLookup,
  asOf?: IsoDate,
): WorkingDaysImplementation[] {
  const out: WorkingDaysImplementation[] = [];
  for (const { data: m } of modifications) {
    if (inRelease(m)) continue;
    if (m.status !== 'approved' && m.status !== 'implemented') continue;
    const wd = workingDaysDate(m, holidays, asOf);
    if (!wd) continue;
    const recorded = m.implementation?.date;
    // A recorded date that is the counted one is still the count: the notice and the feed say what it counts from.
    const item: WorkingDaysImplementation = { ...wd, id: m.id, title: m.title, recorded: isValidIsoDate(recorded) && recorded !== wd.date };
    if (isValidIsoDate(recorded)) item.date = recorded;
    out.push(item);
  }
  return out.sort((a, b) => (a.date && b.date ? compare(a.date, b.date) : a.date ? -1 : b.date ? 1 : 0) || (a.id < b.id ? -1 : 1));
}
