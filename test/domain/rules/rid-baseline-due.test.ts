// RID-1's baselines are due when a release's scope is set: the systems scope 12 months before go-live (System
// Releases), the full scope at the documentation cut-off 6 months before, for any release holding a
// documentation-only modification: a Documentation Release's only baseline, a System Release's second.
import { describe, expect, it } from 'vitest';
import { RULES, ridRecord } from '../../../src/domain/rules/index.js';
import { mod, rel, run } from './repo.js';

const target = (id: string, release: string, systemImpact: boolean) =>
  mod(id, `systemImpact: ${systemImpact}\nimplementation:\n  release: ${release}\n  addedToScope: 2019-01-10\n`);
const baselines = (...b: string[]) =>
  `rid:\n  version: "1.0"\n  history:\n    - { version: "1.0", date: 2019-06-20, changes: x }\n  baselines:\n${b.map((x) => `    - ${x}\n`).join('')}`;
const SYSTEMS = '{ version: "1.0", date: 2019-06-20, covers: systems, scope: [MP1] }';
const messages = async (files: Record<string, string>, asOf: string) => (await run(ridRecord, files, asOf)).map((f) => `${f.severity} ${f.message}`);

describe('RID-1: the full-scope baseline, 6 months before go-live', () => {
  it('is overdue for a System Release holding a documentation-only modification, naming --covers all', async () => {
    const files = {
      'releases/2020-06.yaml': rel('2020-06', `type: system\n${baselines(SYSTEMS)}`),
      'modifications/MP1.yaml': target('MP1', '2020-06', true),
      'modifications/MP2.yaml': target('MP2', '2020-06', false),
    };
    expect(await messages(files, '2020-01-17')).toEqual([
      "error The Panel's baseline of the RID's full scope for the June 2020 SEC Release (when the documentation scope is set, 6 months before go-live) " +
        'was due on Wednesday 25 December 2019, Christmas Day (the last Working Day before is Tuesday 24 December) and is not recorded: ' +
        'run `secrel rid baseline 2020-06 --date D --covers all` (the date of the Panel meeting) when it is done',
    ]);
  });

  it('is not due when the scope is all systems: the systems baseline covers it', async () => {
    const files = { 'releases/2020-06.yaml': rel('2020-06', `type: system\n${baselines(SYSTEMS)}`), 'modifications/MP1.yaml': target('MP1', '2020-06', true) };
    expect(await messages(files, '2020-01-17')).toEqual([]);
  });

  it("is a Documentation Release's baseline; met late, it clears once lateReported records rid.fullScopeBaseline", async () => {
    const late = '{ version: "1.0", date: 2020-09-10, covers: all, scope: [MP2] }';
    const release = (extra = '') => rel('2021-02', `type: documentation\n${baselines(late).replace('2019-06-20, changes', '2020-09-10, changes')}${extra}`);
    const files = { 'modifications/MP2.yaml': target('MP2', '2021-02', false) };
    expect(await messages({ ...files, 'releases/2021-02.yaml': rel('2021-02', 'type: documentation\n') }, '2020-09-01')).toEqual([
      expect.stringMatching(
        /^error The Panel's baseline of the RID's full scope for the February 2021 SEC Release .* was due on 25 August 2020 and is not recorded/,
      ),
    ]);
    expect(await messages({ ...files, 'releases/2021-02.yaml': release() }, '2020-10-01')).toEqual([
      expect.stringMatching(/is recorded on 10 September 2020, after it was due on 25 August 2020: .*`lateReported: \{ rid\.fullScopeBaseline: YYYY-MM-DD \}`/),
    ]);
    expect(await messages({ ...files, 'releases/2021-02.yaml': release('lateReported:\n  rid.fullScopeBaseline: 2020-09-15\n') }, '2020-10-01')).toEqual([
      expect.stringMatching(/^info .*the breach was reported to the Panel on 15 September 2020 \(lateReported\): nothing to do$/),
    ]);
  });
});

