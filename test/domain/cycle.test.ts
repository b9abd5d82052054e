// The release cycle's rule dates 2019..2030, release IDs and release names.
import { describe, it, expect } from 'vitest';
import { DEFAULT_CYCLE, cycleEntryForMonth, formatReleaseId, parseReleaseId, releaseName, scheduledDate, scheduledReleases } from '../../src/domain/cycle.js';
import type { CycleEntry } from '../../src/domain/cycle.js';

const entry = (month: number): CycleEntry => {
  const found = cycleEntryForMonth(DEFAULT_CYCLE, month);
  if (!found) throw new Error(`no entry for ${month}`);
  return found;
};

describe('scheduledDate (CAL-1)', () => {
  // [year, February (last Thursday), June (last Thursday), November (first Thursday)]
  it.each([
    [2019, '2019-02-28', '2019-06-27', '2019-11-07'],
    [2020, '2020-02-27', '2020-06-25', '2020-11-05'],
    [2021, '2021-02-25', '2021-06-24', '2021-11-04'],
    [2022, '2022-02-24', '2022-06-30', '2022-11-03'],
    [2023, '2023-02-23', '2023-06-29', '2023-11-02'],
    [2024, '2024-02-29', '2024-06-27', '2024-11-07'],
    [2025, '2025-02-27', '2025-06-26', '2025-11-06'],
    [2026, '2026-02-26', '2026-06-25', '2026-11-05'],
    [2027, '2027-02-25', '2027-06-24', '2027-11-04'],
    [2028, '2028-02-24', '2028-06-29', '2028-11-02'],
    [2029, '2029-02-22', '2029-06-28', '2029-11-01'],
    [2030, '2030-02-28', '2030-06-27', '2030-11-07'],
  ])('%i', (year, feb, jun, nov) => {
    expect(scheduledDate(year, entry(2))).toBe(feb);
    expect(scheduledDate(year, entry(6))).toBe(jun);
    expect(scheduledDate(year, entry(11))).toBe(nov);
  });

  it('types the releases', () => {
    expect(DEFAULT_CYCLE.map((e) => [e.month, e.type])).toEqual([
      [2, 'documentation'],
      [6, 'system'],
      [11, 'system'],
    ]);
  });

  it('handles a config cycle (DCUSA-style 1 April is not expressible; first Monday of April is)', () => {
    expect(scheduledDate(2021, { month: 4, week: 'first', weekday: 'monday', type: 'documentation' })).toBe('2021-04-05');
  });

  it('lists a year in date order', () => {
    expect(scheduledReleases(2020).map((r) => `${r.id}@${r.date}`)).toEqual(['2020-02@2020-02-27', '2020-06@2020-06-25', '2020-11@2020-11-05']);
  });
});

describe('release IDs', () => {
  it('parses YYYY-MM and YYYY-MM-suffix', () => {
    expect(parseReleaseId('2020-06')).toEqual({ id: '2020-06', year: 2020, month: 6 });
    expect(parseReleaseId('2022-07-mp200')).toEqual({ id: '2022-07-mp200', year: 2022, month: 7, suffix: 'mp200' });
    expect(parseReleaseId('2022-07-mp-200')?.suffix).toBe('mp-200');
  });
  it.each(['2020-13', '2020-00', '2020-6', '2020-06-', '2020-06-MP200', '2020-06-mp_200', '2020-06--x', 'June-2020'])('rejects %j', (id) => {
    expect(parseReleaseId(id)).toBeUndefined();
  });
  it('formats', () => {
    expect(formatReleaseId(2020, 6)).toBe('2020-06');
    expect(formatReleaseId(2022, 7, 'mp200')).toBe('2022-07-mp200');
  });
});

describe('releaseName (CAL-4)', () => {
  it('names from the go-live month and year', () => {
    expect(releaseName('2020-06-25')).toBe('June 2020 SEC Release');
    expect(releaseName('2020-11-29')).toBe('November 2020 SEC Release');
    expect(releaseName('2022-07-18')).toBe('July 2022 SEC Release');
  });
});
