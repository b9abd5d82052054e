// `--repo` at a folder that is not a secrel repository (its releases/ folder, an empty checkout): bad usage
// (exit 2) naming the folder meant, never "no problems found"; a fresh `secrel init` or a config alone still works.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const AS_OF = ['--as-of', '2020-01-17'];
const NOT_ONE = (folder: string) =>
  `secrel: --repo ${folder} is not a secrel repository: it holds neither secrel.config.yaml nor any of modifications/, releases/, change-requests/, so secrel would find nothing to read in it`;

describe('--repo at a folder that is not a secrel repository', () => {
  let repo: TempRepo;
  let root: string;

  beforeAll(async () => {
    // The SEC 2020 example (which has errors) in git, so that --staged and revisions have something to read.
    repo = await tempGitRepo();
    root = join(repo.dir, 'sec');
    cpSync(join(FIXTURES, 'sec-2020'), root, { recursive: true });
    await repo.commit('the example');
  });
  afterAll(() => repo.cleanup());

  it.each(['check', 'validate', 'plan'])('%s --repo REPO/releases is bad usage that points at REPO', async (command) => {
    // The repository itself: check finds its errors; validate (schemas, references) and plan pass.
    expect((await secrel([command, '--repo', root, ...AS_OF])).exitCode).toBe(command === 'check' ? 1 : 0);
    const r = await secrel([command, '--repo', join(root, 'releases'), ...AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${NOT_ONE(join(root, 'releases'))}\n  it looks like the releases folder of the repository one level up (it holds 2020-06.yaml, 2020-11.yaml and 3 more): pass --repo ${root}`,
    );
  });

  it.each(['check', 'validate', 'plan'])('%s --repo REPO/modifications, given relative, names REPO as typed', async (command) => {
    const r = await secrel([command, '--repo', 'sec/modifications', ...AS_OF], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(NOT_ONE('sec/modifications'));
    expect(r.stderr).toContain('it looks like the modifications folder of the repository one level up (it holds MP078.yaml, MP079.yaml and ');
    expect(r.stderr).toMatch(/: pass --repo sec$/);
  });

  it.each([
    ['render', 'rid'],
    ['calendar', '2020'],
    ['impl-date', '--lead-time', '12m', '--system', '--decision', '2020-01-10'],
    ['suggest', 'MP078'],
    ['diff', 'HEAD'],
    ['rid', 'bump', '--dry-run'],
    ['validate', '--staged'],
    ['validate', 'releases/2020-06.yaml'],
    ['report', 'pr', '--base', 'HEAD'],
  ])('every command that reads the repository refuses it too: %s %s', async (...args) => {
    const r = await secrel([...args, '--repo', join(root, 'releases'), ...AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(NOT_ONE(join(root, 'releases')));
    expect(r.stderr).toContain(`pass --repo ${root}`);
  });

  it('a folder below the repository that is no data folder: the repository above it', async () => {
    mkdirSync(join(root, 'notes'), { recursive: true });
    const r = await secrel(['check', '--repo', join(root, 'notes'), ...AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`a folder above it, ${root}, holds secrel.config.yaml: pass --repo ${root} (the repository's own folder)`);
  });

  it('an empty checkout, at check, validate and plan: start one with `secrel init`', async () => {
    const empty = await tempGitRepo();
    try {
      empty.write('README.md', '# not yet\n');
      for (const command of ['check', 'validate', 'plan']) {
        const r = await secrel([command, '--repo', empty.dir, ...AS_OF]);
        expect(r.exitCode).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(
          `${NOT_ONE(empty.dir)}\n  pass --repo the folder that holds secrel.config.yaml (or releases/ and modifications/), or start a repository there with \`secrel init ${empty.dir}\``,
        );
      }
    } finally {
      empty.cleanup();
    }
  });

  it('a data folder named in capitals: rename it', async () => {
    const other = await tempGitRepo();
    try {
      other.write('Releases/2020-06.yaml', 'id: 2020-06\n');
      const r = await secrel(['validate', '--repo', other.dir]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('it holds Releases/, which secrel does not read: rename it to releases/');
    } finally {
      other.cleanup();
    }
  });

  /** What a run with no --repo from `cwd` finds: the repository's errors, and its release file. */
  async function findsTheRepository(cwd: string): Promise<void> {
    const r = await secrel(['check', ...AS_OF], { cwd });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/\d+ errors, \d+ warnings, \d+ infos in \d+ files, as of 2020-01-17$/);
    const plan = await secrel(['plan', '--release', '2020-06', ...AS_OF], { cwd });
    expect(plan.stdout).toContain('June 2020 SEC Release');
    expect(plan.stdout).not.toContain('no release file yet');
  }

  it('with no --repo, from inside REPO/releases, secrel finds REPO', async () => {
    await findsTheRepository(join(root, 'releases'));
  });

  it('with no --repo, from inside the rendered site (which has releases/ and modifications/ of pages), secrel finds REPO', async () => {
    expect((await secrel(['render', 'site', '--repo', root, ...AS_OF])).exitCode).toBe(0);
    const site = join(root, 'out', 'site');
    expect(readdirSync(site)).toEqual(expect.arrayContaining(['releases', 'modifications']));
    await findsTheRepository(site);
    await findsTheRepository(join(site, 'releases'));
  });
});

describe('a repository with no data yet still works', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await tempGitRepo();
  });
  afterAll(() => repo.cleanup());

  it('a fresh `secrel init` repository, with --repo and from inside it', async () => {
    const dir = join(repo.dir, 'fresh');
    expect((await secrel(['init', dir, ...AS_OF])).exitCode).toBe(0);
    for (const command of ['validate', 'check', 'plan']) {
      expect((await secrel([command, '--repo', dir, ...AS_OF])).exitCode).toBe(0);
      expect((await secrel([command, ...AS_OF], { cwd: join(dir, 'releases') })).exitCode).toBe(0);
    }
  });

  it('a folder with only secrel.config.yaml', async () => {
    const dir = join(repo.dir, 'config-only');
    mkdirSync(dir);
    writeFileSync(join(dir, 'secrel.config.yaml'), 'holidays: []\n');
    const v = await secrel(['validate', '--repo', dir, ...AS_OF]);
    expect(v).toMatchObject({ exitCode: 0, stdout: '1 file checked, no problems found' });
    expect((await secrel(['check', '--repo', dir, ...AS_OF])).exitCode).toBe(0);
    expect((await secrel(['plan', '--repo', dir, ...AS_OF])).exitCode).toBe(0);
  });

  it('a folder with only an empty modifications/ folder, and no config', async () => {
    const dir = join(repo.dir, 'mods-only');
    mkdirSync(join(dir, 'modifications'), { recursive: true });
    const v = await secrel(['validate', '--repo', dir, ...AS_OF]);
    expect(v).toMatchObject({ exitCode: 0, stdout: 'no secrel file checked' });
  });
});
