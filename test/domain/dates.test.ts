// Calendar date arithmetic: validity, day numbers, month clamping, weekdays and the Policy's date formats.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addWeeks,
  compare,
  daysInMonth,
  diffDays,
  formatCompact,
  formatLong,
  formatShort,
  formatWithWeekday,
  fromDayNumber,
  isValidIsoDate,
  max,
  min,
  monthName,
  nthWeekdayOfMonth,
  parseIsoDate,
  toDayNumber,
  weekday,
  weekdayName,
} from '../../src/domain/dates.js';
import { isoDateArb } from './arbitraries.js';

const anyDate = isoDateArb();

describe('isValidIsoDate', () => {
  it.each(['2020-02-29', '2021-02-28', '2000-02-29', '1990-01-01', '2100-12-31', '2020-06-25'])('accepts %s', (d) => {
    expect(isValidIsoDate(d)).toBe(true);
  });
  it.each([
    '2021-02-29',
    '1900-02-29',
    '2100-02-29',
    '2020-13-01',
    '2020-00-10',
    '2020-04-31',
    '2020-01-00',
    '2020-6-25',
    '20-06-25',
    '2020/06/25',
    '2020-06-25T00:00:00Z',
    ' 2020-06-25',
    '',
    'June 2020',
  ])('rejects %j', (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });
  it('agrees with a calendar on every day-of-month number of every month, in years of every leap rule', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const year of [0, 1, 4, 99, 100, 400, 1600, 1900, 2000, 2024, 2027, 2100, 9996, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const real = new Date(0);
          real.setUTCFullYear(year, month - 1, day);
          const exists = month >= 1 && month <= 12 && day >= 1 && real.getUTCDate() === day;
          expect(isValidIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`), `${year}-${month}-${day}`).toBe(exists);
        }
      }
    }
  });
  it.each(['２０２０-06-25', '2020-0a-25', '2020-06-2 ', '2020-06-+5', '2020_06_25'])('rejects %j (not ASCII digits and dashes)', (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });
  it('rejects non-strings', () => {
    expect(isValidIsoDate(20200625)).toBe(false);
    expect(isValidIsoDate(undefined)).toBe(false);
  });
  it('parseIsoDate throws a RangeError on an invalid date', () => {
    expect(() => parseIsoDate('2021-02-29')).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(18438)).toBe('2020-06-25');
  });
  it('round-trips', () => {
    fc.assert(fc.property(anyDate, (d) => fromDayNumber(toDayNumber(d)) === d));
  });
  it('agrees with Date.UTC for every date', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const { year, month, day } = parseIsoDate(d);
        return toDayNumber(d) === Date.UTC(year, month - 1, day) / 86_400_000;
      }),
    );
  });
});

describe('addDays, addWeeks, diffDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-06-25', -42)).toBe('2020-05-14');
    expect(addWeeks('2020-06-25', -6)).toBe('2020-05-14');
  });
  it('a day either way agrees with the day numbers, on every day of years of each leap rule', () => {
    for (const year of [0, 1, 4, 100, 400, 1900, 2000, 2024, 2027, 2028, 2100, 9998]) {
      const first = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
      for (let n = first; n < first + 366; n++) {
        expect(addDays(fromDayNumber(n), 1)).toBe(fromDayNumber(n + 1));
        expect(addDays(fromDayNumber(n + 1), -1)).toBe(fromDayNumber(n));
      }
    }
    expect(() => addDays('2027-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2027-6-01', -1)).toThrow(RangeError);
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });
  it('diffDays(a, b) is the days from a to b', () => {
    expect(diffDays('2020-06-24', '2020-06-25')).toBe(1);
    expect(diffDays('2020-06-25', '2019-06-25')).toBe(-366);
    fc.assert(fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => diffDays(d, addDays(d, n)) === n));
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-02-29', -12, '2023-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2021-01-31', 1, '2021-02-28'],
    ['2020-06-25', -12, '2019-06-25'],
    ['2020-06-25', -9, '2019-09-25'],
    ['2020-06-25', -6, '2019-12-25'],
    ['2020-08-31', -6, '2020-02-29'],
    ['2020-03-31', -1, '2020-02-29'],
    ['2020-11-05', 3, '2021-02-05'],
    ['2020-12-15', 1, '2021-01-15'],
    ['2020-01-15', -1, '2019-12-15'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
  it('keeps the day of month, or clamps it to the last day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const before = parseIsoDate(d);
        const after = parseIsoDate(addMonths(d, n));
        const monthIndex = (p: { year: number; month: number }) => p.year * 12 + p.month - 1;
        return monthIndex(after) - monthIndex(before) === n && after.day === Math.min(before.day, daysInMonth(after.year, after.month));
      }),
    );
  });
  it('never overshoots: going back n months from a date is never after it', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 0, max: 240 }), (d, n) => compare(addMonths(d, -n), d) <= 0));
  });
});

describe('weekdays', () => {
  it('numbers Sunday 0 .. Saturday 6', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2020-06-25')).toBe(4);
    expect(weekday('2020-11-29')).toBe(0);
    expect(weekday('2022-07-18')).toBe(1);
    expect(weekday('2022-06-04')).toBe(6);
    expect(weekday('1969-12-28')).toBe(0);
  });
  it('names days and months', () => {
    expect(weekdayName('2020-06-25')).toBe('Thursday');
    expect(weekdayName(0)).toBe('Sunday');
    expect(monthName(11)).toBe('November');
    expect(() => monthName(13)).toThrow(RangeError);
  });
  it.each([
    [2020, 6, 4, 'last', '2020-06-25'],
    [2020, 11, 4, 'first', '2020-11-05'],
    [2020, 2, 4, 'last', '2020-02-27'],
    [2024, 2, 4, 'last', '2024-02-29'],
    [2020, 5, 1, 'first', '2020-05-04'],
    [2020, 5, 1, 'last', '2020-05-25'],
    [2020, 5, 1, 'second', '2020-05-11'],
    [2020, 5, 1, 'third', '2020-05-18'],
    [2020, 5, 1, 'fourth', '2020-05-25'],
    [2021, 8, 1, 'last', '2021-08-30'],
  ] as const)('nthWeekdayOfMonth(%i, %i, %i, %s) = %s', (y, m, wd, which, expected) => {
    expect(nthWeekdayOfMonth(y, m, wd, which)).toBe(expected);
  });
});

describe('compare, min, max', () => {
  it('orders dates', () => {
    expect(compare('2019-06-25', '2020-06-25')).toBe(-1);
    expect(compare('2020-06-25', '2020-06-25')).toBe(0);
    expect(compare('2020-11-05', '2020-06-25')).toBe(1);
    expect(min('2020-11-05', '2020-02-27', '2020-06-25')).toBe('2020-02-27');
    expect(max('2020-11-05', '2020-02-27', '2020-06-25')).toBe('2020-11-05');
  });
});

describe('formats', () => {
  it('writes the Policy forms', () => {
    expect(formatLong('2020-06-25')).toBe('25 June 2020');
    expect(formatLong('2020-11-05')).toBe('5 November 2020');
    expect(formatShort('2019-10-11')).toBe('11 Oct 19');
    expect(formatShort('2018-02-09')).toBe('09 Feb 18');
    expect(formatShort('2000-05-27')).toBe('27 May 00');
    expect(formatWithWeekday('2020-06-25')).toBe('Thursday 25 June 2020');
    expect(formatCompact('2020-06-25')).toBe('20200625');
  });
});
