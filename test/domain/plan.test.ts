// The plan view model: what each release looks like as of a date, built from the example repository.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPlan, type PlanView } from '../../src/domain/plan.js';
import { ridAsOf } from '../../src/domain/rid-as-of.js';
import { referenceFindings } from '../../src/domain/references.js';
import { releaseViews } from '../../src/domain/releases.js';
import type { Release } from '../../src/domain/model.js';
import { runRules } from '../../src/domain/rules/index.js';
import { loadRepository } from '../../src/repo/load.js';
import { workTreeSource } from '../../src/repo/source.js';
import { locateFindings } from '../../src/repo/locate.js';

const DIR = fileURLToPath(new URL('../../fixtures/sec-2020', import.meta.url));

async function planAsOf(asOf: string, from: string, to: string): Promise<PlanView> {
  const repo = await loadRepository(DIR, workTreeSource(DIR));
  const findings = await locateFindings(repo.files, [...repo.findings, ...referenceFindings(repo), ...runRules(repo, { asOf })]);
  return buildPlan(repo, { asOf, from, to, views: releaseViews(repo, { from, to }), findings });
}

describe('buildPlan on the example repository as of 17 January 2020', () => {
  it('shows both 2020 releases with their date, type, countdown and RID', async () => {
    const plan = await planAsOf('2020-01-17', '2019-12-17', '2021-07-17');
    expect(plan.releases.map((r) => r.id)).toEqual(['2020-02', '2020-06', '2020-11', '2021-02', '2021-06']);
    const june = plan.releases[1]!;
    expect(june).toMatchObject({
      name: 'June 2020 SEC Release',
      date: '2020-06-25',
      weekday: 'Thursday',
      type: 'system',
      daysToGoLive: 160,
      file: 'releases/2020-06.yaml',
    });
    expect(june.rid).toEqual({ version: '1.1', lastBaseline: { version: '1.0', date: '2019-10-11', covers: 'systems' } });
    const nov = plan.releases[2]!;
    expect(nov).toMatchObject({ date: '2020-11-29', moved: true, scheduledDate: '2020-11-05' });
    expect(plan.releases[0]).toMatchObject({ id: '2020-02', scope: [], findings: [] });
    expect(plan.releases[0]!.file).toBeUndefined();
  });

  it('lists the scope, systems first, with parts and status', async () => {
    const june = (await planAsOf('2020-01-17', '2020-06-01', '2020-06-30')).releases[0]!;
    expect(june.scope.map((s) => [s.key, s.status, s.impact])).toEqual([
      ['SECMP0053', 'approved', 'system'],
      ['SECMP0062#1', 'targeted', 'system'],
      ['MP079', 'targeted', 'documentation'],
      ['MP084', 'targeted', 'documentation'],
      ['MP088', 'targeted', 'documentation'],
    ]);
    expect(june.scope[1]).toMatchObject({ modification: 'SECMP0062', part: 1, title: expect.stringContaining('Alert Storm Protection') });
    expect(june.changeRequests).toEqual([{ id: 'CR1088', title: 'DCC Production Proving' }]);
  });

  it('marks overdue deadlines first, then the next milestones, leaving out what is done', async () => {
    const june = (await planAsOf('2020-01-17', '2020-06-01', '2020-06-30')).releases[0]!;
    const overdue = june.milestones.filter((m) => m.state === 'overdue');
    expect(overdue.map((m) => [m.id, m.days])).toEqual([
      ['notice-12m', -206],
      ['tad-to-tag', -114],
      ['full-baseline', -23],
      ['tad-published', -23],
      ['notice-6m', -23],
    ]);
    const next = june.milestones.filter((m) => m.state === 'upcoming');
    expect(next).toHaveLength(5);
    expect(next[0]).toMatchObject({ label: 'Panel baselines RID for non-system-impacting modifications', days: 0 });
    // Baselined on 11 October 2019 and the forecast is recorded: neither is listed.
    expect(june.milestones.map((m) => m.id)).not.toContain('systems-baseline');
    expect(june.milestones.map((m) => m.id)).not.toContain('forecast-cost');
  });

  it("carries each release's findings, errors first, with the CST-2 total", async () => {
    const plan = await planAsOf('2020-01-17', '2019-12-17', '2021-07-17');
    const june = plan.releases[1]!;
    expect(june.findings[0]!.severity).toBe('error');
    expect(june.findings.find((f) => f.rule === 'CST-2')!.message).toContain('£1,120,042 but the breakdown (costs.forecast) sums to £1,180,042');
    expect(june.summary.errors).toBe(june.findings.filter((f) => f.severity === 'error').length);
    // The five DEP-1 warnings (CR1057 has no date) are about November 2021, outside the 18-month window.
    expect(plan.summary).toMatchObject({ releases: 5, otherFindings: 5 });
    expect(plan.summary.errors).toBe(plan.releases.reduce((n, r) => n + r.summary.errors, 0));
  });

  it('is what was known on the day: a later as-of moves the countdown and the deadlines', async () => {
    const june = (await planAsOf('2020-06-01', '2020-06-01', '2020-06-30')).releases[0]!;
    expect(june.daysToGoLive).toBe(24);
    expect(june.milestones.filter((m) => m.state === 'overdue').map((m) => m.id)).toContain('go-live-evidence');
  });
});

