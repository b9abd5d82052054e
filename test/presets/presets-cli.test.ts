// The presets through the built CLI, as an administrator of another code would use them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-presets-'));
  scratch.push(dir);
  return dir;
}

/** A repository with a config and the given files (path → content). */
function repo(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'releases'), { recursive: true });
  mkdirSync(join(dir, 'modifications'), { recursive: true });
  return dir;
}

describe('secrel calendar --code, outside a repository', () => {
  it('DCUSA 2020: the three Thursdays and 1 April (a Wednesday)', async () => {
    const r = await secrel(['calendar', '--code', 'dcusa', '2020', '--format', 'json'], { cwd: tempDir() });
    expect(r.exitCode).toBe(0);
    const releases = JSON.parse(r.stdout).releases as { id: string; date: string; name: string }[];
    expect(releases.map((x) => x.date)).toEqual(['2020-02-27', '2020-04-01', '2020-06-25', '2020-11-05']);
    expect(releases[1]!.name).toBe('DCUSA Release (1 April 2020)');
    expect(r.stderr).toContain("using the DCUSA preset's release cycle");
  });

  it('BSC 2026: the SEC dates under BSC names', async () => {
    const [bsc, sec] = await Promise.all([
      secrel(['calendar', '--code', 'bsc', '2026', '--format', 'json'], { cwd: tempDir() }),
      secrel(['calendar', '2026', '--format', 'json'], { cwd: tempDir() }),
    ]);
    const dates = (out: string) => (JSON.parse(out).releases as { date: string }[]).map((x) => x.date);
    expect(dates(bsc.stdout)).toEqual(dates(sec.stdout));
    expect(JSON.parse(bsc.stdout).releases[1]).toMatchObject({ name: 'June 2026 BSC Release', kind: 'standard', type: 'system' });
    const text = await secrel(['calendar', '--code', 'bsc', '2026'], { cwd: tempDir() });
    expect(text.stdout).toContain('BSC Releases going live from 1 January 2026 to 31 December 2026');
    expect(text.stdout).toMatch(/2026-06 +Standard +Thu 25 Jun 2026/);
  });

  it('UNC has no public day rule: nothing is invented, and it says what to do', async () => {
    const r = await secrel(['calendar', '--code', 'unc', '2027'], { cwd: tempDir() });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('No UNC Release goes live from 1 January 2027 to 31 December 2027.');
    expect(r.stderr).toContain('the UNC preset has no public go-live day rule');
  });

  it('an unknown code is a usage error naming the known ones', async () => {
    const r = await secrel(['calendar', '--code', 'cusc', '2027'], { cwd: tempDir() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--code cusc is not a code secrel knows');
    expect(r.stderr).toContain('sec, bsc, dcusa, unc, rec');
  });
});

describe('secrel init --code', () => {
  it.each(['bsc', 'dcusa', 'unc', 'rec'])('%s: a repository that validates and checks cleanly', async (code) => {
    const dir = join(tempDir(), 'repo');
    const init = await secrel(['init', '--as-of', '2026-12-01', '--code', code, dir]);
    expect(init.exitCode).toBe(0);
    mkdirSync(join(dir, '.git'));
    const config = readFileSync(join(dir, 'secrel.config.yaml'), 'utf8');
    expect(config).toContain(`code: ${code}`);
    const validate = await secrel(['validate', '--as-of', '2026-12-01'], { cwd: dir });
    expect(validate.stdout).toContain('no problems found');
    expect(validate.exitCode).toBe(0);
    const check = await secrel(['check', '--as-of', '2026-12-01'], { cwd: dir });
    expect(check.exitCode).toBe(0);
  });

  it('dcusa: the 1 April entry, DCUSA names and a DCP id', async () => {
    const dir = join(tempDir(), 'dcusa');
    const init = await secrel(['init', '--as-of', '2026-12-01', '--code', 'dcusa', dir]);
    expect(init.stdout).toContain('modifications/DCP 999.yaml');
    expect(init.stdout).toContain('DCUSA Release (24 February 2028)');
    expect(readFileSync(join(dir, 'secrel.config.yaml'), 'utf8')).toContain('- { month: 4, day: 1, type: scheduled }');
  });

  it('unc: the placeholder days are marked as placeholders', async () => {
    const dir = join(tempDir(), 'unc');
    await secrel(['init', '--as-of', '2026-12-01', '--code', 'unc', dir]);
    expect(readFileSync(join(dir, 'secrel.config.yaml'), 'utf8')).toContain('THE DAYS BELOW ARE PLACEHOLDERS');
  });
});

const MOD = (id: string, extra = '') => `id: ${JSON.stringify(id)}\ntitle: An example\nstatus: development\n${extra}`;

/** A DCUSA repository with one modification approved on 1 March 2027 for the November 2027 release. */
const approvedDcusa = (id: string, lines: string, decision = '', release = '') =>
  repo({
    'secrel.config.yaml': 'code: dcusa\n',
    'releases/2027-11.yaml': `id: 2027-11\ntype: scheduled\n${release}`,
    [`modifications/${id}.yaml`]: MOD(id, `${lines}implementation:\n  release: 2027-11\n`).replace(
      'status: development',
      `status: approved\ndecision:\n  date: 2027-03-01${decision}`,
    ),
  });

describe('ids, kinds, routes and Party Categories follow the code', () => {
  it('a UNC id is valid in a UNC repository and refused, with what to do, in an SEC one', async () => {
    const unc = repo({
      'secrel.config.yaml': 'code: unc\ncycle:\n  - { month: 6, week: last, weekday: sunday, type: major }\n',
      'modifications/0886V.yaml': MOD('0886V'),
    });
    expect((await secrel(['validate'], { cwd: unc })).exitCode).toBe(0);
    const sec = repo({ 'modifications/0886V.yaml': MOD('0886V') });
    const r = await secrel(['validate'], { cwd: sec });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/0886V.yaml:1:5 error SCHEMA');
    expect(r.stdout).toContain('`id` is `0886V`, which is not in the form of SEC modification ids, e.g. SECMP0062 or MP079');
  });

  it('a DCUSA id with a space, in a file of the same name', async () => {
    const dir = repo({
      'secrel.config.yaml': 'code: dcusa\n',
      'modifications/DCP 417.yaml': MOD('DCP 417', 'governance: authority\nimpacts:\n  parties:\n    dnoParties: New charging statement\n'),
    });
    const r = await secrel(['validate'], { cwd: dir });
    expect(r.stdout).toContain('no problems found');
    expect(r.exitCode).toBe(0);
  });

  it("a DCUSA route is named as DCUSA names it on the site, and a Part 2 Matter's notice names no SEC Change Board", async () => {
    const dir = approvedDcusa('DCP 425', 'governance: self-governance\n', '\n  referralWindowEnd: 2027-03-15');
    expect((await secrel(['render', '--as-of', '2027-04-01'], { cwd: dir })).exitCode).toBe(0);
    const notice = readFileSync(join(dir, 'out/notices/2027-11/approval-DCP 425.md'), 'utf8');
    expect(notice).toContain('On 1 March 2027, a decision was made to approve DCP 425');
    expect(notice).not.toContain('Change Board');
    expect(readFileSync(join(dir, 'out/site/modifications/DCP 425.html'), 'utf8')).toContain('Part 2 Matter (Party vote)');
  });

  it("a DCUSA repository's documents are DCUSA's: the RID, its release kind, notices, site, register and calendar", async () => {
    const dir = approvedDcusa('DCP 417', 'governance: authority\nsystemImpact: none\n', '', 'rid:\n  version: "0.1"\n');
    expect((await secrel(['render', '--as-of', '2027-04-01'], { cwd: dir })).exitCode).toBe(0);
    const out = (file: string) => readFileSync(join(dir, 'out', file), 'utf8');
    const rid = out('rid/2027-11.md');
    expect(rid).toContain('# DCUSA Release Implementation Document — DCUSA Release (4 November 2027)');
    expect(rid).toContain('| Release | DCUSA Release (4 November 2027) (Scheduled Release) |');
    expect(rid).toContain('This document is the Distribution Connection and Use of System Agreement (DCUSA) Release Implementation Document (RID)');
    expect(rid).toContain('the Code Administrator in implementing this release');
    expect(rid).toContain('### Code Administrator costs');
    expect(rid).not.toMatch(/SEC Part|SEC document|this SEC Release|Smart Energy Code \(SEC\)/);
    const notice = out('notices/2027-11/approval-DCP 417.md');
    expect(notice).toContain('| DCUSA Release | DCUSA Release (4 November 2027) (Scheduled Release) |');
    expect(notice).not.toContain('SEC');
    expect(out('site/index.html')).toContain('<h1>DCUSA Releases</h1>');
    expect(out('site/register.csv').split('\r\n')[0]).toBe(
      '\uFEFFModification,Title,Status,Release,Implementation date,Governance,System impact,DCUSA website',
    );
    expect(out('site/calendar.ics')).toContain('CATEGORIES:DCUSA Release,');
    expect(out('site/calendar.ics')).not.toContain('SEC Release');
  });

  it('a DCUSA ad-hoc release: the calendar says "an Ad-hoc Release", and suggest keeps its columns with the long id', async () => {
    const dir = repo({
      'secrel.config.yaml': 'code: dcusa\n',
      'releases/2028-01-urgent.yaml': 'id: 2028-01-urgent\nadhoc: true\ntype: adhoc\ndate: 2028-01-13\n',
    });
    const cal = await secrel(['calendar', '2028', '--as-of', '2027-09-01'], { cwd: dir });
    expect(cal.stdout).toContain('+ 2028-01-urgent is an Ad-hoc Release (CAL-3).');
    const r = await secrel(['suggest', '--lead-time', '3m', '--as-of', '2027-09-01'], { cwd: dir });
    const rows = r.stdout.split('\n').filter((l) => /^ {2}20\d\d-\d\d/.test(l));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.some((l) => l.includes('2028-01-urgent'))).toBe(true);
    expect(new Set(rows.map((l) => l.search(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/))).size).toBe(1);
  });

  it('Party Categories of the config (Small and Large Suppliers) and an unknown one', async () => {
    const config = 'partyCategories:\n  - { id: smallSuppliers, name: Small Suppliers }\n  - { id: largeSuppliers, name: Large Suppliers }\n';
    const good = repo({ 'secrel.config.yaml': config, 'modifications/MP900.yaml': MOD('MP900', 'impacts:\n  parties:\n    smallSuppliers: New reports\n') });
    expect((await secrel(['validate'], { cwd: good })).exitCode).toBe(0);
    const bad = repo({ 'secrel.config.yaml': config, 'modifications/MP900.yaml': MOD('MP900', 'impacts:\n  parties:\n    suppliers: New reports\n') });
    const r = await secrel(['validate'], { cwd: bad });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP900.yaml:6:5 error SCHEMA');
    expect(r.stdout).toContain('unknown key `suppliers` in `impacts.parties`; allowed here: smallSuppliers, largeSuppliers');
  });

  it('a release kind or governance route the code does not have', async () => {
    const dir = repo({
      'secrel.config.yaml': 'code: bsc\n',
      'releases/2027-06.yaml': 'id: 2027-06\ntype: system\n',
      'modifications/P999.yaml': MOD('P999', 'governance: authority-led\n'),
    });
    const r = await secrel(['validate'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('releases/2027-06.yaml:2:7 error SCHEMA');
    expect(r.stdout).toContain('`type` is `system`, which is not one of: standard, non-standard, special');
    expect(r.stdout).toContain('`governance` is `authority-led`, which is not one of: authority, self-governance, fast-track');
  });

  it('a fixed-day cycle entry and a versioned release name in a repository', async () => {
    const dir = repo({
      'secrel.config.yaml': 'code: dcusa\n',
      'releases/2027-04.yaml': 'id: 2027-04\nversion: "15.2"\n',
    });
    const r = await secrel(['calendar', '2027', '--format', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const april = (JSON.parse(r.stdout).releases as { id: string; name: string; date: string }[]).find((x) => x.id === '2027-04');
    expect(april).toMatchObject({ date: '2027-04-01', name: 'DCUSA v15.2 (1 April 2027)' });
    const wrong = await secrel(['calendar', '2027', '--code', 'bsc'], { cwd: dir });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('this repository is for the DCUSA');
  });

  it('a config that contradicts itself: an unknown kind, a day the month lacks, a pattern that is not one', async () => {
    const dir = repo({ 'secrel.config.yaml': 'code: bsc\ncycle:\n  - { month: 4, day: 31, type: standrd }\nmodificationIds: { pattern: "([" }\n' });
    const r = await secrel(['validate'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('secrel.config.yaml:3:22 error SCHEMA\n    month 4 has no day 31; give a day from 1 to 30');
    expect(r.stdout).toContain(
      'secrel.config.yaml:3:32 error SCHEMA\n    `type` is `standrd`, which is not one of the release kinds: standard, non-standard, special; did you mean `standard`?',
    );
    expect(r.stdout).toContain('secrel.config.yaml:4:29 error SCHEMA\n    `pattern` is not a regular expression');
  });
});
