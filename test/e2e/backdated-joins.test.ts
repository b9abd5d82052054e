// SCP-2 at commit time: a modification that joins a release's scope in the commit being made, with an
// addedToScope dated by a cut-off that has passed, is a warning from `validate --staged` (the date may be
// right, recorded late; or it slips a late addition past SCP-2). (Found in a fresh-data trial: a modification
// committed on 10 December 2028 with addedToScope 26 October 2028 passed every check and went into the RID.)
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

const mod = (id: string, release: string, added: string, extra = '') =>
  `id: ${id}\ntitle: ${id}\nstatus: development\nsystemImpact: dcc\nimplementation:\n  release: ${release}\n  addedToScope: ${added}\n${extra}`;

async function repo(): Promise<TempRepo> {
  const r = await tempGitRepo();
  repos.push(r);
  r.write('secrel.config.yaml', '{}\n');
  r.write('releases/2029-11.yaml', 'id: 2029-11\ntype: system\n');
  r.write('modifications/MP1.yaml', mod('MP1', '2029-06', '2028-01-10'));
  r.write('modifications/MP2.yaml', mod('MP2', '2029-11', '2028-06-01'));
  await r.commit('before');
  return r;
}

const staged = async (r: TempRepo, asOf = '2028-12-10') => {
  await r.git('add', '-A');
  return secrel(['validate', '--staged', '--as-of', asOf], { cwd: r.dir });
};

describe('validate --staged and an addition dated before a cut-off that has passed', () => {
  it('warns for a new file and for a modification moved in, at its addedToScope', async () => {
    const r = await repo();
    r.write('modifications/MP3.yaml', mod('MP3', '2029-11', '2028-10-26'));
    // Moved from June to November 2029 with no re-target recorded: its addedToScope is the June one.
    r.write('modifications/MP1.yaml', mod('MP1', '2029-11', '2028-01-10'));
    const out = await staged(r);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(
      'modifications/MP3.yaml:7:17 warning SCP-2\n    MP3 joins the November 2029 SEC Release in this commit (HEAD does not have it there), but addedToScope says it joined on ' +
        '26 October 2028, by the systems cut-off (1 November 2028), which has passed: if it did join then and is only recorded now, say so in the commit message',
    );
    expect(out.stdout).toContain('modifications/MP1.yaml:7:17 warning SCP-2\n    MP1 joins the November 2029 SEC Release in this commit');
    // MP2 was there before: nothing about it.
    expect(out.stdout).not.toContain('MP2');
  });

  it('says nothing while the cut-off is to come, for a recorded exception, or for a re-target recorded with its day', async () => {
    const r = await repo();
    r.write('modifications/MP3.yaml', mod('MP3', '2029-11', '2028-10-26'));
    expect((await staged(r, '2028-10-27')).stdout).not.toContain('SCP-2');
    r.write('modifications/MP3.yaml', mod('MP3', '2029-11', '2028-10-26', '  exception: Panel agreed on 8 December 2028\n'));
    expect((await staged(r)).stdout).not.toContain('SCP-2');
    r.write('modifications/MP3.yaml', mod('MP3', '2029-11', '2028-10-26').replace('status: development', 'status: withdrawn'));
    r.write(
      'modifications/MP1.yaml',
      mod('MP1', '2029-11', '2028-01-10', '  retargets:\n    - { date: 2028-12-09, from: 2029-06, to: 2029-11, reason: DCC capacity }\n'),
    );
    const out = await staged(r);
    // The re-target's day is when it joined: after the cut-off, so SCP-2 itself (check) judges it; no warning here.
    expect(out.stdout).not.toContain('warning SCP-2');
  });

  it('says nothing for the first commit of the data, which adds every modification file (an import)', async () => {
    const r = await tempGitRepo();
    repos.push(r);
    r.write('secrel.config.yaml', '{}\n');
    await r.commit('config only');
    r.write('releases/2029-11.yaml', 'id: 2029-11\ntype: system\n');
    r.write('modifications/MP3.yaml', mod('MP3', '2029-11', '2028-10-26'));
    expect((await staged(r)).stdout).not.toContain('SCP-2');
  });
});
