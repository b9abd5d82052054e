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

/** Why a release's go-live inside a freeze moves a date that depends on it (impl-date's primary or fall-back), or undefined. */
export function goLiveFrozen(freezes: readonly ChangeFreeze[], release: { name: string; date: IsoDate }): string | undefined {
  const f = freezeOn(freezes, release.date);
  return f
    ? `The ${release.name} goes live on ${formatLong(release.date)}, inside the change freeze ${describeFreeze(f)}: no go-live may fall in a freeze, so the release must move, and this date with it`
    : undefined;
}
