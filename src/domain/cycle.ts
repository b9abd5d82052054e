// The scheduled release cycle as data (CAL-1), release IDs and release names (CAL-4).
import { daysInMonth, makeIsoDate, monthName, nthWeekdayOfMonth, parseIsoDate, weekdayName } from './dates.js';
import type { DayOfWeek, IsoDate } from './dates.js';
import type { CycleEntry, SecrelConfig, Weekday } from './model.js';

export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
/** A cycle entry (config `cycle`, or a preset's): the nth weekday of a month, or a fixed day. */
export type { CycleEntry };
/** A release on the nth weekday of a month: `{month: 6, week: last, weekday: thursday}`. */
export type WeekdayCycleEntry = Extract<CycleEntry, { weekday: unknown }>;
/** A release on a fixed day, whatever the weekday: DCUSA's `{month: 4, day: 1}`. */
export type FixedDayCycleEntry = Exclude<CycleEntry, WeekdayCycleEntry>;

/** The Policy's cycle: last Thursday of February (documentation), of June and first of November (system). */
export const DEFAULT_CYCLE: readonly CycleEntry[] = Object.freeze([
  Object.freeze({ month: 2, week: 'last', weekday: 'thursday', type: 'documentation' } as const),
  Object.freeze({ month: 6, week: 'last', weekday: 'thursday', type: 'system' } as const),
  Object.freeze({ month: 11, week: 'first', weekday: 'thursday', type: 'system' } as const),
]);

export function isFixedDay(entry: CycleEntry): entry is FixedDayCycleEntry {
  return 'day' in entry;
}

/** A kind of release (config `releaseKinds`) and which of the Policy's rule sets applies to it. */
export type ReleaseKind = NonNullable<SecrelConfig['releaseKinds']>[number];
/**
 * Which of the Policy's rule sets a release follows: `system` may hold system-impacting changes and carries the
 * system obligations (12-month scope cut-off, TAD, DCC costs, go-live evidence and criteria); `documentation`
 * has documentation-only scope.
 */
export type ReleaseType = ReleaseKind['rules'];

export const SEC_RELEASE_KINDS: readonly ReleaseKind[] = Object.freeze([
  { id: 'system', name: 'System Release', rules: 'system' },
  { id: 'documentation', name: 'Documentation Release', rules: 'documentation' },
]);

/** Everything that places and names a code's releases: the dated entries, the kinds and the names. */
export interface ReleaseCycle {
  entries: readonly CycleEntry[];
  kinds: readonly ReleaseKind[];
  names: ReleaseNameTemplates;
}

/** A full cycle, or (as tests and older callers pass) just the SEC-style entries. */
export type CycleOption = ReleaseCycle | readonly CycleEntry[];

export function toReleaseCycle(option: CycleOption | undefined): ReleaseCycle {
  if (option === undefined) return SEC_CYCLE;
  if (Array.isArray(option)) return { entries: option as readonly CycleEntry[], kinds: SEC_RELEASE_KINDS, names: SEC_NAMES };
  return option as ReleaseCycle;
}

/** The kind a release file or cycle entry names; an unknown id falls back to system (more obligations, not fewer). */
export function kindOf(cycle: ReleaseCycle, id: string | undefined): ReleaseKind {
  return cycle.kinds.find((k) => k.id === id) ?? { id: id ?? 'system', name: 'System Release', rules: 'system' };
}

const WEEKDAY_NUMBERS: Record<Weekday, DayOfWeek> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

export function weekdayNumber(name: Weekday): DayOfWeek {
  return WEEKDAY_NUMBERS[name];
}

/** The rule's go-live date for a cycle entry in `year`: scheduledDate(2020, June entry) = 2020-06-25. */
export function scheduledDate(year: number, entry: CycleEntry): IsoDate {
  if (isFixedDay(entry)) return makeIsoDate(year, entry.month, Math.min(entry.day, daysInMonth(year, entry.month)));
  return nthWeekdayOfMonth(year, entry.month, weekdayNumber(entry.weekday), entry.week);
}

/** The entry for a month; a cycle lists each month at most once (the first entry wins if not). */
export function cycleEntryForMonth(cycle: CycleOption, month: number): CycleEntry | undefined {
  return toReleaseCycle(cycle).entries.find((entry) => entry.month === month);
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

/** How a code names its releases: the preset's or the config's templates (see presets.ts). */
export interface ReleaseNameTemplates {
  name: string;
  versioned: string;
}

const SEC_NAMES: ReleaseNameTemplates = { name: '{month} {year} SEC Release', versioned: '{month} {year} SEC Release' };

export const SEC_CYCLE: ReleaseCycle = Object.freeze({ entries: DEFAULT_CYCLE, kinds: SEC_RELEASE_KINDS, names: SEC_NAMES });

/**
 * "June 2020 SEC Release": named from the go-live date (CAL-4), whatever the file's ID says; with another
 * code's templates "June 2020 BSC Release" or, for a release file recording `version: "12.1"`,
 * "DCUSA v12.1 (1 April 2020)".
 */
export function releaseName(goLive: IsoDate, names: ReleaseNameTemplates = SEC_NAMES, fields: { id?: string; version?: string } = {}): string {
  const { year, month, day } = parseIsoDate(goLive);
  const values: Record<string, string> = {
    day: String(day),
    month: monthName(month),
    year: String(year),
    weekday: weekdayName(goLive),
    id: fields.id ?? '',
    version: fields.version ?? '',
  };
  const template = fields.version !== undefined ? names.versioned : names.name;
  return template.replace(/\{(day|month|year|weekday|id|version)\}/g, (_, key: string) => values[key]!);
}

/** Every scheduled release of the cycle in `year`, in date order. */
export function scheduledReleases(year: number, cycle: CycleOption = DEFAULT_CYCLE): { id: string; date: IsoDate; entry: CycleEntry }[] {
  const seen = new Set<number>();
  const result: { id: string; date: IsoDate; entry: CycleEntry }[] = [];
  for (const entry of toReleaseCycle(cycle).entries) {
    if (seen.has(entry.month)) continue;
    seen.add(entry.month);
    result.push({ id: formatReleaseId(year, entry.month), date: scheduledDate(year, entry), entry });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
