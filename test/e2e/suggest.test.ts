// `secrel suggest`: the earliest feasible release, each earlier candidate with why not; exit 0 found, 1 none, 2 usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const copy = fixtureCopies();
const AS_OF = '2020-01-17';

interface Result {
  candidates: { id: string; obstacles: { rule: string; text: string; exception?: boolean }[]; caveats: string[] }[];
  earliest?: { id: string; wording: string[]; fallback?: { id: string } };
  withException?: { id: string };
}

async function suggestJson(args: string[], dir = copy()): Promise<{ exitCode: number; result: Result }> {
  const r = await secrel(['suggest', ...args, '--repo', dir, '--as-of', AS_OF, '--format', 'json']);
  expect(r.stderr).toBe('');
  return { exitCode: r.exitCode, result: JSON.parse(r.stdout) as Result };
}

describe('secrel suggest replays the January 2020 Panel paper', () => {
  it.each(['SECMP0007', 'SECMP0015', 'SECMP0024', 'SECMP0056', 'MP078'])(
    '%s: not November 2020 nor June 2021 (CR1047 late), November 2021 works',
    async (id) => {
      const { exitCode, result } = await suggestJson([id]);
      expect(exitCode).toBe(0);
      expect(result.earliest?.id).toBe('2021-11');
      const why = (release: string) => result.candidates.find((c) => c.id === release)!.obstacles;
      expect(why('2020-11')).toContainEqual({
        rule: 'DEP-1',
        text: 'CR1047 is needed before development (by 29 February 2020: 9m before go-live), but is expected on 31 December 2020',
      });
      expect(why('2021-06')).toEqual([
        { rule: 'DEP-1', text: 'CR1047 is needed before development (by 24 September 2020: 9m before go-live), but is expected on 31 December 2020' },
      ]);
      expect(why('2021-02')[0]!.rule).toBe('SCP-3');
      expect(result.candidates.at(-1)!.caveats[0]).toContain('CR1057 has no expected date yet');
    },
  );

  it('says so in text, ending with the earliest feasible release', async () => {
    const r = await secrel(['suggest', 'MP078', '--repo', copy(), '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'Earliest release for MP078 (DCC System-impacting, no lead time, waits on CR1057, CR1047), from 17 January 2020 (--as-of):',
    );
    expect(r.stdout).toContain('  2021-06   June 2021 SEC Release        Thu 24 Jun 2021  no\n              DEP-1: CR1047 is needed before development');
    expect(r.stdout).toContain('Earliest feasible: the November 2021 SEC Release (2021-11), 4 November 2021');
  });

  it('a Change Request with no date, not done, after the day it was needed rules a release out', async () => {
    const r = await secrel(['suggest', 'MP078', '--repo', copy(), '--as-of', '2021-03-01', '--format', 'json']);
    const result = JSON.parse(r.stdout) as Result;
    expect(result.candidates.find((c) => c.id === '2021-11')!.obstacles).toContainEqual({
      rule: 'DEP-1',
      text: 'CR1057 is needed before development (by 4 February 2021: 9m before go-live), but CR1057 has no expected date yet (change-requests/CR1057.yaml) and is not done, and that day has passed',
    });
    expect(result.earliest?.id).toBe('2022-06');
  });

  it('a Change Request expected before the day it was needed, both days gone and not done, rules a release out as check does', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'change-requests/CR1047.yaml'), 'id: CR1047\ntitle: CSP firmware change\nstatus: in-progress\nexpected: 2020-06-30\n');
    const r = await secrel(['suggest', 'MP078', '--repo', dir, '--as-of', '2020-10-01', '--format', 'json']);
    const obstacles = (JSON.parse(r.stdout) as Result).candidates.find((c) => c.id === '2021-06')!.obstacles;
    expect(obstacles).toContainEqual({
      rule: 'DEP-1',
      text: 'CR1047 is needed before development (by 24 September 2020: 9m before go-live), but it is not recorded as done, and that day has passed (it was expected on 30 June 2020)',
    });
  });

  it('with CR1047 done sooner, June 2021 works', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'change-requests/CR1047.yaml'), 'id: CR1047\ntitle: CSP firmware change\nstatus: done\ndone: 2020-06-30\n');
    expect((await suggestJson(['MP078'], dir)).result.earliest?.id).toBe('2021-06');
  });
});

