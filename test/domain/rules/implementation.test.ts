// IMP-5 (a decision after the fall-back window) and IMP-6 (Authority-approved revisions supersede the original).
import { describe, expect, it } from 'vitest';
import { decisionAfterWindow, revisedDates } from '../../../src/domain/rules/implementation.js';
import { mod, positionOf, run, yaml } from './repo.js';

const approved = (decision: string, extra = '') =>
  mod(
    'MP1',
    yaml`
  status: approved
  systemImpact: true
  leadTime: 12m
  decision:
    date: ${decision}
  implementation:
    release: 2020-06
`,
  ) + extra;

describe('IMP-5 a decision after the fall-back window leaves no valid implementation date', () => {
  it('passes a decision on or before the decision-by date, and a Working Days lead time', async () => {
    expect(await run(decisionAfterWindow, { 'modifications/MP1.yaml': approved('2019-06-25') }, '2020-01-17')).toEqual([]);
    const wd = approved('2019-12-01').replace('leadTime: 12m', 'leadTime: 20wd');
    expect(await run(decisionAfterWindow, { 'modifications/MP1.yaml': wd }, '2020-01-17')).toEqual([]);
  });

  it('warns at the release when the decision falls in the fall-back window', async () => {
    const text = approved('2019-08-01');
    const [f] = await run(decisionAfterWindow, { 'modifications/MP1.yaml': text }, '2020-01-17');
    expect(f).toMatchObject({ rule: 'IMP-5', severity: 'warning', modification: 'MP1', release: '2020-06', ...positionOf(text, '2020-06') });
    expect(f!.message).toContain(
      'the fall-back applies: set implementation.release to 2020-11 (5 November 2020, November 2020 SEC Release), or, if the Authority approved a revised date keeping it in the June 2020 SEC Release, record that under implementation.revisions (IMP-6)',
    );
    expect(f!.message).not.toContain('scope exception');
    const excepted = text.replace('release: 2020-06', 'release: 2020-06\n  exception: The Panel agreed to add it late.');
    const [g] = await run(decisionAfterWindow, { 'modifications/MP1.yaml': excepted }, '2020-01-17');
    expect(g!.message).toMatch(/; the scope exception recorded lets it into the scope after the cut-off, but does not change its implementation date$/);
  });

  it('is an error at the decision date after both windows, until the Authority approves a new date', async () => {
    const text = approved('2019-12-01');
    const [f] = await run(decisionAfterWindow, { 'modifications/MP1.yaml': text }, '2020-01-17');
    expect(f).toMatchObject({ rule: 'IMP-5', severity: 'error', ...positionOf(text, '2019-12-01') });
    expect(f!.message).toContain('the fall-back window closed on 5 November 2019 (November 2020 SEC Release)');
    const revised = `${text}  revisions:\n    - { date: 2019-12-20, from: 2020-06, to: 2021-06 }\n`;
    expect(await run(decisionAfterWindow, { 'modifications/MP1.yaml': revised }, '2020-01-17')).toEqual([]);
  });

  it('uses the fall-back the file names', async () => {
    const text = approved('2019-12-01').replace('release: 2020-06', 'release: 2020-06\n  fallback: 2021-06');
    expect((await run(decisionAfterWindow, { 'modifications/MP1.yaml': text }, '2020-01-17'))[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('IMP-6 a revised date supersedes the original and both stay in the record', () => {
  const revised = (release: string, revisions: string) =>
    mod(
      'MP1',
      yaml`
    status: approved
    decision:
      date: 2019-06-01
    implementation:
      release: ${release}
      revisions:
  `,
    ) + revisions;

  it('passes a record whose release is the latest revision', async () => {
    const text = revised(
      '2021-06',
      '    - { date: 2019-10-01, from: 2020-06, to: 2020-11 }\n    - { date: 2020-03-01, from: 2020-11, to: 2021-06, notified: 2020-03-02 }\n',
    );
    expect(await run(revisedDates, { 'modifications/MP1.yaml': text }, '2020-06-01')).toEqual([]);
  });

  it('is an error when the release still names the superseded date', async () => {
    const text = revised('2020-06', '    - { date: 2019-10-01, from: 2020-06, to: 2020-11 }\n');
    const [f] = await run(revisedDates, { 'modifications/MP1.yaml': text }, '2020-06-01');
    expect(f).toMatchObject({ rule: 'IMP-6', severity: 'error', ...positionOf(text, '2020-06\n') });
    expect(f!.message).toContain('set implementation.release to 2020-11');
  });

  it('warns when the chain of revisions is broken, or the modification is not approved', async () => {
    const text = revised('2021-06', '    - { date: 2019-10-01, from: 2020-06, to: 2020-11 }\n    - { date: 2020-03-01, from: 2020-06, to: 2021-06 }\n');
    const [f] = await run(revisedDates, { 'modifications/MP1.yaml': text }, '2020-06-01');
    expect(f).toMatchObject({ rule: 'IMP-6', severity: 'warning', line: text.split('\n').findIndex((l) => l.includes('2020-03-01')) + 1 });
    const targeted = text.replace('status: approved', 'status: development');
    expect((await run(revisedDates, { 'modifications/MP1.yaml': targeted }, '2020-06-01'))[0]!.message).toContain('implementation.retargets');
  });
});
