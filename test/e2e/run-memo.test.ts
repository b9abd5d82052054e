// The run memo (src/repo/run-memo.ts): a run made again with nothing changed is answered from what the
// last one printed, and any change to what it read, to how it was run or to the day means a full run. Each
// test first proves the memo answers (its stored output replaced by a marker, which is then printed), so
// that "the marker is not printed" after a change means the memo was refused, not that it was never there.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMutations, caseArb, readTree, writeTree } from '../../scripts/fuzz-lib.mjs';
import { FIXTURES, secrelProcess, type CliResult } from '../helpers/cli.js';
import { byTier } from '../helpers/tier.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-memo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MARKER = 'ANSWERED FROM THE MEMO\n';
const AS_OF = ['--as-of', '2020-01-17'];
const FUZZ_CASES = byTier(2, 16);

/** A file written in the two seconds before a run is not trusted (trustStamp): wait that out once for many. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

const git = (dir: string, ...args: string[]) => execa('git', args, { cwd: dir });

/** A git copy of the example, its files staged. */
async function example(name: string): Promise<string> {
  const dir = join(work, name);
  cpSync(join(FIXTURES, 'sec-2020'), dir, { recursive: true });
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  return dir;
}

const memoFiles = (dir: string) => {
  const cache = join(dir, '.git', 'secrel', 'cache', 'repository');
  try {
    return readdirSync(cache)
      .filter((f) => f.startsWith('memo-'))
      .map((f) => join(cache, f));
  } catch {
    return [];
  }
};

const fnv1a = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Rewrites every memo of the repository through `change` (its output becomes the marker unless told otherwise), checksum and all. */
function tamper(dir: string, change: (record: Record<string, unknown>) => void = () => undefined): void {
  const files = memoFiles(dir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const record = JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, unknown>;
    record.out = [[1, MARKER]];
    change(record);
    const json = JSON.stringify(record);
    writeFileSync(file, `${fnv1a(json)}\n${json}`);
  }
}

const run = (dir: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) =>
  secrelProcess([...args, ...(opts.cwd ? [] : ['--repo', dir])], { cwd: opts.cwd ?? dir, ...(opts.env ? { env: opts.env } : {}) });

const answered = (r: CliResult) => r.stdout === MARKER.trimEnd();

// Made before the tests and settled together: each test's first run may be memoised.
const repos = new Map<string, string>();
const NAMES = ['answers', 'edits', 'edit-same-size', 'new-file', 'removed', 'renamed', 'touched', 'config', 'how', 'day', 'refusals', 'staged'];
beforeAll(async () => {
  for (const name of NAMES) repos.set(name, await example(name));
  await settle();
}, 30_000);
const repo = (name: string) => repos.get(name)!;

