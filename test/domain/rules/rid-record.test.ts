// RID-1's record: a RID's Document History never runs backwards.
import { describe, expect, it } from 'vitest';
import type { Release } from '../../../src/domain/model.js';
import type { Entity } from '../../../src/domain/repository.js';
import { ridRecordFindings } from '../../../src/domain/rules/rid.js';

const release = (history: { version: string; date: string }[]): Entity<Release> => ({
  id: '2028-06',
  file: 'releases/2028-06.yaml',
  data: { id: '2028-06', rid: { version: history.at(-1)!.version, history: history.map((h) => ({ ...h, changes: 'x' })) } } as Release,
});

describe('ridRecordFindings: the history in date order', () => {
  it('warns at the date of a later version dated before an earlier one', () => {
    const findings = ridRecordFindings([
      release([
        { version: '1.0', date: '2026-11-26' },
        { version: '3.0', date: '2026-12-04' },
        { version: '4.0', date: '2026-12-03' },
      ]),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'RID-1',
        severity: 'warning',
        path: ['rid', 'history', 2, 'date'],
        message:
          "RID 4.0 is dated 3 December 2026, before RID 3.0 (4 December 2026): the RID's Document History would run backwards; correct whichever date is wrong",
      }),
    ]);
  });

  it('says nothing of versions made on the same day or later', () => {
    expect(
      ridRecordFindings([
        release([
          { version: '0.1', date: '2026-11-26' },
          { version: '1.0', date: '2026-11-26' },
          { version: '1.1', date: '2027-01-05' },
        ]),
      ]),
    ).toEqual([]);
  });
});

describe('ridRecordFindings: a baseline is on record, with its scope', () => {
  const baselined = (extra: Partial<Release>): Entity<Release> => ({
    id: '2027-06',
    file: 'releases/2027-06.yaml',
    data: { id: '2027-06', ...extra } as Release,
  });

  it('warns at a baseline typed in without the scope the Panel baselined', () => {
    const findings = ridRecordFindings([
      baselined({
        rid: {
          version: '1.0',
          baselines: [
            { version: '1.0', date: '2026-07-02', covers: 'systems' },
            { version: '2.0', date: '2026-12-10', covers: 'all', scope: ['MP301'] },
          ],
          history: [{ version: '1.0', date: '2026-07-02', changes: 'Baselined.' }],
        },
      } as Partial<Release>),
    ]);
    expect(findings.filter((f) => f.path?.[1] === 'baselines')).toEqual([
      expect.objectContaining({
        rule: 'RID-1',
        severity: 'warning',
        path: ['rid', 'baselines', 0],
        message:
          'the baseline of RID 1.0 on 2 July 2026 does not list the scope the Panel baselined, so no check can tell a later change to that scope (RID-2) ' +
          'and the Panel paper presents the whole scope as joined since: add `scope: [ID, …]` with the modifications it covered (`secrel rid baseline` records it)',
      }),
    ]);
  });

  it('warns at `status: baselined` when no baseline is recorded, and not once one is', () => {
    expect(ridRecordFindings([baselined({ status: 'baselined' })])).toEqual([
      expect.objectContaining({
        rule: 'RID-1',
        severity: 'warning',
        path: ['status'],
        message:
          'the status is `baselined`, but no baseline of the RID is recorded: record the Panel’s baseline (`secrel rid baseline 2027-06 --date YYYY-MM-DD`, which sets the status too), or set the status back to `planned`',
      }),
    ]);
    const withBaseline = baselined({
      status: 'baselined',
      rid: {
        version: '1.0',
        baselines: [{ version: '1.0', date: '2026-07-02', covers: 'systems', scope: [] }],
        history: [{ version: '1.0', date: '2026-07-02', changes: 'x' }],
      },
    } as Partial<Release>);
    expect(ridRecordFindings([withBaseline])).toEqual([]);
  });
});
