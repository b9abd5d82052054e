// One answer to "the next release it could still make": SCP-2, SCP-3, IMP-1 and DEP-1 never send one
// modification to two releases, nor to one whose cut-off or decision-by date has passed; an approved
// modification moves only by an Authority-approved revision (IMP-6).
import { describe, expect, it } from 'vitest';
import { passedDecisionBy } from '../../../src/domain/rules/decision-by.js';
import { dependencyInTime } from '../../../src/domain/rules/dependencies.js';
import { lateAddition, systemChangeInDocumentationRelease } from '../../../src/domain/rules/scope.js';
import { mod, run } from './repo.js';

describe('the next release a hint names', () => {
  it('SCP-3 and IMP-1 name the same release, past the June 2021 release whose cut-off and decision-by date have gone', async () => {
    // 12 months' lead, targeting the February 2021 Documentation Release, undecided on 1 July 2020.
    const files = { 'modifications/MP1.yaml': mod('MP1', 'systemImpact: true\nleadTime: 12m\nimplementation:\n  release: 2021-02\n') };
    const [scp3] = await run(systemChangeInDocumentationRelease, files, '2020-07-01');
    const [imp1] = await run(passedDecisionBy, files, '2020-07-01');
    expect(scp3!.message).toContain('the next it could still make is the November 2021 SEC Release, 2021-11');
    expect(imp1!.message).toContain('its fall-back is the November 2021 SEC Release (2021-11)');
  });

  it('SCP-2 passes over a release whose cut-off passed since the modification joined', async () => {
    // Documentation-only, joined June 2020 late (10 January 2020); by 1 June 2020 November 2020's cut-off (5 May) is gone too.
    const text = mod('MP1', 'systemImpact: false\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-10\n');
    const [f] = await run(lateAddition, { 'modifications/MP1.yaml': text }, '2020-06-01');
    expect(f!.message).toContain('or move MP1 to the February 2021 SEC Release (2021-02)');
  });

  it('DEP-1 and SCP-2 ask for an Authority-approved revision to move an approved modification', async () => {
    const approved = 'status: approved\ndecision:\n  date: 2019-12-02\nsystemImpact: true\n';
    const dep = mod('MP1', `${approved}dependsOn:\n  - { id: CR1047, needed: before-development, lead: 9m }\nimplementation:\n  release: 2021-06\n`);
    const [f] = await run(
      dependencyInTime,
      { 'modifications/MP1.yaml': dep, 'change-requests/CR1047.yaml': 'id: CR1047\ntitle: CSP\nexpected: 2020-12-31\n' },
      '2020-01-17',
    );
    expect(f!.message).toContain(
      'ask the Authority to approve a revised implementation date in the November 2021 SEC Release (2021-11), the first release it is in time for, ' +
        'and record it under implementation.revisions (IMP-6), or bring CR1047 forward',
    );
    const late = mod('MP1', `${approved}implementation:\n  release: 2020-06\n  addedToScope: 2020-01-10\n`);
    const [g] = await run(lateAddition, { 'modifications/MP1.yaml': late }, '2020-01-17');
    expect(g!.message).toContain(
      'or ask the Authority to approve a revised implementation date in the June 2021 SEC Release (2021-06) and record it under implementation.revisions (IMP-6)',
    );
  });

  it('an approved modification with a lead time is sent where a revision decided today still gives the DCC that time', async () => {
    // 18 months' lead: June 2021's decision-by date (24 December 2019) has passed; November 2021's (4 May 2020) has not.
    const text = mod(
      'MP1',
      'status: approved\ndecision:\n  date: 2020-01-10\nsystemImpact: true\nleadTime: 18m\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-10\n',
    );
    const [f] = await run(lateAddition, { 'modifications/MP1.yaml': text }, '2020-01-17');
    expect(f!.message).toContain('ask the Authority to approve a revised implementation date in the November 2021 SEC Release (2021-11)');
  });
});
