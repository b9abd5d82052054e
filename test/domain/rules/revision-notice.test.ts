// IMP-6's notice to Parties of the Authority's revised implementation date ("as soon as reasonably practical"):
// a warning from the day the revision is recorded until implementation.revisions[].notified records the notice,
// an error for a notice recorded before the revision; nothing for a re-target before the decision.
import { describe, expect, it } from 'vitest';
import { revisedDates } from '../../../src/domain/rules/implementation.js';
import { mod, positionOf, run, yaml } from './repo.js';

const revised = (revision: string, status = 'approved') =>
  mod(
    'MP1',
    yaml`
  status: ${status}
  systemImpact: true
  leadTime: 12m
  decision:
    date: 2019-06-03
  implementation:
    release: 2020-11
    revisions:
`,
  ) + revision;
const files = (text: string) => ({ 'modifications/MP1.yaml': text });

describe('IMP-6 Parties are told of the Authority’s revised implementation date', () => {
  const open = '      - { date: 2019-09-02, from: 2020-06, to: 2020-11, reason: DCC capacity }\n';

  it('warns once the revision is recorded with no notice, at the revision, naming the field and what to do', async () => {
    const text = revised(open);
    const found = await run(revisedDates, files(text), '2019-09-10');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'IMP-6',
      severity: 'warning',
      modification: 'MP1',
      release: '2020-11',
      ...positionOf(text, '{ date: 2019-09-02'),
    });
    expect(found[0]!.message).toBe(
      'The Authority agreed on 2 September 2019 to move MP1 from the June 2020 SEC Release (25 June 2020) to the November 2020 SEC Release ' +
        '(5 November 2020), which supersedes the date it had, and no notice of it to Parties is recorded: the Panel informs Parties of the ' +
        "Authority's decision as soon as reasonably practical. Issue the notice (`secrel render notices` drafts it with the new release's notices) " +
        'and record the day it went out in implementation.revisions[0].notified',
    );
  });

  it('stays a warning however long it has been: the Policy sets no day', async () => {
    const [f] = await run(revisedDates, files(revised(open)), '2021-01-10');
    expect(f).toMatchObject({ rule: 'IMP-6', severity: 'warning' });
  });

  it('says nothing once notified is recorded, or before the revision has happened', async () => {
    const notified = revised(open.replace('reason:', 'notified: 2019-09-03, reason:'));
    expect(await run(revisedDates, files(notified), '2019-09-10')).toEqual([]);
    expect(await run(revisedDates, files(revised(open)), '2019-08-30')).toEqual([]);
  });

  it('is an error for a notice recorded before the Authority agreed the revision', async () => {
    const text = revised(open.replace('reason:', 'notified: 2019-08-30, reason:'));
    const [f] = await run(revisedDates, files(text), '2019-09-10');
    expect(f).toMatchObject({ rule: 'IMP-6', severity: 'error', ...positionOf(text, '2019-08-30') });
    expect(f!.message).toContain('implementation.revisions[0].notified says the notice of the revised implementation date went out on 30 August 2019');
    expect(f!.message).toMatch(/Correct it to the day the notice was issued$/);
  });

  it('counts a notice recorded after as-of as not issued yet', async () => {
    const [f] = await run(revisedDates, files(revised(open.replace('reason:', 'notified: 2019-09-20, reason:'))), '2019-09-10');
    expect(f!.message).toContain('(implementation.revisions[0].notified records 20 September 2019, after 10 September 2019, so it counts as not issued yet)');
  });

  it('asks only for the latest revision: the date that stands', async () => {
    const text = revised(open + '      - { date: 2020-01-06, from: 2020-11, to: 2021-06 }\n').replace('release: 2020-11', 'release: 2021-06');
    const found = await run(revisedDates, files(text), '2020-01-10');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ release: '2021-06', ...positionOf(text, '{ date: 2020-01-06') });
    expect(found[0]!.message).toContain('implementation.revisions[1].notified');
  });

  it('says nothing of a change of target before the decision (a re-target), nor of a modification not approved', async () => {
    const retarget = mod(
      'MP1',
      yaml`
  status: approved
  decision:
    date: 2019-10-01
  implementation:
    release: 2020-11
    retargets:
      - { date: 2019-09-02, from: 2020-06, to: 2020-11 }
`,
    );
    expect(await run(revisedDates, files(retarget), '2019-10-10')).toEqual([]);
    const targeted = await run(revisedDates, files(revised(open, 'development')), '2019-09-10');
    expect(targeted.map((f) => f.message)).not.toContainEqual(expect.stringContaining('notice'));
  });
});
