// Change freezes (CAL-6): which freeze a date falls in, and how a freeze is named in a message.
import type { ChangeFreeze } from './config.js';
import { formatLong, isValidIsoDate, isWithin, type IsoDate } from './dates.js';

/** The freeze `date` falls in (its first and last days included); a freeze with a date that is no date freezes nothing. */
export function freezeOn(freezes: readonly ChangeFreeze[], date: IsoDate): ChangeFreeze | undefined {
  return freezes.find((f) => isValidIsoDate(f.from) && isValidIsoDate(f.to) && isWithin(date, f.from, f.to));
}

/** 'from 21 December 2020 to 4 January 2021 (Christmas)'. */
export function describeFreeze(f: ChangeFreeze): string {
  return `from ${formatLong(f.from)} to ${formatLong(f.to)}${f.reason ? ` (${f.reason.trim().replace(/\.$/, '')})` : ''}`;
}
