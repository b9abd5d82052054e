// IMP-3 for a modification: a Working Days lead time (`20wd`) gives an implementation date counted from the
// decision, or for Self-Governance from the end of the referral window after the Change Board vote.
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { HolidayLookup } from './holidays.js';
import { parseLeadTime, workingDaysSentence } from './implementation.js';
import type { Modification } from './model.js';
import { addWorkingDays } from './working-days.js';

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
  const approved = m.status === 'approved' || m.status === 'implemented';
  const self = m.governance === 'self-governance';
  const from = self ? m.decision?.referralWindowEnd : m.decision?.date;
  if (!approved || !isValidIsoDate(from) || (asOf !== undefined && compare(from, asOf) > 0)) return out;
  out.start = { date: from, kind: self ? 'referral-window-end' : 'decision' };
  out.date = addWorkingDays(from, lead.amount, holidays);
  return out;
}
