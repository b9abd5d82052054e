// The release calendar: the cycle merged with files that move, add and cancel releases.
import { describe, it, expect } from 'vitest';
import { findRelease, listReleases } from '../../src/domain/calendar.js';
import type { ReleaseInput } from '../../src/domain/calendar.js';

const files: ReleaseInput[] = [
  { id: '2019-11', date: '2019-11-29', dateReason: 'Moved by the Panel with the Authority’s approval' },
  { id: '2020-11', date: '2020-11-29', dateReason: 'Moved by the Panel with the Authority’s approval' },
  { id: '2022-07-mp200', adhoc: true, date: '2022-07-18', type: 'system' },
  { id: '2020-06', status: 'live' },
];

describe('listReleases', () => {
  it('merges moved, scheduled and ad-hoc releases in date order', () => {
    const { releases, problems } = listReleases({ files, from: '2019-01-01', to: '2022-12-31' });
    expect(problems).toEqual([]);
    expect(releases.map((r) => `${r.id} ${r.date} ${r.weekday}`)).toEqual([
      '2019-02 2019-02-28 Thursday',
      '2019-06 2019-06-27 Thursday',
      '2019-11 2019-11-29 Friday',
      '2020-02 2020-02-27 Thursday',
      '2020-06 2020-06-25 Thursday',
      '2020-11 2020-11-29 Sunday',
      '2021-02 2021-02-25 Thursday',
      '2021-06 2021-06-24 Thursday',
      '2021-11 2021-11-04 Thursday',
      '2022-02 2022-02-24 Thursday',
      '2022-06 2022-06-30 Thursday',
      '2022-07-mp200 2022-07-18 Monday',
      '2022-11 2022-11-03 Thursday',
    ]);
  });

  it('keeps the rule date of a moved release', () => {
    const nov = listReleases({ files, from: '2020-11-01', to: '2020-11-30' }).releases;
    expect(nov).toEqual([
      {
        id: '2020-11',
        kind: 'system',
        kindName: 'System Release',
        name: 'November 2020 SEC Release',
        date: '2020-11-29',
        weekday: 'Sunday',
        type: 'system',
        adhoc: false,
        moved: true,
        moves: 1,
        scheduledDate: '2020-11-05',
        dateReason: 'Moved by the Panel with the Authority’s approval',
        scheduled: true,
        offCycle: false,
        hasFile: true,
      },
    ]);
  });

  it('describes scheduled and ad-hoc releases', () => {
    const { releases } = listReleases({ files, from: '2020-06-01', to: '2022-07-31' });
    const june = releases.find((r) => r.id === '2020-06');
    expect(june).toMatchObject({ name: 'June 2020 SEC Release', moved: false, scheduledDate: '2020-06-25', status: 'live', hasFile: true });
    const feb = releases.find((r) => r.id === '2021-02');
    expect(feb).toMatchObject({ type: 'documentation', scheduled: true, hasFile: false, moved: false });
    const mp200 = releases.find((r) => r.id === '2022-07-mp200');
    expect(mp200).toMatchObject({ name: 'July 2022 SEC Release', adhoc: true, scheduled: false, offCycle: false, moved: false });
    expect(mp200?.scheduledDate).toBeUndefined();
  });

  it('filters on the actual date, so a move in or out of range counts', () => {
    const ids = listReleases({ files, from: '2020-11-10', to: '2020-12-31' }).releases.map((r) => r.id);
    expect(ids).toEqual(['2020-11']);
    const none = listReleases({ files, from: '2020-11-01', to: '2020-11-10' }).releases;
    expect(none).toEqual([]);
  });

  it('flags a file for a month the cycle does not schedule', () => {
    const { releases, problems } = listReleases({ files: [{ id: '2021-09', date: '2021-09-09' }], from: '2021-01-01', to: '2021-12-31' });
    expect(releases.find((r) => r.id === '2021-09')).toMatchObject({ offCycle: true, scheduled: false, adhoc: false, type: 'system' });
    expect(problems).toEqual([expect.objectContaining({ code: 'off-cycle', releaseId: '2021-09', rule: 'CAL-3' })]);
  });

  it('reports files it cannot place', () => {
    const { releases, problems } = listReleases({
      files: [
        { id: '2021-09' },
        { id: '2021-10-x', adhoc: true },
        { id: 'june' },
        { id: '2021-06', date: '2021-02-30' },
        { id: '2021-11', date: '2021-12-02' },
        { id: '2021-11', date: '2021-11-11' },
        { id: '2021-08-y', adhoc: true, date: '2021-08-02' },
        { id: '2021-02', status: 'cancelled' },
      ],
      from: '2021-01-01',
      to: '2021-12-31',
    });
    expect(problems.map((p) => `${p.releaseId} ${p.code} ${p.severity}`)).toEqual([
      '2021-09 missing-date error',
      '2021-10-x missing-date error',
      'june bad-id error',
      '2021-06 bad-date error',
      '2021-11 month-mismatch warning',
      '2021-11 duplicate-id error',
      '2021-08-y missing-type error',
    ]);
    expect(releases.map((r) => r.id)).toEqual(['2021-02', '2021-08-y', '2021-11']);
    expect(releases[0]?.cancelled).toBe(true);
    expect(releases[2]?.name).toBe('December 2021 SEC Release');
  });

  it('uses a cycle from config', () => {
    const { releases } = listReleases({
      cycle: [{ month: 4, week: 'first', weekday: 'monday', type: 'documentation' }],
      from: '2021-01-01',
      to: '2022-12-31',
    });
    expect(releases.map((r) => r.date)).toEqual(['2021-04-05', '2022-04-04']);
  });
});

describe('findRelease', () => {
  it('resolves a scheduled release with no file', () => {
    expect(findRelease('2021-02')).toMatchObject({ id: '2021-02', date: '2021-02-25', type: 'documentation', hasFile: false });
  });
  it('prefers the file', () => {
    expect(findRelease('2020-11', { files })).toMatchObject({ date: '2020-11-29', moved: true });
    expect(findRelease('2022-07-mp200', { files })).toMatchObject({ date: '2022-07-18', adhoc: true });
  });
  it('knows nothing of unscheduled months and unknown suffixes', () => {
    expect(findRelease('2021-09')).toBeUndefined();
    expect(findRelease('2021-06-extra')).toBeUndefined();
    expect(findRelease('nonsense')).toBeUndefined();
  });
});
