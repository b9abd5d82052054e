// The incremental cache gives the same bytes as no cache: on every fixture, cold and warm, after edits,
// renames, touches without change, a damaged cache, and on random mutations of the example (the fuzzer's).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMutations, caseArb, readTree, writeTree } from '../../scripts/fuzz-lib.mjs';
import { FIXTURES, secrel, type CliResult } from '../helpers/cli.js';
import { tempGitRepo } from '../helpers/git.js';
import { byTier } from '../helpers/tier.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RANDOM_RUNS = byTier(8, 60);

// Every command at a fixed date: `validate --format json` prints the run's `asOf`, so a run that crossed
// midnight would otherwise differ from the one before it.
const COMMANDS = [
  ['validate', '--format', 'json', '--as-of', '2020-01-17'],
  ['validate', '--as-of', '2020-01-17'],
  ['check', '--format', 'json', '--as-of', '2020-01-17'],
  ['plan', '--as-of', '2020-01-17'],
  ['calendar', '2020', '--format', 'json', '--as-of', '2020-01-17'],
];

/**
 * Copies of the fixtures, each with a node_modules folder so its cache lives in node_modules/.cache/secrel/,
 * all made before the tests and then left to settle: a file changed in the two seconds before a run
 * (trustStamp) is parsed again whatever the cache holds, and the warm runs here must read the cache.
 * `copy(name)` hands out the next unused copy of that fixture.
 */
const COPIES: Record<string, number> = { 'sec-2020': 5 };
const fixtures = ['sec-2020', 'minimal', 'render-escaping', ...readdirSync(join(FIXTURES, 'invalid')).map((c) => `invalid/${c}`)];
const unused = new Map<string, string[]>();
beforeAll(async () => {
  for (const name of fixtures) {
    const dirs = Array.from({ length: 1 + (COPIES[name] ?? 0) }, (_, i) => join(work, `${name.replace(/\W/g, '-')}-${i}`));
    for (const dir of dirs) {
      cpSync(join(FIXTURES, name), dir, { recursive: true });
      mkdirSync(join(dir, 'node_modules'));
    }
    unused.set(name, dirs);
  }
  await new Promise((resolve) => setTimeout(resolve, 2100));
});

function copy(name: string): string {
  const dir = unused.get(name)?.shift();
  if (!dir) throw new Error(`no settled copy of ${name} left: raise COPIES['${name}']`);
  return dir;
}

