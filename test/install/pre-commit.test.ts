// The pre-commit hook the standard way, for real: Debian's (or any) pre-commit installs secrel from a
// git URL at a tag (`repo:`/`rev:` as `secrel init --secrel-repo` writes it), using this repository's
// .pre-commit-hooks.yaml, and runs it on commit in a scratch repository.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { secrel } from '../helpers/cli.js';
import { INSTALL_TESTS, TAG, run, taggedClone, type Clone } from './clone.js';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

describe.runIf(INSTALL_TESTS)(
  'pre-commit installs and runs the secrel hooks from a git URL (full tier, or SECREL_INSTALL_TESTS=1)',
  { timeout: 600_000 },
  () => {
    let clone: Clone;
    let repo: string;
    let env: Record<string, string>;
    const git = (...args: string[]) => run('git', args, { cwd: repo, env });

    beforeAll(async () => {
      const which = await run('pre-commit', ['--version']);
      expect(which.exitCode, "pre-commit must be installed (.ci/run installs Debian's pre-commit)").toBe(0);
      clone = await taggedClone();
      repo = join(clone.tmp, 'sec-releases');
      // pre-commit keeps its environments in PRE_COMMIT_HOME: here, inside the temporary folder.
      env = { ...GIT_ENV, PRE_COMMIT_HOME: join(clone.tmp, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
      const init = await secrel(['init', repo, '--as-of', '2026-12-01', '--secrel-repo', clone.url]);
      expect(init.exitCode, init.stderr).toBe(0);
      await git('init', '-q', '-b', 'main');
      const install = await run('pre-commit', ['install'], { cwd: repo, env });
      expect(install.exitCode, install.stderr).toBe(0);
    }, 120_000);
    afterAll(() => clone?.cleanup());

    it('secrel init writes the repo:/rev: form, naming this repository and its tag', () => {
      const config = parse(readFileSync(join(repo, '.pre-commit-config.yaml'), 'utf8'));
      expect(config.repos).toEqual([{ repo: clone.url, rev: TAG, hooks: [{ id: 'secrel-validate' }, { id: 'secrel-check', stages: ['manual'] }] }]);
    });

    it('a clean first commit passes the hook', async () => {
      await git('add', '-A');
      const commit = await git('commit', '-m', 'A new release repository');
      expect(commit.exitCode, `${commit.stdout}\n${commit.stderr}`).toBe(0);
      expect(commit.stdout + commit.stderr).toMatch(/secrel validate\.+Passed/);
      // The hook is verbose: what it says on a pass (a warning, here the all-clear) is shown, not swallowed.
      expect(commit.stdout + commit.stderr).toMatch(/no problems found/);
    });

    it('a staged typo stops the commit, naming file:line:column', async () => {
      const file = join(repo, 'modifications', 'EXAMPLE001.yaml');
      const lines = readFileSync(file, 'utf8').split('\n').length;
      appendFileSync(file, 'owner: someone\n');
      await git('add', '-A');
      const commit = await git('commit', '-m', 'typo');
      const out = commit.stdout + commit.stderr;
      expect(commit.exitCode).not.toBe(0);
      expect(out).toMatch(/secrel validate\.+Failed/);
      expect(out).toContain(`modifications/EXAMPLE001.yaml:${lines}:1 error SCHEMA`);
      expect(out).toContain('unknown key `owner`');
      expect((await git('log', '--oneline')).stdout.split('\n')).toHaveLength(1);
      writeFileSync(file, readFileSync(file, 'utf8').replace('owner: someone\n', ''));
    });

    it('secrel-check runs when asked (manual stage)', async () => {
      const r = await run('pre-commit', ['run', 'secrel-check', '--hook-stage', 'manual', '--all-files'], { cwd: repo, env });
      expect(r.stdout, r.stderr).toMatch(/secrel check\.+Passed/);
    });
  },
);