describe('ridAsOf', () => {
  const rid = {
    id: '2020-06',
    rid: {
      version: '2.0',
      baselines: [
        { version: '1.0', date: '2019-10-11', covers: 'systems' },
        { version: '2.0', date: '2020-02-01', covers: 'all' },
      ],
      history: [
        { version: '0.1', date: '2019-05-09', changes: 'x' },
        { version: '1.0', date: '2019-10-11', changes: 'x' },
        { version: '2.0', date: '2020-02-01', changes: 'x' },
      ],
    },
  } as Release;

  it.each([
    ['2019-01-01', {}],
    ['2019-06-01', { version: '0.1' }],
    ['2020-01-17', { version: '1.0', lastBaseline: { version: '1.0', date: '2019-10-11', covers: 'systems' } }],
    ['2020-03-01', { version: '2.0', lastBaseline: { version: '2.0', date: '2020-02-01', covers: 'all' } }],
  ])('as of %s', (asOf, expected) => expect(ridAsOf(rid, asOf)).toEqual(expected));
});

describe('what each release waits on (DEP-1), January 2020', () => {
  it('lists CR1047 (expected end of Q4 2020, in time) and CR1057 (no date) for the five November 2021 candidates', async () => {
    const nov21 = (await planAsOf('2020-01-17', '2021-11-01', '2021-11-30')).releases[0]!;
    const five = ['MP078', 'SECMP0007', 'SECMP0015', 'SECMP0024', 'SECMP0056'];
    expect(nov21.waitingFor).toEqual([
      {
        id: 'CR1047',
        kind: 'change-request',
        needed: 'before-development',
        neededBy: '2021-02-04',
        for: five,
        state: 'in-time',
        done: false,
        date: '2020-12-31',
      },
      { id: 'CR1057', kind: 'change-request', needed: 'before-development', neededBy: '2021-02-04', for: five, state: 'unknown', done: false },
    ]);
    const june20 = (await planAsOf('2020-01-17', '2020-06-01', '2020-06-30')).releases[0]!;
    expect(june20.waitingFor).toEqual([]);
  });

  it('says CR1047 is overdue once 31 December 2020 has passed undone, as check warns, and late once 4 February 2021 has too', async () => {
    const cr1047 = async (asOf: string) => (await planAsOf(asOf, '2021-11-01', '2021-11-30')).releases[0]!.waitingFor.find((w) => w.id === 'CR1047');
    expect(await cr1047('2021-01-15')).toMatchObject({ state: 'overdue', date: '2020-12-31', neededBy: '2021-02-04' });
    expect(await cr1047('2021-02-05')).toMatchObject({ state: 'late' });
  });
});
