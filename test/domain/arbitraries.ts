// fast-check generators shared by the date-domain property tests.
import fc from 'fast-check';
import { daysInMonth, makeIsoDate } from '../../src/domain/dates.js';

/** Any valid date in years `min..max`. */
export function isoDateArb(minYear = 1900, maxYear = 2199): fc.Arbitrary<string> {
  return fc
    .record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => makeIsoDate(year, month, Math.min(day, daysInMonth(year, month))));
}
