// RID-1's baseline as a table: a release's state and the Panel's meeting in, what `rid baseline` records (or why not) out.
import { describe, expect, it } from 'vitest';
import { BASELINED, decideBaseline, type BaselineDecision, type BaselineRequest, type VersionInputs } from '../../src/domain/baseline.js';
import type { Release, Rid } from '../../src/domain/model.js';
import type { ScopeItem } from '../../src/domain/versioning.js';

const SYS = (key: string): ScopeItem => ({ key, systemImpact: true });
const DOC = (key: string): ScopeItem => ({ key, systemImpact: false });
const SCOPE = [SYS('SECMP0053'), DOC('MP079')];
const impactOf = (key: string) => SCOPE.find((i) => i.key === key)?.systemImpact;

/** Versioning's inputs: the June scope, and a hash that tells the status apart (the baseline may set it). */
const inputsOf = (release: Release): VersionInputs => ({ scope: SCOPE, inputs: `h:${release.status ?? 'none'}`, impactOf });

const JUNE: Release = { id: '2020-06', type: 'system', status: 'planned' };
const PLANNED = { type: 'system' as const, date: '2020-06-25' };

/** A draft tracked by `rid bump`, computed from the release as the baseline leaves it. */
const DRAFT: Rid = { version: '0.3', computedFrom: { version: '0.3', scope: ['MP079', 'SECMP0053'], inputs: 'h:baselined' } };
/** Baselined for the systems scope on 11 October 2019, nothing changed since. */
const AT_1_0: Rid = {
  version: '1.0',
  baselines: [{ version: '1.0', date: '2019-10-11', covers: 'systems', scope: ['SECMP0053'] }],
  history: [{ version: '1.0', date: '2019-10-11', changes: BASELINED.systems }],
  computedFrom: { version: '1.0', scope: ['MP079', 'SECMP0053'], inputs: 'h:baselined' },
};
/** As AT_1_0, then baselined for all of it on 17 January 2020. */
const AT_1_0_ALL: Rid = {
  ...AT_1_0,
  baselines: [...AT_1_0.baselines!, { version: '1.0', date: '2020-01-17', covers: 'all', scope: ['SECMP0053', 'MP079'] }],
};

/** As AT_1_0, then 1.1 made by a `rid bump` run on 20 January 2020, after the Panel met on the 17th. */
const AT_1_1_BUMPED_LATE: Rid = {
  version: '1.1',
  baselines: AT_1_0.baselines!,
  history: [...AT_1_0.history!, { version: '1.1', date: '2020-01-20', changes: 'MP079 added to the scope (documentation only: outside the systems baseline)' }],
  computedFrom: { version: '1.1', scope: ['MP079', 'SECMP0053'], inputs: 'h:baselined' },
};

type Given = Omit<BaselineRequest, 'inputsOf'>;
const given = (o: Partial<Given> & { rid?: Rid; status?: Release['status'] }): Given => {
  const { rid, status, ...rest } = o;
  const release: Release = { ...JUNE, ...(status !== undefined ? { status } : {}), ...(rid ? { rid } : {}) };
  if (status === undefined && 'status' in o) delete release.status;
  return { release, planned: PLANNED, date: '2019-10-11', ...rest };
};

