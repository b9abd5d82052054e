// Working Day arithmetic (CAL-7): not a Saturday or Sunday and not a bank holiday in England and Wales.
import { addDays, compare, weekday } from './dates.js';
import type { IsoDate } from './dates.js';
import type { HolidayLookup } from './holidays.js';

export function isWorkingDay(date: IsoDate, holidays: HolidayLookup): boolean {
  const dow = weekday(date);
  return dow !== 0 && dow !== 6 && !holidays.isHoliday(date);
}

// Any 7 consecutive days hold 5 weekdays; a run of holidays longer than this means a broken calendar.
const MAX_SEARCH_DAYS = 366;

/**
 * The `count`th Working Day after `date` (before it when `direction` is -1), `count` ≥ 1. The day of the week
 * moves with the day: worked out once, not parsed again at every step (a release's timetable takes thousands).
 */
function step(date: IsoDate, direction: 1 | -1, holidays: HolidayLookup, count = 1): IsoDate {
  let current = date;
  let dow = weekday(date);
  for (let left = count, searched = 0; left > 0;) {
    current = addDays(current, direction);
    dow = (dow + direction + 7) % 7;
    if (dow !== 0 && dow !== 6 && !holidays.isHoliday(current)) {
      left -= 1;
      searched = 0;
    } else if (++searched >= MAX_SEARCH_DAYS) {
      throw new RangeError(`No Working Day within ${MAX_SEARCH_DAYS} days of ${addDays(current, -direction * searched)}: check the holiday calendar`);
    }
  }
  return current;
}

/** The first Working Day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, holidays: HolidayLookup): IsoDate {
  return step(date, 1, holidays);
}

/** The last Working Day strictly before `date`. */
export function previousWorkingDay(date: IsoDate, holidays: HolidayLookup): IsoDate {
  return step(date, -1, holidays);
}

/** `date` itself when it is a Working Day, else the next one. */
export function workingDayOnOrAfter(date: IsoDate, holidays: HolidayLookup): IsoDate {
  return isWorkingDay(date, holidays) ? date : nextWorkingDay(date, holidays);
}

/**
 * The date `n` Working Days after `date` (before it when `n` is negative), counting only the days
 * strictly after (before) `date`: "20 Working Days following decision" = addWorkingDays(decision, 20),
 * whatever day of the week the decision fell on.
 *
 * `n = 0` returns `date` when it is a Working Day and otherwise rolls forward to the next Working Day:
 * a zero lead time still has to land on a day things can happen.
 *
 * From a Working Day `d`, addWorkingDays(addWorkingDays(d, n), -n) = d for every `n`.
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: HolidayLookup): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working Days must be a whole number: ${n}`);
  if (n === 0) return workingDayOnOrAfter(date, holidays);
  const direction = n > 0 ? 1 : -1;
  return step(date, direction, holidays, Math.abs(n));
}

/**
 * Working Days in the interval (from, to]: exclusive of `from`, inclusive of `to`, so
 * countWorkingDays(d, addWorkingDays(d, n)) = n for n > 0. Negative when `to` is before `from`.
 */
export function countWorkingDays(from: IsoDate, to: IsoDate, holidays: HolidayLookup): number {
  const order = compare(from, to);
  if (order === 0) return 0;
  if (order > 0) return -countWorkingDays(to, from, holidays);
  let count = 0;
  for (let current = addDays(from, 1); compare(current, to) <= 0; current = addDays(current, 1)) {
    if (isWorkingDay(current, holidays)) count += 1;
  }
  return count;
}
