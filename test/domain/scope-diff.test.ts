// The semantic diff of two repositories: what moved in and out of each release, status, dates and costs.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/domain/config.js';
import type { Modification, Release } from '../../src/domain/model.js';
import type { Entity, RepoModel } from '../../src/domain/repository.js';
import { diffRepositories } from '../../src/domain/scope-diff.js';
import { ridDetails } from '../../src/domain/rid-details.js';

const entity = <T extends { id: string }>(dir: string, data: T): Entity<T> => ({ id: data.id, file: `${dir}/${data.id}.yaml`, data });

function model(mods: Modification[], releases: Release[] = []): RepoModel {
  return {
    config: resolveConfig({}),
    modifications: mods.map((m) => entity('modifications', m)),
    releases: releases.map((r) => entity('releases', r)),
    invalidIds: { modifications: new Set(), releases: new Set() },
  };
}

const mod = (id: string, extra: Partial<Modification> = {}): Modification => ({
  id,
  title: id,
  systemImpact: true,
  implementation: { release: '2020-06' },
  ...extra,
});
const JUNE: Release = { id: '2020-06', type: 'system', rid: { version: '1.0', baselines: [{ version: '1.0', date: '2019-10-11', covers: 'systems' }] } };

/** Every line of the diff, prefixed with its release as `secrel diff` prints it. */
const lines = (before: RepoModel, after: RepoModel) => diffRepositories(before, after).flatMap((d) => d.lines.map((l) => `${d.release ?? 'no release'}: ${l}`));

