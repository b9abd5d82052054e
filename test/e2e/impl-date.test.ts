// `secrel impl-date` as users run it: the Policy's exact wording, moved dates in a repository, windows, Working Days.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, secrel } from '../helpers/cli.js';

const outside = mkdtempSync(join(tmpdir(), 'secrel-impl-date-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));
const SEC_2020 = join(FIXTURES, 'sec-2020');

const JUNE = '25 June 2020 (June 2020 SEC Release) if a decision to approve is received on or before 25 June 2019; or';
const NOVEMBER = '5 November 2020 (November 2020 SEC Release) if a decision to approve is received after 25 June 2019, but on or before 5 November 2019.';

describe('secrel impl-date with a lead time in months', () => {
  it('prints the two IMP-2 sentences exactly, from the default cycle outside a repository', async () => {
    const r = await secrel(['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06'], { cwd: outside });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${JUNE}\n${NOVEMBER}`);
    expect(r.stderr).toContain('default release cycle');
  });

  it('uses the moved November 2020 date inside fixtures/sec-2020, decision-by counted back from it', async () => {
    const r = await secrel(['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06'], { cwd: SEC_2020 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      `${JUNE}\n29 November 2020 (November 2020 SEC Release) if a decision to approve is received after 25 June 2019, but on or before 29 November 2019.`,
    );
    expect(r.stderr).toBe('');
  });

  it('works from a release moved into another month (2028-06 on 6 July 2028), exit 0', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-moved-'));
    try {
      mkdirSync(join(repo, 'releases'));
      mkdirSync(join(repo, 'modifications'));
      writeFileSync(join(repo, 'releases', '2028-06.yaml'), 'id: 2028-06\ntype: system\ndate: 2028-07-06\ndateReason: Moved by the Panel.\n');
      const r = await secrel(['impl-date', '--lead-time', '12m', '--system', '--decision', '2027-05-01', '--repo', repo, '--as-of', '2027-01-04']);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('6 July 2028 (July 2028 SEC Release) if a decision to approve is received on or before 6 July 2027; or');
      expect(r.stdout).toContain('A decision on 1 May 2027 falls in the primary window: implementation on 6 July 2028 (July 2028 SEC Release).');
      expect(r.stderr).toBe('');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('offers an ad-hoc release only from the day the Panel agreed to create it: not as the fall-back of an earlier decision', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'secrel-adhoc-'));
    try {
      mkdirSync(join(repo, 'releases'));
      mkdirSync(join(repo, 'modifications'));
      writeFileSync(join(repo, 'releases', '2027-09.yaml'), 'id: 2027-09\nadhoc: true\ntype: system\ndate: 2027-09-16\nagreed: 2026-11-20\n');
      const run = (decision: string) => secrel(['impl-date', '--lead-time', '6m', '--system', '--decision', decision, '--repo', repo, '--as-of', '2026-12-01']);
      const before = await run('2026-11-01');
      expect(before.exitCode).toBe(0);
      expect(before.stdout.split('\n')[1]).toBe(
        '4 November 2027 (November 2027 SEC Release) if a decision to approve is received after 24 December 2026, but on or before 4 May 2027.',
      );
      const after = await run('2026-11-20');
      expect(after.stdout.split('\n')[1]).toBe(
        '16 September 2027 (September 2027 SEC Release) if a decision to approve is received after 24 December 2026, but on or before 16 March 2027.',
      );
      // Nor is it the earliest release for a proposal decided before it was agreed.
      writeFileSync(
        join(repo, 'modifications', 'MP400.yaml'),
        'id: MP400\ntitle: Urgent fix\nsystemImpact: true\nleadTime: 6m\nstatus: approved\ndecision:\n  date: 2027-03-10\nimplementation:\n  release: 2027-11\n  addedToScope: 2027-03-10\n',
      );
      writeFileSync(join(repo, 'releases', '2027-09.yaml'), 'id: 2027-09\nadhoc: true\ntype: system\ndate: 2027-09-16\nagreed: 2027-03-15\n');
      const suggested = JSON.parse((await secrel(['suggest', 'MP400', '--repo', repo, '--as-of', '2027-04-01', '--format', 'json'])).stdout) as {
        candidates: { id: string; obstacles: { rule: string; text: string }[] }[];
      };
      expect(suggested.candidates.find((c) => c.id === '2027-09')?.obstacles).toEqual([
        {
          rule: 'IMP-1',
          text: 'the Panel agreed to create it on 15 March 2027, after the decision (10 March 2027): no implementation date set then could name it',
        },
      ]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('prints the dates as JSON', async () => {
    const r = await secrel(['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06', '--format', 'json', '--repo', SEC_2020]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      leadTime: '12m',
      systemImpact: true,
      primary: { release: '2020-06', name: 'June 2020 SEC Release', date: '2020-06-25', decisionBy: '2019-06-25' },
      fallback: { release: '2020-11', name: 'November 2020 SEC Release', date: '2020-11-29', decisionBy: '2019-11-29', decisionAfter: '2019-06-25' },
      problems: [],
    });
  });

  it('says which window a decision falls in', async () => {
    const args = ['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06'];
    const primary = await secrel([...args, '--decision', '2019-06-25'], { cwd: outside });
    expect(primary.exitCode).toBe(0);
    expect(primary.stdout).toBe(
      `${JUNE}\n${NOVEMBER}\n\nA decision on 25 June 2019 falls in the primary window: implementation on 25 June 2020 (June 2020 SEC Release).`,
    );
    const fallback = await secrel([...args, '--decision', '2019-06-26'], { cwd: outside });
    expect(fallback.exitCode).toBe(0);
    expect(fallback.stdout.split('\n').at(-1)).toBe(
      'A decision on 26 June 2019 falls in the fall-back window: implementation on 5 November 2020 (November 2020 SEC Release).',
    );
  });

  it('exits 1 with the IMP-5 explanation when the decision comes after both windows', async () => {
    const r = await secrel(['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06', '--decision', '2019-11-06'], { cwd: outside });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n').at(-1)).toBe(
      'IMP-5: a decision on 6 November 2019 is too late: the fall-back window closed on 5 November 2019. The modification has no valid implementation date until the Authority approves a new one.',
    );
    const json = await secrel(['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06', '--decision', '2019-11-06', '--format', 'json'], {
      cwd: outside,
    });
    expect(json.exitCode).toBe(1);
    const doc = JSON.parse(json.stdout) as { decision: unknown; problems: { rule: string; severity: string }[] };
    expect(doc.decision).toEqual({ date: '2019-11-06', window: 'none' });
    expect(doc.problems).toContainEqual(expect.objectContaining({ rule: 'IMP-5', severity: 'error' }));
  });

  it('picks the earliest release whose decision-by date is not past, from --decision or --as-of', async () => {
    const byDecision = await secrel(['impl-date', '--lead-time', '12m', '--system', '--decision', '2019-08-01'], { cwd: outside });
    expect(byDecision.stdout.split('\n')[0]).toBe(
      '5 November 2020 (November 2020 SEC Release) if a decision to approve is received on or before 5 November 2019; or',
    );
    // Documentation-only (the default) may use the February Documentation Release.
    const docs = await secrel(['impl-date', '--lead-time', '6m', '--as-of', '2019-08-01'], { cwd: outside });
    expect(docs.stdout).toBe(
      '27 February 2020 (February 2020 SEC Release) if a decision to approve is received on or before 27 August 2019; or\n' +
        '25 June 2020 (June 2020 SEC Release) if a decision to approve is received after 27 August 2019, but on or before 25 December 2019.',
    );
  });
});

describe('secrel impl-date with a lead time in Working Days', () => {
  it('prints the sentence and the date counted from the decision, skipping bank holidays', async () => {
    const r = await secrel(['impl-date', '--lead-time', '5wd', '--decision', '2020-05-01'], { cwd: outside });
    expect(r.exitCode).toBe(0);
    // Friday 8 May 2020 was the VE Day bank holiday.
    expect(r.stdout).toBe('5 Working Days following decision\n\nImplementation date: Monday 11 May 2020 (5 Working Days after the decision on 1 May 2020).');
  });

  it('counts from the end of the referral window for Self-Governance', async () => {
    const r = await secrel(['impl-date', '--lead-time', '20wd', '--self-governance', '--referral-end', '2020-07-15', '--format', 'json'], { cwd: outside });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      leadTime: '20wd',
      form: 'working-days',
      workingDays: 20,
      lines: ['20 Working Days following decision'],
      start: { date: '2020-07-15', kind: 'referral-window-end' },
      date: '2020-08-12',
      problems: [],
    });
  });

  it('prints only the sentence without a start date, and says on stderr what would give one', async () => {
    const r = await secrel(['impl-date', '--lead-time', '20wd'], { cwd: outside });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('20 Working Days following decision');
    expect(r.stderr).toContain('add --decision D');
  });

  it("exits 1 when the date falls in one of the repository's change freezes (CAL-6)", async () => {
    const r = await secrel(['impl-date', '--lead-time', '20wd', '--decision', '2020-12-01', '--repo', SEC_2020]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Implementation date: Thursday 31 December 2020');
    expect(r.stdout).toContain('CAL-6: 31 December 2020 is inside the change freeze from 21 December 2020 to 4 January 2021');
  });
});

describe('secrel impl-date and a release inside a change freeze', () => {
  it('names the primary going live inside a freeze (CAL-6) and exits 1: the release must move, and the date with it', async () => {
    const dir = mkdtempSync(join(outside, 'freeze-'));
    writeFileSync(join(dir, 'secrel.config.yaml'), 'freezes:\n  - { from: 2028-06-01, to: 2028-07-10, reason: Summer freeze }\n');
    mkdirSync(join(dir, 'releases'));
    mkdirSync(join(dir, 'modifications'));
    const r = await secrel(['impl-date', '--lead-time', '12m', '--decision', '2027-05-01', '--repo', dir]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('29 June 2028 (June 2028 SEC Release) if a decision to approve is received on or before 29 June 2027; or');
    expect(r.stdout).toContain(
      '\nCAL-6: The June 2028 SEC Release goes live on 29 June 2028, inside the change freeze from 1 June 2028 to 10 July 2028 (Summer freeze): no go-live may fall in a freeze, so the release must move, and this date with it.',
    );
  });
});

describe('secrel impl-date: usage and time zones', () => {
  it.each([
    [[], 'add --lead-time 12m (months before go-live) or --lead-time 20wd'],
    [['--lead-time', '12'], 'write a whole number then m or wd'],
    [['--lead-time', '12m', '--decision', '2019-02-29'], 'write it as YYYY-MM-DD'],
    [['--lead-time', '20wd', '--referral-end', '15/07/2020'], 'write it as YYYY-MM-DD'],
    [['--lead-time', '12m', '--system', '--documentation'], 'give --system for a DCC-System-impacting modification'],
    [['--lead-time', '12m', '--release', '2020-03'], "`secrel calendar 2020` lists that year's releases"],
    [['--lead-time', '12m', '--release', 'June'], 'write YYYY-MM (2020-06)'],
    [['--lead-time', '12m', '--system', '--release', '2020-02'], 'leave out --release for the earliest that fits'],
    [['--lead-time', '20wd', '--release', '2020-06'], 'give --decision D'],
    [['--lead-time', '12m', '--format', 'github'], 'use one of: text, json'],
  ])('exits 2 for impl-date %j, saying what to type instead', async (args, hint) => {
    const r = await secrel(['impl-date', ...args], { cwd: outside });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(hint);
  });

  it('gives identical output under TZ=Pacific/Kiritimati', async () => {
    const cases = [
      ['impl-date', '--lead-time', '12m', '--system', '--release', '2020-06', '--repo', SEC_2020, '--format', 'json'],
      ['impl-date', '--lead-time', '20wd', '--decision', '2020-12-18'],
      ['impl-date', '--lead-time', '12m', '--as-of', '2019-12-31'],
    ];
    for (const args of cases) {
      const utc = await secrel(args, { cwd: outside, env: { TZ: 'UTC' } });
      const kiri = await secrel(args, { cwd: outside, env: { TZ: 'Pacific/Kiritimati' } });
      expect(kiri.stdout).toBe(utc.stdout);
      expect(kiri.exitCode).toBe(utc.exitCode);
    }
  });

  it('shows examples in --help', async () => {
    const r = await secrel(['impl-date', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('$ secrel impl-date --lead-time 12m --system --release 2020-06');
    expect(r.stdout).toContain('$ secrel impl-date --lead-time 20wd --self-governance --referral-end 2020-07-15');
  });
});
