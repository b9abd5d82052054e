// RID-1 and RID-2 as a state machine: next versions, the baselined part, idempotent bumps, history words.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Rid } from '../../src/domain/model.js';
import { canonicalInputs } from '../../src/domain/canonical-inputs.js';
import { historyChanges } from '../../src/domain/rid-changes.js';
import { nextVersion, planBump, unbumpedScopeChange, type BumpInput, type ScopeItem } from '../../src/domain/versioning.js';

const SYS = (key: string): ScopeItem => ({ key, systemImpact: true });
const DOC = (key: string): ScopeItem => ({ key, systemImpact: false });
const JUNE_SYSTEMS = [SYS('SECMP0053'), SYS('SECMP0062#1')];
const JUNE_DOCS = [DOC('MP079'), DOC('MP084'), DOC('MP088')];
const impactOf = (key: string) => ({ SECMP0053: true, 'SECMP0062#1': true, SECMP0099: true, MP079: false, MP084: false, MP088: false })[key];

/** The June 2020 RID at 1.0: baselined on 11 October 2019 for the systems scope, tracked by `rid bump`. */
const AT_1_0: Rid = {
  version: '1.0',
  baselines: [{ version: '1.0', date: '2019-10-11', covers: 'systems', scope: ['SECMP0053', 'SECMP0062#1'] }],
  history: [{ version: '1.0', date: '2019-10-11', changes: 'Version baselined by the Panel.' }],
  computedFrom: { version: '1.0', scope: ['SECMP0053', 'SECMP0062#1'], inputs: 'h1' },
};

const input = (rid: Rid | undefined, scope: ScopeItem[], inputs = 'h1', details: string[] = []): BumpInput => ({
  rid,
  scope,
  inputs,
  impactOf,
  date: '2020-01-10',
  details,
});

/** The release's rid block after the plan was written, as `rid bump` writes it. */
function applied(rid: Rid | undefined, plan: ReturnType<typeof planBump>): Rid {
  const next: Rid = { ...rid, computedFrom: plan.computedFrom };
  if (plan.history) {
    next.version = plan.to!;
    next.history = [...(rid?.history ?? []), plan.history];
  }
  return next;
}

describe('historyChanges: a Document History entry as the RID prints it', () => {
  it('makes each change `rid bump` listed or wrote a sentence', () => {
    expect(historyChanges(['SECMP0310 added to the baselined systems scope', 'SECMP0311 removed from the scope (documentation only)'])).toBe(
      'SECMP0310 added to the baselined systems scope. SECMP0311 removed from the scope (documentation only).',
    );
    expect(historyChanges(['First draft.', ' ', 'Updated: costs?'])).toBe('First draft. Updated: costs?');
    expect(historyChanges('SECMP0302 removed from the baselined systems scope')).toBe('SECMP0302 removed from the baselined systems scope.');
    expect(historyChanges('Version baselined by the Panel.')).toBe('Version baselined by the Panel.');
  });
});

describe('nextVersion', () => {
  it.each([
    [undefined, 'minor', '0.1'],
    ['0.1', 'minor', '0.2'],
    ['0.9', 'minor', '0.10'],
    ['1.0', 'minor', '1.1'],
    ['1.1', 'major', '2.0'],
    ['2.0', 'major', '3.0'],
  ] as const)('%s + %s → %s', (from, kind, to) => {
    expect(nextVersion(from, kind)).toBe(to);
  });
});