describe('secrel suggest for a proposal described on the command line', () => {
  it('gives the Policy wording and fall-back of the first release whose decision-by date is ahead', async () => {
    const { exitCode, result } = await suggestJson(['--lead-time', '9m', '--system', '--decision', '2020-02-01']);
    expect(exitCode).toBe(0);
    expect(result.earliest).toMatchObject({ id: '2021-06', fallback: { id: '2021-11' } });
    expect(result.earliest!.wording[0]).toBe('24 June 2021 (June 2021 SEC Release) if a decision to approve is received on or before 24 September 2020; or');
    const nov20 = result.candidates.find((c) => c.id === '2020-11')!;
    expect(nov20.obstacles.map((o) => o.rule)).toEqual(['SCP-2']);
    expect(result.withException?.id).toBe('2020-11');
  });

  it('after a decision already made, starts from today: releases live since then are no candidates', async () => {
    const { result } = await suggestJson(['--lead-time', '3m', '--decision', '2019-06-01']);
    expect(result.candidates[0]!.id).toBe('2020-02');
    expect(result.earliest?.id).toBe('2020-11');
  });

  it('names an earlier release the Panel could open with an exception', async () => {
    const { result } = await suggestJson(['--lead-time', '3m', '--documentation']);
    expect(result.candidates[0]!.obstacles.map((o) => o.rule)).toEqual(['IMP-1', 'SCP-2']);
    expect(result.withException?.id).toBe('2020-06');
    expect(result.candidates[1]!.obstacles).toEqual([
      { rule: 'SCP-2', exception: true, text: 'its documentation-only scope cut-off passed on 25 December 2019: it needs an exception the Panel approves' },
    ]);
    expect(result.earliest?.id).toBe('2020-11');
  });

  it('notes, without ruling it out, a release in a year whose other System Release changes tech specs already (SCP-4, a warning in check)', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'modifications/MP200.yaml'),
      'id: MP200\ntitle: A GBCS change\nsystemImpact: true\ntechSpecs: [GBCS]\nimplementation:\n  release: 2021-11\n',
    );
    const { result } = await suggestJson(['--lead-time', '9m', '--system', '--tech-specs', 'GBCS', '--decision', '2020-02-01'], dir);
    const june = result.candidates.find((c) => c.id === '2021-06')!;
    expect(june.obstacles).toEqual([]);
    expect(june.caveats).toEqual([
      'SCP-4: DUIS, GBCS or the Technical Specifications already change in the November 2021 SEC Release; the Panel will endeavour to limit such changes ' +
        'to one System Release a year, weighing the efficiency, urgency and cost of each proposal',
    ]);
    expect(result.earliest?.id).toBe('2021-06');
    const text = await secrel([
      'suggest',
      '--lead-time',
      '9m',
      '--system',
      '--tech-specs',
      'GBCS',
      '--decision',
      '2020-02-01',
      '--repo',
      dir,
      '--as-of',
      AS_OF,
    ]);
    expect(text.stdout).toContain('note: SCP-4: DUIS, GBCS or the Technical');
  });

  it('exits 1 when nothing works within three years: a cancelled dependency', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'change-requests/CR9.yaml'), 'id: CR9\ntitle: Cancelled\nstatus: cancelled\n');
    const r = await secrel(['suggest', '--lead-time', '9m', '--system', '--depends', 'CR9:before-development', '--repo', dir, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('DEP-1: CR9 is needed before development');
    expect(r.stdout).toContain('No release until 17 January 2023 works (three years after --as-of).');
  });

  it.each([
    [['NOPE'], 'no modification NOPE'],
    [[], 'suggest needs a modification id, or a proposal described with --lead-time'],
    [['--lead-time', 'soon'], '--lead-time soon is not a lead time'],
    [['--lead-time', '9m', '--tech-specs', 'XML'], 'XML is not DUIS, GBCS or TS'],
    [['--lead-time', '9m', '--depends', 'CR1:whenever'], 'whenever is not when a dependency is needed'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await secrel(['suggest', ...args, '--repo', copy(), '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('secrel suggest reads systemImpact as the Policy does: dcc, user or none', () => {
  // Written with the words, not true/false: `dcc` needs a System Release, `dcc` and `user` take the
  // 12-month systems cut-off, `none` the 6-month one.
  async function forImpact(impact: string) {
    const dir = copy();
    writeFileSync(join(dir, 'modifications/MP300.yaml'), `id: MP300\ntitle: A proposal\nsystemImpact: ${impact}\nleadTime: 3m\n`);
    return (await suggestJson(['MP300'], dir)).result;
  }

  it('dcc: a Documentation Release cannot take it, and its systems cut-off applies', async () => {
    const result = await forImpact('dcc');
    expect(result.candidates.find((c) => c.id === '2021-02')?.obstacles[0]?.rule).toBe('SCP-3');
    expect(result.candidates.find((c) => c.id === '2020-11')!.obstacles).toContainEqual({
      rule: 'SCP-2',
      exception: true,
      text: 'its systems scope cut-off passed on 29 November 2019: it needs an exception the Panel approves',
    });
    expect(result.earliest?.id).toBe('2021-06');
  });

  it('user: any release can take it, but its systems cut-off applies', async () => {
    const result = await forImpact('user');
    expect(result.candidates.find((c) => c.id === '2020-11')!.obstacles.map((o) => o.text)).toContain(
      'its systems scope cut-off passed on 29 November 2019: it needs an exception the Panel approves',
    );
    expect(result.earliest?.id).toBe('2021-02');
  });

  it('none: the documentation-only cut-off', async () => {
    expect((await forImpact('none')).earliest?.id).toBe('2020-11');
  });

  it('says which impact it judged, and --user-systems describes a proposal the same way', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'modifications/MP300.yaml'), 'id: MP300\ntitle: A proposal\nsystemImpact: user\nleadTime: 3m\n');
    const r = await secrel(['suggest', 'MP300', '--repo', dir, '--as-of', AS_OF]);
    expect(r.stdout.split('\n')[0]).toBe('Earliest release for MP300 (User System-impacting, 3m lead time), from 17 January 2020 (--as-of):');
    const described = await suggestJson(['--lead-time', '3m', '--user-systems'], dir);
    expect(described.result.earliest?.id).toBe('2021-02');
    const both = await secrel(['suggest', '--lead-time', '3m', '--user-systems', '--system', '--repo', dir, '--as-of', AS_OF]);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('--system and --user-systems contradict each other');
  });
});

