// Which release each finding is about, and the groups in go-live order, on the example repository.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findingsByRelease, releaseGroups } from '../../src/domain/release-groups.js';
import { loadRepository } from '../../src/repo/load.js';
import { workTreeSource } from '../../src/repo/source.js';

const DIR = fileURLToPath(new URL('../../fixtures/sec-2020', import.meta.url));

describe('findingsByRelease', () => {
  it("uses the finding's release, else its modification's, else the release file it is in", async () => {
    const repo = await loadRepository(DIR, workTreeSource(DIR));
    const base = { severity: 'error' as const, message: 'm', path: [] };
    const groups = findingsByRelease(repo, [
      { ...base, rule: 'A', file: 'modifications/MP079.yaml', release: '2020-11' },
      { ...base, rule: 'B', file: 'modifications/MP079.yaml', modification: 'MP079' },
      { ...base, rule: 'C', file: 'releases/2021-06.yaml' },
      { ...base, rule: 'D', file: 'releases/2030-02.yaml' },
      { ...base, rule: 'E', file: 'secrel.config.yaml' },
    ]);
    expect([...groups].map(([id, list]) => [id, list.map((f) => f.rule).join('')])).toEqual([
      ['2020-11', 'A'],
      ['2020-06', 'B'],
      ['2021-06', 'C'],
      ['2030-02', 'D'],
      [undefined, 'E'],
    ]);
  });
});

describe('releaseGroups', () => {
  it('orders the releases by go-live date, then ids the calendar does not know, then findings about no release', async () => {
    const repo = await loadRepository(DIR, workTreeSource(DIR));
    const base = { severity: 'error' as const, message: 'm', path: [] };
    const groups = releaseGroups(repo, [
      { ...base, rule: 'E', file: 'secrel.config.yaml' },
      { ...base, rule: 'Z', file: 'modifications/MP079.yaml', release: '2020-13' },
      { ...base, rule: 'N', file: 'modifications/MP079.yaml', release: '2020-11' },
      { ...base, rule: 'J', file: 'modifications/MP079.yaml', modification: 'MP079' },
      { ...base, rule: 'Y', file: 'modifications/MP079.yaml', release: '2020-00' },
      { ...base, rule: 'F', file: 'releases/2021-02.yaml' },
    ]);
    expect(groups.map((g) => [g.id, g.planned?.date, g.findings.map((f) => f.rule).join('')])).toEqual([
      ['2020-06', '2020-06-25', 'J'],
      ['2020-11', '2020-11-29', 'N'],
      ['2021-02', '2021-02-25', 'F'],
      ['2020-00', undefined, 'Y'],
      ['2020-13', undefined, 'Z'],
      [undefined, undefined, 'E'],
    ]);
  });

  it('leaves out releases with no finding', async () => {
    const repo = await loadRepository(DIR, workTreeSource(DIR));
    expect(releaseGroups(repo, [])).toEqual([]);
  });
});