describe('planBump (RID-1)', () => {
  it('starts a RID at 0.1, first draft, naming its scope', () => {
    const plan = planBump(input(undefined, JUNE_SYSTEMS));
    expect(plan).toMatchObject({ kind: 'first', to: '0.1' });
    expect(plan.history).toEqual({ version: '0.1', date: '2020-01-10', changes: 'First draft; scope: SECMP0053, SECMP0062 part 1.' });
  });

  it('makes 1.1 when documentation-only modifications join after the systems baseline (the real June 2020 RID)', () => {
    const plan = planBump(input(AT_1_0, [...JUNE_SYSTEMS, ...JUNE_DOCS], 'h2'));
    expect(plan.to).toBe('1.1');
    expect(plan.history!.changes).toEqual([
      'MP079 added to the scope (documentation only: outside the systems baseline)',
      'MP084 added to the scope (documentation only: outside the systems baseline)',
      'MP088 added to the scope (documentation only: outside the systems baseline)',
    ]);
  });

  it('makes the next integer version when a system-impacting modification joins the baselined systems scope', () => {
    const plan = planBump(input(AT_1_0, [...JUNE_SYSTEMS, SYS('SECMP0099')], 'h2'));
    expect(plan).toMatchObject({ kind: 'major', from: '1.0', to: '2.0', changes: ['SECMP0099 added to the baselined systems scope'] });
  });

  it('makes the next integer version when a baselined item leaves, even if its file is gone', () => {
    const plan = planBump({ ...input(AT_1_0, [SYS('SECMP0053')], 'h2'), impactOf: () => undefined });
    expect(plan).toMatchObject({ kind: 'major', to: '2.0', changes: ['SECMP0062 part 1 removed from the baselined systems scope'] });
  });

  it('treats any addition as baselined once a baseline covers all of the scope', () => {
    const rid: Rid = {
      ...AT_1_0,
      baselines: [...AT_1_0.baselines!, { version: '1.0', date: '2020-01-17', covers: 'all', scope: ['SECMP0053', 'SECMP0062#1'] }],
    };
    const plan = planBump(input(rid, [...JUNE_SYSTEMS, DOC('MP079')], 'h2'));
    expect(plan).toMatchObject({ kind: 'major', to: '2.0', changes: ['MP079 added to the baselined scope'] });
  });

  it('keeps drafts minor whatever moves: nothing is baselined yet', () => {
    const draft: Rid = {
      version: '0.2',
      history: [{ version: '0.2', date: '2019-09-12', changes: 'x' }],
      computedFrom: { scope: ['SECMP0053'], inputs: 'h1' },
    };
    expect(planBump(input(draft, JUNE_SYSTEMS, 'h2'))).toMatchObject({ kind: 'minor', to: '0.3', changes: ['SECMP0062 part 1 added to the scope'] });
  });

  it('makes a minor version for other amendments, in the words --since found or a generic line', () => {
    expect(planBump(input(AT_1_0, JUNE_SYSTEMS, 'h2', ['SECMP0053 approved'])).history).toEqual({
      version: '1.1',
      date: '2020-01-10',
      changes: 'SECMP0053 approved',
    });
    expect(planBump(input(AT_1_0, JUNE_SYSTEMS, 'h2')).changes).toEqual(['Amended the release details or the details of modifications in its scope.']);
  });

  it('does nothing when nothing changed', () => {
    expect(planBump(input(AT_1_0, JUNE_SYSTEMS))).toMatchObject({ kind: 'none', from: '1.0', to: '1.0', changes: [] });
  });

  it('records what an untracked RID was computed from without bumping when its baselined scope is as baselined', () => {
    const { computedFrom: _, ...untracked } = { ...AT_1_0, version: '1.1' };
    const plan = planBump(input(untracked, [...JUNE_SYSTEMS, ...JUNE_DOCS], 'h9'));
    expect(plan).toMatchObject({ kind: 'record', to: '1.1', computedFrom: { scope: ['MP079', 'MP084', 'MP088', 'SECMP0053', 'SECMP0062#1'], inputs: 'h9' } });
    expect(plan.history).toBeUndefined();
  });

  it('bumps an untracked RID whose baselined scope moved since the baseline, naming only the baselined part', () => {
    const { computedFrom: _, ...untracked } = { ...AT_1_0, version: '1.1' };
    const plan = planBump(input(untracked, [...JUNE_SYSTEMS, ...JUNE_DOCS, SYS('SECMP0099')], 'h9'));
    expect(plan).toMatchObject({ kind: 'major', from: '1.1', to: '2.0', changes: ['SECMP0099 added to the baselined systems scope'] });
  });

  it('never bumps twice: a version already raised by hand is kept, with the history entry written for it', () => {
    const scope = [...JUNE_SYSTEMS, SYS('SECMP0099')];
    const plan = planBump(input({ ...AT_1_0, version: '2.0' }, scope, 'h2'));
    expect(plan).toMatchObject({ kind: 'major', from: '2.0', to: '2.0', computedFrom: { version: '2.0' } });
    expect(plan.history).toMatchObject({ version: '2.0', changes: 'SECMP0099 added to the baselined systems scope' });
    const byHand: Rid = { ...AT_1_0, version: '2.0', history: [...AT_1_0.history!, { version: '2.0', date: '2020-02-01', changes: 'SECMP0099 added.' }] };
    const again = planBump(input(byHand, scope, 'h2'));
    expect(again).toMatchObject({ kind: 'major', to: '2.0', computedFrom: { version: '2.0', scope: ['SECMP0053', 'SECMP0062#1', 'SECMP0099'] } });
    expect(again.history).toBeUndefined();
  });

  it('is idempotent: planning again after writing a plan changes nothing (property)', () => {
    const keys = ['SECMP0053', 'SECMP0062#1', 'SECMP0099', 'MP079', 'MP084', 'MP088'];
    const scopeArb = fc.subarray(keys).map((ks) => ks.map((key) => ({ key, systemImpact: impactOf(key) })));
    fc.assert(
      fc.property(fc.array(fc.tuple(scopeArb, fc.constantFrom('h1', 'h2', 'h3')), { minLength: 1, maxLength: 6 }), (steps) => {
        let rid: Rid | undefined = undefined;
        for (const [scope, inputs] of steps) {
          rid = applied(rid, planBump(input(rid, scope, inputs)));
          expect(planBump(input(rid, scope, inputs)).kind).toBe('none');
          expect(unbumpedScopeChange(rid, scope, impactOf)).toBeUndefined();
        }
      }),
    );
  });
});

