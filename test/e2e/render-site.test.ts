// `secrel render site`: the files it writes, byte-for-byte stable, relative links only, user text escaped, --check.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, secrel } from '../helpers/cli.js';

const scratch: (() => void)[] = [];
afterEach(() => scratch.splice(0).forEach((f) => f()));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-site-out-'));
  scratch.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
function fixture(name: string): string {
  const f = copyFixture(name);
  scratch.push(f.cleanup);
  return f.dir;
}
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : out.push(relative(dir, join(d, e.name)).split(sep).join('/')),
    );
  walk(dir);
  return out.sort();
}

describe('secrel render site', () => {
  it("writes the index, the register (page, CSV, JSON), a page per release, modification and release's notices, the RIDs and calendar.ics", async () => {
    const out = tempDir();
    const r = await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(files(out)).toEqual([
      '.secrel-outputs.json', // the list of what secrel wrote, so it can remove what nothing renders any more
      'site/calendar.ics',
      'site/index.html',
      ...[
        'MP078',
        'MP079',
        'MP084',
        'MP088',
        'MP093',
        'SECMP0007',
        'SECMP0015',
        'SECMP0024',
        'SECMP0046',
        'SECMP0053',
        'SECMP0056',
        'SECMP0062',
        'SECMP0067',
      ].map((m) => `site/modifications/${m}.html`),
      ...['2020-06', '2020-11', '2021-02', '2021-06', '2021-11'].map((id) => `site/notices/${id}.html`),
      'site/register.csv',
      'site/register.html',
      'site/register.json',
      ...['2020-06', '2020-11', '2021-02', '2021-06', '2021-11'].map((id) => `site/releases/${id}.html`),
      ...['2020-06', '2020-11', '2021-02', '2021-06', '2021-11'].map((id) => `site/rid/${id}.html`),
    ]);
    expect(r.stdout).toContain('33 files in');
  });

  it('gives the same bytes on every run and under any TZ, so render --check can pass in CI', async () => {
    const a = tempDir();
    const b = tempDir();
    await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', a], { env: { TZ: 'Pacific/Kiritimati' } });
    await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', b], { env: { TZ: 'America/Sao_Paulo' } });
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    const check = await secrel(['render', 'site', '--check', '--repo', 'fixtures/sec-2020', '--out', a, '--as-of', '2031-01-01']);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('33 files in');
    expect(check.stdout).toContain('up to date');
  });

  it('uses relative links only, and no asset from outside the page', async () => {
    const out = tempDir();
    await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', out]);
    for (const f of files(out).filter((p) => p.endsWith('.html'))) {
      const html = readFileSync(join(out, f), 'utf8');
      for (const [, attr, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        const external = /^https:\/\/smartenergycodecompany\.co\.uk\//.test(value!) || value === 'data:,';
        if (!external) expect(value, `${f}: ${attr}="${value}"`).toMatch(/^(#[\w-]+|(\.\.\/)?[\w./-]+\.(html|ics|csv|json)(#[\w-]+)?)$/);
      }
      expect(html, f).not.toMatch(/<(script|link)[^>]+(src|href)="(?!data:)/);
    }
  });

  it("shows each modification's targeted, then approved, implementation date and the releases it is in", async () => {
    const out = tempDir();
    await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', out]);
    const page = (id: string) => readFileSync(join(out, 'site/modifications', `${id}.html`), 'utf8');
    expect(page('SECMP0053')).toContain('<p>Approved for implementation in the June 2020 SEC Release on Thursday 25 June 2020.</p>');
    expect(page('MP093')).toContain('<p>Targeted at the November 2020 SEC Release, going live on Sunday 29 November 2020; not yet approved.</p>');
    expect(page('SECMP0062')).toContain('<p>Delivered in 2 parts, each in its own release.</p>');
    expect(page('SECMP0062')).toContain(
      '<a href="../releases/2020-11.html">November 2020 SEC Release</a>, going live on <time datetime="2020-11-29">29 November 2020</time> (part 2, targeted)',
    );
    const release = readFileSync(join(out, 'site/releases/2020-06.html'), 'utf8');
    expect(release).toContain('<a href="../rid/2020-06.html">RID for the June 2020 SEC Release, version 1.1</a>');
    expect(release).toContain('<time datetime="2019-06-25">25 June 2019</time>');
  });

  it('keeps, for a modification withdrawn after its approval notice went out, the date Parties were given (COM-4; found in a new-user trial)', async () => {
    const repo = fixture('sec-2020');
    const file = join(repo, 'modifications/SECMP0053.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('status: approved', 'status: withdrawn')
        .replace('implementation:\n', 'decision:\n  date: 2019-09-02\nnotices:\n  approval: 2019-09-03\nimplementation:\n'),
    );
    const out = tempDir();
    expect((await secrel(['render', 'site', '--repo', repo, '--out', out, '--as-of', '2020-01-17'])).exitCode).toBe(0);
    expect(readFileSync(join(out, 'site/modifications/SECMP0053.html'), 'utf8')).toContain(
      '<p>Withdrawn after its approval: it will not be implemented. The notice of its approval, issued on 3 September 2019, gave implementation in the June 2020 SEC Release on Thursday 25 June 2020.</p>',
    );
  });

  it("words a targeted modification's date as the Policy does (IMP-2)", async () => {
    const repo = tempDir();
    expect((await secrel(['init', repo, '--as-of', '2019-01-10'])).exitCode).toBe(0);
    const r = await secrel(['render', 'site', '--repo', repo]);
    expect(r.exitCode, r.stderr).toBe(0);
    const html = readFileSync(join(repo, 'out/site/modifications/EXAMPLE001.html'), 'utf8');
    expect(html).toContain('<p>27 February 2020 (February 2020 SEC Release) if a decision to approve is received on or before 27 February 2019; or</p>');
    expect(html).toContain(
      '<p>25 June 2020 (June 2020 SEC Release) if a decision to approve is received after 27 February 2019, but on or before 25 June 2019.</p>',
    );
  });

  it('renders the RID and notices of a release that has scope but no file yet, in render and in the site', async () => {
    const repo = tempDir();
    expect((await secrel(['init', repo, '--as-of', '2019-01-10'])).exitCode).toBe(0);
    rmSync(join(repo, 'releases/2020-02.yaml'));
    expect((await secrel(['render', '--repo', repo])).exitCode).toBe(0);
    for (const f of ['rid/2020-02.md', 'notices/2020-02/6-month.md', 'site/rid/2020-02.html', 'site/releases/2020-02.html'])
      expect(files(join(repo, 'out')), f).toContain(f);
    expect(readFileSync(join(repo, 'out/site/releases/2020-02.html'), 'utf8')).not.toContain('None yet');
  });

  it('shows a cut-off that fell before the Panel agreed an ad-hoc release as not applicable, as the calendar does', async () => {
    const repo = tempDir();
    expect((await secrel(['init', repo, '--as-of', '2026-12-01'])).exitCode).toBe(0);
    writeFileSync(
      join(repo, 'releases/2027-09.yaml'),
      'id: 2027-09\nadhoc: true\ntype: system\ndate: 2027-09-16\nagreed: 2026-11-20\nstatus: planned\ndateReason: Set by the Panel for MP300.\n',
    );
    const r = await secrel(['render', 'site', '--repo', repo, '--as-of', '2026-12-01']);
    expect(r.exitCode, r.stderr).toBe(0);
    const page = readFileSync(join(repo, 'out/site/releases/2027-09.html'), 'utf8');
    expect(page).toContain(
      '<tr><th scope="row">DCC or User System-impacting</th><td>Not applicable: it fell before the Panel agreed to create the release on <time datetime="2026-11-20">20 November 2026</time>; a modification added since needs an exception (SCP-2)</td><td>12 months before go-live</td></tr>',
    );
    expect(page).not.toContain('16 September 2026');
    // An ad-hoc release never moved: its reason is why this date, not why it moved.
    expect(page).toContain('<tr><th scope="row">Why this date</th><td>Set by the Panel for MP300.</td></tr>');
    expect(page).toContain('<time datetime="2027-03-16">16 March 2027</time>');
    expect(readFileSync(join(repo, 'out/site/index.html'), 'utf8')).toContain('Systems: n/a (before the release was agreed)<br>Documentation: <time');
    const calendar = await secrel(['calendar', '2027', '--repo', repo]);
    expect(calendar.stdout).toMatch(/2027-09 +System +Thu 16 Sep 2027 \+ +n\/a +16 Mar 2027/);
  });

  it('gives a withdrawn modification no fall-back release: it goes live nowhere', async () => {
    const repo = tempDir();
    expect((await secrel(['init', repo, '--as-of', '2019-01-10'])).exitCode).toBe(0);
    const file = join(repo, 'modifications/EXAMPLE001.yaml');
    const page = async () => {
      expect((await secrel(['render', 'site', '--repo', repo])).exitCode).toBe(0);
      return readFileSync(join(repo, 'out/site/modifications/EXAMPLE001.html'), 'utf8');
    };
    expect(await page()).toContain('Fall-back release:');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: development', 'status: withdrawn'));
    const withdrawn = await page();
    expect(withdrawn).toContain('Withdrawn: it will not be implemented.');
    expect(withdrawn).not.toContain('Fall-back release:');
  });

  it('escapes text from the YAML files, and --check names the pages a change makes stale', async () => {
    const repo = fixture('sec-2020');
    const file = join(repo, 'modifications/MP079.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Withdraw <script>alert(1)</script> & more"'));
    expect((await secrel(['render', 'site', '--repo', repo])).exitCode).toBe(0);
    for (const f of ['register.html', 'modifications/MP079.html', 'releases/2020-06.html']) {
      const html = readFileSync(join(repo, 'out/site', f), 'utf8');
      expect(html, f).toContain('Withdraw &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
      expect(html, f).not.toContain('<script>alert');
    }
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Provisions for withdrawing modifications'));
    const check = await secrel(['render', 'site', '--check', '--repo', repo]);
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/stale {3}\S*out\/site\/modifications\/MP079\.html/);
    expect(check.stdout).toMatch(/stale {3}\S*out\/site\/register\.html/);
    expect(check.stdout).not.toContain('MP084.html');
  });

  it('writes calendar.ics with an event for every milestone of every release on the site', async () => {
    const out = tempDir();
    await secrel(['render', 'site', '--repo', 'fixtures/sec-2020', '--out', out]);
    const ics = readFileSync(join(out, 'site/calendar.ics'), 'utf8');
    expect(ics.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
    expect(ics).not.toMatch(/[^\r]\n/);
    const json = JSON.parse((await secrel(['calendar', '2020-03-01..2021-12-31', '--repo', 'fixtures/sec-2020', '--format', 'json'])).stdout) as {
      releases: { milestones: unknown[] }[];
    };
    const events = json.releases.reduce((n, r) => n + r.milestones.length, 0);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(events);
  });
});
