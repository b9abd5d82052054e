// `secrel check` as users run it: every rule by release, exit codes, positions, formats, filters, bad usage.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, secrel } from '../helpers/cli.js';

const SEC_2020 = ['--repo', 'fixtures/sec-2020', '--as-of', '2020-01-17'];
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-check-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Line and column of `needle` in a fixture file, as secrel prints them. */
function where(file: string, needle: string): string {
  const lines = readFileSync(join(FIXTURES, 'sec-2020', file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
}

interface Json {
  findings: { rule: string; severity: string; file: string; line: number; column: number; release?: string; message: string }[];
  summary: { errors: number; warnings: number; infos: number; files: number; checked: number };
}

describe('secrel check on the example repository as of 17 January 2020', () => {
  it('groups findings by release, with file:line:column and rule, and exits 1 on errors', async () => {
    const r = await secrel(['check', ...SEC_2020]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('');
    const june = r.stdout.indexOf('June 2020 SEC Release (2020-06, Thu 25 Jun 2020)\n');
    const november = r.stdout.indexOf('November 2020 SEC Release (2020-11, Sun 29 Nov 2020)\n');
    expect(june).toBeGreaterThanOrEqual(0);
    expect(november).toBeGreaterThan(june);
    const cst2 = `fixtures/sec-2020/releases/2020-06.yaml:${where('releases/2020-06.yaml', '1120042')} error CST-2`;
    expect(r.stdout.indexOf(cst2)).toBeGreaterThan(june);
    expect(r.stdout.indexOf(cst2)).toBeLessThan(november);
    expect(r.stdout).toContain(`fixtures/sec-2020/modifications/MP079.yaml:${where('modifications/MP079.yaml', '2020-06')} error SCP-2`);
    expect(r.stdout).toMatch(/\n\d+ errors, \d+ warnings, \d+ infos in \d+ files, as of 2020-01-17$/);
  });

  it('prints one JSON document with findings and a summary', async () => {
    const r = await secrel(['check', ...SEC_2020, '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as Json;
    const cst2 = doc.findings.find((f) => f.rule === 'CST-2')!;
    expect(`${cst2.line}:${cst2.column}`).toBe(where('releases/2020-06.yaml', '1120042'));
    expect(cst2).toMatchObject({ severity: 'error', file: 'releases/2020-06.yaml', release: '2020-06' });
    expect(cst2.message).toContain('£1,120,042 but the breakdown (costs.forecast) sums to £1,180,042');
    expect(doc.summary.errors).toBe(doc.findings.filter((f) => f.severity === 'error').length);
    // `files`: those with a finding; `checked`: every file read (the text's "N files checked"), the config among them.
    expect(doc.summary.files).toBe(new Set(doc.findings.map((f) => f.file)).size);
    expect(doc.summary.checked).toBe(21);
  });

  it('prints GitHub annotations', async () => {
    const r = await secrel(['check', ...SEC_2020, '--format', 'github', '--min-severity', 'error']);
    expect(r.exitCode).toBe(1);
    const [line, col] = where('releases/2020-06.yaml', '1120042').split(':');
    expect(r.stdout).toContain(`::error file=fixtures/sec-2020/releases/2020-06.yaml,line=${line},col=${col},title=CST-2::`);
    expect(r.stdout).not.toMatch(/^::(warning|notice)/m);
  });

  it('narrows to one release and a minimum severity', async () => {
    const r = await secrel(['check', ...SEC_2020, '--release', '2020-11', '--min-severity', 'warning', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Json;
    expect(new Set(doc.findings.map((f) => f.release))).toEqual(new Set(['2020-11']));
    expect(doc.findings.some((f) => f.severity === 'info')).toBe(false);
    expect(doc.summary.warnings).toBeGreaterThan(0);
  });

  it('exits 0 when the only findings are warnings, and says so when there are none', async () => {
    const dir = repo({ 'releases/2020-11.yaml': 'id: 2020-11\ntype: system\ndate: 2020-11-29\n' });
    const warned = await secrel(['check', '--repo', dir, '--as-of', '2019-01-01']);
    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toMatch(/releases\/2020-11\.yaml:3:7 warning CAL-2/);
    const clean = await secrel(['check', '--repo', dir, '--as-of', '2019-01-01', '--min-severity', 'error']);
    expect(clean).toMatchObject({ exitCode: 0, stdout: 'no problems found as of 2019-01-01' });
  });

  it('reports a late addition in a small repository at its implementation.release', async () => {
    const dir = repo({
      'modifications/MP1.yaml': 'id: MP1\ntitle: Late\nsystemImpact: false\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-10\n',
    });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2020-01-17', '--release', '2020-06']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/MP1.yaml:5:12 error SCP-2');
    // No CST-3: a System Release holding only documentation changes has no DCC cost to forecast (CAL-5 says so).
    expect(r.stdout).not.toContain('CST-3');
    expect(r.stdout).toContain('7 errors, 0 warnings, 1 info in 2 files for the June 2020 SEC Release, as of 2020-01-17');
  });

  it('checks every obligation of a release a modification targets, with or without its file', async () => {
    const approved =
      'id: MP9\ntitle: System change\nstatus: approved\nsystemImpact: true\nleadTime: 12m\ndecision:\n  date: 2028-05-20\n' +
      'implementation:\n  release: 2029-06\n  addedToScope: 2028-05-20\nnotices:\n  approval: 2028-05-22\n' +
      'costs:\n  dcc: { designBuildPit: 1, sit: 1, uit: 1, implementToLive: 1, oneOffOperational: 1, ongoingOperational: 1 }\n';
    const args = ['check', '--as-of', '2029-05-01', '--format', 'json'];
    const without = JSON.parse((await secrel([...args, '--repo', repo({ 'modifications/MP9.yaml': approved })])).stdout) as Json;
    const withFile = JSON.parse(
      (await secrel([...args, '--repo', repo({ 'modifications/MP9.yaml': approved, 'releases/2029-06.yaml': 'id: 2029-06\ntype: system\nstatus: planned\n' })]))
        .stdout,
    ) as Json;
    const rules = (doc: Json) => doc.findings.map((f) => `${f.rule} ${f.severity} ${f.release ?? ''}`).sort();
    expect(rules(without)).toEqual([
      'COM-2 error 2029-06',
      'COM-2 error 2029-06',
      'COM-3 warning 2029-06',
      'CST-3 error 2029-06',
      'GL-2 warning 2029-06',
      'RID-1 error 2029-06',
      'TST-1 error 2029-06',
      'TST-1 error 2029-06',
    ]);
    expect(rules(withFile)).toEqual(rules(without));
    expect(without.findings.every((f) => f.file === 'releases/2029-06.yaml' && f.line === 1)).toBe(true);
    expect(without.findings[0]!.message).toContain('in a new file releases/2029-06.yaml (id: 2029-06; the release has no file yet)');
    const plan = await secrel(['plan', '--as-of', '2029-05-01', '--release', '2029-06', '--repo', repo({ 'modifications/MP9.yaml': approved })]);
    expect(plan.stdout).toMatch(/OVERDUE by \d+ days\s+28 Sep 2028\s+TAD to TAG/);
  });

  it('is an error when a cancelled release still holds modifications, naming them', async () => {
    const dir = repo({
      'releases/2028-06.yaml': 'id: 2028-06\nstatus: cancelled\n',
      'modifications/MP1.yaml': 'id: MP1\ntitle: Stranded\nsystemImpact: none\nimplementation:\n  release: 2028-06\n',
    });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2027-01-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('releases/2028-06.yaml:2:9 error CAL-3');
    expect(r.stdout).toContain('The June 2028 SEC Release is cancelled but still holds MP1');
  });

  it('exits 2 on an unknown release or severity', async () => {
    const unknown = await secrel(['check', ...SEC_2020, '--release', '2020-07']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no release 2020-07');
    expect(unknown.stderr).toContain('did you mean 2020-06?');
    // The release nearest in time, file or cycle: November 2021 for December, not 2021-02, one digit away.
    expect((await secrel(['check', ...SEC_2020, '--release', '2021-12'])).stderr).toContain('did you mean 2021-11?');
    expect((await secrel(['check', ...SEC_2020, '--min-severity', 'fatal'])).exitCode).toBe(2);
  });
});

describe('a release file that does not load', () => {
  const files = {
    'releases/2028-06.yaml': 'id: 2028-06\ntype: system\nnotes: [unclosed\n',
    'modifications/SECMP0520.yaml': 'id: SECMP0520\ntitle: Sys\nsystemImpact: true\nimplementation:\n  release: 2028-06\n  addedToScope: 2027-03-01\n',
  };

  it('gives its own YAML error, not the deadlines of a release with "no file yet"', async () => {
    const r = await secrel(['check', '--repo', repo(files), '--as-of', '2027-09-01', '--release', '2028-06']);
    expect(r.stdout).toContain('releases/2028-06.yaml:3:8 error YAML');
    expect(r.stdout).not.toContain('no file yet');
    expect(r.stdout).not.toMatch(/error (COM-2|CST-3|RID-1)/);
  });

  it('plan says the file does not load, and calls no deadline overdue on its account', async () => {
    const r = await secrel(['plan', '--repo', repo(files), '--as-of', '2027-09-01', '--release', '2028-06']);
    expect(r.stdout).toContain('2028-06 · its release file does not load: secrel validate');
    expect(r.stdout).not.toContain('OVERDUE');
  });
});

describe('a baselined modification whose file is deleted', () => {
  it('RID-2 says to keep the file and set its status when it was withdrawn, so the RID history says why', async () => {
    const release =
      'id: 2028-06\ntype: system\nstatus: baselined\nrid:\n  version: "1.0"\n  history:\n    - { version: "1.0", date: 2027-06-20, changes: Baselined. }\n' +
      '  baselines:\n    - { version: "1.0", date: 2027-06-20, covers: systems, scope: [MP1, MP2, MP3] }\n  computedFrom:\n    version: "1.0"\n    scope: [MP1, MP2, MP3]\n';
    const dir = repo({
      'releases/2028-06.yaml': release,
      'modifications/MP1.yaml': 'id: MP1\ntitle: Stays\nsystemImpact: true\nimplementation:\n  release: 2028-06\n  addedToScope: 2027-06-01\n',
      // Moved to another release: said so, not "removed" (found in a fresh-data trial).
      'modifications/MP3.yaml': 'id: MP3\ntitle: Moves\nsystemImpact: true\nimplementation:\n  release: 2028-11\n  addedToScope: 2027-06-01\n',
    });
    const r = await secrel(['validate', '--repo', dir]);
    expect(r.stdout).toContain('(MP2 removed, MP3 moved to 2028-11) but the RID version is still 1.0');
    expect(r.stdout).toContain('if MP2 was withdrawn or rejected, keep the file and set its status instead, so the history says why');
  });
});

describe('a modification moved into a release by a recorded revision', () => {
  it('joined it on the revision day, whatever its old addedToScope says: a move after the cut-off is SCP-2', async () => {
    const dir = repo({
      'modifications/MP301.yaml':
        'id: MP301\ntitle: Moved late\nstatus: approved\nsystemImpact: true\ndecision:\n  date: 2027-05-01\nimplementation:\n  release: 2028-11\n  addedToScope: 2027-03-01\n' +
        '  revisions:\n    - { date: 2028-03-01, from: 2028-06, to: 2028-11, reason: DCC capacity }\n',
    });
    const r = await secrel(['check', '--repo', dir, '--as-of', '2028-03-15', '--release', '2028-11']);
    expect(r.stdout).toMatch(/modifications\/MP301\.yaml:\d+:\d+ error SCP-2/);
    expect(r.stdout).toContain('MP301 joined the November 2028 SEC Release on 1 March 2028, after its systems cut-off (2 November 2027)');
  });
});