describe('diffRepositories', () => {
  it('says a merge that approved a modification in one line', () => {
    const before = model([mod('MP142', { status: 'report' })], [JUNE]);
    const after = model([mod('MP142', { status: 'approved', decision: { date: '2020-01-10' } })], [JUNE]);
    // The decision and its date are one event: one line, not two (RID history entries are made of these).
    expect(lines(before, after)).toEqual(['2020-06: MP142 approved on 10 January 2020']);
    const [june] = diffRepositories(before, after);
    expect(june).toMatchObject({ release: '2020-06', name: 'June 2020 SEC Release' });
    expect(june!.changes).toEqual([{ kind: 'status', modification: 'MP142', from: 'report', to: 'approved', on: '2020-01-10' }]);
    // A decision date changed on its own is a line of its own.
    const redated = model([mod('MP142', { status: 'approved', decision: { date: '2020-01-13' } })], [JUNE]);
    expect(lines(after, redated)).toEqual(['2020-06: MP142 decision date moved from 10 January 2020 to 13 January 2020']);
  });

  it('names additions to the baselined systems scope and documentation-only additions apart', () => {
    const before = model([mod('SECMP0053')], [JUNE]);
    const after = model([mod('SECMP0053'), mod('SECMP0099'), mod('MP079', { systemImpact: false })], [JUNE]);
    expect(lines(before, after)).toEqual([
      '2020-06: MP079 added to the scope (documentation only: outside the systems baseline)',
      '2020-06: SECMP0099 added to the baselined systems scope',
    ]);
  });

  it('says why a modification left: rejected, or moved to another release (and where it came from)', () => {
    const before = model([mod('SECMP0053'), mod('SECMP0099'), mod('MP093')], [JUNE]);
    const after = model([mod('SECMP0053', { status: 'rejected' }), mod('SECMP0099', { implementation: { release: '2020-11' } }), mod('MP093')], [JUNE]);
    expect(lines(before, after)).toEqual([
      '2020-06: SECMP0053 removed from the baselined systems scope (rejected)',
      '2020-06: SECMP0099 removed from the baselined systems scope (moved to 2020-11)',
      '2020-11: SECMP0099 added to the scope (moved from 2020-06)',
    ]);
  });

  it('calls a removal baselined only when the earlier side had the baseline: one that left before the release was baselined left the scope', () => {
    const draft: Release = { id: '2020-06', type: 'system', rid: { version: '0.3' } };
    const before = model([mod('SECMP0053'), mod('SECMP0099')], [draft]);
    const after = model([mod('SECMP0053'), mod('SECMP0099', { implementation: { release: '2020-11' } }), mod('SECMP0100')], [JUNE]);
    expect(lines(before, after)).toEqual([
      '2020-06: SECMP0100 added to the baselined systems scope',
      '2020-06: SECMP0099 removed from the scope (moved to 2020-11)',
      '2020-06: RID version moved from 0.3 to 1.0',
      '2020-06: RID 1.0 baselined on 11 October 2019, covering the systems scope',
      '2020-11: SECMP0099 added to the scope (moved from 2020-06)',
    ]);
  });

  it('tracks parts as scope items of their own', () => {
    const parts = (r2: string): Partial<Modification> => ({
      implementation: {},
      parts: [
        { part: 1, release: '2020-06' },
        { part: 2, release: r2 },
      ],
    });
    expect(lines(model([mod('SECMP0062', parts('2020-11'))]), model([mod('SECMP0062', parts('2021-02'))]))).toEqual([
      '2020-11: SECMP0062 part 2 removed from the scope (moved to 2021-02)',
      '2021-02: SECMP0062 part 2 added to the scope (moved from 2020-11)',
    ]);
  });

  it("says in an earlier release that a modification now has another part, which changes that release's RID (delivered in N parts)", () => {
    const two: Partial<Modification> = {
      implementation: {},
      parts: [
        { part: 1, release: '2020-06' },
        { part: 2, release: '2020-06' },
      ],
    };
    const three: Partial<Modification> = { implementation: {}, parts: [...two.parts!, { part: 3, release: '2020-11' }] };
    const diffs = diffRepositories(model([mod('SECMP0062', two)], [JUNE]), model([mod('SECMP0062', three)], [JUNE]));
    expect(diffs.flatMap((d) => d.lines.map((l) => `${d.release}: ${l}`))).toEqual([
      '2020-06: SECMP0062 now delivered in 3 parts, not 2 (part 3 in 2020-11)',
      // Where the part went, its addition says so: no second line.
      '2020-11: SECMP0062 part 3 added to the scope',
    ]);
    // That line is an amendment the release's RID history entry words, not "Amended the release details".
    expect(ridDetails(diffs).get('2020-06')).toEqual(['SECMP0062 now delivered in 3 parts, not 2 (part 3 in 2020-11)']);
  });

  it("names a modification's words the RID shows: title, summary (its parts' too), impacts, documents (found in a new-user trial)", () => {
    const before = model([mod('MP142', { summary: 'Old.', impacts: { parties: { suppliers: 'Old.' } }, documents: ['Section A'] })], [JUNE]);
    const after = model(
      [mod('MP142', { title: 'Alert routing', summary: 'New.', impacts: { parties: { suppliers: 'New.' } }, documents: ['Section A', 'Section B'] })],
      [JUNE],
    );
    const lines_ = lines(before, after);
    expect(lines_).toEqual([
      '2020-06: MP142 retitled ‘Alert routing’',
      '2020-06: MP142 summary reworded',
      '2020-06: MP142 impacts revised',
      '2020-06: MP142 documents it changes revised',
    ]);
    // Each is an amendment a RID history entry words.
    expect(ridDetails(diffRepositories(before, after)).get('2020-06')).toHaveLength(4);
    // The same words written again (or a part added) are no change of words.
    expect(lines(before, before)).toEqual([]);
  });

  it('reports go-live, decision and implementation dates, and costs exactly', () => {
    const before = model([mod('SECMP0053', { decision: { expected: '2019-06-01' }, costs: { dcc: { designBuildPit: 53572, sit: 26639.1 } } })], [JUNE]);
    const after = model(
      [
        mod('SECMP0053', {
          decision: { expected: '2019-07-01' },
          implementation: { release: '2020-06', date: '2020-06-26' },
          costs: { dcc: { designBuildPit: 53572, sit: 26639.2 }, secas: { amount: 1200 } },
        }),
      ],
      [{ ...JUNE, date: '2020-06-26', dateReason: 'moved', costs: { statedTotal: 1120042 } }],
    );
    expect(lines(before, after)).toEqual([
      '2020-06: go-live date moved from 25 June 2020 to 26 June 2020',
      '2020-06: stated total DCC cost set to £1,120,042',
      '2020-06: SECMP0053 expected decision date moved from 1 June 2019 to 1 July 2019',
      '2020-06: SECMP0053 implementation date set to 26 June 2020',
      '2020-06: SECMP0053 DCC cost changed from £80,211.10 to £80,211.20',
      '2020-06: SECMP0053 SECAS cost set to £1,200',
    ]);
  });

  it('reports the dates a release records as done: the TAD to the TAG and published, go-live evidence, the actual cost report', () => {
    const before = model([mod('MP142')], [JUNE]);
    const after = model(
      [mod('MP142')],
      [
        {
          ...JUNE,
          tad: { toTag: '2019-09-20', published: '2019-12-20' },
          acceptance: { evidenceSubmitted: '2020-05-01' },
          costs: { actualReported: '2020-09-01' },
        },
      ],
    );
    expect(lines(before, after)).toEqual([
      '2020-06: date the TAD went to the TAG set to 20 September 2019',
      '2020-06: TAD publication date set to 20 December 2019',
      '2020-06: go-live evidence submission date set to 1 May 2020',
      '2020-06: actual cost report date set to 1 September 2020',
    ]);
    expect(lines(after, before)[0]).toBe('2020-06: date the TAD went to the TAG removed (was 20 September 2019)');
  });

  it('lists modifications in no release apart, and nothing at all when nothing changed', () => {
    const before = model([mod('MP150', { implementation: {}, status: 'development' }), mod('MP151', { implementation: {} })]);
    const after = model([mod('MP150', { implementation: {}, status: 'report' }), mod('MP152', { implementation: {}, status: 'raised' })]);
    expect(lines(before, after)).toEqual([
      'no release: MP150 status changed from development to report',
      'no release: MP151 deleted',
      'no release: MP152 recorded (raised)',
    ]);
    expect(diffRepositories(after, after)).toEqual([]);
  });
});