const cacheFiles = (dir: string) => {
  const base = join(dir, 'node_modules', '.cache', 'secrel');
  return existsSync(base)
    ? readdirSync(base, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
    : [];
};

async function runAll(dir: string, extra: string[] = []): Promise<CliResult[]> {
  const out: CliResult[] = [];
  for (const args of COMMANDS) out.push(await secrel([...args, '--repo', dir, ...extra]));
  return out;
}

/** Without the cache, then twice with it (cold, warm): the same exit codes and bytes every time. */
async function expectSame(dir: string): Promise<void> {
  const uncached = await runAll(dir, ['--no-cache']);
  expect(await runAll(dir)).toEqual(uncached);
  expect(await runAll(dir)).toEqual(uncached);
}

describe('the cache', () => {
  it('is written where the README says, used on the next run, and removed by `secrel cache clear`', async () => {
    const dir = copy('sec-2020');
    expect((await secrel(['validate', '--repo', dir, '--no-cache'])).exitCode).toBe(0);
    expect(cacheFiles(dir)).toEqual([]);
    await secrel(['validate', '--repo', dir]);
    expect(cacheFiles(dir).length).toBeGreaterThan(0);
    const cleared = await secrel(['cache', 'clear', '--repo', dir]);
    expect(cleared.exitCode).toBe(0);
    expect(cleared.stdout).toMatch(/^removed the cache in .*node_modules\/\.cache\/secrel\/repository$/);
    expect(cacheFiles(dir)).toEqual([]);
    expect((await secrel(['cache', 'clear', '--repo', dir])).stdout).toMatch(/^no cache to remove/);
  });

  it.each(fixtures)('%s: cached and uncached runs give the same bytes', async (name) => {
    await expectSame(copy(name));
  });

  it('follows edits, renames and touches, and ignores a damaged cache', async () => {
    const dir = copy('sec-2020');
    await expectSame(dir);
    const mods = join(dir, 'modifications');
    const first = readdirSync(mods).sort()[0]!;
    // An edit that breaks the file, then one that mends it.
    const text = readFileSync(join(mods, first), 'utf8');
    writeFileSync(join(mods, first), text.replace(/^title: .*$/m, 'title: 42\nowner: nobody'));
    await expectSame(dir);
    writeFileSync(join(mods, first), text);
    await expectSame(dir);
    // A rename (the id no longer matches the file name), and back.
    renameSync(join(mods, first), join(mods, `X${first}`));
    await expectSame(dir);
    renameSync(join(mods, `X${first}`), join(mods, first));
    // A touch without change.
    utimesSync(join(mods, first), new Date(), new Date(2001, 1, 1));
    await expectSame(dir);
    // Every cache file damaged: garbage, truncated, empty.
    cacheFiles(dir).forEach((f, i) => writeFileSync(f, i % 3 === 0 ? 'not a cache' : i % 3 === 1 ? readFileSync(f).subarray(0, 7) : ''));
    await expectSame(dir);
  });

  it('does not believe a damaged entry that still reads: a changed letter in a title', async () => {
    const dir = copy('sec-2020');
    await expectSame(dir);
    const title = 'Panel Seating';
    const tampered = 'Panel Seatinf';
    let changed = 0;
    for (const f of cacheFiles(dir)) {
      const bytes = readFileSync(f);
      const at = bytes.indexOf(title);
      if (at < 0) continue;
      bytes.write(tampered, at);
      writeFileSync(f, bytes);
      changed++;
    }
    expect(changed).toBeGreaterThan(0);
    await expectSame(dir);
    expect((await secrel(['plan', '--as-of', '2020-01-17', '--repo', dir])).stdout).not.toContain(tampered);
  });

  it('runs as without a cache when a file stands where its folder should be, and `cache clear` removes that file', async () => {
    const dir = copy('sec-2020');
    for (const blocked of ['repository', '']) {
      const base = join(dir, 'node_modules', '.cache', 'secrel');
      rmSync(base, { recursive: true, force: true });
      mkdirSync(join(dir, 'node_modules', '.cache'), { recursive: true });
      if (blocked) mkdirSync(base);
      writeFileSync(join(base, blocked), 'not a folder');
      await expectSame(dir);
      const cleared = await secrel(['cache', 'clear', '--repo', dir]);
      expect(cleared.stdout).toMatch(/^removed the cache in /);
      expect(existsSync(join(base, blocked))).toBe(false);
      await secrel(['validate', '--repo', dir]);
      expect(cacheFiles(dir).length).toBeGreaterThan(0);
    }
  });

  it('gives a file too deeply nested to read its own error, at the same place cached or not', async () => {
    // The release's file fails to load: its error is all that is said of it (what it records is unknown, so
    // no obligation is reported against it as if it had no file), and the cached run says the same.
    const dir = copy('sec-2020');
    const file = join(dir, 'releases', '2020-06.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    await expectSame(dir);
    const findings = JSON.parse((await secrel(['check', '--format', 'json', '--as-of', '2020-01-17', '--repo', dir])).stdout).findings.filter(
      (f: { file: string }) => f.file === 'releases/2020-06.yaml',
    );
    const deepLine =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('deep:')) + 1;
    expect(findings.map((f: { rule: string; line: number }) => `${f.rule} ${f.line}`)).toEqual([`YAML ${deepLine}`]);
  });

  it('reads the git index with the same answers (validate --staged)', async () => {
    const repo = await tempGitRepo();
    try {
      cpSync(join(FIXTURES, 'minimal'), repo.dir, { recursive: true });
      await repo.commit('a repository');
      const file = join(repo.dir, 'releases', readdirSync(join(repo.dir, 'releases'))[0]!);
      writeFileSync(file, readFileSync(file, 'utf8') + 'unknownKey: 1\n');
      await repo.git('add', '-A');
      const run = (extra: string[]) => secrel(['validate', '--staged', '--format', 'json', ...extra], { cwd: repo.dir });
      const uncached = await run(['--no-cache']);
      expect(uncached.exitCode).toBe(1);
      expect(await run([])).toEqual(uncached);
      expect(await run([])).toEqual(uncached);
      expect(existsSync(join(repo.dir, '.git', 'secrel', 'cache'))).toBe(true);
    } finally {
      repo.cleanup();
    }
  });

  it(
    `gives the same bytes on ${RANDOM_RUNS} random mutations of the example, each after the one before`,
    async () => {
      // The cache lives in the parent's .git folder, so it stays from case to case while each case rewrites
      // the repository: every case edits files the cache has seen.
      const parent = join(work, 'fuzz');
      mkdirSync(join(parent, '.git'), { recursive: true });
      const target = join(parent, 'data');
      const original = readTree(join(FIXTURES, 'sec-2020'));
      await fc.assert(
        fc.asyncProperty(caseArb, async (mutations) => {
          writeTree(target, applyMutations(original, mutations));
          const uncached = await runAll(target, ['--no-cache']);
          expect(await runAll(target)).toEqual(uncached);
        }),
        { numRuns: RANDOM_RUNS, seed: 1612 },
      );
      expect(readdirSync(join(parent, '.git', 'secrel', 'cache')).length).toBe(1);
      // Five commands twice per case: about a second a case on an idle machine, several under load.
    },
    20_000 + RANDOM_RUNS * 6_000,
  );
});
