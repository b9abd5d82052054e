// DEP-1: a dependency (DCC Change Request or modification) must be done in time for the release of what needs it.
import { describe, expect, it } from 'vitest';
import { dependencyInTime } from '../../../src/domain/rules/dependencies.js';
import { mod, positionOf, run, yaml } from './repo.js';

const needing = (deps: string, release = '2021-11') => mod('MP1', `systemImpact: true\ndependsOn:\n${deps}implementation:\n  release: ${release}\n`);
const cr = (id: string, body: string) => `id: ${id}\ntitle: ${id} CSP firmware change\n${body}`;
const AS_OF = '2020-01-17';

describe('DEP-1 dependencies done in time', () => {
  it('is an error when a Change Request is expected after it is needed, naming the first release it fits', async () => {
    const text = needing('  - { id: CR1047, needed: before-development, lead: 9m }\n', '2021-06');
    const [f, ...rest] = await run(
      dependencyInTime,
      { 'modifications/MP1.yaml': text, 'change-requests/CR1047.yaml': cr('CR1047', 'expected: 2020-12-31\n') },
      AS_OF,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'DEP-1', severity: 'error', modification: 'MP1', release: '2021-06', ...positionOf(text, 'CR1047') });
    expect(f!.message).toBe(
      'MP1 in the June 2021 SEC Release needs CR1047 before development (by 24 September 2020: 9m before go-live), ' +
        'but CR1047 is expected on 31 December 2020: move MP1 to the November 2021 SEC Release (2021-11), the first release it is in time for, or bring CR1047 forward',
    );
  });

  it('is quiet when it is expected in time, or done', async () => {
    const deps = '  - { id: CR1047, needed: before-development, lead: 9m }\n';
    expect(
      await run(dependencyInTime, { 'modifications/MP1.yaml': needing(deps), 'change-requests/CR1047.yaml': cr('CR1047', 'expected: 2020-12-31\n') }, AS_OF),
    ).toEqual([]);
    expect(
      await run(dependencyInTime, { 'modifications/MP1.yaml': needing(deps, '2021-06'), 'change-requests/CR1047.yaml': cr('CR1047', 'status: done\n') }, AS_OF),
    ).toEqual([]);
  });

  it('warns while the date is unknown: no expected date, or no file at all', async () => {
    const noDate = await run(
      dependencyInTime,
      { 'modifications/MP1.yaml': needing('  - CR1057\n'), 'change-requests/CR1057.yaml': cr('CR1057', 'status: in-progress\n') },
      AS_OF,
    );
    expect(noDate).toMatchObject([{ severity: 'warning' }]);
    expect(noDate[0]!.message).toContain(
      'needs CR1057 before go-live (by 4 November 2021: by go-live), but CR1057 has no expected date yet (change-requests/CR1057.yaml)',
    );
    const missing = await run(dependencyInTime, { 'modifications/MP1.yaml': needing('  - CR1099\n') }, AS_OF);
    expect(missing[0]!.message).toContain(
      'but CR1099 is not recorded, so secrel cannot tell whether it is done in time: add change-requests/CR1099.yaml with its status and expected date',
    );
    expect(missing[0]!.message).not.toContain('record the date');
  });

  it('suggests the recorded Change Request a missing id is likely a typo of (two digits swapped)', async () => {
    const files = {
      'modifications/MP1.yaml': needing('  - CR1075\n'),
      'change-requests/CR1057.yaml': cr('CR1057', 'status: in-progress\n'),
      'change-requests/CR1047.yaml': cr('CR1047', 'status: in-progress\n'),
    };
    const [typo] = await run(dependencyInTime, files, AS_OF);
    // An error, not a warning: the Change Request meant may well be late, and a warning would hide that.
    expect(typo!.severity).toBe('error');
    // Two edits away (CR1090 for CR1100) may be another Change Request: suggested, but a warning.
    const [apart] = await run(
      dependencyInTime,
      { 'modifications/MP1.yaml': needing('  - CR1090\n'), 'change-requests/CR1100.yaml': cr('CR1100', 'status: in-progress\n') },
      AS_OF,
    );
    expect(apart).toMatchObject({ severity: 'warning' });
    expect(apart!.message).toContain('did you mean CR1100?');
    expect(typo!.message).toContain(
      'but CR1075 is not recorded, so secrel cannot tell whether it is done in time: did you mean CR1057? If not, add change-requests/CR1075.yaml with its status and expected date',
    );
  });

  it('is an error once the date it is needed has passed with nothing done and no date: it cannot be in time', async () => {
    const deps = '  - { id: CR1057, needed: before-development, lead: 9m }\n';
    const files = { 'modifications/MP1.yaml': needing(deps), 'change-requests/CR1057.yaml': cr('CR1057', 'status: in-progress\n') };
    // Needed by 4 February 2021: a warning before then, an error after.
    expect(await run(dependencyInTime, files, '2021-02-04')).toMatchObject([{ severity: 'warning' }]);
    const [late] = await run(dependencyInTime, files, '2021-02-05');
    expect(late).toMatchObject({ severity: 'error', rule: 'DEP-1' });
    expect(late!.message).toBe(
      'MP1 in the November 2021 SEC Release needs CR1057 before development (by 4 February 2021: 9m before go-live), but CR1057 has no expected date yet ' +
        '(change-requests/CR1057.yaml) and is not done, and 4 February 2021 has passed, so it cannot be in time: move MP1 to a later release once CR1057 has a date, or record CR1057 as done if it was',
    );
    // Not recorded at all: whether it was done is unknown, so still a warning.
    expect(await run(dependencyInTime, { 'modifications/MP1.yaml': needing('  - CR1099\n') }, '2021-06-01')).toMatchObject([{ severity: 'warning' }]);
  });

  it('a Change Request expected in time whose expected day has passed, not done: a warning, then an error once it was needed', async () => {
    const deps = '  - { id: CR1047, needed: before-development, lead: 9m }\n';
    const files = { 'modifications/MP1.yaml': needing(deps), 'change-requests/CR1047.yaml': cr('CR1047', 'status: in-progress\nexpected: 2020-12-31\n') };
    // Expected 31 December 2020, needed by 4 February 2021.
    expect(await run(dependencyInTime, files, '2020-12-31')).toEqual([]);
    const [stale] = await run(dependencyInTime, files, '2021-01-15');
    expect(stale).toMatchObject({ severity: 'warning', rule: 'DEP-1' });
    expect(stale!.message).toBe(
      'MP1 in the November 2021 SEC Release needs CR1047 before development (by 4 February 2021: 9m before go-live); it was expected on 31 December 2020, ' +
        'which has passed, and it is not recorded as done: record it as done if it is, else its new expected date',
    );
    const [late] = await run(dependencyInTime, files, '2021-02-05');
    expect(late).toMatchObject({ severity: 'error' });
    expect(late!.message).toContain('which has passed, as has the day it was needed, and it is not recorded as done');
  });

  it('leaves a modification id that names no modification to REF', async () => {
    expect(await run(dependencyInTime, { 'modifications/MP1.yaml': needing('  - MP2\n') }, AS_OF)).toEqual([]);
  });

  it('is an error for a cancelled Change Request or a withdrawn modification', async () => {
    const cancelled = await run(
      dependencyInTime,
      { 'modifications/MP1.yaml': needing('  - CR1\n'), 'change-requests/CR1.yaml': cr('CR1', 'status: cancelled\n') },
      AS_OF,
    );
    expect(cancelled).toMatchObject([{ severity: 'error' }]);
    expect(cancelled[0]!.message).toContain('but CR1 is cancelled: remove the dependency or re-plan MP1');
    const withdrawn = await run(
      dependencyInTime,
      { 'modifications/MP1.yaml': needing('  - MP2\n'), 'modifications/MP2.yaml': mod('MP2', 'status: withdrawn\n') },
      AS_OF,
    );
    expect(withdrawn[0]!.message).toContain('but MP2 is withdrawn');
  });

  it('dates a modification dependency by its release: before testing is 6 months before go-live', async () => {
    const text = needing('  - { id: MP2, needed: before-testing }\n');
    const files = {
      'modifications/MP1.yaml': text,
      'modifications/MP2.yaml': mod(
        'MP2',
        yaml`
      systemImpact: true
      implementation:
        release: 2021-06
    `,
      ),
    };
    const [f] = await run(dependencyInTime, files, AS_OF);
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toContain('needs MP2 before testing (by 4 May 2021: testing starts 6 months before go-live), but MP2 is expected on 24 June 2021');
    expect(await run(dependencyInTime, { ...files, 'modifications/MP1.yaml': needing('  - MP2\n') }, AS_OF)).toEqual([]);
  });

  it("uses the modification's own lead time for before-development, else 12 months", async () => {
    const deps = '  - { id: CR1, needed: before-development }\n';
    const crFile = { 'change-requests/CR1.yaml': cr('CR1', 'expected: 2020-12-01\n') };
    const twelve = await run(dependencyInTime, { 'modifications/MP1.yaml': needing(deps), ...crFile }, AS_OF);
    expect(twelve[0]!.message).toContain('(by 4 November 2020: development starts 12 months before go-live, when the systems scope is set)');
    const nine = mod('MP1', `systemImpact: true\nleadTime: 9m\ndependsOn:\n${deps}implementation:\n  release: 2021-11\n`);
    expect(await run(dependencyInTime, { 'modifications/MP1.yaml': nine, ...crFile }, AS_OF)).toEqual([]);
  });

  it('leaves implemented modifications and releases already live alone', async () => {
    const files = { 'modifications/MP1.yaml': needing('  - CR1\n', '2019-11') };
    expect(await run(dependencyInTime, files, AS_OF)).toEqual([]);
  });
});
