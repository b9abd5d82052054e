// git only ever receives a revision as an argument after --end-of-options, never through a shell: a
// "revision" that looks like an option (--output=FILE) is refused before git runs, and nothing is written.
import { existsSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

let repo: TempRepo;
const trap = () => join(repo.dir, 'trap');

beforeAll(async () => {
  repo = await tempGitRepo();
  for (const dir of ['modifications', 'releases']) {
    for (const f of readdirSync(join(ROOT, 'fixtures/minimal', dir))) repo.write(`${dir}/${f}`, readFileSync(join(ROOT, 'fixtures/minimal', dir, f), 'utf8'));
  }
  await repo.commit('example');
});
afterAll(() => repo.cleanup());

describe('revisions that try to be options', () => {
  it.each([
    [['diff', '--', '--output=trap']],
    [['diff', 'HEAD', '--', '--output=trap']],
    [['diff', '--', '-otrap']],
    [['rid', 'bump', '--dry-run', '--since=--output=trap']],
    [['rid', 'bump', '--dry-run', '--since', '--output=trap']],
  ])('%j: exit 2, "not a revision", no file written', async (args) => {
    const r = await secrel([...args], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/is not a revision \(it starts with "-"\)|option .* argument missing|unknown option/);
    expect(existsSync(trap())).toBe(false);
  });

  it('a revision with spaces or shell syntax is one argument to git, and simply unknown', async () => {
    for (const rev of ['HEAD --output=trap', 'HEAD; touch trap', '$(touch trap)', '`touch trap`', 'HEAD|touch trap']) {
      const r = await secrel(['diff', rev], { cwd: repo.dir });
      expect(r.exitCode, rev).toBe(2);
      expect(r.stderr, rev).toContain(`unknown revision "${rev}"`);
    }
    expect(existsSync(trap())).toBe(false);
  });

  it('a real revision still works', async () => {
    const r = await secrel(['diff', 'HEAD'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

describe('what git holds is read as data only', () => {
  it('a symbolic link staged in the index is refused with a finding, not followed', async () => {
    symlinkSync('/etc/passwd', join(repo.dir, 'modifications/PASSWD.yaml'));
    try {
      await repo.git('add', 'modifications/PASSWD.yaml');
      const r = await secrel(['validate', '--staged', '--format', 'json'], { cwd: repo.dir });
      expect(r.exitCode).toBe(1);
      expect(JSON.parse(r.stdout).findings).toEqual([
        expect.objectContaining({
          rule: 'YAML',
          file: 'modifications/PASSWD.yaml',
          line: 1,
          column: 1,
          message: 'this is a symbolic link; secrel reads only regular files',
        }),
      ]);
    } finally {
      await repo.git('rm', '-q', '--cached', 'modifications/PASSWD.yaml');
      rmSync(join(repo.dir, 'modifications/PASSWD.yaml'));
    }
  });
});

describe('no shell anywhere', () => {
  it('only src/repo/spawn.ts imports child_process, only git.ts runs it, always git with an argument list and never a shell', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts'));
    const importers: string[] = [];
    const spawners: string[] = [];
    for (const e of files) {
      const text = readFileSync(join(e.parentPath, e.name), 'utf8');
      const path = join(e.parentPath, e.name).slice(ROOT.length + 1);
      expect(text, path).not.toMatch(/\bshell\s*:|\bexeca\b|\bexec(File)?Sync\b/);
      if (/^(?:import|export)(?!\s+type)[^;]*from\s*['"](?:node:)?child_process['"]|(?:require|import)\(\s*['"](?:node:)?child_process['"]/m.test(text))
        importers.push(path);
      if (/['"]\.\/spawn\.js['"]/.test(text)) spawners.push(path);
    }
    // spawn.ts only re-exports spawn so that git.ts can load it lazily.
    expect(importers).toEqual(['src/repo/spawn.ts']);
    expect(spawners).toEqual(['src/repo/git.ts']);
    const git = readFileSync(join(ROOT, 'src/repo/git.ts'), 'utf8');
    expect(git.match(/spawnFn\([^)]*\)/g)).toEqual([
      "spawnFn('git', args, { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, stdio: 'pipe', windowsHide: true })",
    ]);
    // Every revision a user gives reaches git after --end-of-options.
    const calls = [...git.matchAll(/\bgit(?:Text)?\((?:cwd|top), \[([^\]]*)\]/g)];
    expect(calls.length).toBeGreaterThanOrEqual(6);
    for (const m of calls) {
      const args = m[1]!;
      // Anything not a quoted constant or a spread of paths (after '--') is a revision from outside.
      const variables =
        args
          .replace(/'[^']*'/g, '')
          .replace(/\.\.\.[\w.()]+/g, '')
          .match(/`[^`]*`|\b[a-z]\w*\b/gi) ?? [];
      if (variables.length > 0) expect(args, args).toContain("'--end-of-options'");
    }
  });
});