describe('unbumpedScopeChange (RID-2)', () => {
  it('fires when a system-impacting modification joins the baselined systems scope and the version stays', () => {
    const moved = unbumpedScopeChange({ ...AT_1_0, version: '1.1' }, [...JUNE_SYSTEMS, SYS('SECMP0099')], impactOf);
    expect(moved?.added.map((i) => i.key)).toEqual(['SECMP0099']);
    expect(moved?.reference).toMatchObject({ version: '1.0', source: 'computedFrom' });
    expect(moved?.removed).toEqual([]);
  });

  it('stays quiet for documentation-only changes before the documentation baseline, and after the integer bump', () => {
    expect(unbumpedScopeChange(AT_1_0, [...JUNE_SYSTEMS, ...JUNE_DOCS], impactOf)).toBeUndefined();
    const byHand: Rid = { ...AT_1_0, version: '2.0', history: [...AT_1_0.history!, { version: '2.0', date: '2020-02-01', changes: 'x' }] };
    expect(unbumpedScopeChange(byHand, [...JUNE_SYSTEMS, SYS('SECMP0099')], impactOf)).toBeUndefined();
  });

  it("reads a record without a version as the current version's", () => {
    const { version: _, ...old } = AT_1_0.computedFrom!;
    expect(unbumpedScopeChange({ ...AT_1_0, version: '1.1', computedFrom: old }, [...JUNE_SYSTEMS, SYS('SECMP0099')], impactOf)?.reference.version).toBe('1.1');
  });

  it('compares with the latest baseline when nothing else is recorded (the sec-2020 fixture at 1.1)', () => {
    const { computedFrom: _, ...fixture } = { ...AT_1_0, version: '1.1' };
    expect(unbumpedScopeChange(fixture, [...JUNE_SYSTEMS, ...JUNE_DOCS], impactOf)).toBeUndefined();
    expect(unbumpedScopeChange(fixture, [SYS('SECMP0053'), ...JUNE_DOCS], impactOf)?.removed.map((i) => i.key)).toEqual(['SECMP0062#1']);
  });

  it('has nothing to say about a draft', () => {
    expect(unbumpedScopeChange({ version: '0.3' }, [SYS('SECMP0099')], impactOf)).toBeUndefined();
  });
});

describe('canonicalInputs', () => {
  it("ignores key order and the rid block; of other releases' parts, sees what the RID says of them (release, summary)", () => {
    const parts = (second: object) => [
      { part: 1, release: '2020-06' },
      { part: 2, release: '2020-11', summary: 'x', ...second },
    ];
    const a = canonicalInputs({ id: '2020-06', type: 'system', rid: { version: '1.0' } }, [{ id: 'SECMP0062', title: 'T', parts: parts({}) }]);
    const b = canonicalInputs({ type: 'system', id: '2020-06', rid: { version: '9.9' } }, [
      { title: 'T', id: 'SECMP0062', parts: [{ release: '2020-06', part: 1 }, parts({})[1]!] },
    ]);
    expect(a).toBe(b);
    // The RID lists every part ("being implemented in two parts: … Part 2, in the November 2020 SEC Release: x").
    const other = (second: object) => canonicalInputs({ id: '2020-06', type: 'system' }, [{ id: 'SECMP0062', title: 'T', parts: parts(second) }]);
    expect(other({ summary: 'changed' })).not.toBe(other({}));
    expect(other({ release: '2021-02' })).not.toBe(other({}));
    // What the RID does not show of another release's part is not an input of this one.
    expect(other({ addedToScope: '2020-03-01' })).toBe(other({}));
    expect(canonicalInputs({ id: '2020-06', type: 'documentation' }, [])).not.toBe(canonicalInputs({ id: '2020-06', type: 'system' }, []));
  });
});

describe('the first bump of a draft that never recorded its scope', () => {
  const DRAFT: Rid = { version: '0.1', history: [{ version: '0.1', date: '2027-06-01', changes: 'First draft.' }] };
  const joined = (key: string, addedToScope: string): ScopeItem => ({ key, systemImpact: true, addedToScope });

  it('makes the next minor version for what joined after the draft was dated, rather than adopting it', () => {
    const plan = planBump(input(DRAFT, [joined('SECMP0301', '2027-05-01'), joined('SECMP0302', '2027-09-01')]));
    expect(plan).toMatchObject({ kind: 'minor', from: '0.1', to: '0.2', changes: ['SECMP0302 added to the scope'] });
    expect(plan.computedFrom.scope).toEqual(['SECMP0301', 'SECMP0302']);
  });

  it('records the scope when everything joined by the draft, or nothing says when', () => {
    expect(planBump(input(DRAFT, [joined('SECMP0301', '2027-05-01'), SYS('SECMP0303')])).kind).toBe('record');
  });
});
