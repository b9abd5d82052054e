// Working Days modifications (IMP-3) through the CLI: the date is computed from the decision (Self-Governance:
// the end of the referral window), checked against a recorded implementation.date and freezes, shown in plan.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-wd-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// Window ends Wednesday 24 March 2027; Good Friday and Easter Monday (26, 29 March) are not Working Days.
const wd = (date = '') =>
  'id: MP6\ntitle: Quick fix\nstatus: approved\ngovernance: self-governance\nsystemImpact: none\nleadTime: 10wd\n' +
  `decision:\n  date: 2027-03-03\n  referralWindowEnd: 2027-03-24\n${date ? `implementation:\n  date: ${date}\n` : ''}notices:\n  approval: 2027-03-25\n`;

describe('a modification with a Working Days lead time', () => {
  it('has its date computed from the end of the referral window; a recorded date that differs is an error naming both', async () => {
    const ok = await secrel(['check', '--repo', repo({ 'modifications/MP6.yaml': wd('2027-04-09') }), '--as-of', '2027-04-01']);
    expect(ok.stdout).not.toContain('IMP-3');
    const wrong = await secrel(['check', '--repo', repo({ 'modifications/MP6.yaml': wd('2027-04-05') }), '--as-of', '2027-04-01']);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain('modifications/MP6.yaml:11:9 error IMP-3');
    expect(wrong.stdout).toContain(
      "MP6's implementation.date is 5 April 2027, but 10 Working Days following decision (the end of the Self-Governance referral window on 24 March 2027) is 9 April 2027",
    );
  });

  it('is checked against change freezes on its computed date', async () => {
    const config = 'freezes:\n  - from: 2027-04-06\n    to: 2027-04-16\n    reason: Easter systems freeze\n';
    const dir = repo({ 'modifications/MP6.yaml': wd(), 'secrel.config.yaml': config });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2027-04-01']);
    expect(r.stdout).toContain('error CAL-6');
    expect(r.stdout).toContain(
      'MP6 is to be implemented 10 Working Days following decision, on 9 April 2027, inside the change freeze from 6 April 2027 to 16 April 2027',
    );
    // Its approval notice does not announce the date as if it could stand.
    expect((await secrel(['render', 'notices', '--repo', dir, '--as-of', '2027-04-01'])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out/notices/working-days/approval-MP6.md'), 'utf8')).toContain(
      '**Note:** 9 April 2027 is inside the change freeze from 6 April 2027 to 16 April 2027 (Easter systems freeze), when nothing may be implemented (CAL-6): the date has to change.',
    );
  });

  it('is shown in plan with its computed date', async () => {
    const dir = repo({ 'modifications/MP6.yaml': wd() });
    const text = await secrel(['plan', '--repo', dir, '--as-of', '2027-04-01']);
    expect(text.stdout).toContain('Working Days implementations');
    expect(text.stdout).toContain('10 Working Days following decision (referral window ended Wed 24 Mar 2027):');
    expect(text.stdout).toContain('Fri 9 Apr 2027 in 8 days');
    const json = JSON.parse((await secrel(['plan', '--repo', dir, '--as-of', '2027-04-01', '--format', 'json'])).stdout);
    expect(json.workingDays).toEqual([
      {
        id: 'MP6',
        title: 'Quick fix',
        status: 'approved',
        sentence: '10 Working Days following decision',
        date: '2027-04-09',
        days: 8,
        start: { date: '2027-03-24', kind: 'referral-window-end' },
      },
    ]);
  });
});

describe('a Working Days modification placed in a release', () => {
  const placed = wd().replace('notices:', 'implementation:\n  release: 2027-06-mp6\n  addedToScope: 2027-03-25\nnotices:');
  const adhoc = 'id: 2027-06-mp6\nadhoc: true\ntype: documentation\ndate: 2027-06-10\nagreed: 2027-03-01\n';

  it("has one implementation date, the release's: plan lists it in the scope only, and check says which dates disagree", async () => {
    const dir = repo({ 'modifications/MP6.yaml': placed, 'releases/2027-06-mp6.yaml': adhoc });
    const plan = await secrel(['plan', '--repo', dir, '--as-of', '2027-04-01', '--format', 'json']);
    const json = JSON.parse(plan.stdout);
    expect(json.workingDays).toEqual([]);
    const release = json.releases.find((r: { id: string }) => r.id === '2027-06-mp6');
    expect(JSON.stringify(release.scope)).toContain('"MP6"');
    const check = await secrel(['check', '--repo', dir, '--as-of', '2027-04-01']);
    expect(check.stdout).toContain(
      'modifications/MP6.yaml:6:11 warning IMP-3\n    MP6 has a 10wd lead time, which implements it on 9 April 2027 (10 Working Days following decision: the end of the Self-Governance referral window on 24 March 2027), but it is in the June 2027 SEC Release (mp6), going live on 10 June 2027: secrel goes by the release.',
    );
  });
});

describe('a Working Days modification outside plan (issue 13, point 3)', () => {
  const undecided =
    'id: MP7\ntitle: Another fix\nstatus: report\ngovernance: authority\nsystemImpact: none\nleadTime: 20wd\ndecision:\n  expected: 2027-05-03\n';

  it('is in calendar with its computed date, in the table, the JSON and the .ics', async () => {
    const dir = repo({ 'modifications/MP6.yaml': wd() });
    const text = await secrel(['calendar', '2027', '--repo', dir]);
    expect(text.stdout).toContain('Working Days implementations (on their own date, not with a release):');
    expect(text.stdout).toContain('MP6: Fri 09 Apr 2027, 10 Working Days following decision (the referral window\n  ended 24 Mar 2027): Quick fix');
    const json = JSON.parse((await secrel(['calendar', '2027', '--repo', dir, '--format', 'json'])).stdout);
    expect(json.implementations).toEqual([
      {
        id: 'MP6',
        title: 'Quick fix',
        date: '2027-04-09',
        sentence: '10 Working Days following decision',
        from: { date: '2027-03-24', kind: 'referral-window-end' },
      },
    ]);
    const ics = join(dir, 'out.ics');
    const r = await secrel(['calendar', '2027', '--repo', dir, '--ics', ics]);
    expect(r.stderr).toContain('and 1 Working Days modification');
    const feed = readFileSync(ics, 'utf8').replace(/\r\n /g, '');
    expect(feed).toContain('UID:MP6.implementation@');
    expect(feed).toContain('DTSTART;VALUE=DATE:20270409');
    expect(feed).toContain('SUMMARY:MP6 implemented: Quick fix');
    // Outside the range it is not listed.
    expect((await secrel(['calendar', '2028', '--repo', dir])).stdout).not.toContain('MP6');
  });

  it('has its date on its page, in the Register and the site calendar, and its approval notice rendered', async () => {
    const dir = repo({ 'modifications/MP6.yaml': wd(), 'modifications/MP7.yaml': undecided });
    const out = join(dir, 'out');
    expect((await secrel(['render', '--repo', dir, '--out', out, '--as-of', '2027-06-01'])).exitCode).toBe(0);
    const page = readFileSync(join(out, 'site/modifications/MP6.html'), 'utf8');
    expect(page).toContain(
      'Approved for implementation on Friday 9 April 2027, 10 Working Days following decision (the end of the Self-Governance referral window on 24 March 2027), on its own date rather than with a release.',
    );
    expect(page).toContain('<p>10 Working Days following decision: Friday 9 April 2027.</p>');
    expect(readFileSync(join(out, 'site/modifications/MP7.html'), 'utf8')).toContain(
      'Not yet decided: if approved, it goes live 20 Working Days following decision, on its own date rather than with a release.',
    );
    const register = readFileSync(join(out, 'site/register.html'), 'utf8');
    expect(register).toContain('<td data-sort="2027-04-09"><time datetime="2027-04-09">9 April 2027</time> (10 Working Days following decision)</td>');
    expect(register).toContain('<td data-sort="">20 Working Days following decision</td>');
    expect(readFileSync(join(out, 'site/calendar.ics'), 'utf8')).toContain('UID:MP6.implementation@');
    const notice = readFileSync(join(out, 'notices/working-days/approval-MP6.md'), 'utf8');
    expect(notice).toContain('# MP6 approved for implementation on Friday 9 April 2027');
    expect(notice).toContain(
      '| Lead time | 10 Working Days following decision (the end of the Self-Governance referral window, when the approval became final, on 24 March 2027) |',
    );
    expect(notice).toContain('MP6 will be implemented on 9 April 2027');
    expect((await secrel(['render', '--repo', dir, '--out', out, '--check', '--as-of', '2027-06-01'])).exitCode).toBe(0);
  });

  it('says what its date counts from also when the file records that same date', async () => {
    const dir = repo({ 'modifications/MP6.yaml': wd('2027-04-09') });
    const out = join(dir, 'out');
    expect((await secrel(['render', 'notices', '--repo', dir, '--out', out, '--as-of', '2027-06-01'])).exitCode).toBe(0);
    expect(readFileSync(join(out, 'notices/working-days/approval-MP6.md'), 'utf8')).toContain(
      '| Lead time | 10 Working Days following decision (the end of the Self-Governance referral window, when the approval became final, on 24 March 2027) |',
    );
  });
});
