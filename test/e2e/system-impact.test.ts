// `systemImpact: dcc | user | none` through the CLI: the release type follows DCC-System impact (Policy section 3),
// the 12-month scope cut-off follows DCC-or-User-system impact (section 5); `true`/`false` still read as before.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-impact-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const mod = (impact: string, added: string) =>
  `id: MP3\ntitle: New field\nstatus: approved\nsystemImpact: ${impact}\n` + `implementation:\n  release: 2028-02\n  addedToScope: ${added}\n`;
type Json = { findings: { rule: string; severity: string }[] };
const rules = async (impact: string, added: string) => {
  const r = await secrel([
    'check',
    '--repo',
    repo({ 'modifications/MP3.yaml': mod(impact, added) }),
    '--as-of',
    '2027-03-05',
    '--release',
    '2028-02',
    '--format',
    'json',
  ]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule.startsWith('SCP')).map((f) => `${f.rule} ${f.severity}`);
};

describe('systemImpact', () => {
  it('user: fits a Documentation Release, but its scope closes 12 months before go-live', async () => {
    expect(await rules('user', '2027-02-20')).toEqual([]);
    expect(await rules('user', '2027-03-01')).toEqual(['SCP-2 error']);
  });

  it('dcc and true need a System Release; none and false have the 6-month cut-off', async () => {
    expect(await rules('dcc', '2027-02-20')).toEqual(['SCP-3 error']);
    expect(await rules('true', '2027-02-20')).toEqual(['SCP-3 error']);
    expect(await rules('none', '2027-03-01')).toEqual([]);
    expect(await rules('false', '2027-03-01')).toEqual([]);
  });

  it('is shown as User System only in plan, and a misspelling is a schema error', async () => {
    const plan = await secrel([
      'plan',
      '--repo',
      repo({ 'modifications/MP3.yaml': mod('user', '2027-02-20') }),
      '--as-of',
      '2027-03-05',
      '--release',
      '2028-02',
    ]);
    expect(plan.stdout).toContain('1 User System only');
    expect(plan.stdout).toMatch(/MP3\s+New field\s+approved\s+user sys/);
    const bad = await secrel(['validate', '--repo', repo({ 'modifications/MP3.yaml': mod('users', '2027-02-20') })]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('modifications/MP3.yaml:4:15');
  });
});

describe('CST-2 two decimals', () => {
  it('is an error for an amount with more than two decimals, never a silent rounding', async () => {
    const text =
      'id: MP3\ntitle: Costly\nstatus: approved\nsystemImpact: dcc\nimplementation:\n  release: 2028-06\ncosts:\n  dcc:\n    sit: 100.005\n    uit: 12.5\n';
    const r = await secrel(['check', '--repo', repo({ 'modifications/MP3.yaml': text }), '--as-of', '2027-01-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP3.yaml:9:10 error CST-2');
    expect(r.stdout).toContain('costs.dcc.sit is 100.005, which has more than two decimals');
    expect(r.stdout).not.toContain('costs.dcc.uit');
  });
});
