// Working Day arithmetic across weekends, Easter, Christmas, the one-off holidays and leap years.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compare } from '../../src/domain/dates.js';
import { createHolidayCalendar } from '../../src/domain/holidays.js';
import { addWorkingDays, countWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay, workingDayOnOrAfter } from '../../src/domain/working-days.js';
import { isoDateArb } from './arbitraries.js';

const holidays = createHolidayCalendar();

describe('isWorkingDay', () => {
  it.each([
    ['2020-06-25', true],
    ['2020-06-27', false],
    ['2020-06-28', false],
    ['2020-04-10', false],
    ['2020-04-13', false],
    ['2020-05-08', false],
    ['2020-05-04', true],
    ['2020-12-25', false],
    ['2020-12-26', false],
    ['2020-12-28', false],
    ['2021-12-25', false],
    ['2021-12-27', false],
    ['2021-12-28', false],
    ['2021-12-29', true],
    ['2022-06-02', false],
    ['2022-06-03', false],
    ['2022-09-19', false],
    ['2023-05-08', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected);
  });
  it('counts extra holidays from config', () => {
    const withExtra = createHolidayCalendar({ extra: ['2020-06-25'] });
    expect(isWorkingDay('2020-06-25', withExtra)).toBe(false);
  });
});

describe('countWorkingDays (exclusive of from, inclusive of to)', () => {
  it.each([
    ['2020-04-09', '2020-04-14', 1, 'Easter 2020'],
    ['2020-12-24', '2021-01-04', 4, 'Christmas 2020 (Boxing Day substitute 28 Dec)'],
    ['2021-12-24', '2022-01-04', 4, 'Christmas 2021 (both substituted) and New Year 2022'],
    ['2020-05-01', '2020-05-29', 18, 'May 2020 (VE Day on Friday 8 May)'],
    ['2022-05-31', '2022-06-07', 3, 'Platinum Jubilee'],
    ['2022-09-16', '2022-09-20', 1, 'State Funeral'],
    ['2020-02-27', '2020-03-02', 2, 'leap day 2020 is a Saturday'],
    ['2024-02-28', '2024-03-01', 2, 'leap day 2024 is a Thursday'],
    ['2019-12-31', '2020-12-31', 254, 'all of 2020'],
    ['2021-12-31', '2022-12-31', 250, 'all of 2022'],
    ['2020-06-25', '2020-06-25', 0, 'same day'],
    ['2020-06-26', '2020-06-25', -1, 'backwards'],
  ])('%s → %s = %i (%s)', (from, to, expected) => {
    expect(countWorkingDays(from, to, holidays)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2020-04-08', 20, '2020-05-11', 'over Easter and VE Day 2020'],
    ['2020-04-09', 1, '2020-04-14', 'Good Friday and Easter Monday skipped'],
    ['2020-12-24', 1, '2020-12-29', 'Christmas 2020'],
    ['2022-06-01', 1, '2022-06-06', 'Platinum Jubilee'],
    ['2022-09-16', 1, '2022-09-20', 'State Funeral'],
    ['2023-05-05', 1, '2023-05-09', 'Coronation'],
    ['2020-06-27', 1, '2020-06-29', 'from a Saturday'],
    ['2020-12-29', -1, '2020-12-24', 'backwards over Christmas'],
    ['2020-06-25', -10, '2020-06-11', 'ten back'],
    ['2020-06-25', 0, '2020-06-25', 'zero on a Working Day'],
    ['2020-06-27', 0, '2020-06-29', 'zero on a Saturday rolls forward'],
    ['2020-12-25', 0, '2020-12-29', 'zero on Christmas Day rolls forward'],
  ])('%s %+i = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n, holidays)).toBe(expected);
  });

  it('rejects fractions', () => {
    expect(() => addWorkingDays('2020-06-25', 1.5, holidays)).toThrow(RangeError);
  });

  it('finds neighbours', () => {
    expect(nextWorkingDay('2020-12-24', holidays)).toBe('2020-12-29');
    expect(nextWorkingDay('2020-06-24', holidays)).toBe('2020-06-25');
    expect(previousWorkingDay('2020-12-29', holidays)).toBe('2020-12-24');
    expect(workingDayOnOrAfter('2020-06-25', holidays)).toBe('2020-06-25');
    expect(workingDayOnOrAfter('2022-06-02', holidays)).toBe('2022-06-06');
  });
});

describe('properties (1990..2100)', () => {
  const date = isoDateArb(1990, 2099);
  const n = fc.integer({ min: -300, max: 300 });

  it('subtracting N Working Days undoes adding them, from a Working Day', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const start = workingDayOnOrAfter(d, holidays);
        return addWorkingDays(addWorkingDays(start, k, holidays), -k, holidays) === start;
      }),
    );
  });

  it('countWorkingDays measures what addWorkingDays added', () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 300 }), (d, k) => countWorkingDays(d, addWorkingDays(d, k, holidays), holidays) === k));
  });

  it('always lands on a Working Day, on the side asked for', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const result = addWorkingDays(d, k, holidays);
        const side = compare(result, d);
        return isWorkingDay(result, holidays) && (k > 0 ? side > 0 : k < 0 ? side < 0 : side >= 0);
      }),
    );
  });
});
