// England and Wales bank holidays, computed from the statutory rules plus the known one-off changes (CAL-7).
import { addDays, isValidIsoDate, makeIsoDate, nthWeekdayOfMonth, parseIsoDate, weekday } from './dates.js';
import type { IsoDate } from './dates.js';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/** The one question Working Day arithmetic asks; a plain object satisfies it in tests. */
export interface HolidayLookup {
  isHoliday(date: IsoDate): boolean;
}

export interface HolidayCalendar extends HolidayLookup {
  readonly fromYear: number;
  readonly toYear: number;
  /** The holiday's name, or undefined on an ordinary day. */
  holidayName(date: IsoDate): string | undefined;
  /** Every holiday (computed and extra) in [from, to], sorted by date. */
  holidaysBetween(from: IsoDate, to: IsoDate): BankHoliday[];
}

export interface HolidayCalendarOptions {
  /** First year precomputed; other years are computed the first time they are asked about. Default 1990. */
  fromYear?: number;
  /** Last year precomputed. Default 2100. */
  toYear?: number;
  /** Holidays the rules do not know (config `holidays:`): a date, or a date and a name. */
  extra?: ReadonlyArray<IsoDate | { date: IsoDate; name?: string }>;
}

/** The years these rules have been checked against an independent source (test/domain). */
export const SUPPORTED_YEARS = { from: 1990, to: 2100 } as const;

const SUBSTITUTE = ' (substitute day)';

// Proclamations that moved a regular holiday in a given year: the computed date is replaced.
const MOVED: Record<string, IsoDate> = {
  'early-may:1995': '1995-05-08', // 50th anniversary of VE Day
  'early-may:2020': '2020-05-08', // 75th anniversary of VE Day (a Friday)
  'spring:2002': '2002-06-04', // Golden Jubilee
  'spring:2012': '2012-06-04', // Diamond Jubilee
  'spring:2022': '2022-06-02', // Platinum Jubilee
};

// Proclamations of an extra day off.
const ONE_OFF: readonly BankHoliday[] = [
  { date: '1999-12-31', name: 'Millennium Celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { date: '2011-04-29', name: 'Royal wedding' },
  { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Coronation of King Charles III' },
];

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return makeIsoDate(year, Math.floor(n / 31), (n % 31) + 1);
}

function newYear(year: number): BankHoliday {
  const day = makeIsoDate(year, 1, 1);
  const dow = weekday(day);
  if (dow === 6) return { date: addDays(day, 2), name: `New Year's Day${SUBSTITUTE}` };
  if (dow === 0) return { date: addDays(day, 1), name: `New Year's Day${SUBSTITUTE}` };
  return { date: day, name: "New Year's Day" };
}

// Christmas and Boxing Day each take the first free weekday when they fall on a weekend.
function christmas(year: number): BankHoliday[] {
  const christmasDay = makeIsoDate(year, 12, 25);
  switch (weekday(christmasDay)) {
    case 5: // Friday: Boxing Day (Saturday) moves to Monday
      return [
        { date: christmasDay, name: 'Christmas Day' },
        { date: makeIsoDate(year, 12, 28), name: `Boxing Day${SUBSTITUTE}` },
      ];
    case 6: // Saturday: both move, to Monday and Tuesday
      return [
        { date: makeIsoDate(year, 12, 27), name: `Christmas Day${SUBSTITUTE}` },
        { date: makeIsoDate(year, 12, 28), name: `Boxing Day${SUBSTITUTE}` },
      ];
    case 0: // Sunday: Boxing Day stays on Monday, Christmas moves to Tuesday
      return [
        { date: makeIsoDate(year, 12, 26), name: 'Boxing Day' },
        { date: makeIsoDate(year, 12, 27), name: `Christmas Day${SUBSTITUTE}` },
      ];
    default:
      return [
        { date: christmasDay, name: 'Christmas Day' },
        { date: makeIsoDate(year, 12, 26), name: 'Boxing Day' },
      ];
  }
}

function byDate(a: BankHoliday, b: BankHoliday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * The bank holidays observed in England and Wales in `year`, sorted by date. Only the observed days are
 * listed: a holiday that falls on a weekend appears on its substitute day (the weekend is not a Working
 * Day anyway).
 */
export function bankHolidays(year: number): BankHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9998) throw new RangeError(`Year out of range: ${year}`);
  const easter = easterSunday(year);
  const moved = (key: string, computed: IsoDate): IsoDate => MOVED[`${key}:${year}`] ?? computed;
  const list: BankHoliday[] = [
    newYear(year),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: moved('early-may', nthWeekdayOfMonth(year, 5, 1, 'first')), name: 'Early May bank holiday' },
    { date: moved('spring', nthWeekdayOfMonth(year, 5, 1, 'last')), name: 'Spring bank holiday' },
    { date: nthWeekdayOfMonth(year, 8, 1, 'last'), name: 'Summer bank holiday' },
    ...christmas(year),
    ...ONE_OFF.filter((h) => h.date.startsWith(`${year}-`)),
  ];
  return list.sort(byDate);
}

/**
 * A calendar built once (the regular holidays of a range of years plus the config's extra dates) so that
 * `isHoliday` is a single map look-up in the hot Working Day loops.
 */
export function createHolidayCalendar(options: HolidayCalendarOptions = {}): HolidayCalendar {
  const fromYear = options.fromYear ?? SUPPORTED_YEARS.from;
  const toYear = options.toYear ?? SUPPORTED_YEARS.to;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Bad holiday year range: ${fromYear}..${toYear}`);
  }
  const names = new Map<IsoDate, string>();
  const loadedYears = new Set<number>();
  const loadYear = (year: number): void => {
    if (loadedYears.has(year)) return;
    loadedYears.add(year);
    for (const h of bankHolidays(year)) if (!names.has(h.date)) names.set(h.date, h.name);
  };
  // Years are computed the first time a date in them is asked about: a command that never counts
  // Working Days (validate, in a pre-commit hook) pays nothing for the 111-year range.

  // Extra dates win over computed names: the config author said what the day is.
  for (const entry of options.extra ?? []) {
    const holiday = typeof entry === 'string' ? { date: entry, name: undefined } : entry;
    if (!isValidIsoDate(holiday.date)) throw new RangeError(`Extra holiday is not a valid date: ${holiday.date}`);
    names.set(holiday.date, holiday.name ?? 'Additional holiday');
  }

  const ensure = (date: IsoDate): void => {
    loadYear(parseIsoDate(date).year);
  };
  const holidayName = (date: IsoDate): string | undefined => {
    ensure(date);
    return names.get(date);
  };
  return {
    fromYear,
    toYear,
    isHoliday: (date) => holidayName(date) !== undefined,
    holidayName,
    holidaysBetween(from, to) {
      const first = parseIsoDate(from).year;
      const last = parseIsoDate(to).year;
      for (let year = first; year <= last; year += 1) loadYear(year);
      const result: BankHoliday[] = [];
      for (const [date, name] of names) if (date >= from && date <= to) result.push({ date, name });
      return result.sort(byDate);
    },
  };
}
