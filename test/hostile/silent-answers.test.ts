// Silent wrong answers (issue 14, point 6): each was accepted or misreported without a word; each is now
// a finding, or a line that says what is really so. (`validate | head -1` keeping its exit code is in
// test/e2e/output-errors.test.ts; a change freeze that ends before it starts in test/e2e/small-answers.test.ts.)
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { londonToday } from '../../src/cli/london-today.js';
import { FIXTURES, fixtureCopies, secrel } from '../helpers/cli.js';
import { tempGitRepo } from '../helpers/git.js';

const copy = fixtureCopies();
const AS_OF = ['--as-of', '2020-01-17'];

function edit(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(dir, file), text.replace(from, to));
}

describe('silent wrong answers', () => {
  it('money written in hexadecimal or octal is refused at its place, not read as 31 and 15', async () => {
    const dir = copy();
    edit(dir, 'modifications/SECMP0053.yaml', 'designBuildPit: 53572', 'designBuildPit: 0x1F');
    edit(dir, 'modifications/SECMP0053.yaml', 'sit: 26639', 'sit: 0o17');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      'modifications/SECMP0053.yaml:37:21 error YAML\n    0x1F is a number in hexadecimal, which YAML reads as 31; write numbers in decimal (31), or quote it if it is text',
    );
    expect(r.stdout).toContain('modifications/SECMP0053.yaml:38:10 error YAML\n    0o17 is a number in octal, which YAML reads as 15');
  });

  it('a timeline event years away from its go-live (1829, 2212) is a warning at its offset', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'releases', '2021-02.yaml'),
      [
        'id: 2021-02',
        'type: documentation',
        'status: planned',
        'timeline:',
        // In date order, so the only warnings are about the window (not RID-3's order).
        '  - { event: Early thing, offset: -2300m, from: go-live }',
        '  - { event: Panel go/no-go decision, offset: -10wd, from: go-live }',
        '  - { event: Late thing, date: 2212-02-25 }',
        '',
      ].join('\n'),
    );
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      'releases/2021-02.yaml:5:35 warning REF\n    Timeline event "Early thing" falls on 25 June 1829, more than 5 years from the release\'s go-live (25 February 2021); check its offset',
    );
    expect(r.stdout).toContain(
      'releases/2021-02.yaml:7:32 warning REF\n    Timeline event "Late thing" falls on 25 February 2212, more than 5 years from the release\'s go-live (25 February 2021); check its date',
    );
    expect(r.stdout).not.toContain('go/no-go');
  });

  it('diff: a file that does not load on one side is "not compared", never "removed"', async () => {
    const repo = await tempGitRepo();
    try {
      cpSync(join(FIXTURES, 'sec-2020'), repo.dir, { recursive: true });
      await repo.commit('before');
      repo.write('modifications/MP079.yaml', 'id: MP079\ntitle: [broken\n');
      repo.write('releases/2020-11.yaml', 'id: 2020-11\n: [\n');
      const r = await secrel(['diff', 'HEAD'], { cwd: repo.dir });
      expect(r.stdout).not.toContain('removed');
      expect(r.stdout).toContain('2020-06: MP079 not compared: its file does not load in the later revision (secrel validate shows why)');
      expect(r.stdout).toContain('2020-11: dates and costs not compared: the release file does not load in the later revision (secrel validate shows why)');
      expect(r.stderr).toContain('modifications/MP079.yaml, releases/2020-11.yaml do not load');
    } finally {
      repo.cleanup();
    }
  });

  it('files ending .YAML or .Yml are read like .yaml, not skipped', async () => {
    const dir = copy();
    renameSync(join(dir, 'modifications', 'MP079.yaml'), join(dir, 'modifications', 'MP079.YAML'));
    renameSync(join(dir, 'modifications', 'MP084.yaml'), join(dir, 'modifications', 'MP084.Yml'));
    edit(dir, 'modifications/MP079.YAML', 'systemImpact: false', 'systemImpact: nope');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('modifications/MP079.YAML:');
    expect(r.stdout).toContain('0 warnings in 1 file');
    const plan = await secrel(['plan', ...AS_OF, '--format', 'json'], { cwd: dir });
    expect(plan.stdout).toContain('"MP084"');
  });

  it('a file where a folder of secrel files should be is an error, not an empty folder', async () => {
    const dir = copy();
    rmSync(join(dir, 'modifications'), { recursive: true });
    writeFileSync(join(dir, 'modifications'), 'not a folder\n');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications:1:1 error YAML\n    this is a file, where secrel expects a folder of YAML files');
    // Its modifications are unknown, not gone: no baselined scope "removed", no release "with no modifications".
    const check = await secrel(['check', ...AS_OF], { cwd: dir });
    expect(check.stdout).toContain('this is a file, where secrel expects a folder of YAML files');
    expect(check.stdout).not.toMatch(/RID-2|removed|CAL-5|has no modifications/);
    // plan says so too, not "Scope (0 modifications …)".
    const plan = await secrel(['plan', ...AS_OF, '--release', '2020-06'], { cwd: dir });
    expect(plan.stdout).toContain('Scope unknown: the modifications folder cannot be read (fix the error named above)');
    expect(plan.stdout).not.toContain('0 modifications');
    expect(plan.stderr).toContain('secrel: warning: a file or folder does not load, so its data is left out');
    // A Change Request then is not "not recorded: add change-requests/CR1057.yaml".
    const crs = copy();
    rmSync(join(crs, 'change-requests'), { recursive: true });
    writeFileSync(join(crs, 'change-requests'), 'not a folder\n');
    const dep = await secrel(['check', ...AS_OF], { cwd: crs });
    expect(dep.stdout).toContain(
      'needs CR1057 before development (by 4 February 2021: 9m before go-live), but the change-requests folder cannot be read, so secrel cannot tell whether it is done in time: fix the error reported for the folder',
    );
    expect(dep.stdout).not.toMatch(/CR10[0-9]+ is not recorded/);
  });

  it('a folder named almost as configured (change-request/, Releases/) is an error, not an empty repository', async () => {
    const dir = copy();
    renameSync(join(dir, 'change-requests'), join(dir, 'change-request'));
    renameSync(join(dir, 'releases'), join(dir, 'Releases'));
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      'change-requests:1:1 error YAML\n    this folder does not exist, but change-request/ beside it holds 2 YAML files that secrel does not read: rename change-request/ to change-requests/, or point `paths` in secrel.config.yaml at change-request/',
    );
    expect(r.stdout).toContain('releases:1:1 error YAML\n    this folder does not exist, but Releases/ beside it holds');
    // What refers to them is unknown until then, not "not recorded".
    const check = await secrel(['check', ...AS_OF], { cwd: dir });
    expect(check.stdout).toContain('the change-requests folder cannot be read');
    expect(check.stdout).not.toMatch(/CR10[0-9]+ is not recorded/);
    // The git index says the same to the pre-commit hook.
    const repo = await tempGitRepo();
    cpSync(dir, repo.dir, { recursive: true });
    await repo.git('add', '-A');
    const staged = await secrel(['validate', '--staged', ...AS_OF], { cwd: repo.dir });
    expect(staged.exitCode).toBe(1);
    expect(staged.stdout).toContain('change-requests:1:1 error YAML\n    this folder does not exist, but change-request/ beside it holds 2 YAML files');
  });

  it('a release named decades ahead (2082-06 for 2028-06) is a warning at the reference, with the year it most likely meant', async () => {
    const dir = copy();
    edit(dir, 'modifications/MP079.yaml', '  release: 2020-06', '  release: 2082-06');
    writeFileSync(join(dir, 'change-requests', 'CR2000.yaml'), 'id: CR2000\ntitle: Far\nreleases: [2020-06, 2208-11]\n');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    const today = londonToday();
    const years = (y: number) => y - Number(today.slice(0, 4));
    expect(r.stdout).toMatch(
      new RegExp(
        `modifications/MP079\\.yaml:\\d+:12 warning REF\\n {4}implementation\\.release names release \`2082-06\`, which goes live in 2082, ${years(2082)} years after today \\([^)]+\\): no release is planned that far ahead, so it is most likely a typing error \\(\`2028-06\`\\?\\); correct the year`,
      ),
    );
    expect(r.stdout).toContain(
      `change-requests/CR2000.yaml:3:21 warning REF\n    releases[1] names release \`2208-11\`, which goes live in 2208, ${years(2208)} years after today`,
    );
    expect(r.stdout).toContain('(`2028-11`?)');
    // Ten years ahead is still a plan; the example's own releases raise nothing.
    const near = copy();
    edit(near, 'modifications/MP079.yaml', '  release: 2020-06', `  release: ${Number(today.slice(0, 4)) + 10}-06`);
    expect((await secrel(['validate', ...AS_OF], { cwd: near })).stdout).not.toContain('years after today');
  });

  it('YAML files in a subfolder (modifications/old/) are a warning at the subfolder, not passed over', async () => {
    const dir = copy();
    mkdirSync(join(dir, 'modifications', 'old'));
    cpSync(join(dir, 'modifications', 'SECMP0053.yaml'), join(dir, 'modifications', 'old', 'SECMP0053.yaml'));
    mkdirSync(join(dir, 'releases', 'archive', '2019'), { recursive: true });
    cpSync(join(dir, 'releases', '2020-06.yaml'), join(dir, 'releases', 'archive', '2019', '2019-11.yml'));
    cpSync(join(dir, 'releases', '2020-06.yaml'), join(dir, 'releases', 'archive', '2019-06.yaml'));
    // A hidden folder and a folder with no YAML in it are nobody's slip.
    mkdirSync(join(dir, 'modifications', '.trash'));
    cpSync(join(dir, 'modifications', 'SECMP0053.yaml'), join(dir, 'modifications', '.trash', 'SECMP0053.yaml'));
    mkdirSync(join(dir, 'modifications', 'notes'));
    writeFileSync(join(dir, 'modifications', 'notes', 'README.md'), 'notes\n');
    const clean = await secrel(['validate', ...AS_OF], { cwd: copy() });
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(clean.exitCode);
    const warnings = [
      'modifications/old:1:1 warning YAML\n    this folder holds a YAML file (SECMP0053.yaml) that secrel does not read, as it reads only the files directly in modifications/: move it into modifications/ if it is in use, or out of modifications/ to keep it as an archive',
      'releases/archive:1:1 warning YAML\n    this folder holds 2 YAML files (2019-06.yaml, 2019/2019-11.yml) that secrel does not read, as it reads only the files directly in releases/: move them into releases/ if they are in use',
    ];
    for (const w of warnings) expect(r.stdout).toContain(w);
    expect(r.stdout).not.toMatch(/\.trash|notes/);
    // The git index says the same to the pre-commit hook.
    const repo = await tempGitRepo();
    cpSync(dir, repo.dir, { recursive: true });
    await repo.git('add', '-A');
    const staged = await secrel(['validate', '--staged', ...AS_OF], { cwd: repo.dir });
    for (const w of warnings) expect(staged.stdout).toContain(w);
    expect(staged.stdout).not.toMatch(/\.trash|notes/);
  });

  it('an empty folder beside a near one with files says to move them; an unrelated folder is no slip', async () => {
    const dir = copy();
    renameSync(join(dir, 'change-requests'), join(dir, 'change-request'));
    mkdirSync(join(dir, 'change-requests'));
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain(
      'this folder holds no YAML file, but change-request/ beside it holds 2 YAML files that secrel does not read: move them into change-requests/',
    );
    const apart = copy();
    renameSync(join(apart, 'change-requests'), join(apart, 'dcc-crs'));
    expect((await secrel(['validate', ...AS_OF], { cwd: apart })).stdout).not.toContain('beside it');
  });

  it('a date recorded for something done after today (2099 for 2019) is an error at its place, whatever --as-of says', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'releases/2020-11.yaml'), `${readFileSync(join(dir, 'releases/2020-11.yaml'), 'utf8')}notices:\n  twelveMonth: 2099-11-05\n`);
    edit(dir, 'change-requests/CR1057.yaml', 'status: in-progress', 'status: done\ndone: 2099-01-31');
    edit(
      dir,
      'modifications/SECMP0053.yaml',
      'status: approved\n',
      'status: approved\ngovernance: authority\ndecision:\n  date: 2019-10-01\nnotices:\n  approval: 2099-10-02\n',
    );
    edit(dir, 'modifications/MP079.yaml', 'addedToScope: 2020-01-10', 'addedToScope: 2090-01-10');
    const today = await secrel(['validate'], { cwd: dir });
    expect(today.exitCode).toBe(1);
    expect(today.stdout).toMatch(
      /releases\/2020-11\.yaml:\d+:16 error REF\n {4}notices\.twelveMonth records 5 November 2099, after today \(.*\): a day that has not come cannot be when the 12-month notice was issued, so every check reads it as not done yet\. Correct the date \(the year\?\), or leave it out until it happens/,
    );
    expect(today.stdout).toMatch(/change-requests\/CR1057\.yaml:\d+:7 error REF\n {4}done records 31 January 2099, after today/);
    expect(today.stdout).toMatch(
      /modifications\/MP079\.yaml:\d+:17 error REF\n {4}implementation\.addedToScope records 10 January 2090, after today .*when it was added to the release scope/,
    );
    const refs = (out: string) =>
      out
        .split('\n')
        .filter((l) => / error REF$/.test(l))
        .sort();
    expect(refs(today.stdout)).toHaveLength(4);
    // --as-of the real today is the same day: it finds the same slips (it used to turn the check off).
    const sameDay = await secrel(['validate', '--as-of', londonToday()], { cwd: dir });
    expect(refs(sameDay.stdout)).toEqual(refs(today.stdout));
    // --as-of replays a day: what was recorded since (MP084's scope on 10 January 2020) had not happened
    // yet, and the deadline says so at the line; a day still to come is a slip all the same.
    const replay = await secrel(['check', '--as-of', '2020-01-01'], { cwd: dir });
    expect(refs(replay.stdout)).toEqual(refs(today.stdout));
    expect(replay.stdout).not.toContain('addedToScope records 10 January 2020');
    const april = await secrel(['check', '--as-of', '2020-04-01'], { cwd: dir });
    expect(april.stdout).toContain(
      "The notice of SECMP0053's approval and implementation date was due on 2 October 2019, 182 days ago (1 Working Day after the decision on 1 October 2019), but notices.approval records 2 October 2099, after 1 April 2020, so it counts as not issued yet: correct the date if it was issued, else leave it out until it is",
    );
    expect(april.stdout).toMatch(
      /releases\/2020-11\.yaml:\d+:16 error COM-2\n {4}The 12-month notice for the November 2020 SEC Release \(with cut-off dates and scope\) was due on .*; notices\.twelveMonth records 5 November 2099, after 1 April 2020, so it counts as not done yet: correct the date if it is done, else leave it out until it is/,
    );
    // A look ahead pretends its day has come: only what is after it is a slip, and the message says which day.
    const ahead = await secrel(['validate', '--as-of', '2095-01-01'], { cwd: dir });
    expect(refs(ahead.stdout)).toHaveLength(3);
    expect(ahead.stdout).toContain('notices.twelveMonth records 5 November 2099, after --as-of (1 January 2095)');
    expect(ahead.stdout).not.toContain('records 10 January 2090');
  });

  it('a Change Request whose file does not load is unknown until it is fixed, not "not recorded"', async () => {
    const dir = copy();
    edit(dir, 'change-requests/CR1057.yaml', 'status: in-progress', 'status: in-progess');
    const r = await secrel(['check', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('change-requests/CR1057.yaml:7:9 error SCHEMA');
    expect(r.stdout).toContain(
      'MP078 in the November 2021 SEC Release needs CR1057 before development (by 4 February 2021: 9m before go-live), but CR1057 does not load (its file has errors), so secrel cannot tell whether it is done in time: fix the errors reported in that file',
    );
    expect(r.stdout).not.toContain('CR1057 is not recorded');
  });

  it('two cycle entries in one month are an error: a release is named by its month, so one would vanish', async () => {
    const dir = copy();
    edit(
      dir,
      'secrel.config.yaml',
      '  - { month: 6, week: last, weekday: thursday, type: system }\n',
      '  - { month: 6, week: last, weekday: thursday, type: system }\n  - { month: 6, day: 25, type: documentation }\n',
    );
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('secrel.config.yaml:16:14 error SCHEMA\n    cycle entries 2 and 3 both schedule a release in month 6');
  });

  it('--repo naming a file says it is a file, and which folder to give', async () => {
    const dir = copy();
    const r = await secrel(['validate', '--repo', 'secrel.config.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'secrel: --repo secrel.config.yaml is a file, not a folder\n  give the folder that holds releases/ and modifications/ (here --repo .)',
    );
  });
});
