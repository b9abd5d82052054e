// Days a time zone skipped still exist for secrel: its dates are UTC dates, whatever TZ says.
// (Pacific/Kiritimati went from UTC-10 to UTC+14 and had no 31 December 1994; Pacific/Apia had no 30 December 2011.)
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, diffDays, formatWithWeekday, weekday } from '../../src/domain/dates.js';

describe('dates a zone skipped', () => {
  it.each([
    ['1994-12-30', '1994-12-31', 'Saturday 31 December 1994'],
    ['2011-12-29', '2011-12-30', 'Friday 30 December 2011'],
  ])('the day after %s is %s', (before, day, words) => {
    expect(addDays(before, 1)).toBe(day);
    expect(diffDays(before, day)).toBe(1);
    expect(formatWithWeekday(day)).toBe(words);
    expect(addMonths(addMonths(day, 1), -1)).toBe(day);
    expect(weekday(day)).toBe(words.startsWith('Saturday') ? 6 : 5);
  });
});
