// `secrel plan` as users run it: the headline view of the example on 17 January 2020, 80 columns, JSON, options.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, secrel } from '../helpers/cli.js';

const SEC_2020 = ['--repo', 'fixtures/sec-2020', '--as-of', '2020-01-17'];
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function where(file: string, needle: string): string {
  const lines = readFileSync(join(FIXTURES, 'sec-2020', file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
}

/** The block of text output for one release, from its header to the next rule line. */
function block(stdout: string, name: string): string {
  const start = stdout.indexOf(`\n${name}  `);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n─', start + 1);
  return stdout.slice(start + 1, end < 0 ? undefined : end);
}

describe('secrel plan on the example repository as of 17 January 2020', () => {
  it('shows both 2020 releases with date, countdown, RID, scope, next milestones and findings', async () => {
    const r = await secrel(['plan', ...SEC_2020]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('SEC Releases as of Fri 17 Jan 2020 · going live 17 Dec 2019 to 17 Jul 2021');

    const june = block(r.stdout, 'June 2020 SEC Release');
    expect(june).toMatch(/^June 2020 SEC Release {2}Thu 25 Jun 2020 {2}system +in 160 days\n/);
    expect(june).toContain('2020-06 · baselined · RID 1.1, baselined 1.0 on 11 Oct 2019 (systems scope)');
    expect(june).toMatch(
      /Scope \(5 modifications: 2 system, 3 documentation only\)\n {2}SECMP0053 +Amend Target Response Times.* approved {2}system\n {2}SECMP0062 .* targeted {2}system +part 1\n {2}MP079 /,
    );
    expect(june).toContain('Alongside: CR1088 DCC Production Proving (DCC Change Request)');
    expect(june).toMatch(/Next milestones\n {2}OVERDUE by 206 days +25 Jun 2019 {2}12-month notice\n {2}OVERDUE by 114 days +25 Sep 2019 {2}TAD to TAG\n/);
    expect(june).toMatch(/ {2}today {17}17 Jan 2020 {2}Panel baselines RID for non-system-impacti…\n {2}in 118 days {11}14 May 2020 {2}Go-live evidence due\n/);
    expect(june).toContain(`error    CST-2   fixtures/sec-2020/releases/2020-06.yaml:${where('releases/2020-06.yaml', '1120042')}\n`);
    expect(june.replace(/\s+/g, ' ')).toContain(
      "The RID's stated total (costs.statedTotal) is £1,120,042 but the breakdown (costs.forecast) sums to £1,180,042",
    );
    expect(june).toContain(`error    SCP-2   fixtures/sec-2020/modifications/MP079.yaml:${where('modifications/MP079.yaml', '2020-06')}\n`);

    const november = block(r.stdout, 'November 2020 SEC Release');
    expect(november).toMatch(/^November 2020 SEC Release {2}Sun 29 Nov 2020 {2}system +in 317 days\n/);
    expect(november).toContain('Moved from Thu 5 Nov 2020: Moved by the Panel');
    expect(november).toMatch(/SECMP0062 .* targeted {2}system +part 2/);
    expect(november).toContain('+ 4 infos: secrel check --release 2020-11');
    expect(r.stdout).toMatch(/\n5 releases, \d+ errors, \d+ warnings, \d+ infos\n/);
  });

  it('fits 80 columns and has no colour when the output is not a terminal', async () => {
    const r = await secrel(['plan', ...SEC_2020], { env: { NO_COLOR: '' } });
    for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('gives the same bytes under any TZ', async () => {
    const utc = await secrel(['plan', ...SEC_2020], { env: { TZ: 'UTC' } });
    const kiritimati = await secrel(['plan', ...SEC_2020], { env: { TZ: 'Pacific/Kiritimati' } });
    const honolulu = await secrel(['plan', ...SEC_2020, '--format', 'json'], { env: { TZ: 'Pacific/Honolulu' } });
    expect(kiritimati.stdout).toBe(utc.stdout);
    expect(JSON.parse(honolulu.stdout).asOf).toBe('2020-01-17');
  });

  it('gives the same content as JSON', async () => {
    const r = await secrel(['plan', ...SEC_2020, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['asOf', 'from', 'to', 'releases', 'workingDays', 'summary']);
    expect(doc).toMatchObject({ asOf: '2020-01-17', from: '2019-12-17', to: '2021-07-17' });
    const june = doc.releases.find((x: { id: string }) => x.id === '2020-06');
    expect(june).toMatchObject({ name: 'June 2020 SEC Release', weekday: 'Thursday', daysToGoLive: 160, rid: { version: '1.1' } });
    expect(june.scope).toHaveLength(5);
    expect(june.milestones[0]).toMatchObject({ id: 'notice-12m', state: 'overdue', days: -206 });
    expect(june.findings.find((f: { rule: string }) => f.rule === 'CST-2')).toMatchObject({ file: 'releases/2020-06.yaml', severity: 'error' });
  });
});

describe('secrel plan options', () => {
  it('shows one release with --release, and a window with --from and --to', async () => {
    const one = await secrel(['plan', ...SEC_2020, '--release', '2020-11', '--format', 'json']);
    expect(JSON.parse(one.stdout).releases.map((x: { id: string }) => x.id)).toEqual(['2020-11']);
    const window = await secrel(['plan', ...SEC_2020, '--from', '2020-06-01', '--to', '2020-12-31', '--format', 'json']);
    expect(JSON.parse(window.stdout).releases.map((x: { id: string }) => x.id)).toEqual(['2020-06', '2020-11']);
  });

  it('exits 0 even with errors in the data (check is the gate), and says when nothing goes live', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-plan-'));
    temps.push(dir);
    mkdirSync(join(dir, 'modifications'), { recursive: true });
    writeFileSync(join(dir, 'modifications/MP1.yaml'), 'id: MP1\ntitle: Late\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-10\n');
    const r = await secrel(['plan', '--repo', dir, '--as-of', '2020-01-17', '--release', '2020-06']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2020-06 · scheduled by the cycle, no release file yet');
    expect(r.stdout).toContain('error    SCP-2   ');
    const empty = await secrel(['plan', '--repo', dir, '--as-of', '2020-01-17', '--from', '2020-03-01', '--to', '2020-05-31']);
    expect(empty.stdout).toContain('No release goes live in this window; widen it with --from and --to.');
  });

  it('exits 2 on a bad date, a reversed window or an unknown release', async () => {
    const bad = await secrel(['plan', ...SEC_2020, '--from', '2020-02-30']);
    expect(bad).toMatchObject({ exitCode: 2 });
    expect(bad.stderr).toContain('--from 2020-02-30 is not a calendar date');
    expect((await secrel(['plan', ...SEC_2020, '--from', '2021-01-01', '--to', '2020-01-01'])).exitCode).toBe(2);
    expect((await secrel(['plan', ...SEC_2020, '--release', 'june'])).exitCode).toBe(2);
    expect((await secrel(['plan', ...SEC_2020, '--format', 'github'])).exitCode).toBe(2);
  });
});

describe('secrel plan --as-of replays a day from what the data records', () => {
  const repo = mkdtempSync(join(tmpdir(), 'secrel-plan-replay-'));
  temps.push(repo);
  mkdirSync(join(repo, 'releases'));
  mkdirSync(join(repo, 'modifications'));
  writeFileSync(join(repo, 'releases', '2028-06.yaml'), 'id: 2028-06\ntype: system\n');
  const mod = (id: string, lines: string[]) => [`id: ${id}`, `title: ${id} example`, 'systemImpact: true', ...lines, ''].join('\n');
  writeFileSync(
    join(repo, 'modifications', 'SECMP0401.yaml'),
    mod('SECMP0401', ['status: approved', 'decision:', '  date: 2027-05-10', 'implementation:', '  release: 2028-06', '  addedToScope: 2027-03-01']),
  );
  writeFileSync(join(repo, 'modifications', 'SECMP0402.yaml'), mod('SECMP0402', ['implementation:', '  release: 2028-06', '  addedToScope: 2027-08-02']));
  const scope = async (asOf: string) => {
    const r = await secrel(['plan', '--repo', repo, '--as-of', asOf, '--format', 'json']);
    return (JSON.parse(r.stdout).releases.find((x: { id: string }) => x.id === '2028-06').scope as { key: string; status: string }[]).map(
      (s) => `${s.key} ${s.status}`,
    );
  };

  it('shows a modification approved since as targeted, and leaves out one that joined the scope since', async () => {
    expect(await scope('2027-04-01')).toEqual(['SECMP0401 targeted']);
    expect(await scope('2027-09-01')).toEqual(['SECMP0401 approved', 'SECMP0402 targeted']);
  });
});

describe('secrel plan --as-of before the first baseline', () => {
  it('shows the release as planned, not as the baselined its file says now', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-plan-status-'));
    temps.push(repo);
    mkdirSync(join(repo, 'releases'));
    writeFileSync(
      join(repo, 'releases', '2028-02.yaml'),
      'id: 2028-02\ntype: documentation\nstatus: baselined\nrid:\n  version: "1.0"\n  history:\n    - { version: "0.1", date: 2027-01-25, changes: First draft. }\n' +
        '    - { version: "1.0", date: 2027-08-20, changes: Baselined. }\n  baselines:\n    - { version: "1.0", date: 2027-08-20, covers: all, scope: [] }\n',
    );
    const line = async (asOf: string) => (await secrel(['plan', '--repo', repo, '--as-of', asOf, '--release', '2028-02'])).stdout.split('\n')[4];
    expect(await line('2027-03-01')).toBe('  2028-02 · planned · RID 0.1, not baselined');
    expect(await line('2027-09-01')).toBe('  2028-02 · baselined · RID 1.0, baselined 1.0 on 20 Aug 2027 (all scope)');
  });
});

describe('secrel plan --as-of a day before a modification joined', () => {
  it('lists none of its dependencies among the next milestones', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-plan-deps-'));
    temps.push(repo);
    for (const d of ['releases', 'modifications', 'change-requests']) mkdirSync(join(repo, d));
    writeFileSync(join(repo, 'releases', '2028-11.yaml'), 'id: 2028-11\ntype: system\n');
    writeFileSync(join(repo, 'change-requests', 'CR2001.yaml'), 'id: CR2001\ntitle: CSP firmware\nexpected: 2027-10-31\n');
    writeFileSync(
      join(repo, 'modifications', 'MP302.yaml'),
      'id: MP302\ntitle: Waits\nsystemImpact: true\nleadTime: 9m\ndependsOn:\n  - { id: CR2001, needed: before-development, lead: 9m }\n' +
        'implementation:\n  release: 2028-11\n  addedToScope: 2027-09-01\n',
    );
    const plan = async (asOf: string) => (await secrel(['plan', '--repo', repo, '--as-of', asOf, '--release', '2028-11'])).stdout;
    expect(await plan('2027-07-01')).not.toContain('CR2001 needed');
    expect(await plan('2027-12-01')).toContain('CR2001 needed before development of MP302');
  });
});
