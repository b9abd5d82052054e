// England and Wales bank holidays against the published lists, and the holiday calendar's look-ups.
import { describe, it, expect } from 'vitest';
import { weekday } from '../../src/domain/dates.js';
import { bankHolidays, createHolidayCalendar, easterSunday } from '../../src/domain/holidays.js';

const dates = (year: number): string[] => bankHolidays(year).map((h) => h.date);

describe('bankHolidays', () => {
  // gov.uk's published lists.
  it.each([
    [1995, ['1995-01-02', '1995-04-14', '1995-04-17', '1995-05-08', '1995-05-29', '1995-08-28', '1995-12-25', '1995-12-26']],
    [1999, ['1999-01-01', '1999-04-02', '1999-04-05', '1999-05-03', '1999-05-31', '1999-08-30', '1999-12-27', '1999-12-28', '1999-12-31']],
    [2002, ['2002-01-01', '2002-03-29', '2002-04-01', '2002-05-06', '2002-06-03', '2002-06-04', '2002-08-26', '2002-12-25', '2002-12-26']],
    [2011, ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27']],
    [2012, ['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26']],
    [2019, ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26']],
    [2020, ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28']],
    [2021, ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28']],
    [2022, ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']],
    [2023, ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']],
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
  ])('%i', (year, expected) => {
    expect(dates(year)).toEqual(expected);
  });

  it('names substitute days', () => {
    expect(bankHolidays(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidays(2022)[0]).toEqual({ date: '2022-01-03', name: "New Year's Day (substitute day)" });
  });

  it('only ever lists weekdays, sorted and unique, 1990..2100', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const list = dates(year);
      expect(list.every((d) => weekday(d) >= 1 && weekday(d) <= 5)).toBe(true);
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
      expect(list.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });
});

describe('easterSunday', () => {
  it.each([
    [1990, '1990-04-15'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('createHolidayCalendar', () => {
  const calendar = createHolidayCalendar({ extra: ['2030-07-01', { date: '2030-07-02', name: 'Company day' }] });

  it('answers isHoliday and holidayName', () => {
    expect(calendar.isHoliday('2020-05-08')).toBe(true);
    expect(calendar.holidayName('2020-05-08')).toBe('Early May bank holiday');
    expect(calendar.isHoliday('2020-05-04')).toBe(false);
    expect(calendar.holidayName('2022-09-19')).toBe('State Funeral of Queen Elizabeth II');
    expect(calendar.isHoliday('2023-05-08')).toBe(true);
  });

  it('adds extra dates from config', () => {
    expect(calendar.holidayName('2030-07-01')).toBe('Additional holiday');
    expect(calendar.holidayName('2030-07-02')).toBe('Company day');
    expect(createHolidayCalendar().isHoliday('2030-07-01')).toBe(false);
  });

  it('computes years outside its precomputed range on demand', () => {
    const small = createHolidayCalendar({ fromYear: 2020, toYear: 2020 });
    expect(small.isHoliday('2022-06-03')).toBe(true);
    expect(small.isHoliday('2150-12-25')).toBe(true);
    expect(small.holidaysBetween('2021-12-01', '2022-01-31').map((h) => h.date)).toEqual(['2021-12-27', '2021-12-28', '2022-01-03']);
  });

  it('rejects a bad extra date and a bad range', () => {
    expect(() => createHolidayCalendar({ extra: ['2021-02-29'] })).toThrow(RangeError);
    expect(() => createHolidayCalendar({ fromYear: 2021, toYear: 2020 })).toThrow(RangeError);
  });
});
