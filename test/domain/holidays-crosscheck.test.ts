// Cross-checks the computed bank holidays for 1990..2100 against the date-holidays package (GB, England).
import { describe, it, expect } from 'vitest';
import Holidays from 'date-holidays';
import { weekday } from '../../src/domain/dates.js';
import { bankHolidays } from '../../src/domain/holidays.js';

// Where date-holidays (3.x) misses a proclamation that gov.uk and the London Gazette record; each is
// asserted exactly, so any other disagreement still fails.
const KNOWN_GAPS: Record<number, { ours: string[]; theirs: string[] }> = {
  1995: { ours: ['1995-05-08'], theirs: ['1995-05-01'] }, // Early May moved for the 50th anniversary of VE Day
  1999: { ours: ['1999-12-31'], theirs: [] }, // Millennium
  2002: { ours: ['2002-06-03', '2002-06-04'], theirs: ['2002-05-27'] }, // Golden Jubilee; Spring moved to 4 June
  2011: { ours: ['2011-04-29'], theirs: [] }, // Royal wedding
  2012: { ours: ['2012-06-04'], theirs: ['2012-05-28'] }, // Diamond Jubilee: Spring moved to 4 June
};

describe('bank holidays agree with date-holidays (GB-ENG)', () => {
  const reference = new Holidays('GB', 'ENG');

  it('every year 1990..2100', () => {
    const mismatches: string[] = [];
    for (let year = 1990; year <= 2100; year += 1) {
      // date-holidays also lists the weekend day a substituted holiday fell on; only weekdays are days off.
      const theirs = (reference.getHolidays(year) || [])
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10))
        .filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
      const gap = KNOWN_GAPS[year] ?? { ours: [], theirs: [] };
      const expected = [...new Set(theirs)]
        .filter((d) => !gap.theirs.includes(d))
        .concat(gap.ours)
        .sort();
      const ours = bankHolidays(year).map((h) => h.date);
      for (const d of gap.theirs) if (!theirs.includes(d)) mismatches.push(`${year}: date-holidays now has no ${d}; update KNOWN_GAPS`);
      if (JSON.stringify(ours) !== JSON.stringify(expected)) {
        mismatches.push(`${year}: ours ${ours.join(' ')} | theirs ${expected.join(' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
