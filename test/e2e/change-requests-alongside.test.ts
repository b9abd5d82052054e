// A DCC Change Request recorded in change-requests/ naming a release (`releases: [2028-11]`) rides with it
// exactly as one the release file lists: the DCC changes its systems, so the release's cost deadlines,
// its plan, its calendar and its page all count it. Before, only the RID did: `check` hid an overdue
// Forecast Release Cost and `plan` and the calendar left the cost milestones out.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** November 2028 with one documentation-only modification; its Change Request listed in the release file or recorded apart. */
function repo(where: 'listed' | 'recorded' | 'none'): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-cr-alongside-'));
  dirs.push(dir);
  for (const d of ['releases', 'modifications', 'change-requests']) mkdirSync(join(dir, d));
  const listed = where === 'listed' ? 'changeRequests:\n  - { id: CR2001, title: CSP firmware uplift }\n' : '';
  writeFileSync(join(dir, 'releases/2028-11.yaml'), `id: 2028-11\n${listed}`);
  writeFileSync(
    join(dir, 'modifications/MP300.yaml'),
    'id: MP300\ntitle: Clarify the meter exchange wording\nstatus: approved\nsystemImpact: false\ndecision:\n  date: 2027-09-01\nimplementation:\n  release: 2028-11\n',
  );
  if (where === 'recorded') writeFileSync(join(dir, 'change-requests/CR2001.yaml'), 'id: CR2001\ntitle: CSP firmware uplift\nreleases: [2028-11]\n');
  return dir;
}

const AS_OF = ['--as-of', '2027-12-01'];

describe('a DCC Change Request alongside a documentation-only scope', () => {
  it('brings the cost deadlines to check, plan and the calendar, recorded apart as when listed in the release file', async () => {
    for (const where of ['listed', 'recorded'] as const) {
      const dir = repo(where);
      const check = await secrel(['check', '--release', '2028-11', '--repo', dir, ...AS_OF]);
      expect(check.stdout, where).toContain(
        'releases/2028-11.yaml:1:1 error CST-3\n    The Forecast Release Cost for the November 2028 SEC Release (at the first baseline, 12 months before go-live) was due on 2 November 2027 and is not recorded',
      );
      const plan = await secrel(['plan', '--release', '2028-11', '--repo', dir, ...AS_OF]);
      expect(plan.stdout, where).toContain('Alongside: CR2001 CSP firmware uplift (DCC Change Request)');
      expect(plan.stdout, where).toMatch(/OVERDUE by 29 days +2 Nov 2027 +Forecast Release Cost due/);
      const calendar = JSON.parse((await secrel(['calendar', '2028', '--format', 'json', '--repo', dir])).stdout) as {
        releases: { id: string; milestones: { id: string }[] }[];
      };
      const ids = calendar.releases.find((r) => r.id === '2028-11')!.milestones.map((m) => m.id);
      expect(ids, where).toEqual(expect.arrayContaining(['forecast-cost', 'actual-cost-report']));
    }
  });

  it('lists it on the release page of the site', async () => {
    const dir = repo('recorded');
    const r = await secrel(['render', 'site', '--repo', dir, ...AS_OF]);
    expect(r.exitCode).toBe(0);
    const page = readFileSync(join(dir, 'out/site/releases/2028-11.html'), 'utf8');
    expect(page).toContain('CR2001');
  });

  it('without one, the DCC changes nothing and costs nothing', async () => {
    const dir = repo('none');
    const check = await secrel(['check', '--release', '2028-11', '--repo', dir, ...AS_OF]);
    expect(check.stdout).not.toContain('CST-3');
    const plan = await secrel(['plan', '--release', '2028-11', '--repo', dir, ...AS_OF]);
    expect(plan.stdout).not.toContain('Forecast Release Cost');
  });
});