describe('RID-1 and CST-3 for an ad-hoc release the Panel agreed after its 12-month point (found in a fresh-data trial)', () => {
  const adhoc = (extra = '') => ({
    'releases/2020-09.yaml': rel('2020-09', `adhoc: true\ntype: system\ndate: 2020-09-17\nagreed: 2019-11-01\n${extra}`),
    'modifications/MP1.yaml': target('MP1', '2020-09', true),
  });

  it('is due by the time the whole scope is set, 6 months before go-live, not dropped as not applicable', async () => {
    const found = await messages(adhoc(), '2020-03-20');
    expect(found).toContainEqual(
      "error The Panel's baseline of the RID for the September 2020 SEC Release (when the systems scope is set, 12 months before go-live, which fell before " +
        'the Panel agreed to create the release, so by the time the whole scope is set, 6 months before go-live) was due on 17 March 2020 and is not recorded: ' +
        'run `secrel rid baseline 2020-09 --date D` (the date of the Panel meeting) when it is done',
    );
    expect(found.join('\n')).not.toContain('not applicable');
  });

  it('is met by a baseline made after the release was agreed, before that day; one made later is late', async () => {
    const on = (date: string) => baselines(`{ version: "1.0", date: ${date}, covers: systems, scope: [MP1] }`);
    expect((await messages(adhoc(on('2020-02-10')), '2020-03-20')).filter((m) => m.includes('baseline of the RID for'))).toEqual([]);
    const [late] = (await messages(adhoc(on('2020-03-19')), '2020-03-20')).filter((m) => m.includes('baseline of the RID for'));
    expect(late).toContain('is recorded on 19 March 2020, after it was due on 17 March 2020');
  });
});

describe('an ad-hoc System Release the Panel agreed after even its 6-month point (found in a fresh-data trial)', () => {
  // Agreed 15 April 2020 for 17 September 2020: the TAD's days (17 December, 17 March) and the baselines' had passed.
  const adhoc = (extra = '') => ({
    'releases/2020-09.yaml': rel('2020-09', `adhoc: true\ntype: system\ndate: 2020-09-17\nagreed: 2020-04-15\n${extra}`),
    'modifications/MP1.yaml': target('MP1', '2020-09', true).replace('addedToScope: 2019-01-10', 'addedToScope: 2020-04-15'),
  });
  const deadlines = async (files: Record<string, string>, asOf: string) => {
    const rules = RULES.filter((r) => ['RID-1', 'TST-1', 'CST-3'].includes(r.id));
    return (await Promise.all(rules.map((r) => run(r, files, asOf)))).flat().map((f) => `${f.severity} ${f.rule} ${f.message}`);
  };

  it('still needs its TAD, its RID baseline and its cost forecast, by go-live at the latest: silent while that day is far off', async () => {
    expect(await deadlines(adhoc(), '2020-05-01')).toEqual([]);
    const soon = await deadlines(adhoc(), '2020-09-01');
    expect(soon).toHaveLength(4);
    expect(soon).toContainEqual(
      'warning TST-1 The final, published TAD for the September 2020 SEC Release (at least 6 months before go-live, which fell before the Panel agreed to create ' +
        'the release, so before go-live at the latest) is due on 17 September 2020, in 16 days: record its date in tad.published when it is done',
    );
  });

  it('went live without them: each is an error, not "not applicable, nothing to do"', async () => {
    const after = await deadlines(adhoc(), '2020-12-10');
    expect(after.map((m) => m.split(' The ')[0])).toEqual(['error RID-1', 'error TST-1', 'error TST-1', 'error CST-3']);
    expect(after.join('\n')).not.toContain('not applicable');
    expect(after).toContainEqual(expect.stringContaining("error RID-1 The Panel's baseline of the RID for the September 2020 SEC Release"));
    // Recorded after the agreement, before go-live: done, not late.
    const done = adhoc(
      'tad: { toTag: 2020-05-20, published: 2020-06-30 }\ncosts: { forecast: { designBuildPit: 1000 } }\n' +
        baselines('{ version: "1.0", date: 2020-06-20, covers: systems, scope: [MP1] }'),
    );
    expect(await deadlines(done, '2020-12-10')).toEqual([]);
  });
});