const CASES: { name: string; given: Given; expected: Partial<BaselineDecision> & Pick<BaselineDecision, 'kind'> }[] = [
  // Refused: the Panel does not baseline these.
  { name: 'a cancelled release (its file says so)', given: given({ status: 'cancelled', rid: DRAFT }), expected: { kind: 'cancelled' } },
  {
    name: 'a cancelled release (the calendar says so)',
    given: given({ rid: DRAFT, planned: { ...PLANNED, cancelled: true } }),
    expected: { kind: 'cancelled' },
  },
  { name: 'a meeting after go-live', given: given({ rid: DRAFT, date: '2020-06-26' }), expected: { kind: 'after-go-live', goLive: '2020-06-25' } },
  {
    name: 'a systems baseline after one of all the scope',
    given: given({ status: 'baselined', rid: AT_1_0_ALL, date: '2020-02-01', covers: 'systems' }),
    expected: { kind: 'narrower', latest: AT_1_0_ALL.baselines![1]! },
  },
  {
    name: 'a meeting before the latest baseline',
    given: given({ status: 'baselined', rid: AT_1_0, date: '2019-10-01', covers: 'all' }),
    expected: { kind: 'before-latest', latest: AT_1_0.baselines![0]! },
  },
  {
    name: 'a meeting before the history line of the version it would baseline (a `rid bump` dated after the meeting)',
    given: given({ status: 'baselined', rid: AT_1_1_BUMPED_LATE, date: '2020-01-17', covers: 'all' }),
    expected: { kind: 'before-version', version: '1.1', entry: AT_1_1_BUMPED_LATE.history![1]!, index: 1 },
  },
  {
    name: 'a draft, on a meeting before its last draft line: the 1.0 line would come before it',
    given: given({ rid: { ...DRAFT, history: [{ version: '0.3', date: '2019-10-14', changes: 'Third draft.' }] } }),
    expected: { kind: 'before-version', version: '1.0', entry: { version: '0.3', date: '2019-10-14', changes: 'Third draft.' }, index: 0 },
  },
  {
    name: 'a meeting on the day of that line: recorded after it',
    given: given({ status: 'baselined', rid: AT_1_1_BUMPED_LATE, date: '2020-01-20', covers: 'all' }),
    expected: { kind: 'baselined', history: { version: '1.1', date: '2020-01-20', changes: BASELINED.all } },
  },
  {
    name: 'a baselined RID with changes in no version yet',
    given: given({ status: 'baselined', rid: { ...AT_1_0, computedFrom: { ...AT_1_0.computedFrom!, inputs: 'h:other' } }, date: '2020-01-17', covers: 'all' }),
    expected: { kind: 'unversioned', version: '1.0', changes: ['Amended the release details or the details of modifications in its scope.'] },
  },
  // Recorded once: the same meeting and coverage again changes nothing.
  {
    name: 'the same baseline again',
    given: given({ status: 'baselined', rid: AT_1_0, date: '2019-10-11', covers: 'systems' }),
    expected: { kind: 'already', baseline: AT_1_0.baselines![0]! },
  },
  {
    name: 'a later baseline covers all of it unless told otherwise',
    given: given({ status: 'baselined', rid: AT_1_0, date: '2019-10-11' }),
    expected: { kind: 'baselined', baseline: { version: '1.0', date: '2019-10-11', covers: 'all', scope: ['SECMP0053', 'MP079'] } },
  },
  // Recorded.
  {
    name: 'a draft: becomes 1.0, the systems scope of a System Release first, and the release baselined',
    given: given({ rid: DRAFT }),
    expected: {
      kind: 'baselined',
      setVersion: true,
      setStatus: true,
      baseline: { version: '1.0', date: '2019-10-11', covers: 'systems', scope: ['SECMP0053'] },
      history: { version: '1.0', date: '2019-10-11', changes: BASELINED.systems },
      computedFrom: { version: '1.0', scope: ['MP079', 'SECMP0053'], inputs: 'h:baselined' },
    },
  },
  {
    name: 'a release with no status yet: baselined too',
    given: given({ status: undefined, rid: DRAFT }),
    expected: { kind: 'baselined', setStatus: true, setVersion: true },
  },
  {
    name: 'a release in testing: stays in testing',
    given: given({ status: 'testing', rid: { ...DRAFT, computedFrom: { ...DRAFT.computedFrom!, inputs: 'h:testing' } } }),
    expected: { kind: 'baselined', setStatus: false, computedFrom: { version: '1.0', scope: ['MP079', 'SECMP0053'], inputs: 'h:testing' } },
  },
  {
    name: 'a Documentation Release: all of it, first time',
    given: given({ rid: DRAFT, planned: { type: 'documentation', date: '2020-06-25' } }),
    expected: { kind: 'baselined', baseline: { version: '1.0', date: '2019-10-11', covers: 'all', scope: ['SECMP0053', 'MP079'] } },
  },
  {
    name: 'a re-baseline of all the scope: the version stays, the history has its line',
    given: given({ status: 'baselined', rid: AT_1_0, date: '2020-01-17' }),
    expected: {
      kind: 'baselined',
      setVersion: false,
      setStatus: false,
      baseline: { version: '1.0', date: '2020-01-17', covers: 'all', scope: ['SECMP0053', 'MP079'] },
      history: { version: '1.0', date: '2020-01-17', changes: BASELINED.all },
    },
  },
  {
    name: 'the same meeting, covering more: recorded',
    given: given({ status: 'baselined', rid: AT_1_0, date: '2019-10-11', covers: 'all' }),
    expected: { kind: 'baselined', baseline: { version: '1.0', date: '2019-10-11', covers: 'all', scope: ['SECMP0053', 'MP079'] } },
  },
  {
    name: 'a release the calendar does not know: all of it, no go-live check',
    given: given({ rid: DRAFT, planned: undefined, date: '2030-01-01' }),
    expected: { kind: 'baselined', baseline: { version: '1.0', date: '2030-01-01', covers: 'all', scope: ['SECMP0053', 'MP079'] } },
  },
];

describe('decideBaseline', () => {
  it.each(CASES)('$name', ({ given: g, expected }) => {
    const request: BaselineRequest = { ...g, inputsOf };
    if (g.planned === undefined) delete request.planned;
    expect(decideBaseline(request)).toMatchObject(expected);
  });

  it('leaves the release as the baseline records it: status, version, the baseline and its history line', () => {
    const d = decideBaseline({ ...given({ rid: DRAFT }), inputsOf });
    expect(d.kind === 'baselined' && d.release).toEqual({
      ...JUNE,
      status: 'baselined',
      rid: {
        ...DRAFT,
        version: '1.0',
        baselines: [{ version: '1.0', date: '2019-10-11', covers: 'systems', scope: ['SECMP0053'] }],
        history: [{ version: '1.0', date: '2019-10-11', changes: BASELINED.systems }],
      },
    });
  });

  it('asks versioning about the release with the status the baseline sets', () => {
    const seen: (string | undefined)[] = [];
    decideBaseline({ ...given({ rid: DRAFT }), inputsOf: (r) => (seen.push(r.status), inputsOf(r)) });
    decideBaseline({ ...given({ status: 'live', rid: DRAFT }), inputsOf: (r) => (seen.push(r.status), inputsOf(r)) });
    expect(seen).toEqual(['baselined', 'live']);
  });
});
