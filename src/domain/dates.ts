// Calendar dates as `YYYY-MM-DD` strings, with arithmetic on integer day numbers so no answer ever depends on TZ.

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday (the same numbering as `Date#getUTCDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Which occurrence of a weekday in a month. */
export type WeekOrdinal = 'first' | 'second' | 'third' | 'fourth' | 'last';

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseParts(value: string): CivilDate | undefined {
  const match = ISO_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
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

// Howard Hinnant's days_from_civil: exact integer arithmetic, proleptic Gregorian, no Date object involved.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 so the leap day falls at the end of the year
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (which is day 0). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const { year, month, day } = civilFromDays(dayNumber);
  return makeIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/** Calendar days from `a` to `b` (positive when `b` is later): diffDays('2020-06-24', '2020-06-25') = 1. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Adds calendar months, clamping to the end of a shorter month, as the Policy's "12 months before go-live"
 * needs: addMonths('2024-02-29', -12) = '2023-02-28', addMonths('2020-01-31', 1) = '2020-02-29'.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer: ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return makeIsoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function weekday(date: IsoDate): Weekday {
  // Day 0 (1970-01-01) was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7 as Weekday;
}

/** 'Thursday' for 2020-06-25; also accepts a Weekday number. */
export function weekdayName(dateOrWeekday: IsoDate | Weekday): string {
  const index = typeof dateOrWeekday === 'number' ? dateOrWeekday : weekday(dateOrWeekday);
  const name = WEEKDAY_NAMES[index];
  if (name === undefined) throw new RangeError(`Not a weekday: ${dateOrWeekday}`);
  return name;
}

/** 'June' for 6. */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`Month out of range: ${month}`);
  return name;
}

/** The date of, say, the last Thursday in June 2020 (2020-06-25). */
export function nthWeekdayOfMonth(year: number, month: number, day: Weekday, which: WeekOrdinal): IsoDate {
  if (which === 'last') {
    const last = makeIsoDate(year, month, daysInMonth(year, month));
    return addDays(last, -((weekday(last) - day + 7) % 7));
  }
  const first = makeIsoDate(year, month, 1);
  const offset = (day - weekday(first) + 7) % 7;
  const index = { first: 0, second: 1, third: 2, fourth: 3 }[which];
  return addDays(first, offset + index * 7);
}

/** -1, 0 or 1, for sorting. Valid dates compare correctly as strings; parsing first rejects garbage. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
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
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${monthName(month)} ${year}`;
}

/** '11 Oct 19' — the short form the RID's tables use. */
export function formatShort(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(day, 2)} ${monthName(month).slice(0, 3)} ${pad(year % 100, 2)}`;
}

/** 'Thursday 25 June 2020'. */
export function formatWithWeekday(date: IsoDate): string {
  return `${weekdayName(date)} ${formatLong(date)}`;
}

/** '20200625', the iCalendar DATE form. */
export function formatCompact(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}`;
}
