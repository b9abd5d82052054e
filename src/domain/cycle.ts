// The scheduled release cycle as data (CAL-1), release IDs and release names (CAL-4).
import { makeIsoDate, monthName, nthWeekdayOfMonth, parseIsoDate } from './dates.js';
import type { IsoDate, WeekOrdinal, Weekday } from './dates.js';

export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
export type WeekdayName = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type ReleaseType = 'system' | 'documentation';

export interface CycleEntry {
  month: Month;
  week: WeekOrdinal;
  weekday: WeekdayName;
  type: ReleaseType;
}

/** The Policy's cycle: last Thursday of February (documentation), of June and first of November (system). */
export const DEFAULT_CYCLE: readonly CycleEntry[] = Object.freeze([
  Object.freeze({ month: 2, week: 'last', weekday: 'thursday', type: 'documentation' } as const),
  Object.freeze({ month: 6, week: 'last', weekday: 'thursday', type: 'system' } as const),
  Object.freeze({ month: 11, week: 'first', weekday: 'thursday', type: 'system' } as const),
]);

const WEEKDAY_NUMBERS: Record<WeekdayName, Weekday> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

export function weekdayNumber(name: WeekdayName): Weekday {
  return WEEKDAY_NUMBERS[name];
}

/** The rule's go-live date for a cycle entry in `year`: scheduledDate(2020, June entry) = 2020-06-25. */
export function scheduledDate(year: number, entry: CycleEntry): IsoDate {
  return nthWeekdayOfMonth(year, entry.month, weekdayNumber(entry.weekday), entry.week);
}

/** The entry for a month; a cycle lists each month at most once (the first entry wins if not). */
export function cycleEntryForMonth(cycle: readonly CycleEntry[], month: number): CycleEntry | undefined {
  return cycle.find((entry) => entry.month === month);
}

export interface ReleaseId {
  id: string;
  year: number;
  month: Month;
  /** `mp200` in `2022-07-mp200`: a second release in the same month. */
  suffix?: string;
}

const RELEASE_ID = /^(\d{4})-(\d{2})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

/** `2020-06` or `2022-07-mp200`; undefined for anything else (bad month, upper case, trailing dash). */
export function parseReleaseId(id: string): ReleaseId | undefined {
  const match = RELEASE_ID.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const suffix = match[3];
  return suffix === undefined ? { id, year, month: month as Month } : { id, year, month: month as Month, suffix };
}

/** `2020-06` for June 2020, `2022-07-mp200` with a suffix. */
export function formatReleaseId(year: number, month: number, suffix?: string): string {
  const base = makeIsoDate(year, month, 1).slice(0, 7);
  return suffix ? `${base}-${suffix}` : base;
}

/** "June 2020 SEC Release": named from the go-live month and year (CAL-4), whatever the file's ID says. */
export function releaseName(goLive: IsoDate): string {
  const { year, month } = parseIsoDate(goLive);
  return `${monthName(month)} ${year} SEC Release`;
}

/** Every scheduled release of the cycle in `year`, in date order. */
export function scheduledReleases(
  year: number,
  cycle: readonly CycleEntry[] = DEFAULT_CYCLE,
): { id: string; date: IsoDate; entry: CycleEntry }[] {
  const seen = new Set<number>();
  const result: { id: string; date: IsoDate; entry: CycleEntry }[] = [];
  for (const entry of cycle) {
    if (seen.has(entry.month)) continue;
    seen.add(entry.month);
    result.push({ id: formatReleaseId(year, entry.month), date: scheduledDate(year, entry), entry });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
