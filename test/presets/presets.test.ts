// Each energy code's preset: its dates, names and ids, as secrel computes them from the data in presets.ts.
import { describe, expect, it } from 'vitest';
import { listReleases } from '../../src/domain/calendar.js';
import { resolveConfig } from '../../src/domain/config.js';
import { releaseName, scheduledDate } from '../../src/domain/cycle.js';
import { PRESETS, CODE_IDS, type CodeId } from '../../src/domain/presets.js';

const releasesIn = (code: CodeId, year: number) => listReleases({ cycle: resolveConfig({ code }).cycle, from: `${year}-01-01`, to: `${year}-12-31` }).releases;

describe('release dates of each preset', () => {
  it.each([
    ['sec', 2020, ['2020-02-27', '2020-06-25', '2020-11-05']],
    ['bsc', 2020, ['2020-02-27', '2020-06-25', '2020-11-05']],
    ['bsc', 2026, ['2026-02-26', '2026-06-25', '2026-11-05']],
    ['dcusa', 2020, ['2020-02-27', '2020-04-01', '2020-06-25', '2020-11-05']],
    ['dcusa', 2027, ['2027-02-25', '2027-04-01', '2027-06-24', '2027-11-04']],
    ['unc', 2027, []],
    ['rec', 2027, []],
  ] as const)('%s %i', (code, year, dates) => {
    expect(releasesIn(code, year).map((r) => r.date)).toEqual(dates);
  });

  it('the BSC cycle is the SEC cycle, year after year', () => {
    for (let year = 2019; year <= 2035; year += 1) {
      expect(releasesIn('bsc', year).map((r) => r.date)).toEqual(releasesIn('sec', year).map((r) => r.date));
    }
  });

  it('a fixed-day entry falls on that day whatever the weekday, and clamps to the end of a short month', () => {
    expect(scheduledDate(2020, { month: 4, day: 1, type: 'scheduled' })).toBe('2020-04-01'); // a Wednesday
    expect(scheduledDate(2021, { month: 4, day: 1, type: 'scheduled' })).toBe('2021-04-01'); // a Thursday
    expect(scheduledDate(2021, { month: 2, day: 29, type: 'x' })).toBe('2021-02-28');
    expect(scheduledDate(2024, { month: 2, day: 29, type: 'x' })).toBe('2024-02-29');
  });
});

describe('release names and kinds', () => {
  it.each([
    ['sec', '2020-06', 'June 2020 SEC Release', 'system', 'system'],
    ['sec', '2020-02', 'February 2020 SEC Release', 'documentation', 'documentation'],
    ['bsc', '2020-06', 'June 2020 BSC Release', 'standard', 'system'],
    ['dcusa', '2020-04', 'DCUSA Release (1 April 2020)', 'scheduled', 'system'],
  ] as const)('%s %s is the %s', (code, id, name, kind, rules) => {
    const r = releasesIn(code, 2020).find((x) => x.id === id)!;
    expect(r).toMatchObject({ name, kind, type: rules });
  });

  it('a release file that records a version is named with it', () => {
    const { cycle } = resolveConfig({ code: 'dcusa' });
    const r = listReleases({ cycle, files: [{ id: '2020-04', version: '12.1' }], from: '2020-01-01', to: '2020-12-31' }).releases.find(
      (x) => x.id === '2020-04',
    );
    expect(r!.name).toBe('DCUSA v12.1 (1 April 2020)');
    expect(releaseName('2024-06-27', resolveConfig({ code: 'rec' }).cycle.names, { version: '4.1.0' })).toBe('REC v4.1.0 (27 June 2024)');
  });

  it('config overrides the preset: names, kinds, cycle', () => {
    const config = resolveConfig({
      code: 'bsc',
      releaseNames: { name: '{year}-{month} release' },
      releaseKinds: [{ id: 'big', name: 'Big Release', rules: 'system' }],
      cycle: [{ month: 9, day: 15, type: 'big' }],
    });
    const [r] = listReleases({ cycle: config.cycle, from: '2027-01-01', to: '2027-12-31' }).releases;
    expect(r).toMatchObject({ id: '2027-09', date: '2027-09-15', name: '2027-September release', kind: 'big', kindName: 'Big Release', type: 'system' });
  });
});

describe('modification ids of each preset', () => {
  const ok = (code: CodeId, id: string) => new RegExp(PRESETS[code].modificationIds.pattern, 'u').test(id);
  it.each([
    ['sec', ['SECMP0062', 'MP079', 'MP104'], ['0886V', 'DCP 417']],
    ['bsc', ['P395', 'P415', 'CP1562'], ['MP079', '0886']],
    ['dcusa', ['DCP 417', 'DCP417', 'DCP 400A'], ['P395', 'DCP  417']],
    ['unc', ['0886', '0886V', '0886AV'], ['886', 'MP079']],
    ['rec', ['R0165'], ['MP079']],
  ] as const)('%s', (code, good, bad) => {
    for (const id of good) expect(ok(code, id), id).toBe(true);
    for (const id of bad) expect(ok(code, id), id).toBe(false);
  });

  it('every preset has an example id of its own form, and a kind for every cycle entry', () => {
    for (const code of CODE_IDS) {
      const p = PRESETS[code];
      expect(ok(code, p.exampleModification), code).toBe(true);
      for (const e of p.cycle)
        expect(
          p.releaseKinds.map((k) => k.id),
          code,
        ).toContain(e.type);
      expect(p.governanceRoutes.length, code).toBeGreaterThan(0);
    }
  });
});
