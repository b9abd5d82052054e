// `validate --staged` where a pre-commit hook runs it: three git processes however the repository is laid out,
// and the index git means, in a linked worktree (git sets GIT_DIR and GIT_INDEX_FILE for the hook), for a
// repository in a sub-folder, with folder and file names that have spaces and letters outside ASCII.
import { chmodSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, secrel, secrelProcess } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const MODS = 'änderungen mit leerzeichen';
const good = readFileSync(join(FIXTURES, 'minimal/modifications/DEMO001.yaml'), 'utf8');
const broken = good.replace('status: implemented', 'status: aproved');

/** A secrel repository under `data/` whose config moves the modifications to a folder with a space and an umlaut. */
function writeRepository(repo: TempRepo, base: string): void {
  repo.write(`${base}/data/secrel.config.yaml`, `paths:\n  modifications: ${MODS}\n`);
  for (const f of readdirSync(join(FIXTURES, 'minimal/releases')))
    repo.write(`${base}/data/releases/${f}`, readFileSync(join(FIXTURES, 'minimal/releases', f), 'utf8'));
  repo.write(`${base}/data/${MODS}/DEMO001.yaml`, good);
  // Same bytes under another name (so the same id twice): one blob, read once, given to both files.
  repo.write(`${base}/data/${MODS}/DEMO001 – copy.yaml`, good);
}

describe('secrel validate --staged, as a git hook meets it', () => {
  let repo: TempRepo;
  const worktree = () => join(repo.dir, 'wt');

  beforeAll(async () => {
    repo = await tempGitRepo();
    repo.write('README', 'main work tree\n');
    await repo.commit('start');
    await repo.git('worktree', 'add', '-q', '-b', 'feature', 'wt');
    writeRepository(repo, 'wt');
    await repo.git('-C', worktree(), 'add', '-A');
    // A plain git hook (no pre-commit framework), shared by the worktrees; git runs it at the worktree's top.
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' validate --staged --repo data\n`);
    chmodSync(hook, 0o755);
  });
  afterAll(() => repo.cleanup());

  it('reads the index with one git ls-files and one git cat-file, and HEAD with one diff-index, though the config moves the folders', async () => {
    const trace = join(tmpdir(), `secrel-git-trace-${process.pid}.log`);
    try {
      const r = await secrelProcess(['validate', '--staged', '--repo', 'data'], { cwd: worktree(), env: { GIT_TRACE: trace } });
      expect(r).toMatchObject({ exitCode: 1 });
      const commands = [...readFileSync(trace, 'utf8').matchAll(/trace: built-in: git (?:--[\w-]+ )*([\w-]+)/g)].map((m) => m[1]);
      // diff-index runs beside the other two (the hook keeps HEAD's records): no commit under data/ yet, so no HEAD blob is read.
      expect(commands.sort()).toEqual(['cat-file', 'diff-index', 'ls-files']);
    } finally {
      rmSync(trace, { force: true });
    }
  });

  it('gives what the work tree gives when everything is staged, with both files of one blob read', async () => {
    const staged = await secrel(['validate', '--staged', '--repo', 'data'], { cwd: worktree() });
    expect(staged.stdout).toContain(`data/${MODS}/DEMO001 – copy.yaml:5:5 error REF`);
    expect(staged.stdout).toContain(`modification \`DEMO001\` is already defined in ${MODS}/DEMO001 – copy.yaml`);
    expect(staged).toEqual(await secrel(['validate', '--repo', 'data'], { cwd: worktree() }));
  });

  it('stops a commit in a linked worktree (GIT_DIR set) whose staged file is broken, though the work tree is fixed', async () => {
    await repo.git('-C', worktree(), 'rm', '-q', '-f', `data/${MODS}/DEMO001 – copy.yaml`);
    repo.write(`wt/data/${MODS}/DEMO001.yaml`, broken);
    await repo.git('-C', worktree(), 'add', '-A');
    repo.write(`wt/data/${MODS}/DEMO001.yaml`, good);
    const refused = await repo.git('-C', worktree(), 'commit', '-q', '-m', 'broken').then(
      () => undefined,
      (err: { exitCode: number; stdout: string; stderr: string }) => err,
    );
    expect(refused?.exitCode).toBe(1);
    expect(`${refused?.stdout}${refused?.stderr}`).toContain(`data/${MODS}/DEMO001.yaml:8:9`);
  });

  it('checks what `git commit FILE` commits (its own temporary index in GIT_INDEX_FILE), not the index', async () => {
    // The index holds the broken file; `git commit FILE` commits the fixed one in the work tree.
    const file = `data/${MODS}/DEMO001.yaml`;
    await repo.git('-C', worktree(), 'commit', '-q', '-m', 'fixed', '--', 'data');
    expect(await repo.git('-C', worktree(), 'show', `HEAD:${file}`)).toBe(good.trimEnd());
    repo.write(`wt/${file}`, broken);
    const refused = await repo.git('-C', worktree(), 'commit', '-q', '-m', 'broken again', '--', file).then(
      () => undefined,
      (err: { exitCode: number; stdout: string; stderr: string }) => err,
    );
    expect(refused?.exitCode).toBe(1);
    expect(`${refused?.stdout}${refused?.stderr}`).toContain(`${file}:8:9`);
  });
});

/** Runs `test` in a new temporary git repository, removed afterwards. */
async function inTempRepo(test: (repo: TempRepo) => Promise<void>): Promise<void> {
  const repo = await tempGitRepo();
  try {
    await test(repo);
  } finally {
    repo.cleanup();
  }
}

describe('secrel validate --staged reads what the commit will hold', () => {
  it('through a --repo that is a symbolic link to the repository folder', () =>
    inTempRepo(async (repo) => {
      repo.write('sub/releases/2021-02.yaml', readFileSync(join(FIXTURES, 'minimal/releases/2021-02.yaml'), 'utf8'));
      repo.write('sub/modifications/DEMO001.yaml', broken);
      await repo.git('add', '-A');
      symlinkSync('sub', join(repo.dir, 'current'));
      const viaLink = await secrelProcess(['validate', '--staged', '--repo', 'current'], { cwd: repo.dir });
      // Before: "0 files checked, no problems found", the link's name matching none of git's paths.
      expect(viaLink.stdout).toContain('current/modifications/DEMO001.yaml:8:9 error SCHEMA');
      expect(viaLink.exitCode).toBe(1);
    }));

  it('the staged blob itself, not what `git replace` puts in its place', () =>
    inTempRepo(async (repo) => {
      repo.write('releases/2021-02.yaml', readFileSync(join(FIXTURES, 'minimal/releases/2021-02.yaml'), 'utf8'));
      repo.write('modifications/DEMO001.yaml', good);
      await repo.git('add', '-A');
      const staged = await repo.git('rev-parse', ':modifications/DEMO001.yaml');
      repo.write('replacement.yaml', broken);
      const replacement = await repo.git('hash-object', '-w', 'replacement.yaml');
      await repo.git('replace', staged, replacement);
      // The commit would hold the good blob: that is what is checked, with the cache and without.
      for (const args of [['--no-cache'], [], []]) expect((await secrelProcess(['validate', '--staged', ...args], { cwd: repo.dir })).exitCode).toBe(0);
    }));
});