describe('secrel suggest and capacity', () => {
  it('treats a full release as unavailable, saying so', async () => {
    const dir = copy();
    const config = readFileSync(join(dir, 'secrel.config.yaml'), 'utf8');
    writeFileSync(join(dir, 'secrel.config.yaml'), `${config}\ncapacity:\n  systemModifications: 5\n`);
    const { result } = await suggestJson(['--lead-time', '12m', '--system', '--decision', '2020-10-01'], dir);
    expect(result.candidates.find((c) => c.id === '2021-11')!.obstacles).toEqual([
      {
        rule: 'CAP-1',
        text: 'capacity reached: it already holds 5 DCC-System-impacting modifications, the most it can hold (capacity.systemModifications: 5)',
      },
    ]);
    expect(result.earliest?.id).toBe('2022-06');
  });
});

describe('secrel suggest and the decision', () => {
  it('judges from today a decision still expected on a day that has passed, and says so', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'modifications/MP201.yaml'),
      'id: MP201\ntitle: A late decision\nstatus: development\nsystemImpact: none\nleadTime: 6m\ndecision:\n  expected: 2019-12-01\n',
    );
    // June 2020's decision-by date for a 6-month lead time, 25 December 2019, is after the expected day and before today.
    const { result } = await suggestJson(['MP201'], dir);
    const june = result.candidates.find((c) => c.id === '2020-06')!;
    expect(june.obstacles.map((o) => o.rule)).toEqual(['IMP-1', 'SCP-2']);
    expect(june.obstacles[0]!.text).toBe('its decision-by date for a 6m lead time, 25 December 2019, is before today (17 January 2020)');
    expect(result.withException?.id).not.toBe('2020-06');
    const text = await secrel(['suggest', 'MP201', '--repo', dir, '--as-of', AS_OF]);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(
      'from 17 January 2020 (--as-of): Its decision was expected on 1 December 2019, which has passed with none recorded: it cannot come before today.',
    );
  });

  it('a Working Days lead time: its own implementation date comes first, the releases are only for bundling it', async () => {
    const r = await secrel(['suggest', '--lead-time', '20wd', '--decision', '2020-02-03', '--repo', copy(), '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(r.stdout).ownDate).toEqual({ date: '2020-03-02', from: '2020-02-03', after: 'decision', workingDays: 20 });
    const text = await secrel(['suggest', '--lead-time', '20wd', '--decision', '2020-02-03', '--repo', copy(), '--as-of', AS_OF]);
    expect(text.stdout.replace(/\n +/g, ' ')).toContain(
      'A Working Days lead time (IMP-3): it goes live on its own date, Monday 2 March 2020, 20 Working Days after the decision (3 February 2020), not with a release. To bundle it with a release instead:',
    );
    // The release is the one to bundle it with, and no IMP-2 sentence contradicts its own date.
    expect(text.stdout).toContain('Earliest release to bundle it with: the November 2020 SEC Release (2020-11), 29 November 2020');
    expect(text.stdout).not.toContain('as the Policy words it (IMP-2)');
  });
});

