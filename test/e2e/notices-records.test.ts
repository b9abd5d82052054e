// COM-5: an issued notice is a record. Rendered as it stood on its issue date (git history, else the data's
// own dates), it carries that date and later changes never rewrite it; a notice not yet issued is a draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const RELEASE = (notices: string[] = []) =>
  ['id: 2020-06', 'type: system', ...(notices.length ? ['notices:', ...notices.map((n) => `  ${n}`)] : []), ''].join('\n');
const SECMP0053 =
  'id: SECMP0053\ntitle: Switching data\nstatus: approved\nsystemImpact: true\ndecision:\n  date: 2019-06-03\n' +
  'implementation:\n  release: 2020-06\n  addedToScope: 2019-05-01\nnotices:\n  approval: 2019-06-04\n';
// Targeted after every notice went out; its file records no addedToScope, so only git history can tell.
const SECMP0099 = 'id: SECMP0099\ntitle: Late arrival\nsystemImpact: true\nimplementation:\n  release: 2020-06\n';

describe('issued notices are records, in a git repository', () => {
  let repo: TempRepo;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });
  const notice = (file: string) => readFileSync(join(repo.dir, 'out', 'notices', '2020-06', file), 'utf8');

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', RELEASE());
    repo.write('modifications/SECMP0053.yaml', SECMP0053);
    await repo.commit('June 2020: SECMP0053 approved', '2019-06-20T12:00:00+01:00');
    repo.write('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25']));
    await repo.commit('12-month notice issued', '2019-06-25T16:00:00+01:00');
  });
  afterAll(() => repo.cleanup());

  it('renders an issued notice with its issue date, and one not yet issued as a draft', async () => {
    expect((await run('render', 'notices')).exitCode).toBe(0);
    const twelve = notice('12-month.md');
    expect(twelve.split('\n')[0]).toBe('# June 2020 SEC Release: 12-month notice');
    expect(twelve).toContain('Issued on Tuesday 25 June 2019.');
    expect(twelve).toContain('**SECMP0053** ‘Switching data’');
    expect(notice('6-month.md').split('\n')[0]).toBe('# DRAFT — not yet issued: June 2020 SEC Release: 6-month notice');
    expect(notice('approval-SECMP0053.md')).toContain('Issued on Tuesday 4 June 2019.');
  });

  it('keeps every issued notice as it was when the scope changes later: render --check stays green', async () => {
    repo.write('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25', 'sixMonth: 2019-12-27', 'oneMonth: 2020-05-26']));
    await repo.commit('6-month and 1-month notices issued', '2020-05-26T09:00:00+01:00');
    expect((await run('render', 'notices')).exitCode).toBe(0);
    await repo.commit('notices rendered', '2020-05-26T10:00:00+01:00');
    const before = notice('12-month.md');

    repo.write('modifications/SECMP0099.yaml', SECMP0099);
    await repo.commit('SECMP0099 targets June 2020', '2020-06-01T09:00:00+01:00');
    const check = await run('render', 'notices', '--check');
    expect(check.stdout).toContain('up to date');
    expect(check.exitCode).toBe(0);
    expect(notice('12-month.md')).toBe(before);
    expect(notice('1-month.md')).not.toContain('SECMP0099');
  });
});

describe('issued notices are records, whatever a back-dated commit says', () => {
  it('a commit dated before its parent (a skewed clock) does not pass for the state on the issue day (found in a fresh-data trial)', async () => {
    const repo = await tempGitRepo();
    try {
      repo.write('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25']));
      repo.write('modifications/SECMP0053.yaml', SECMP0053);
      await repo.commit('June 2020, 12-month notice issued', '2019-06-25T16:00:00+01:00');
      expect((await secrel(['render', 'notices'], { cwd: repo.dir })).exitCode).toBe(0);
      await repo.commit('notices rendered', '2019-07-01T09:00:00+01:00');
      const twelve = readFileSync(join(repo.dir, 'out', 'notices', '2020-06', '12-month.md'), 'utf8');
      // Made later, dated earlier than the notice: it must not be read as the repository on 25 June.
      repo.write('modifications/SECMP0099.yaml', SECMP0099);
      await repo.commit('SECMP0099 targets June 2020', '2019-06-21T09:00:00+01:00');
      const check = await secrel(['render', 'notices', '--check'], { cwd: repo.dir });
      expect(check.stdout).not.toContain('12-month.md');
      expect(readFileSync(join(repo.dir, 'out', 'notices', '2020-06', '12-month.md'), 'utf8')).toBe(twelve);
    } finally {
      repo.cleanup();
    }
  });
});

describe('issued notices are records, in a repository whose data was entered after they went out', () => {
  it('renders a notice from what the data records about its day when the commit before it held none of the release', async () => {
    const repo = await tempGitRepo();
    try {
      // secrel init in May; the release, its notice (issued 25 June) and its scope typed in only in July.
      repo.write('secrel.config.yaml', 'output: out\n');
      await repo.commit('secrel init', '2019-05-20T09:00:00+01:00');
      repo.write('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25']));
      repo.write('modifications/SECMP0053.yaml', SECMP0053);
      await repo.commit('June 2020 entered', '2019-07-10T09:00:00+01:00');
      expect((await secrel(['render', 'notices'], { cwd: repo.dir })).exitCode).toBe(0);
      const twelve = readFileSync(join(repo.dir, 'out', 'notices', '2020-06', '12-month.md'), 'utf8');
      expect(twelve).toContain('Issued on Tuesday 25 June 2019.');
      expect(twelve).toContain('**SECMP0053** ‘Switching data’');
    } finally {
      repo.cleanup();
    }
  });
});

