// The hooks in .pre-commit-hooks.yaml, run the way pre-commit runs them: entry + args + the staged files its regex matches.
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, FIXTURES, ROOT, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  args?: string[];
  pass_filenames?: boolean;
  always_run?: boolean;
  require_serial?: boolean;
  verbose?: boolean;
}

const HOOKS = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string): Hook => HOOKS.find((h) => h.id === id)!;

// pre-commit puts the hook's environment on PATH; here a folder holding a `secrel` that runs the built CLI.
let binDir: string;
beforeAll(() => {
  binDir = mkdtempSync(join(tmpdir(), 'secrel-hook-bin-'));
  writeFileSync(join(binDir, 'secrel'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(binDir, 'secrel'), 0o755);
});
afterAll(() => rmSync(binDir, { recursive: true, force: true }));

interface HookRun {
  skipped: boolean;
  argv: string[];
  exitCode: number;
  output: string;
}

/**
 * What `pre-commit run <id>` does with a hook: the staged files (deleted ones left out), filtered by
 * `files`/`exclude` with an unanchored regex search; skipped when none match (unless `always_run`);
 * else entry split like a shell, then `args`, then the file names unless `pass_filenames: false`,
 * run from the top of the work tree.
 */
async function runHook(repo: TempRepo, h: Hook, userArgs?: string[]): Promise<HookRun> {
  const staged = (await repo.git('diff', '--staged', '--name-only', '--diff-filter=ACMRTUXB', '-z')).split('\0').filter(Boolean);
  const include = new RegExp(h.files ?? '');
  const exclude = new RegExp(h.exclude ?? '^$');
  const files = staged.filter((f) => include.test(f) && !exclude.test(f));
  if (files.length === 0 && h.always_run !== true) return { skipped: true, argv: [], exitCode: 0, output: '' };
  expect(h.entry, 'a plain entry: split on spaces exactly as shlex would').toMatch(/^[\w -]+$/);
  const argv = [...h.entry.split(/\s+/), ...(userArgs ?? h.args ?? []), ...(h.pass_filenames === false ? [] : files)];
  const r = await execa(argv[0]!, argv.slice(1), {
    cwd: repo.dir,
    reject: false,
    all: true,
    stdin: 'ignore',
    env: { PATH: `${binDir}${delimiter}${process.env.PATH}`, NO_COLOR: '1' },
  });
  return { skipped: false, argv, exitCode: r.exitCode ?? -1, output: String(r.all) };
}

async function repoFrom(fixture: string): Promise<TempRepo> {
  const repo = await tempGitRepo();
  cpSync(join(FIXTURES, fixture), repo.dir, { recursive: true });
  repo.write('README.md', '# SEC releases\n');
  await repo.commit('start');
  return repo;
}

describe('.pre-commit-hooks.yaml', () => {
  it('offers secrel-validate (the index, every commit) and secrel-check (whole repository), installed by pre-commit as node packages', () => {
    expect(HOOKS.map((h) => h.id)).toEqual(['secrel-validate', 'secrel-check']);
    expect(hook('secrel-validate')).toMatchObject({
      entry: 'secrel validate --staged',
      language: 'node',
      require_serial: true,
      pass_filenames: false,
      always_run: true,
      verbose: true,
    });
    expect(hook('secrel-check')).toMatchObject({ entry: 'secrel check', language: 'node', pass_filenames: false });
    const files = new RegExp(hook('secrel-check').files!);
    for (const f of [
      'modifications/MP079.yaml',
      'releases/2020-06.yaml',
      'releases/2022-07-mp200.yml',
      'change-requests/CR1047.yaml',
      'secrel.config.yaml',
      'sec/releases/2020-06.yaml',
    ])
      expect(files.test(f), f).toBe(true);
    for (const f of ['README.md', 'out/rid/2020-06.md', 'releases/notes/old.yaml', '.pre-commit-config.yaml', 'myreleases/2020-06.yaml'])
      expect(files.test(f), f).toBe(false);
  });

  it('package.json ships what the node hook runs: the bin and its built bundle', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
    expect(pkg.bin.secrel).toBe('bin/secrel.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'schemas', 'templates']));
  });

  describe('secrel-validate', () => {
    let repo: TempRepo;
    beforeAll(async () => {
      repo = await repoFrom('sec-2020');
    });
    afterAll(() => repo.cleanup());

    it('runs on a commit that stages no YAML, and passes when the index is valid', async () => {
      repo.write('README.md', '# SEC releases\n\nNotes.\n');
      await repo.git('add', 'README.md');
      const run = await runHook(repo, hook('secrel-validate'));
      expect(run.skipped).toBe(false);
      expect(run.exitCode, run.output).toBe(0);
    });

    it('fails on a staged mistake, naming the file, line and rule, with no file names passed', async () => {
      const file = 'modifications/MP079.yaml';
      const text = readFileSync(join(repo.dir, file), 'utf8');
      repo.write(file, `${text}owner: SECAS\n`);
      await repo.git('add', file);
      const run = await runHook(repo, hook('secrel-validate'));
      expect(run.argv).toEqual(['secrel', 'validate', '--staged']);
      expect(run.exitCode).toBe(1);
      expect(run.output).toMatch(/modifications\/MP079\.yaml:\d+:\d+ error SCHEMA/);
      expect(run.output).toContain('1 error');

      // Fixed in the work tree but not staged: the commit would still carry the mistake.
      repo.write(file, `${text}# Reviewed by SECAS.\n`);
      expect((await runHook(repo, hook('secrel-validate'))).exitCode).toBe(1);

      await repo.git('add', file);
      const fixed = await runHook(repo, hook('secrel-validate'));
      expect(fixed.exitCode).toBe(0);
      expect(fixed.output).toMatch(/\d+ files checked, no problems found/);
      await repo.commit('MP079 reviewed');
    });

    it('stops a commit that only deletes a modification others depend on or the baselined scope holds', async () => {
      const [dependent, needed] = ['modifications/MP084.yaml', 'modifications/MP079.yaml'];
      repo.write(dependent, `${readFileSync(join(repo.dir, dependent), 'utf8')}dependsOn: [MP079]\n`);
      await repo.git('add', dependent);
      expect((await runHook(repo, hook('secrel-validate'))).exitCode).toBe(0);
      await repo.commit('MP084 waits on MP079');
      await repo.git('rm', '-q', needed);
      const run = await runHook(repo, hook('secrel-validate'));
      expect(run.exitCode).toBe(1);
      expect(run.output).toContain('MP084 depends on modification `MP079`, which does not exist');
      await repo.git('reset', '-q', 'HEAD', '--', needed);
      await repo.git('checkout', '--', needed);
    });

    it('checks Change Request files too', async () => {
      const file = 'change-requests/CR1047.yaml';
      repo.write(file, `${readFileSync(join(repo.dir, file), 'utf8')}owner: DCC\n`);
      await repo.git('add', file);
      const run = await runHook(repo, hook('secrel-validate'));
      expect(run.exitCode).toBe(1);
      expect(run.output).toMatch(/change-requests\/CR1047\.yaml:\d+:\d+ error SCHEMA/);
      expect((await runHook(repo, hook('secrel-check'))).skipped).toBe(false);
      await repo.git('reset', '-q', 'HEAD', '--', file);
      await repo.git('checkout', '--', file);
    });
  });

  describe('secrel-check', () => {
    let repo: TempRepo;
    const asOf = '2025-11-22';
    beforeAll(async () => {
      repo = await tempGitRepo();
      expect((await secrel(['init', repo.dir, '--as-of', asOf])).exitCode).toBe(0);
      await repo.commit('secrel init');
    });
    afterAll(() => repo.cleanup());

    // A user pins the date in `args` only to reproduce an answer; the test does so to stay deterministic.
    const args = ['--as-of', asOf];

    it('checks the whole repository with no file names, and passes on a clean change', async () => {
      const file = 'modifications/EXAMPLE001.yaml';
      repo.write(file, readFileSync(join(repo.dir, file), 'utf8').replace('status: development', 'status: report'));
      await repo.git('add', file);
      const run = await runHook(repo, hook('secrel-check'), args);
      expect(run.argv).toEqual(['secrel', 'check', ...args]);
      expect(run.exitCode, run.output).toBe(0);
    });

    it('fails when a staged change breaks a policy rule', async () => {
      // A DCC-System-impacting modification in a Documentation Release (SCP-3).
      const file = 'modifications/EXAMPLE001.yaml';
      repo.write(file, readFileSync(join(repo.dir, file), 'utf8').replace('systemImpact: false', 'systemImpact: true'));
      await repo.git('add', file);
      const run = await runHook(repo, hook('secrel-check'), args);
      expect(run.exitCode).toBe(1);
      expect(run.output).toContain('SCP-3');
    });
  });
});
