// The CI workflow `secrel init` writes, its merge job's "Bump RID versions" step run for real: a push of two
// commits is worded whole in the RID history (--since the commit before the push), not only its last commit.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const made: string[] = [];
const repos: TempRepo[] = [];
afterAll(() => {
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
  repos.forEach((r) => r.cleanup());
});

/** The workflow's step, and a PATH on which `secrel` is this build. */
async function bumpStep(): Promise<{ script: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-workflow-'));
  made.push(dir);
  await secrel(['init', join(dir, 'repo'), '--as-of', '2026-12-01']);
  const ci = parse(readFileSync(join(dir, 'repo/.github/workflows/secrel.yml'), 'utf8')) as { jobs: { merge: { steps: { name?: string; run?: string }[] } } };
  const step = ci.jobs.merge.steps.find((s) => s.name === 'Bump RID versions')!;
  const bin = join(dir, 'bin');
  await execa('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'secrel'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'secrel.js')}" --as-of 2026-12-04 "$@"\n`);
  chmodSync(join(bin, 'secrel'), 0o755);
  return { script: step.run!, path: `${bin}:${process.env.PATH ?? ''}` };
}

const mod = (expected: string, sit: number) =>
  'id: MP300\ntitle: Alert routing\nstatus: development\nsystemImpact: dcc\nleadTime: 12m\n' +
  `decision:\n  expected: ${expected}\nimplementation:\n  release: 2028-06\n` +
  `costs:\n  dcc: { designBuildPit: 1000, sit: ${sit}, uit: 200, implementToLive: 100, oneOffOperational: 0, ongoingOperational: 0 }\n`;

describe('the merge job of the CI workflow secrel init writes', () => {
  it('words every commit of a push in the RID history, not only the last', async () => {
    const { script, path } = await bumpStep();
    const repo = await tempGitRepo();
    repos.push(repo);
    repo.write(
      'releases/2028-06.yaml',
      'id: 2028-06\ntype: system\nrid:\n  version: "0.1"\n  history:\n    - { version: "0.1", date: 2026-11-20, changes: First draft. }\n',
    );
    repo.write('modifications/MP300.yaml', mod('2027-01-10', 500));
    expect((await secrel(['rid', 'bump', '--as-of', '2026-12-01'], { cwd: repo.dir })).exitCode).toBe(0);
    const before = await repo.commit('main before the push');
    repo.write('modifications/MP300.yaml', mod('2027-02-15', 500));
    await repo.commit('first commit of the push: the decision moves');
    repo.write('modifications/MP300.yaml', mod('2027-02-15', 900));
    await repo.commit('second commit of the push: a cost changes');
    const r = await execa('bash', ['-e', '-c', script], { cwd: repo.dir, env: { BEFORE: before, PATH: path }, reject: false });
    expect(r.exitCode).toBe(0);
    const release = readFileSync(join(repo.dir, 'releases/2028-06.yaml'), 'utf8');
    expect(release).toContain('expected decision date moved from 10 January 2027 to 15 February 2027');
    expect(release).toContain('DCC cost changed from £1,800 to £2,200');
  });
});
