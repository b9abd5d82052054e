// The RID versions a branch changes (`report pr`): a version that moved, or a bump RID-1 would make, with why.
import { describe, expect, it } from 'vitest';
import type { Release } from '../../src/domain/model.js';
import type { Entity } from '../../src/domain/repository.js';
import { ridChanges } from '../../src/domain/rid-changes.js';
import type { BumpPlan } from '../../src/domain/versioning.js';

const release = (id: string, rid?: Release['rid']): Entity<Release> => ({ id, file: `releases/${id}.yaml`, data: { id, ...(rid ? { rid } : {}) } as Release });
const history = (...versions: string[]) => versions.map((version) => ({ version, date: '2020-01-01', changes: `made ${version}` }));
const plan = (kind: BumpPlan['kind'], to?: string): BumpPlan =>
  ({ kind, ...(to ? { to } : {}), changes: [`to ${to}`], computedFrom: { version: to ?? '1.0', scope: [], inputs: 'x' } }) as BumpPlan;

describe('ridChanges', () => {
  it('lists a version the branch moved, with the history entries it added', () => {
    const before = [release('2020-06', { version: '1.0', history: history('1.0') })];
    const after = release('2020-06', { version: '1.1', history: history('1.0', '1.1') });
    expect(ridChanges(before, [{ entity: after, plan: plan('record', '1.1') }])).toEqual([
      { release: '2020-06', file: 'releases/2020-06.yaml', base: '1.0', branch: '1.1', why: ['1.1: made 1.1.'] },
    ]);
  });

  it('lists the bump RID-1 would make, with its changes; leaves out what neither moved nor would move', () => {
    const before = [release('2020-06', { version: '1.0' }), release('2020-11', { version: '0.1' })];
    const outcomes = [
      { entity: release('2020-06', { version: '1.0' }), plan: plan('minor', '1.1') },
      { entity: release('2020-11', { version: '0.1' }), plan: plan('none') },
      { entity: release('2021-02') },
    ];
    expect(ridChanges(before, outcomes)).toEqual([
      { release: '2020-06', file: 'releases/2020-06.yaml', base: '1.0', branch: '1.0', bump: '1.1', why: ['to 1.1'] },
    ]);
  });

  it('lists a RID the branch starts', () => {
    expect(ridChanges([], [{ entity: release('2021-02', { version: '0.1' }), plan: plan('record', '0.1') }])).toMatchObject([
      { release: '2021-02', base: undefined, branch: '0.1', why: [] },
    ]);
  });
});
