// `rid baseline` keeps the RID's history in date order: its advice to bump first names the meeting's date,
// and a baseline dated before the line of the version it records is refused, not written backwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const SYSTEM = 'id: SECMP0053\ntitle: Systems change\nstatus: approved\nsystemImpact: true\nimplementation:\n  release: 2020-06\n';
const DOCS = 'id: MP079\ntitle: Documentation change\nsystemImpact: false\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-10\n';

describe('rid baseline and the order of the RID history (RID-1)', () => {
  let repo: TempRepo;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });
  const release = () => readFileSync(join(repo.dir, 'releases', '2020-06.yaml'), 'utf8');
  const backwards = async () => (await run('check', '--release', '2020-06', '--as-of', '2020-01-20')).stdout.includes('would run backwards');

  beforeEach(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', 'id: 2020-06\ntype: system\n');
    repo.write('modifications/SECMP0053.yaml', SYSTEM);
    expect((await run('rid', 'baseline', '2020-06', '--date', '2019-10-11', '--as-of', '2019-10-11')).exitCode).toBe(0);
    // MP079 joins before the Panel's full-scope meeting of 17 January 2020; the analyst runs secrel on the 20th.
    repo.write('modifications/MP079.yaml', DOCS);
    await repo.commit('RID 1.0 baselined; MP079 added');
  });
  afterEach(() => repo.cleanup());

  it('asks for the bump dated the day of the meeting, and following that keeps the history in order', async () => {
    const first = await run('rid', 'baseline', '2020-06', '--date', '2020-01-17', '--covers', 'all', '--as-of', '2020-01-20');
    expect(first.exitCode).toBe(1);
    expect(first.stderr).toContain('Run `secrel rid bump --release 2020-06 --as-of 2020-01-17` first');
    expect((await run('rid', 'bump', '--release', '2020-06', '--as-of', '2020-01-17')).exitCode).toBe(0);
    const done = await run('rid', 'baseline', '2020-06', '--date', '2020-01-17', '--covers', 'all', '--as-of', '2020-01-20');
    expect(done).toMatchObject({ exitCode: 0, stdout: '2020-06: RID 1.1 baselined on 17 January 2020, covering all of its scope: MP079, SECMP0053' });
    expect(parse(release()).rid.history.map((h: { version: string; date: string }) => `${h.version} ${h.date}`)).toEqual([
      '1.0 2019-10-11',
      '1.1 2020-01-17',
      '1.1 2020-01-17',
    ]);
    expect(await backwards()).toBe(false);
  });

  it('refuses a baseline dated before the line of the version it records, saying where that line is and what to do', async () => {
    expect((await run('rid', 'bump', '--release', '2020-06', '--as-of', '2020-01-20')).exitCode).toBe(0);
    const bumped = release();
    const r = await run('rid', 'baseline', '2020-06', '--date', '2020-01-17', '--covers', 'all', '--as-of', '2020-01-20');
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    const line = bumped.split('\n').findIndex((l) => l.includes('date: 2020-01-20')) + 1;
    expect(r.stderr).toContain(
      `secrel: releases/2020-06.yaml:${line}:13: --date 2020-01-17 is before RID 1.1's line in the RID's history (20 January 2020): ` +
        'recording the baseline of RID 1.1 on 17 January 2020 after it would make the history run backwards, so nothing was written',
    );
    expect(r.stderr).toContain('set its date to 2020-01-17 (or undo that `secrel rid bump` and run `secrel rid bump --release 2020-06 --as-of 2020-01-17`)');
    expect(release()).toBe(bumped);
    expect(await backwards()).toBe(false);
    // The same meeting as the line, or later, is recorded.
    expect((await run('rid', 'baseline', '2020-06', '--date', '2020-01-20', '--covers', 'all', '--as-of', '2020-01-20')).exitCode).toBe(0);
  });

  it("does not offer to redate the line when an earlier version's line is after the meeting too: the RID was not written yet (found in a new-user trial)", async () => {
    const drafts =
      'rid:\n  version: "0.2"\n  history:\n    - { version: "0.1", date: 2020-01-05, changes: First draft. }\n    - { version: "0.2", date: 2020-01-15, changes: x }\n';
    repo.write('releases/2020-11.yaml', `id: 2020-11\ntype: system\n${drafts}`);
    repo.write('modifications/SECMP0053.yaml', SYSTEM.replace('release: 2020-06', 'release: 2020-11'));
    const r = await run('rid', 'baseline', '2020-11', '--date', '2020-01-02', '--as-of', '2020-01-20');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("RID 0.1's line is dated 5 January 2020, after 2 January 2020 too, so the history says the RID was not written yet on that day");
    expect(r.stderr).not.toContain('set its date to');
  });
});
