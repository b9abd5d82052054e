// Calendar dates as `YYYY-MM-DD` strings; date-fns does the arithmetic and wording on UTC dates, so no answer depends on TZ.
//
// Every `Date` here is a `UTCDateMini` (@date-fns/utc): a `Date` whose getters and setters are the UTC ones, so
// date-fns, which works in "local" time, works in UTC whatever `TZ` says, and a day a zone skipped (Kiritimati's
// 31 December 1994) still exists. Strings are parsed and written at the edges of each function.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays as addDaysTo } from 'date-fns/addDays';
import { addMonths as addMonthsTo } from 'date-fns/addMonths';
import { addWeeks as addWeeksTo } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { nextDay } from 'date-fns/nextDay';
import { previousDay } from 'date-fns/previousDay';
import { setDay } from 'date-fns/setDay';
import type { Day } from 'date-fns';

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday (date-fns's `Day`, the numbering of `Date#getUTCDay`). The model's `Weekday` is the name. */
export type DayOfWeek = Day;

/** Which occurrence of a weekday in a month. */
export type WeekOrdinal = 'first' | 'second' | 'third' | 'fourth' | 'last';

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** Midnight UTC on a day; `setFullYear` rather than `Date.UTC`, which reads years 0–99 as 1900–1999. */
function utcDate(year: number, month: number, day: number): Date {
  if (year >= 100) return new UTCDateMini(Date.UTC(year, month - 1, day));
  const date = new UTCDateMini(0);
  date.setFullYear(year, month - 1, day);
  return date;
}

const EPOCH = utcDate(1970, 1, 1);

/** The days of `month` (1..12) in `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_DAYS[month - 1]!;
}

function parseParts(value: string): CivilDate | undefined {
  // By character codes, not a pattern and a Date round trip: every rule parses dates, a large
  // repository's scope by the million.
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const DASH = 0x2d;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written in value[from, to) in ASCII digits, or -1 when any is not one. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The proleptic Gregorian rule, as Date and date-fns count. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a real calendar date written exactly as `YYYY-MM-DD` (so not 2021-02-29, 2020-13-01, 2020-6-1). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseParts(value) !== undefined;
}

/** Splits a date into year, month and day; throws RangeError on anything that is not a valid date. */
export function parseIsoDate(date: IsoDate): CivilDate {
  const parts = parseParts(date);
  if (!parts) throw new RangeError(`Not a valid calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Builds a date from its parts; throws RangeError when they do not name a real day in years 0000..9999. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Month out of range: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Day out of range: ${year}-${pad(month, 2)}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The string edge: a valid `YYYY-MM-DD` in, a UTC date out. */
function toDate(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  return utcDate(year, month, day);
}

/** The other edge: a UTC date back to `YYYY-MM-DD` (RangeError outside years 0000..9999). */
function fromDate(date: Date): IsoDate {
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`Year out of range: ${year}`);
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function wholeNumber(what: string, value: number): number {
  if (!Number.isInteger(value)) throw new RangeError(`${what} must be an integer: ${value}`);
  return value;
}

/** Days since 1970-01-01 (which is day 0). */
export function toDayNumber(date: IsoDate): number {
  return differenceInCalendarDays(toDate(date), EPOCH);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return fromDate(addDaysTo(EPOCH, wholeNumber('Day number', dayNumber)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  // A day either way within the month, by its digits: Working Days are counted a day at a time (a release's
  // timetable alone takes thousands of steps), and a Date round trip for each was most of validate's timetable check.
  if (days === 1 || days === -1) {
    const { year, month, day } = parseIsoDate(date);
    const next = day + days;
    if (next >= 1 && next <= daysInMonth(year, month)) return date.slice(0, 8) + (next < 10 ? `0${next}` : String(next));
  }
  return fromDate(addDaysTo(toDate(date), wholeNumber('Days', days)));
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return fromDate(addWeeksTo(toDate(date), wholeNumber('Weeks', weeks)));
}

/** Calendar days from `a` to `b` (positive when `b` is later): diffDays('2020-06-24', '2020-06-25') = 1. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/**
 * Adds calendar months, clamping to the end of a shorter month, as the Policy's "12 months before go-live"
 * needs: addMonths('2024-02-29', -12) = '2023-02-28', addMonths('2020-01-31', 1) = '2020-02-29'.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDate(addMonthsTo(toDate(date), wholeNumber('Months', months)));
}

export function weekday(date: IsoDate): DayOfWeek {
  return getDay(toDate(date)) as DayOfWeek;
}

/** 'Thursday' for 2020-06-25; also accepts a DayOfWeek number. */
export function weekdayName(dateOrWeekday: IsoDate | DayOfWeek): string {
  if (typeof dateOrWeekday === 'string') return format(toDate(dateOrWeekday), 'EEEE');
  if (!Number.isInteger(dateOrWeekday) || dateOrWeekday < 0 || dateOrWeekday > 6) throw new RangeError(`Not a weekday: ${dateOrWeekday}`);
  return format(setDay(EPOCH, dateOrWeekday), 'EEEE');
}

/** 'June' for 6. */
export function monthName(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Month out of range: ${month}`);
  return format(utcDate(2000, month, 1), 'MMMM');
}

/** The date of, say, the last Thursday in June 2020 (2020-06-25). */
export function nthWeekdayOfMonth(year: number, month: number, day: DayOfWeek, which: WeekOrdinal): IsoDate {
  const first = toDate(makeIsoDate(year, month, 1));
  if (which === 'last') {
    const last = lastDayOfMonth(first);
    return fromDate(getDay(last) === day ? last : previousDay(last, day));
  }
  const firstMatch = getDay(first) === day ? first : nextDay(first, day);
  return fromDate(addWeeksTo(firstMatch, { first: 0, second: 1, third: 2, fourth: 3 }[which]));
}

/** -1, 0 or 1, for sorting; throws RangeError on anything that is not a valid date. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Checked as a date (a RangeError otherwise), then compared as text: `YYYY-MM-DD` sorts as the days do,
  // without building two Date objects (the scope of a large release compares dates by the million).
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function min(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, date) => (compare(date, acc) < 0 ? date : acc), first);
}

export function max(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, date) => (compare(date, acc) > 0 ? date : acc), first);
}

/** Whether `date` lies in [from, to], either bound optional. */
export function isWithin(date: IsoDate, from?: IsoDate, to?: IsoDate): boolean {
  return (from === undefined || compare(date, from) >= 0) && (to === undefined || compare(date, to) <= 0);
}

/** '25 June 2020' — the Policy's "DD Month YYYY" (no leading zero, as in its own example '5 November 2020'). */
export function formatLong(date: IsoDate): string {
  return format(toDate(date), 'd MMMM y');
}

/** '11 Oct 19' — the short form the RID's tables use. */
export function formatShort(date: IsoDate): string {
  return format(toDate(date), 'dd MMM yy');
}

/** 'Thursday 25 June 2020'. */
export function formatWithWeekday(date: IsoDate): string {
  return format(toDate(date), 'EEEE d MMMM y');
}

/** '20200625', the iCalendar DATE form. */
export function formatCompact(date: IsoDate): string {
  return format(toDate(date), 'yyyyMMdd');
}
