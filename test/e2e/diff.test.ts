// `secrel diff REF [REF2]`: what a merge or a branch changed, per release, in words and in JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { copyFixture, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const MP142 = (status: string) => `id: MP142\ntitle: Example\nstatus: ${status}\nsystemImpact: false\nimplementation:\n  release: 2020-06\n`;

describe('secrel diff', () => {
  let repo: TempRepo;
  let before: string;
  const run = (...args: string[]) => secrel(args, { cwd: repo.dir });

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('releases/2020-06.yaml', 'id: 2020-06\ntype: system\n');
    repo.write('modifications/MP142.yaml', MP142('report'));
    before = await repo.commit('MP142 targets June 2020');
    await repo.git('checkout', '-q', '-b', 'approve');
    repo.write('modifications/MP142.yaml', MP142('approved'));
    await repo.commit('MP142 approved');
    await repo.git('checkout', '-q', 'main');
    await repo.git('merge', '-q', '--no-ff', '-m', 'Merge: approve MP142', 'approve');
  });
  afterAll(() => repo.cleanup());

  it('says in one line that a merge approved a modification', async () => {
    expect(await run('diff', 'HEAD~1')).toEqual({ exitCode: 0, stdout: '2020-06: MP142 approved', stderr: '' });
  });

  it('compares two revisions, and gives the same as JSON', async () => {
    expect((await run('diff', before, 'HEAD')).stdout).toBe('2020-06: MP142 approved');
    const json = JSON.parse((await run('diff', 'HEAD~1', 'HEAD', '--format', 'json')).stdout);
    expect(json.from).toEqual({ revision: 'HEAD~1', commit: before });
    expect(json.releases).toEqual([
      { release: '2020-06', name: 'June 2020 SEC Release', changes: [{ kind: 'status', modification: 'MP142', from: 'report', to: 'approved' }], lines: ['MP142 approved'] },
    ]);
  });

  it('says so when nothing changed', async () => {
    expect((await run('diff', 'HEAD')).stdout).toBe('No scope, status, date or cost changes from HEAD to the work tree.');
  });

  it('refuses a bad revision with one clear line: unknown, or starting with "-"', async () => {
    expect(await run('diff', 'no-such-branch')).toEqual({ exitCode: 2, stdout: '', stderr: 'secrel: unknown revision "no-such-branch"\n  check the name with git log --oneline' });
    const option = await run('diff', '--', '--output=/tmp/secrel-pwned');
    expect(option).toMatchObject({ exitCode: 2, stdout: '' });
    expect(option.stderr).toContain('secrel: "--output=/tmp/secrel-pwned" is not a revision (it starts with "-")');
  });

  it('fails loudly in a shallow clone and says to fetch the full history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-shallow-'));
    try {
      await execa('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, join(dir, 'clone')]);
      const r = await secrel(['diff', 'HEAD~1'], { cwd: join(dir, 'clone') });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(
        'secrel: revision "HEAD~1" is not in this shallow clone: secrel needs the git history here\n' +
          '  fetch the full history: git fetch --unshallow, or in GitHub Actions actions/checkout with fetch-depth: 0',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs git: outside a repository it says so', async () => {
    const { dir, cleanup } = copyFixture('sec-2020');
    try {
      const r = await secrel(['diff', 'HEAD'], { cwd: dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('is not inside a git repository, so revision "HEAD" cannot be read');
    } finally {
      cleanup();
    }
  });
});
