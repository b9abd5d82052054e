// CAP-1: a release over the config's capacity (system-impacting modifications, DCC cost) is a warning.
import { describe, expect, it } from 'vitest';
import { releaseCapacity } from '../../../src/domain/rules/capacity.js';
import { mod, positionOf, rel, run } from './repo.js';

const sys = (id: string, release: string, cost = 0) =>
  mod(id, `systemImpact: true\ncosts:\n  dcc: { designBuildPit: ${cost} }\nimplementation:\n  release: ${release}\n`);

describe('CAP-1 release capacity', () => {
  const files = (config: string) => ({
    'secrel.config.yaml': config,
    'releases/2021-06.yaml': rel('2021-06'),
    'modifications/MP1.yaml': sys('MP1', '2021-06', 600000),
    'modifications/MP2.yaml': sys('MP2', '2021-06', 500000),
  });

  it('warns on the release file when it holds more system-impacting modifications than the limit', async () => {
    const [f, ...rest] = await run(releaseCapacity, files('capacity:\n  systemModifications: 1\n'), '2020-01-17');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'CAP-1',
      severity: 'warning',
      release: '2021-06',
      file: 'releases/2021-06.yaml',
      ...positionOf(rel('2021-06'), '2021-06'),
    });
    expect(f!.message).toBe(
      'The June 2021 SEC Release is over capacity: it holds 2 DCC-System-impacting modifications, more than the 1 it can hold (capacity.systemModifications). ' +
        'Move a modification to a later release or raise the limit in secrel.config.yaml',
    );
  });

  it('adds up the DCC costs against capacity.dccCost', async () => {
    const [f] = await run(releaseCapacity, files('capacity:\n  dccCost: 1000000\n'), '2020-01-17');
    expect(f!.message).toContain("its modifications' DCC costs come to £1,100,000, more than the £1,000,000 it can hold (capacity.dccCost)");
  });

  it('is quiet within the limits, without a capacity, and for releases already live', async () => {
    expect(await run(releaseCapacity, files('capacity:\n  systemModifications: 2\n  dccCost: 1100000\n'), '2020-01-17')).toEqual([]);
    expect(await run(releaseCapacity, files('holidays: []\n'), '2020-01-17')).toEqual([]);
    expect(await run(releaseCapacity, files('capacity:\n  systemModifications: 1\n'), '2021-07-01')).toEqual([]);
  });
});