// Concurrent: each test has its own repositories, and most of their time is waiting for files to settle.
describe.concurrent('the run memo', () => {
  it('answers validate, check and plan run again unchanged, with the same exit code', async () => {
    const dir = repo('answers');
    const commands = [
      ['validate', ...AS_OF],
      ['check', ...AS_OF],
      ['plan', ...AS_OF],
      ['validate', '--format', 'json'],
    ];
    const first = [];
    for (const args of commands) first.push(await run(dir, args));
    expect(first.map((r) => r.exitCode)).toEqual([0, 1, 0, 0]);
    // Unchanged, the memo's own answer is the run's, byte for byte.
    for (const [i, args] of commands.entries()) expect(await run(dir, args)).toEqual(first[i]);
    tamper(dir);
    for (const [i, args] of commands.entries()) expect(await run(dir, args)).toEqual({ stdout: MARKER.trimEnd(), stderr: '', exitCode: first[i]!.exitCode });
  });

  it('is not used once a file it read changed, was added, removed, renamed or touched', async () => {
    const mods = (name: string) => join(repo(name), 'modifications');
    const firstMod = (name: string) => join(mods(name), readdirSync(mods(name)).sort()[0]!);
    const changes: Record<string, () => void> = {
      edits: () => writeFileSync(firstMod('edits'), `${readFileSync(firstMod('edits'), 'utf8')}title: [broken\n`),
      // The same number of bytes: only the stamp's times and inode tell.
      'edit-same-size': () => writeFileSync(firstMod('edit-same-size'), readFileSync(firstMod('edit-same-size'), 'utf8').replace(/title: (.)/, 'title: X')),
      'new-file': () => writeFileSync(join(mods('new-file'), 'MP999.yaml'), 'id: MP999\n'),
      removed: () => unlinkSync(firstMod('removed')),
      renamed: () => renameSync(firstMod('renamed'), join(mods('renamed'), 'renamed.yaml')),
      touched: () => utimesSync(firstMod('touched'), new Date(2001, 1, 1), new Date(2001, 1, 1)),
      config: () =>
        writeFileSync(join(repo('config'), 'secrel.config.yaml'), `${readFileSync(join(repo('config'), 'secrel.config.yaml'), 'utf8')}\n# a comment\n`),
    };
    const args = ['check', '--format', 'json', ...AS_OF];
    await Promise.all(
      Object.keys(changes).map(async (name) => {
        await run(repo(name), args);
        tamper(repo(name));
        expect(answered(await run(repo(name), args))).toBe(true);
        changes[name]!();
      }),
    );
    // Settled again: the changed files are trusted, and only their stamps can tell.
    await settle();
    await Promise.all(
      Object.keys(changes).map(async (name) => {
        const again = await run(repo(name), args);
        expect(answered(again), name).toBe(false);
        expect(again, name).toEqual(await run(repo(name), [...args, '--no-cache']));
      }),
    );
  }, 30_000);

  it('is not used for a run made another way: another folder, colour setting, terminal variable or option', async () => {
    const dir = repo('how');
    const base = ['validate', ...AS_OF];
    // Before each variant, the memo of the plain run is shown to answer: a variant's own memo may take
    // its slot (64 slots, chosen by a hash of the key), which would make "not answered" prove nothing.
    const answersPlainRun = async () => {
      await run(dir, base);
      tamper(dir);
      expect(answered(await run(dir, base))).toBe(true);
    };
    const variants: [string[], { cwd?: string; env?: Record<string, string> }][] = [
      [base, { cwd: join(dir, 'modifications') }],
      [base, { env: { NO_COLOR: '' } }],
      [base, { env: { TERM: 'something-else' } }],
      [base, { env: { GIT_DIR: join(dir, '.git') } }],
      // Another PATH may find no git (or another one): --staged and the history checks depend on it.
      [base, { env: { PATH: `${process.env.PATH}:${dir}` } }],
      [['validate', '--as-of', '2020-01-18'], {}],
      [[...base, '--format', 'github'], {}],
    ];
    for (const [args, how] of variants) {
      await answersPlainRun();
      expect(answered(await run(dir, args, how))).toBe(false);
    }
    // What git sets for every hook, and changes nothing secrel reads, is not part of the run.
    await answersPlainRun();
    expect(answered(await run(dir, base, { env: { GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_EDITOR: ':' } }))).toBe(true);
  });

  it('is not used on another day when the run took the day from the clock', async () => {
    const dir = repo('day');
    await run(dir, ['check', '--format', 'json']);
    tamper(dir);
    expect(answered(await run(dir, ['check', '--format', 'json']))).toBe(true);
    tamper(dir, (record) => void (record.today = '2000-01-01'));
    const again = await run(dir, ['check', '--format', 'json']);
    expect(answered(again)).toBe(false);
    expect(JSON.parse(again.stdout).asOf).not.toBe('2000-01-01');
  });

  it('is not used with --no-cache, when damaged, when its files had only just changed, and goes with `cache clear`', { timeout: 30_000 }, async () => {
    const dir = repo('refusals');
    const args = ['validate', ...AS_OF];
    await run(dir, args);
    tamper(dir);
    expect(answered(await run(dir, args))).toBe(true);
    expect(answered(await run(dir, [...args, '--no-cache']))).toBe(false);
    for (const file of memoFiles(dir)) writeFileSync(file, readFileSync(file, 'utf8').replace(MARKER.trimEnd(), 'ANSWERED FROM THE MEMX'));
    expect((await run(dir, args)).stdout).toBe('21 files checked, no problems found');
    // Made up with a right checksum, but not what a run writes: a full run, not a crash.
    for (const forged of [{ out: 'text' }, { code: 'abc' }, { inputs: { listings: 'none' } }]) {
      tamper(dir, (record) => void Object.assign(record, forged));
      expect(await run(dir, args)).toEqual({ stdout: '21 files checked, no problems found', stderr: '', exitCode: 0 });
    }
    // validate with files named is not memoised.
    rmSync(join(dir, '.git', 'secrel'), { recursive: true, force: true });
    await run(dir, ['validate', 'modifications', ...AS_OF]);
    expect(memoFiles(dir)).toEqual([]);
    // A repository just copied: its files are too new to be told from an edit made in the same instant,
    // so the run is not memoised, and one that was is forgotten.
    const fresh = await example('fresh');
    await run(fresh, args);
    expect(memoFiles(fresh)).toEqual([]);
    await run(dir, args);
    tamper(dir);
    writeFileSync(join(dir, 'modifications', 'MP999.yaml'), 'id: MP999\n');
    expect(answered(await run(dir, args))).toBe(false);
    expect(memoFiles(dir)).toEqual([]);
    unlinkSync(join(dir, 'modifications', 'MP999.yaml'));
    await settle();
    await run(dir, args);
    expect(memoFiles(dir).length).toBeGreaterThan(0);
    expect((await run(dir, ['cache', 'clear'])).exitCode).toBe(0);
    expect(memoFiles(dir)).toEqual([]);
  });

  it('answers validate --staged while the index is unchanged, also under the GIT_INDEX_FILE a hook has', async () => {
    const dir = repo('staged');
    const args = ['validate', '--staged', ...AS_OF];
    for (const env of [{}, { GIT_INDEX_FILE: '.git/index' }] as Record<string, string>[]) {
      await run(dir, args, { cwd: dir, env });
      tamper(dir);
      expect(answered(await run(dir, args, { cwd: dir, env }))).toBe(true);
    }
    // Another index: not memoised.
    rmSync(join(dir, '.git', 'secrel'), { recursive: true, force: true });
    cpSync(join(dir, '.git', 'index'), join(dir, 'other-index'));
    await run(dir, args, { cwd: dir, env: { GIT_INDEX_FILE: 'other-index' } });
    expect(memoFiles(dir)).toEqual([]);
    await run(dir, args, { cwd: dir });
    tamper(dir);
    // A change staged: the index is another file, whatever the work tree holds.
    const file = join(dir, 'releases', readdirSync(join(dir, 'releases')).sort()[0]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}unknownKey: 1\n`);
    await git(dir, 'add', '-A');
    await settle();
    const again = await run(dir, args, { cwd: dir });
    expect(answered(again)).toBe(false);
    expect(again.exitCode).toBe(1);
  }, 20_000);

  it(`gives the full run's answer after each of ${FUZZ_CASES} random mutations of the example, and again from the memo`, async () => {
    const original = readTree(join(FIXTURES, 'sec-2020'));
    const cases = fc.sample(caseArb, { numRuns: FUZZ_CASES, seed: 2027 });
    // Each repository in a git folder's work tree, so that rewriting it keeps its cache and memo.
    const dirs = cases.map((_, i) => {
      const parent = join(work, `fuzz-${i}`);
      mkdirSync(join(parent, '.git'), { recursive: true });
      writeTree(join(parent, 'data'), original);
      return join(parent, 'data');
    });
    await settle();
    const args = ['check', '--format', 'json', ...AS_OF];
    for (const dir of dirs) await run(dir, args);
    cases.forEach((mutations, i) => writeTree(dirs[i]!, applyMutations(original, mutations)));
    await settle();
    for (const dir of dirs) {
      const full = await run(dir, [...args, '--no-cache']);
      expect(await run(dir, args)).toEqual(full);
      // Now memoised (the files had settled): the memo's answer is the same.
      expect(await run(dir, args)).toEqual(full);
    }
  }, 60_000);
});
