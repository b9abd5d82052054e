// Small wrong answers (issue 13, point 10) as a user meets them through the CLI: a reversed freeze, parts that
// contradict themselves, an ad-hoc release sharing a scheduled month, a deadline on a weekend, per-part costs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-small-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const system = (id: string, extra = '') =>
  `id: ${id}\ntitle: A system change\nstatus: approved\nsystemImpact: dcc\nleadTime: 12m\ndecision:\n  date: 2026-02-01\n${extra}`;

describe('a release file the cycle cannot place', () => {
  it('says what to do in the file, and the modification targeting it is told the file gives no date, not that it has none', async () => {
    const dir = repo({
      'releases/2027-09.yaml': 'id: 2027-09\ntype: system\n',
      'modifications/MP501.yaml': 'id: MP501\ntitle: A change\nsystemImpact: none\nimplementation:\n  release: 2027-09\n',
    });
    const r = await secrel(['validate', '--repo', dir, '--as-of', '2026-12-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      'Release 2027-09 has no date: the cycle schedules no release in month 9; for an ad-hoc release add `adhoc: true`, its `date` and `type`, else use the id of a scheduled release',
    );
    expect(r.stdout).toContain(
      'release `2027-09` has no date: its file (releases/2027-09.yaml) gives none and the release cycle schedules no release that month (see the CAL finding in that file)',
    );
  });
});

describe('errors where secrel used to pass a contradiction in silence', () => {
  it('a change freeze that ends before it starts is a CAL-6 error', async () => {
    const dir = repo({ 'secrel.config.yaml': 'freezes:\n  - from: 2027-12-31\n    to: 2027-12-01\n    reason: Christmas\n' });
    const r = await secrel(['validate', '--repo', dir]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('secrel.config.yaml:3:9 error CAL-6');
    expect(r.stdout).toContain('this change freeze ends (2027-12-01) before it starts (2027-12-31), so it freezes nothing; swap `from` and `to`');
  });

  it('a part number listed twice, and parts beside implementation.release, are SCP-6 errors', async () => {
    const mod = system('MP10', 'implementation:\n  release: 2027-06\nparts:\n  - part: 1\n    release: 2027-06\n  - part: 1\n    release: 2027-11\n');
    const r = await secrel(['validate', '--repo', repo({ 'modifications/MP10.yaml': mod })]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP10.yaml:9:12 error SCP-6');
    expect(r.stdout).toContain('MP10 is delivered in parts, each with its own release, so implementation.release (2027-06) is ignored: remove it');
    expect(r.stdout).toContain('modifications/MP10.yaml:13:11 error SCP-6');
    expect(r.stdout).toContain('part 1 of MP10 is listed twice (parts[0] and parts[1])');
  });
});

describe('an ad-hoc release in a month the cycle schedules', () => {
  it('is named with its suffix, so it is never taken for the scheduled release', async () => {
    const dir = repo({
      'releases/2027-06-mp200.yaml': 'id: 2027-06-mp200\nadhoc: true\ntype: system\ndate: 2027-06-10\n',
      'modifications/MP200.yaml': system('MP200', 'implementation:\n  release: 2027-06-mp200\n'),
    });
    const plan = await secrel(['plan', '--repo', dir, '--as-of', '2027-01-20']);
    expect(plan.stdout).toContain('June 2027 SEC Release (mp200)  Thu 10 Jun 2027');
    expect(plan.stdout).toMatch(/^June 2027 SEC Release {2}Thu 24 Jun 2027/m);
    const check = await secrel(['check', '--repo', dir, '--as-of', '2027-01-20']);
    expect(check.stdout).toContain('June 2027 SEC Release (mp200) (2027-06-mp200, Thu 10 Jun 2027)');
    // An ad-hoc release in a month with no scheduled release keeps the Policy's name.
    const july = repo({ 'releases/2027-07-mp201.yaml': 'id: 2027-07-mp201\nadhoc: true\ntype: system\ndate: 2027-07-08\n' });
    expect((await secrel(['plan', '--repo', july, '--as-of', '2027-01-20'])).stdout).toMatch(/^July 2027 SEC Release {2}Thu 8 Jul 2027/m);
  });
});

describe('a deadline on a weekend', () => {
  it('says so and names the last Working Day before', async () => {
    // Moved to Sunday 7 November 2027: the TAD is due at the TAG on Sunday 7 February 2027.
    const dir = repo({
      'releases/2027-11.yaml': 'id: 2027-11\ndate: 2027-11-07\ndateReason: Moved by the Panel\n',
      'modifications/MP11.yaml': system('MP11', 'implementation:\n  release: 2027-11\n'),
    });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2027-01-20']);
    expect(r.stdout).toContain(
      "The TAD's submission to the TAG for the November 2027 SEC Release (at least 9 months before go-live) is due on " +
        'Sunday 7 February 2027 (the last Working Day before is Friday 5 February), in 18 days',
    );
  });
});

describe('a modification delivered in parts, costed per part (parts[].costs)', () => {
  it('has each part costed in its own release, and each part checked (CST-1, CST-2)', async () => {
    const mod = system(
      'MP12',
      'parts:\n  - part: 1\n    release: 2027-06\n    costs:\n      dcc: { designBuildPit: 1000, sit: 200, uit: 0, implementToLive: 50.5, oneOffOperational: 0, ongoingOperational: 0 }\n' +
        '  - part: 2\n    release: 2027-11\n    costs:\n      dcc: { designBuildPit: 3000, sit: 400, uit: 100, implementToLive: 70 }\n',
    );
    const dir = repo({ 'modifications/MP12.yaml': mod, 'releases/2027-06.yaml': 'id: 2027-06\n', 'releases/2027-11.yaml': 'id: 2027-11\n' });
    const out = join(dir, 'out');
    expect((await secrel(['render', 'rid', '--repo', dir, '--out', out])).exitCode).toBe(0);
    expect(readFileSync(join(out, 'rid/2027-06.md'), 'utf8')).toContain('| MP12 part 1 | £1,000 | £200 | £0 | £50.50 | £1,250.50 |');
    const november = readFileSync(join(out, 'rid/2027-11.md'), 'utf8');
    expect(november).toContain('| MP12 part 2 | £3,000 | £400 | £100 | £70 | £3,570 |');
    expect(november).not.toContain('are counted once, with part 1');
    const check = await secrel(['check', '--repo', dir, '--as-of', '2026-12-01']);
    expect(check.stdout).toContain("Part 2 of MP12's DCC cost breakdown lacks oneOffOperational, ongoingOperational");
    expect(check.stdout).not.toContain("Part 1 of MP12's DCC cost breakdown lacks");
    const penny = await secrel([
      'check',
      '--repo',
      repo({ 'modifications/MP12.yaml': mod.replace('implementToLive: 70', 'implementToLive: 70.005') }),
      '--as-of',
      '2026-12-01',
    ]);
    expect(penny.stdout).toContain('parts[1].costs.dcc.implementToLive is 70.005, which has more than two decimals');
  });
});
