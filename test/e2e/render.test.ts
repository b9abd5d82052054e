// `secrel render` as a user runs it: the built CLI on a copy of the example repository, checking the files
// it writes, what it prints and its exit code. Run `npm run build` first.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel, snapshotFiles } from '../helpers/cli.js';

const fixture = fixtureCopies();

describe('secrel render', () => {
  it('says operational costs are not recorded, rather than that there are none, when a breakdown leaves them out', async () => {
    const repo = fixture();
    writeFileSync(
      join(repo, 'modifications/MP207.yaml'),
      'id: MP207\ntitle: No operational headings\nsystemImpact: true\nimplementation:\n  release: 2021-06\n  addedToScope: 2020-01-10\n' +
        'costs:\n  dcc: { designBuildPit: 1000, sit: 500, uit: 200, implementToLive: 100 }\n',
    );
    expect((await secrel(['render', 'rid', '--repo', repo, '--release', '2021-06'], { cwd: repo })).exitCode).toBe(0);
    const md = readFileSync(join(repo, 'out/rid/2021-06.md'), 'utf8');
    expect(md).toContain('Operational costs are not recorded yet for MP207.');
    expect(md).not.toContain('No impact on operational costs has been identified.');
  });

  it("gives a targeted modification's own decision-by date in the RID, as the notices do", async () => {
    const repo = fixture();
    writeFileSync(
      join(repo, 'modifications/MP206.yaml'),
      'id: MP206\ntitle: Nine months\nsystemImpact: true\nleadTime: 9m\nimplementation:\n  release: 2020-11\n  addedToScope: 2019-10-01\n',
    );
    expect((await secrel(['render', 'rid', '--repo', repo, '--release', '2020-11'], { cwd: repo })).exitCode).toBe(0);
    // November 2020 goes live on 29 November (moved): 9 months before is 29 February 2020.
    expect(readFileSync(join(repo, 'out/rid/2020-11.md'), 'utf8')).toContain(
      '- **MP206** ‘Nine months’ (DCC System-impacting): decision by 29 February 2020\n',
    );
    expect(readFileSync(join(repo, 'out/rid/2020-11.html'), 'utf8')).toContain(': decision by <time datetime="2020-02-29">29 February 2020</time></p>');
  });

  it('renders despite a date recorded after today, and says so: a slip to correct, not a broken reference', async () => {
    const repo = fixture();
    const file = join(repo, 'releases/2020-11.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}notices:\n  twelveMonth: 2099-11-05\n`);
    const r = await secrel(['render', 'rid', '--repo', repo, '--release', '2020-06'], { cwd: repo });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2 files in out: 2 written');
    expect(r.stderr).toBe(
      'secrel: warning: 1 date records something done after today (REF); the documents show what is recorded: correct the dates before they go out (`secrel check` lists them)',
    );
  });

  it('renders the June 2020 RID into the configured output folder, in Markdown and HTML', async () => {
    const repo = fixture();
    const r = await secrel(['render', 'rid', '--repo', repo, '--release', '2020-06'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('wrote   out/rid/2020-06.html\nwrote   out/rid/2020-06.md\n2 files in out: 2 written, 0 unchanged');
    const md = readFileSync(join(repo, 'out/rid/2020-06.md'), 'utf8');
    expect(md.startsWith('# SEC Release Implementation Document — June 2020 SEC Release\n')).toBe(true);
    expect(md).not.toContain('\r');
    const html = readFileSync(join(repo, 'out/rid/2020-06.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    // Self-contained: no external style sheets, scripts or images.
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it("dates the RID by its current version's history entry, even when another entry is dated later", async () => {
    const repo = fixture('minimal');
    const file = join(repo, 'releases', '2021-02.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      date: 2020-02-20\n', '      date: 2020-09-01\n'));
    const r = await secrel(['render', 'rid', '--repo', repo, '--out', join(repo, 'out')]);
    expect(r.exitCode, r.stderr).toBe(0);
    const rid = readFileSync(join(repo, 'out', 'rid', '2021-02.md'), 'utf8');
    expect(rid).toContain('| Version | 1.0 |\n| Date | 20 August 2020 |');
  });

  it('is deterministic: a second run writes nothing, and any TZ gives the same bytes', async () => {
    const repo = fixture();
    expect((await secrel(['render', '--repo', repo], { env: { TZ: 'Pacific/Kiritimati' } })).exitCode).toBe(0);
    const first = snapshotFiles(join(repo, 'out'));
    expect(Object.keys(first).length).toBeGreaterThan(10);
    const again = await secrel(['render', '--repo', repo], { env: { TZ: 'America/Sao_Paulo' } });
    expect(again.stdout).toMatch(/^\d+ files in .*: 0 written, \d+ unchanged$/);
    expect(snapshotFiles(join(repo, 'out'))).toEqual(first);
    const other = join(repo, 'elsewhere');
    await secrel(['render', '--repo', repo, '--out', other], { env: { TZ: 'UTC' } });
    expect(snapshotFiles(other)).toEqual(first);
  });

  it('--check right after render exits 0; after a title edit it exits 1, names the stale files and writes nothing', async () => {
    const repo = fixture();
    await secrel(['render', '--repo', repo]);
    const ok = await secrel(['render', '--check', '--repo', repo], { cwd: repo });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ files in out up to date$/);

    const file = join(repo, 'modifications/MP079.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('title: Provisions for withdrawing modifications', 'title: Provisions for withdrawing Modification Proposals'),
    );
    const before = snapshotFiles(join(repo, 'out'));
    const stale = await secrel(['render', '--check', '--repo', repo], { cwd: repo });
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toContain('stale   out/rid/2020-06.md\n');
    expect(stale.stdout).toContain('stale   out/rid/2020-06.html\n');
    expect(stale.stdout).toContain('stale   out/notices/2020-06/12-month.md\n');
    expect(stale.stdout).not.toMatch(/out\/(rid|notices)\/2020-11/);
    expect(stale.stdout).toMatch(/\n\d+ of \d+ files in out stale or missing: run `secrel render --repo \S+` and commit the result$/);
    expect(stale.stdout.endsWith(`run \`secrel render --repo ${repo}\` and commit the result`)).toBe(true);
    expect(snapshotFiles(join(repo, 'out'))).toEqual(before);
  });

  it('--check lists missing files; --format json and github say the same for CI', async () => {
    const repo = fixture();
    const missing = await secrel(['render', 'notices', '--check', '--release', '2020-06', '--repo', repo], { cwd: repo });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout.split('\n').filter((l) => l.startsWith('missing '))).toHaveLength(4);
    const json = JSON.parse((await secrel(['render', 'rid', '--check', '--release', '2020-06', '--format', 'json', '--repo', repo], { cwd: repo })).stdout);
    expect(json).toEqual({
      outDir: 'out',
      check: true,
      outOfDate: 2,
      files: [
        { path: 'out/rid/2020-06.html', state: 'missing', written: false },
        { path: 'out/rid/2020-06.md', state: 'missing', written: false },
      ],
    });
    const gh = await secrel(['render', 'rid', '--check', '--release', '2020-06', '--format', 'github', '--repo', repo], { cwd: repo });
    expect(gh.stdout.split('\n')).toContain(
      `::error file=out/rid/2020-06.md,title=secrel render::out/rid/2020-06.md is missing: run secrel render rid --release 2020-06 --repo ${repo} and commit the result`,
    );
    expect(gh.exitCode).toBe(1);
  });

  it('writes the notices of the communication strategy', async () => {
    const repo = fixture();
    const r = await secrel(['render', 'notices', '--release', '2020-06', '--repo', repo]);
    expect(r.exitCode).toBe(0);
    expect(readdirSync(join(repo, 'out/notices/2020-06')).sort()).toEqual(['1-month.md', '12-month.md', '6-month.md', 'approval-SECMP0053.md']);
    const twelve = readFileSync(join(repo, 'out/notices/2020-06/12-month.md'), 'utf8');
    expect(twelve).toContain('the scope is set on 25 June 2019, 12 months before go-live');
    expect(twelve).toContain('- **MP088** ‘Power to raise modifications’');
  });

  it('gives each part of a modification delivered in parts an approval notice that says where the other parts go live', async () => {
    const repo = fixture();
    // SECMP0062: part 1 in June 2020, part 2 in November 2020 (SCP-6), approved by one decision.
    const file = join(repo, 'modifications/SECMP0062.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}status: approved\ngovernance: authority\ndecision:\n  date: 2019-12-05\n`);
    expect((await secrel(['render', 'notices', '--repo', repo, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    const one = readFileSync(join(repo, 'out/notices/2020-06/approval-SECMP0062-part-1.md'), 'utf8');
    // The Authority approved the whole modification; the notice is for one part of it.
    expect(one).toContain(
      'the Authority approved SECMP0062 ‘Northbound Application Traffic Management – Alert Storm Protection’, which is delivered in 2 parts: this notice is for part 1.',
    );
    expect(one).toContain(
      'SECMP0062 part 1 will be implemented on 25 June 2020 as part of the June 2020 SEC Release. Part 2 will be implemented on 29 November 2020 as part of the November 2020 SEC Release.',
    );
    const two = readFileSync(join(repo, 'out/notices/2020-11/approval-SECMP0062-part-2.md'), 'utf8');
    expect(two).toContain(
      'SECMP0062 part 2 will be implemented on 29 November 2020 as part of the November 2020 SEC Release. Part 1 will be implemented on 25 June 2020 as part of the June 2020 SEC Release.',
    );
    // A modification in one piece names no parts.
    expect(readFileSync(join(repo, 'out/notices/2020-06/approval-SECMP0053.md'), 'utf8')).not.toMatch(/Part \d/);
  });

  it('marks a modification that changes User Systems only as User System-impacting in the RID scope', async () => {
    const repo = fixture();
    writeFileSync(
      join(repo, 'modifications/MP096.yaml'),
      'id: MP096\ntitle: Install failure reports\nstatus: development\nsystemImpact: user\nimplementation:\n  release: 2020-06\n  addedToScope: 2019-06-01\n',
    );
    expect((await secrel(['render', 'rid', '--release', '2020-06', '--repo', repo, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    expect(readFileSync(join(repo, 'out/rid/2020-06.md'), 'utf8')).toContain('- **MP096** ‘Install failure reports’ (User System-impacting)');
    expect(readFileSync(join(repo, 'out/rid/2020-06.html'), 'utf8')).toContain('‘Install failure reports’ <span class="note">(User System-impacting)</span>');
  });

  it('a repository template overrides one partial; a typo in it fails with the file, line and field', async () => {
    const repo = fixture();
    mkdirSync(join(repo, 'templates/partials'), { recursive: true });
    writeFileSync(join(repo, 'templates/partials/rid-costs.md.hbs'), '## 5. Costs\n\nOur own costs text: {{money costs.grandTotal}}.\n');
    const ok = await secrel(['render', 'rid', '--release', '2020-06', '--repo', repo]);
    expect(ok.exitCode).toBe(0);
    const md = readFileSync(join(repo, 'out/rid/2020-06.md'), 'utf8');
    expect(md).toContain('## 5. Costs\n\nOur own costs text: £1,180,042.\n\n## 6. Acceptance criteria');
    expect(md).toContain('## 1. Scope');

    writeFileSync(join(repo, 'templates/partials/rid-costs.md.hbs'), '## 5. Costs\n\nTotal: {{money costs.grandTotl}}.\n');
    const broken = await secrel(['render', 'rid', '--release', '2020-06', '--repo', repo], { cwd: repo });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toBe(
      'secrel: templates/partials/rid-costs.md.hbs:3:8: "costs.grandTotl", given to {{money}}, is not in the view model (strict mode: a missing field is an error, never a blank); check its spelling',
    );
  });

  it('warns about a template file that replaces nothing', async () => {
    const repo = fixture();
    mkdirSync(join(repo, 'templates'), { recursive: true });
    writeFileSync(join(repo, 'templates/rid.hbs'), 'misnamed');
    const r = await secrel(['render', 'rid', '--release', '2020-06', '--repo', repo], { cwd: repo });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('secrel: warning: templates/rid.hbs has the name of no built-in template');
  });

  it('escapes user text: HTML shows markup as text, Markdown tables keep their columns, script links are dropped', async () => {
    const repo = fixture('render-escaping');
    expect((await secrel(['render', '--repo', repo])).exitCode).toBe(0);
    const html = readFileSync(join(repo, 'out/rid/2020-06.html'), 'utf8');
    expect(html).toContain('‘Alerts &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; | throttling &amp; more’');
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<em>|javascript:/);
    const md = readFileSync(join(repo, 'out/rid/2020-06.md'), 'utf8');
    const row = (start: string) => md.split('\n').find((l) => l.startsWith(start))!;
    const columns = (line: string) => line.split(/(?<!\\)\|/).length - 2;
    expect(columns(row('| 12 Jun 20 |'))).toBe(3);
    expect(row('| 12 Jun 20 |')).toBe('| 12 Jun 20 | Go \\| no-go \\<decision\\> | Notes \\| with a pipe |');
    expect(columns(row('| 0.1 |'))).toBe(3);
    expect(columns(row('| Section A'))).toBe(2);
    expect(md).not.toContain('javascript:');
    const approval = readFileSync(join(repo, 'out/notices/2020-06/approval-ESC001.md'), 'utf8');
    expect(approval).toContain('On 15 January 2020, the Change Board approved ESC001');
    expect(columns(approval.split('\n').find((l) => l.startsWith('| Modification |'))!)).toBe(2);
  });

  it('refuses bad usage (exit 2) and data that does not load (exit 1, nothing written)', async () => {
    const repo = fixture();
    const target = await secrel(['render', 'pdf', '--repo', repo]);
    expect(target.exitCode).toBe(2);
    expect(target.stderr).toMatch(/^secrel: there is no render target "pdf"\n {2}use one of: rid, notices, .*all$/);
    const release = await secrel(['render', '--release', '2030-13', '--repo', repo]);
    expect(release.exitCode).toBe(2);
    expect(release.stderr).toContain('secrel: there is no release 2030-13 (--release): that is not a release ID');

    writeFileSync(join(repo, 'modifications/MP079.yaml'), 'id: MP079\ntitle: [unclosed\n');
    const bad = await secrel(['render', '--repo', repo], { cwd: repo });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('nothing rendered');
    expect(() => statSync(join(repo, 'out'))).toThrow();
  });
});
