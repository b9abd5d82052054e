// `secrel calendar` as users run it: the table, JSON, the .ics file, moved dates under --repo, bad usage, any TZ.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, secrel } from '../helpers/cli.js';

// A folder with no repository above it, so the commands fall back to the default cycle.
const outside = mkdtempSync(join(tmpdir(), 'secrel-calendar-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));
const SEC_2020 = join(FIXTURES, 'sec-2020');

interface CalendarJson {
  releases: { id: string; name: string; date: string; type: string; adhoc: boolean; milestones: { id: string; label: string; date: string }[] }[];
}

// The Policy's rule computed independently of secrel (UTC Date arithmetic is fine in a test).
function ruleDate(year: number, month: number, which: 'first' | 'last'): string {
  let d = which === 'first' ? new Date(Date.UTC(year, month - 1, 1)) : new Date(Date.UTC(year, month, 0));
  while (d.getUTCDay() !== 4) d = new Date(d.getTime() + (which === 'first' ? 1 : -1) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('secrel calendar, outside a repository', () => {
  it("gives the rule's date for every year of 2019..2030, without mentioning the default cycle on stdout", async () => {
    const r = await secrel(['calendar', '2019..2030', '--format', 'json'], { cwd: outside });
    expect(r.exitCode).toBe(0);
    const { releases } = JSON.parse(r.stdout) as CalendarJson;
    const expected = [];
    for (let y = 2019; y <= 2030; y += 1) {
      expected.push({ id: `${y}-02`, date: ruleDate(y, 2, 'last'), type: 'documentation' });
      expected.push({ id: `${y}-06`, date: ruleDate(y, 6, 'last'), type: 'system' });
      expected.push({ id: `${y}-11`, date: ruleDate(y, 11, 'first'), type: 'system' });
    }
    expect(releases.map(({ id, date, type }) => ({ id, date, type }))).toEqual(expected);
    expect(r.stderr).toContain('default release cycle');
    expect(r.stdout).not.toMatch(/default|repository/i);
  });

  it('prints a table that fits 80 columns, with weekday, cut-offs and TAD dates', async () => {
    const r = await secrel(['calendar', '2019..2030'], { cwd: outside });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('SEC Releases going live from 1 January 2019 to 31 December 2030');
    expect(lines).toContain('Release  Type    Go-live          cut-off      cut-off      TAD to TAG');
    expect(lines).toContain('2020-02  Docs    Thu 27 Feb 2020  -            27 Aug 2019  -');
    expect(lines).toContain('2020-06  System  Thu 25 Jun 2020  25 Jun 2019  25 Dec 2019  25 Sep 2019');
    expect(lines).toContain('2020-11  System  Thu 05 Nov 2020  05 Nov 2019  05 May 2020  05 Feb 2020');
    expect(lines.filter((l) => /^\d{4}-\d{2} /.test(l))).toHaveLength(36);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('shows the --as-of year and the next when given no range', async () => {
    const r = await secrel(['calendar', '--as-of', '2020-05-01', '--format', 'json'], { cwd: outside });
    expect((JSON.parse(r.stdout) as CalendarJson).releases.map((x) => x.id)).toEqual(['2020-02', '2020-06', '2020-11', '2021-02', '2021-06', '2021-11']);
    const text = await secrel(['calendar', '--as-of', '2020-05-01'], { cwd: outside });
    expect(text.stdout.split('\n')[0]).toBe('SEC Releases going live from 1 January 2020 to 31 December 2021');
  });

  it('takes a single year and a range of dates', async () => {
    const year = await secrel(['calendar', '2021', '--format', 'json'], { cwd: outside });
    expect((JSON.parse(year.stdout) as CalendarJson).releases.map((x) => x.date)).toEqual(['2021-02-25', '2021-06-24', '2021-11-04']);
    const dates = await secrel(['calendar', '2020-01-01..2021-06-30', '--format', 'json'], { cwd: outside });
    expect((JSON.parse(dates.stdout) as CalendarJson).releases.map((x) => x.id)).toEqual(['2020-02', '2020-06', '2020-11', '2021-02', '2021-06']);
  });
});

describe('secrel calendar --repo', () => {
  it('places a release moved into another month (2028-06 on 6 July 2028), exit 0', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-moved-'));
    try {
      mkdirSync(join(repo, 'releases'));
      mkdirSync(join(repo, 'modifications'));
      writeFileSync(join(repo, 'releases', '2028-06.yaml'), 'id: 2028-06\ntype: system\ndate: 2028-07-06\ndateReason: Moved by the Panel.\n');
      const r = await secrel(['calendar', '2028', '--repo', repo]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('2028-06  System  Thu 06 Jul 2028 *');
      expect(r.stdout).toContain('* 2028-06 moved from Thursday 29 June 2028 to Thursday 6 July 2028');
      expect(r.stderr).toBe('');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('uses a moved date and explains it under the table', async () => {
    const r = await secrel(['calendar', '2020', '--repo', SEC_2020]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('2020-11  System  Sun 29 Nov 2020 *  29 Nov 2019  29 May 2020  29 Feb 2020');
    expect(lines).toContain('2020-06  System  Thu 25 Jun 2020    25 Jun 2019  25 Dec 2019  25 Sep 2019');
    expect(r.stdout).toContain('* 2020-11 moved from Thursday 5 November 2020 to Sunday 29 November 2020');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stderr).toBe('');
  });

  it('prints the JSON shape {releases: [{id, name, date, type, adhoc, milestones: [{id, label, date}]}], implementations}', async () => {
    const r = await secrel(['calendar', '2020', '--repo', SEC_2020, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as CalendarJson;
    expect(Object.keys(doc)).toEqual(['releases', 'implementations']);
    const nov = doc.releases.find((x) => x.id === '2020-11')!;
    expect(Object.keys(nov)).toEqual(['id', 'name', 'date', 'type', 'adhoc', 'milestones']);
    expect(nov).toMatchObject({ name: 'November 2020 SEC Release', date: '2020-11-29', type: 'system', adhoc: false });
    expect(nov.milestones).toContainEqual({ id: 'systems-cutoff', label: 'Systems scope cut-off', date: '2019-11-29' });
    expect(nov.milestones).toContainEqual({ id: 'go-live', label: 'Go-live', date: '2020-11-29' });
    for (const m of nov.milestones) expect(Object.keys(m)).toEqual(['id', 'label', 'date']);
    // The release's own timetable is among the milestones.
    const june = doc.releases.find((x) => x.id === '2020-06')!;
    expect(june.milestones.some((m) => m.date === '2020-01-17' && m.label.startsWith('Panel baselines RID'))).toBe(true);
  });

  it('lists ad-hoc and cancelled releases, and stays inside 80 columns with a long release ID', async () => {
    const copy = copyFixture('sec-2020');
    try {
      writeFileSync(join(copy.dir, 'releases', '2022-07-mp200.yaml'), 'id: 2022-07-mp200\nadhoc: true\ntype: system\ndate: 2022-07-18\n');
      writeFileSync(
        join(copy.dir, 'releases', '2022-07-mp200-emergency-fix.yaml'),
        'id: 2022-07-mp200-emergency-fix\nadhoc: true\ntype: documentation\ndate: 2022-07-19\n',
      );
      writeFileSync(join(copy.dir, 'releases', '2022-02.yaml'), 'id: 2022-02\nstatus: cancelled\n');
      const r = await secrel(['calendar', '2022', '--repo', copy.dir]);
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines).toContain('2022-07-mp200   System  Mon 18 Jul 2022 +  18 Jul 2021  18 Jan 2022  18 Oct 2021');
      expect(lines).toContain('2022-07-mp200-emergency-fix');
      expect(lines).toContain('                Docs    Tue 19 Jul 2022 +  -            19 Jan 2022  -');
      expect(lines).toContain('2022-02         Docs    Thu 24 Feb 2022 x  -            24 Aug 2021  -');
      expect(lines).toContain('+ 2022-07-mp200 is an ad-hoc System Release (CAL-3).');
      expect(lines).toContain('x 2022-02 is cancelled.');
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
      const json = JSON.parse((await secrel(['calendar', '2022', '--repo', copy.dir, '--format', 'json'])).stdout) as CalendarJson;
      expect(json.releases.find((x) => x.id === '2022-07-mp200')).toMatchObject({ name: 'July 2022 SEC Release', adhoc: true, type: 'system' });
      expect(json.releases.find((x) => x.id === '2022-02')).toMatchObject({ cancelled: true });
    } finally {
      copy.cleanup();
    }
  });

  it('lists no cost deadlines for a System Release that changes no DCC System (as plan and check have it); keeps them for one that does', async () => {
    const r = await secrel(['calendar', '2020..2021', '--repo', SEC_2020, '--as-of', '2020-01-17', '--format', 'json']);
    const costs = (id: string) =>
      (JSON.parse(r.stdout) as CalendarJson).releases
        .find((x) => x.id === id)!
        .milestones.map((m) => m.id)
        .filter((m) => /cost/.test(m));
    expect(costs('2021-06')).toEqual([]);
    expect(costs('2021-11')).toEqual(['forecast-cost', 'actual-cost-report']);
    expect(costs('2020-06')).toEqual(['forecast-cost', 'actual-cost-report']);
  });

  it('shows n/a for the deadlines of an ad-hoc release that fell before the Panel agreed it, and says why, as the feed leaves them out', async () => {
    const copy = copyFixture('sec-2020');
    try {
      writeFileSync(join(copy.dir, 'releases', '2022-09.yaml'), 'id: 2022-09\nadhoc: true\ntype: system\ndate: 2022-09-15\nagreed: 2022-03-03\n');
      const r = await secrel(['calendar', '2022', '--repo', copy.dir]);
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.split('\n');
      // Systems cut-off 15 Sep 2021 and TAD to TAG 15 Dec 2021 came before 3 March 2022; the documentation cut-off
      // did not. The TAD is still needed (the process of an ad-hoc release is a scheduled one's): by its publication day.
      expect(lines).toContain('2022-09  System  Thu 15 Sep 2022 +  n/a          15 Mar 2022  15 Mar 2022');
      expect(r.stdout.replace(/\n +/g, ' ')).toContain(
        '+ 2022-09 is an ad-hoc System Release (CAL-3). Its deadlines marked n/a, and the TAD to TAG, fell before the Panel agreed it on 3 March 2022: ' +
          'those marked n/a do not apply; the TAD is due by the later day shown.',
      );
      const ics = join(copy.dir, 'releases.ics');
      await secrel(['calendar', '2022', '--repo', copy.dir, '--ics', ics]);
      const events = readFileSync(ics, 'utf8');
      expect(events).toContain('September 2022 SEC Release: Documentation scope cut-off');
      expect(events).not.toContain('September 2022 SEC Release: Systems scope cut-off');
      expect(events).toContain('September 2022 SEC Release: TAD to TAG');
    } finally {
      copy.cleanup();
    }
  });

  it('still answers when only a modification is broken, and stops with the findings when a release file is', async () => {
    const copy = copyFixture('sec-2020');
    try {
      appendFileSync(join(copy.dir, 'modifications', 'MP079.yaml'), 'status: nonsense\n');
      const ok = await secrel(['calendar', '2020', '--repo', copy.dir]);
      expect(ok.exitCode).toBe(0);
      expect(ok.stdout).toContain('2020-11  System  Sun 29 Nov 2020 *');
      expect(ok.stderr).toContain('1 error in other files');
      appendFileSync(join(copy.dir, 'releases', '2021-02.yaml'), 'date: 2021-02-30\n');
      const broken = await secrel(['calendar', '2020', '--repo', copy.dir]);
      expect(broken.exitCode).toBe(1);
      expect(broken.stdout).toMatch(/releases\/2021-02\.yaml:\d+:\d+ error SCHEMA/);
      expect(broken.stderr).toContain('fix the errors above');
    } finally {
      copy.cleanup();
    }
  });
});

describe('secrel calendar --ics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-ics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Unfold first: a long UID is folded over two lines.
  const uids = (ics: string) => [...ics.replace(/\r\n /g, '').matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]!);

  it('writes RFC 5545: CRLF lines, folded at 75 octets, all-day events with an exclusive DTEND', async () => {
    const r = await secrel(['calendar', '2020', '--repo', SEC_2020, '--ics', 'releases.ics'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^Wrote \d+ events for 3 releases to releases\.ics$/);
    const ics = readFileSync(join(dir, 'releases.ics'), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // long descriptions are folded
    const goLive = ics.split('BEGIN:VEVENT').find((e) => e.includes('UID:2020-11.go-live@sec-2020.secrel'))!;
    expect(goLive).toContain('DTSTART;VALUE=DATE:20201129\r\n');
    expect(goLive).toContain('DTEND;VALUE=DATE:20201130\r\n');
    // Stamped with the data's latest record for the release (the re-targets of 17 January 2020), not 1970;
    // moved by the Panel from the cycle's 5 November: one move on record.
    expect(goLive).toContain('DTSTAMP:20200117T000000Z\r\n');
    expect(goLive).toContain('SEQUENCE:1\r\n');
    expect(ics.split('BEGIN:VEVENT').find((e) => e.includes('UID:2020-06.go-live@sec-2020.secrel'))).toContain('SEQUENCE:0\r\n');
    expect(ics).not.toContain('DTSTAMP:19700101');
    expect(ics).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\nX-PUBLISHED-TTL:P1D\r\n');
    expect(readdirSync(dir)).toEqual(['releases.ics']); // no temporary file left behind
  });

  it("gives the same bytes and UIDs on re-export, and keeps a moved release's UIDs", async () => {
    const first = readFileSync(join(dir, 'releases.ics'), 'utf8');
    await secrel(['calendar', '2020', '--repo', SEC_2020, '--ics', 'releases.ics'], { cwd: dir });
    const second = readFileSync(join(dir, 'releases.ics'), 'utf8');
    expect(second).toBe(first);
    expect(new Set(uids(first)).size).toBe(uids(first).length);
    // Without the repository November 2020 is on the rule's date, under the default domain; the UIDs before
    // the @ are the same, so a calendar under one domain moves its events rather than adding more.
    await secrel(['calendar', '2020', '--ics', join(dir, 'rule.ics')], { cwd: outside });
    const rule = readFileSync(join(dir, 'rule.ics'), 'utf8');
    expect(uids(rule)).toContain('2020-11.go-live@secrel');
    expect(uids(first).map((u) => u.replace(/@sec-2020\.secrel$/, '@secrel'))).toEqual(expect.arrayContaining(uids(rule)));
  });

  it('raises SEQUENCE with every move on record (previousDates), so subscribers take the newest date', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-seq-'));
    cpSync(SEC_2020, repo, { recursive: true });
    const file = join(repo, 'releases', '2020-11.yaml');
    const seq = async () => {
      expect((await secrel(['calendar', '2020', '--repo', repo, '--ics', join(repo, 'c.ics')])).exitCode).toBe(0);
      const ics = readFileSync(join(repo, 'c.ics'), 'utf8');
      const event = (uid: string) => ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${uid}@sec-2020.secrel`))!;
      return [event('2020-11.go-live'), event('2020-11.systems-cutoff')].map((e) => /SEQUENCE:(\d+)/.exec(e)?.[1]);
    };
    expect(await seq()).toEqual(['1', '1']); // moved once, from the cycle's 5 November
    // Moved again, to 3 December: the 29 November date is on record, so every milestone is at its second move.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: 2020-11-29$/m, 'date: 2020-12-03\npreviousDates: [2020-11-29]'));
    expect(await seq()).toEqual(['2', '2']);
    // Back on the cycle's date: two dates left behind, still two moves.
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^date: 2020-12-03$/m, 'date: 2020-11-05')
        .replace('previousDates: [2020-11-29]', 'previousDates: [2020-11-29, 2020-12-03]'),
    );
    expect(await seq()).toEqual(['2', '2']);
    rmSync(repo, { recursive: true, force: true });
  });

  it("puts UIDs under the folder's name when the config names no domain, and keeps a timeline event's id through rewording", async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-uid-'));
    const named = join(repo, 'Smart Releases');
    cpSync(SEC_2020, named, { recursive: true });
    const config = join(named, 'secrel.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/\ncalendar:\n {2}uidDomain: .*\n/, '\n'));
    const release = join(named, 'releases', '2020-06.yaml');
    writeFileSync(
      release,
      readFileSync(release, 'utf8').replace(
        '  - event: Panel baselines RID for non-system-impacting modifications\n',
        '  - id: panel-baseline-docs\n    event: Panel baselines RID for non-system-impacting modifications\n',
      ),
    );
    await secrel(['calendar', '2020', '--repo', named, '--ics', join(repo, 'a.ics')]);
    writeFileSync(
      release,
      readFileSync(release, 'utf8').replace(
        'event: Panel baselines RID for non-system-impacting modifications',
        'event: Panel baselines the RID for documentation-only modifications',
      ),
    );
    await secrel(['calendar', '2020', '--repo', named, '--ics', join(repo, 'b.ics')]);
    const a = uids(readFileSync(join(repo, 'a.ics'), 'utf8'));
    expect(a).toContain('2020-06.panel-baseline-docs@smart-releases.secrel');
    expect(uids(readFileSync(join(repo, 'b.ics'), 'utf8'))).toEqual(a);
    rmSync(repo, { recursive: true, force: true });
  });

  it('exits 2 when the folder does not exist', async () => {
    const r = await secrel(['calendar', '2020', '--ics', join(dir, 'missing', 'x.ics')], { cwd: outside });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('its folder does not exist');
  });
});

describe('secrel calendar: usage and time zones', () => {
  it.each([
    [['calendar', '2020..2019'], 'put the earlier end first: 2019..2020'],
    [['calendar', 'next-year'], 'write YEAR (2020) or FROM..TO'],
    [['calendar', '2020-02-30..2021'], '"2020-02-30" (in 2020-02-30..2021) is not a year or a calendar date'],
    [['calendar', '2020', '--format', 'github'], 'use one of: text, json'],
  ])('exits 2 for %j with a hint', async (args, hint) => {
    const r = await secrel(args, { cwd: outside });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(hint);
  });

  it('gives identical output and .ics bytes under TZ=Pacific/Kiritimati', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-tz-'));
    try {
      const run = (tz: string, file: string) => secrel(['calendar', '2019..2022', '--repo', SEC_2020, '--ics', join(dir, file)], { env: { TZ: tz } });
      const [utc, kiri] = [await run('UTC', 'utc.ics'), await run('Pacific/Kiritimati', 'kiri.ics')];
      expect(kiri.stdout).toBe(utc.stdout);
      expect(readFileSync(join(dir, 'kiri.ics'), 'utf8')).toBe(readFileSync(join(dir, 'utc.ics'), 'utf8'));
      const json = (tz: string) => secrel(['calendar', '2019..2030', '--format', 'json'], { cwd: outside, env: { TZ: tz } });
      expect((await json('Pacific/Kiritimati')).stdout).toBe((await json('America/Sao_Paulo')).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows examples and the default range in --help', async () => {
    const r = await secrel(['calendar', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('$ secrel calendar 2019..2030');
    expect(r.stdout).toContain('default: the --as-of year and the next');
  });
});

describe('secrel calendar: dependency milestones (DEP-1)', () => {
  const repo = join(FIXTURES, 'sec-2020');

  it('lists the day each dependency is needed by, under the table and as milestones in JSON and .ics', async () => {
    const text = await secrel(['calendar', '2021', '--repo', repo]);
    expect(text.stdout).toContain(
      'Dependencies:\n2021-11: by 04 Feb 2021, CR1047 needed before development of MP078, SECMP0007,\n  SECMP0015, SECMP0024, SECMP0056\n',
    );
    const json = JSON.parse((await secrel(['calendar', '2021', '--repo', repo, '--format', 'json'])).stdout) as {
      releases: { id: string; milestones: { id: string; label: string; date: string }[] }[];
    };
    const nov = json.releases.find((r) => r.id === '2021-11')!;
    expect(nov.milestones).toContainEqual({
      id: 'needs-cr1047',
      label: 'CR1047 needed before development of MP078, SECMP0007, SECMP0015, SECMP0024, SECMP0056',
      date: '2021-02-04',
    });
    const dir = mkdtempSync(join(tmpdir(), 'secrel-ics-deps-'));
    try {
      expect((await secrel(['calendar', '2021', '--repo', repo, '--ics', join(dir, 'c.ics')])).exitCode).toBe(0);
      const ics = readFileSync(join(dir, 'c.ics'), 'utf8').replace(/\r\n /g, '');
      expect(ics).toContain('SUMMARY:November 2021 SEC Release: CR1057 needed before development of MP078\\, SECMP0007');
      expect(ics).toContain('DTSTART;VALUE=DATE:20210204');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
