// Self-Governance timing through the CLI: the approval notice (COM-1) is due 1 Working Day after the referral
// window ends (when the approval becomes final), not after the Change Board vote.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-self-governance-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const selfGoverned = (notice: string, windowEnd = '  referralWindowEnd: 2027-03-19\n') =>
  'id: MP5\ntitle: Self-governed tidy-up\nstatus: approved\ngovernance: self-governance\nsystemImpact: false\nleadTime: 12m\n' +
  `decision:\n  date: 2027-02-24\n${windowEnd}implementation:\n  release: 2028-06\n  addedToScope: 2027-02-24\n${notice}`;

describe('COM-1 for a Self-Governance modification', () => {
  it('is due 1 Working Day after the referral window ends, not after the vote', async () => {
    // Window ends Friday 19 March 2027: the notice is due Monday 22 March.
    const onTime = await secrel([
      'check',
      '--repo',
      repo({ 'modifications/MP5.yaml': selfGoverned('notices:\n  approval: 2027-03-22\n') }),
      '--as-of',
      '2027-04-01',
      '--format',
      'json',
    ]);
    expect(JSON.parse(onTime.stdout).findings.filter((f: { rule: string }) => f.rule === 'COM-1')).toEqual([]);
    const late = await secrel([
      'check',
      '--repo',
      repo({ 'modifications/MP5.yaml': selfGoverned('notices:\n  approval: 2027-03-23\n') }),
      '--as-of',
      '2027-04-01',
    ]);
    expect(late.exitCode).toBe(1);
    expect(late.stdout).toContain('error COM-1');
    expect(late.stdout).toContain(
      'went out on 23 March 2027, after it was due on 22 March 2027 (1 Working Day after the end of the Self-Governance referral window, when the approval becomes final, on 19 March 2027)',
    );
  });

  it('is not due before the window ends, says when it will be, and asks for the window end when it is not recorded', async () => {
    const during = await secrel(['check', '--repo', repo({ 'modifications/MP5.yaml': selfGoverned('') }), '--as-of', '2027-03-10', '--format', 'json']);
    const com1 = JSON.parse(during.stdout).findings.filter((f: { rule: string }) => f.rule === 'COM-1') as { severity: string; message: string }[];
    // Due soon, not overdue: its day is known once the Change Board has voted (found in a fresh-data trial).
    expect(com1.map((f) => f.severity)).toEqual(['warning']);
    expect(com1[0]!.message).toContain('is due on 22 March 2027 (in 12 days; 1 Working Day after the end of the Self-Governance referral window');
    expect(com1[0]!.message).toContain('unless the approval is referred');
    const unknown = await secrel(['check', '--repo', repo({ 'modifications/MP5.yaml': selfGoverned('', '') }), '--as-of', '2027-03-10']);
    expect(unknown.stdout).toContain('info COM-1');
    expect(unknown.stdout).toContain('record decision.referralWindowEnd');
  });
});

describe('the approval notice of a Self-Governance modification', () => {
  const notice = async (windowEnd?: string) => {
    const dir = repo({ 'modifications/MP5.yaml': selfGoverned('', windowEnd), 'releases/2028-06.yaml': 'id: 2028-06\ntype: system\n' });
    expect((await secrel(['render', 'notices', '--repo', dir, '--as-of', '2027-04-01'])).exitCode).toBe(0);
    return readFileSync(join(dir, 'out', 'notices', '2028-06', 'approval-MP5.md'), 'utf8');
  };

  it('gives the end of the referral window, when the approval became final, beside the vote', async () => {
    const md = await notice();
    expect(md).toContain('| Decision date | 24 February 2027 |\n| Referral window end | 19 March 2027, when the approval became final (Self-Governance) |\n');
  });

  it('says when the window end is not recorded', async () => {
    expect(await notice('')).toContain('| Referral window end | not recorded (Self-Governance: the approval is final once the referral window ends) |');
  });
});
