// Working Days modifications (IMP-3) through the CLI: the date is computed from the decision (Self-Governance:
// the end of the referral window), checked against a recorded implementation.date and freezes, shown in plan.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
const wd = (date = '') => 'id: MP6\ntitle: Quick fix\nstatus: approved\ngovernance: self-governance\nsystemImpact: none\nleadTime: 10wd\n' +
  `decision:\n  date: 2027-03-03\n  referralWindowEnd: 2027-03-24\n${date ? `implementation:\n  date: ${date}\n` : ''}notices:\n  approval: 2027-03-25\n`;

describe('a modification with a Working Days lead time', () => {
  it('has its date computed from the end of the referral window; a recorded date that differs is an error naming both', async () => {
    const ok = await secrel(['check', '--repo', repo({ 'modifications/MP6.yaml': wd('2027-04-09') }), '--as-of', '2027-04-01']);
    expect(ok.stdout).not.toContain('IMP-3');
    const wrong = await secrel(['check', '--repo', repo({ 'modifications/MP6.yaml': wd('2027-04-05') }), '--as-of', '2027-04-01']);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain('modifications/MP6.yaml:11:9 error IMP-3');
    expect(wrong.stdout).toContain("MP6's implementation.date is 5 April 2027, but 10 Working Days following decision (the end of the Self-Governance referral window on 24 March 2027) is 9 April 2027");
  });

  it('is checked against change freezes on its computed date', async () => {
    const config = 'freezes:\n  - from: 2027-04-06\n    to: 2027-04-16\n    reason: Easter systems freeze\n';
    const r = await secrel(['check', '--repo', repo({ 'modifications/MP6.yaml': wd(), 'secrel.config.yaml': config }), '--as-of', '2027-04-01']);
    expect(r.stdout).toContain('error CAL-6');
    expect(r.stdout).toContain('MP6 is to be implemented 10 Working Days following decision, on 9 April 2027, inside the change freeze from 6 April 2027 to 16 April 2027');
  });

  it('is shown in plan with its computed date', async () => {
    const dir = repo({ 'modifications/MP6.yaml': wd() });
    const text = await secrel(['plan', '--repo', dir, '--as-of', '2027-04-01']);
    expect(text.stdout).toContain('Working Days implementations');
    expect(text.stdout).toContain('10 Working Days following decision (referral window ended Wed 24 Mar 2027):');
    expect(text.stdout).toContain('Fri 9 Apr 2027 in 8 days');
    const json = JSON.parse((await secrel(['plan', '--repo', dir, '--as-of', '2027-04-01', '--format', 'json'])).stdout);
    expect(json.workingDays).toEqual([{ id: 'MP6', title: 'Quick fix', status: 'approved', sentence: '10 Working Days following decision', date: '2027-04-09', days: 8,
      start: { date: '2027-03-24', kind: 'referral-window-end' } }]);
  });
});