describe('issued notices are records, in a repository whose data was typed in ahead of its events', () => {
  it('leaves out of a notice what the commit before its issue date records as happening later', async () => {
    const repo = await tempGitRepo();
    try {
      // All typed in on 20 May 2019, notice date included; MP084 joins the scope only on 1 November 2019.
      repo.write('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25']));
      repo.write('modifications/SECMP0053.yaml', SECMP0053);
      repo.write('modifications/MP084.yaml', 'id: MP084\ntitle: Later\nsystemImpact: false\nimplementation:\n  release: 2020-06\n  addedToScope: 2019-11-01\n');
      await repo.commit('June 2020, planned ahead', '2019-05-20T09:00:00+01:00');
      expect((await secrel(['render', 'notices'], { cwd: repo.dir })).exitCode).toBe(0);
      const twelve = readFileSync(join(repo.dir, 'out', 'notices', '2020-06', '12-month.md'), 'utf8');
      expect(twelve).toContain('Issued on Tuesday 25 June 2019.');
      expect(twelve).toContain('**SECMP0053**');
      expect(twelve).not.toContain('MP084');
    } finally {
      repo.cleanup();
    }
  });
});

describe('issued notices are records, without git', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'secrel-notices-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders from what the data records about the issue date: later additions and decisions are left out', async () => {
    write('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25']));
    write('modifications/SECMP0053.yaml', SECMP0053.replace('date: 2019-06-03', 'date: 2019-07-01').replace('approval: 2019-06-04', 'approval: 2019-07-02'));
    write('modifications/MP084.yaml', 'id: MP084\ntitle: Later\nsystemImpact: false\nimplementation:\n  release: 2020-06\n  addedToScope: 2019-11-01\n');
    expect((await secrel(['render', 'notices', '--repo', dir])).exitCode).toBe(0);
    const twelve = readFileSync(join(dir, 'out', 'notices', '2020-06', '12-month.md'), 'utf8');
    expect(twelve).toContain('Issued on Tuesday 25 June 2019.');
    expect(twelve).not.toContain('MP084');
    // Approved on 1 July 2019: on 25 June it was still targeted.
    expect(twelve).toMatch(/Targeted at this release[^\n]*\n\n- \*\*SECMP0053\*\*/);
  });

  it('a modification re-targeted away after the notice went out stays in it; one re-targeted in after stays out', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'secrel-notices-moved-'));
    try {
      const put = (path: string, text: string) => {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
      };
      put('releases/2020-06.yaml', RELEASE(['twelveMonth: 2019-06-25']));
      put('releases/2020-11.yaml', 'id: 2020-11\ntype: system\n');
      const mod = (id: string, release: string, from: string) =>
        `id: ${id}\ntitle: Moved ${id}\nsystemImpact: true\nimplementation:\n  release: ${release}\n  addedToScope: 2019-05-01\n  retargets:\n    - { date: 2019-09-01, from: ${from}, to: ${release} }\n`;
      put('modifications/MP300.yaml', mod('MP300', '2020-11', '2020-06'));
      put('modifications/MP301.yaml', mod('MP301', '2020-06', '2020-11'));
      expect((await secrel(['render', 'notices', '--repo', folder])).exitCode).toBe(0);
      const twelve = readFileSync(join(folder, 'out', 'notices', '2020-06', '12-month.md'), 'utf8');
      expect(twelve).toContain('**MP300** ‘Moved MP300’');
      expect(twelve).not.toContain('MP301');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('renders no notice that could not be issued because the Panel agreed the release later', async () => {
    write('releases/2027-09.yaml', 'id: 2027-09\nadhoc: true\ntype: system\ndate: 2027-09-16\nagreed: 2027-04-01\n');
    write(
      'modifications/MP300.yaml',
      'id: MP300\ntitle: Urgent\nsystemImpact: true\nimplementation:\n  release: 2027-09\n  addedToScope: 2027-04-01\n  exception: The ad-hoc release is for it\n',
    );
    expect((await secrel(['render', 'notices', '--repo', dir, '--as-of', '2027-05-01'])).exitCode).toBe(0);
    const folder = join(dir, 'out', 'notices', '2027-09');
    expect(existsSync(join(folder, '12-month.md'))).toBe(false);
    expect(existsSync(join(folder, '6-month.md'))).toBe(false);
    expect(existsSync(join(folder, '1-month.md'))).toBe(true);
    const check = await secrel(['check', '--repo', dir, '--as-of', '2027-05-01', '--release', '2027-09', '--format', 'json']);
    const com2 = JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule === 'COM-2');
    expect(com2.map((f: { severity: string }) => f.severity)).toEqual(['info', 'info']);
    expect(com2[0].message).toContain(
      'is not applicable: it fell on 16 September 2026, before the Panel agreed to create the release on 1 April 2027 (as `agreed` records), so it could not be met; nothing to do',
    );
    // Nor does the calendar (or its feed) list those deadlines: they never applied.
    const calendar = JSON.parse((await secrel(['calendar', '2027', '--repo', dir, '--format', 'json'])).stdout) as {
      releases: { id: string; milestones: { id: string }[] }[];
    };
    const ids = calendar.releases.find((r) => r.id === '2027-09')!.milestones.map((m) => m.id);
    expect(ids).not.toContain('notice-12m');
    expect(ids).not.toContain('systems-cutoff');
    expect(ids).toContain('notice-1m');
  });
});
