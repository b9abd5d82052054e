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