describe('secrel suggest and what no release choice mends', () => {
  it('an approval notice not recorded (COM-1) stops no release: the notice is due from the decision wherever it goes', async () => {
    const dir = copy();
    // Approved on 2 January 2020 with no approval notice recorded: COM-1 is an error as of 17 January, in any release.
    writeFileSync(
      join(dir, 'modifications/MP202.yaml'),
      'id: MP202\ntitle: Approved, notice not recorded\nstatus: approved\nsystemImpact: none\ndecision:\n  date: 2020-01-02\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-02\n',
    );
    const { result } = await suggestJson(['MP202'], dir);
    expect(result.candidates.flatMap((c) => c.obstacles.map((o) => o.rule))).not.toContain('COM-1');
    expect(result.earliest?.id).toBe('2020-11');
  });

  it('says the list starts from today for a decision already made, not from the decision', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'modifications/MP209.yaml'),
      'id: MP209\ntitle: Decided\nstatus: approved\nsystemImpact: none\ndecision:\n  date: 2019-12-02\nimplementation:\n  release: 2020-06\n  addedToScope: 2019-12-02\n',
    );
    const text = await secrel(['suggest', 'MP209', '--repo', dir, '--as-of', AS_OF]);
    expect(text.stdout).toContain('from 17 January 2020 (--as-of; decided on 2 December 2019):');
  });

  it('a dependency whose expected date has passed undone is a note, as check warns', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'change-requests/CR2001.yaml'), 'id: CR2001\ntitle: CSP firmware\nexpected: 2020-01-06\n');
    writeFileSync(join(dir, 'modifications/MP203.yaml'), 'id: MP203\ntitle: Waits on CR2001\nsystemImpact: none\ndependsOn: [CR2001]\n');
    const { result } = await suggestJson(['MP203'], dir);
    const first = result.candidates.find((c) => c.id === result.earliest?.id)!;
    expect(first.caveats).toContainEqual(expect.stringContaining('it was expected on 6 January 2020, which has passed, and it is not recorded as done'));
  });
});
