// The cache's two tiers (src/repo/cache.ts): `validate` reads the lean buckets, every other command the
// whole ones, and every run that parses a file writes it to both. A repository large enough that a bucket holds more entries than are kept unused (over 64),
// with validate and check taking turns as a pre-commit hook and an editor would, gives the same bytes as
// no cache, and each run after an edit parses only the file edited: a run answered in full writes nothing.
// The repository holds findings of each check that reads the lean copy (REF, a date after today, an unknown
// Party Category, RID-2), so "the same bytes" compares findings, not two empty lists.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRepository } from '../../bench/generate.mjs';
import { secrel } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-cache-lean-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dir = join(work, 'repository');
const cache = join(dir, 'node_modules', '.cache', 'secrel', 'repository');
let asOf = '';

/** A file changed in the last two seconds is parsed again whatever the cache holds (trustStamp): let it settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

beforeAll(async () => {
  const generated = generateRepository(dir, { modifications: 1200, releases: 24, seed: 3 });
  asOf = generated.asOf;
  seedFindings(generated.releases.at(-1)!);
  mkdirSync(join(dir, 'node_modules'));
  await settle();
});

/** Edits to generated files that give validate something to report from what the lean copy keeps. */
function seedFindings(lastRelease: string): void {
  const folder = join(dir, 'modifications');
  const names = readdirSync(folder).sort();
  const used = new Set<string>();
  const edit = (pattern: RegExp, to: string, only?: string) => {
    const name = names.find((n) => !used.has(n) && (only === undefined || n === only) && pattern.test(readFileSync(join(folder, n), 'utf8')));
    if (name === undefined) throw new Error(`no generated modification matches ${pattern}`);
    used.add(name);
    writeFileSync(join(folder, name), readFileSync(join(folder, name), 'utf8').replace(pattern, to));
  };
  const release = /^ {2}release: "[0-9-]+"$/m;
  edit(release, '  release: "2031-07"');
  edit(/^(decision:\n(?: {2}.*\n)*?) {2}date: "[0-9-]+"$/m, '$1  date: "2090-01-01"');
  edit(/^ {4}suppliers: /m, '    supplier: ');
  // RID-2: a modification in a baseline's scope moved to the last release.
  const baselined = readdirSync(join(dir, 'releases'))
    .map((n) => /^ {6}scope:\n {8}- "?(MP[0-9]+)"?$/m.exec(readFileSync(join(dir, 'releases', n), 'utf8'))?.[1])
    .find((id) => id !== undefined);
  edit(release, `  release: "${lastRelease}"`, `${baselined}.yaml`);
}

/** Each cache file's bytes, by name. */
function cacheFiles(): Map<string, Buffer> {
  return new Map(readdirSync(cache).map((name) => [name, readFileSync(join(cache, name))]));
}

/** The names of the cache files a run rewrote (or made). */
function rewritten(before: Map<string, Buffer>): string[] {
  return [...cacheFiles()].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name);
}

const validate = (extra: string[] = []) => secrel(['validate', '--format', 'json', '--as-of', asOf, '--repo', dir, ...extra]);
const check = (extra: string[] = []) => secrel(['check', '--format', 'json', '--as-of', asOf, '--repo', dir, ...extra]);

describe('the lean cache for validate', () => {
  it('is written with the whole data, read by validate, and kept in step with it', async () => {
    const [validated, checked] = [await validate(['--no-cache']), await check(['--no-cache'])];
    expect(validated.exitCode).toBe(1);
    const found = (JSON.parse(validated.stdout) as { findings: { rule: string; message: string }[] }).findings.map((f) => `${f.rule} ${f.message}`);
    const seeded = ['REF release `2031-07` does not exist', 'REF decision.date records 1 January 2090', 'SCHEMA unknown key `supplier`', 'RID-2 the baselined'];
    expect(seeded.filter((what) => !found.some((f) => f.startsWith(what)))).toEqual([]);
    // The first run writes both: 16 buckets of whole data and 16 lean ones.
    expect(await check()).toEqual(checked);
    expect([...cacheFiles().keys()].sort()).toEqual([
      ...Array.from({ length: 16 }, (_, i) => `${i.toString(16)}.bin`),
      ...Array.from({ length: 16 }, (_, i) => `lean-${i.toString(16)}.bin`),
    ]);
    let before = cacheFiles();
    expect(await validate()).toEqual(validated);
    expect(await check()).toEqual(checked);
    expect(rewritten(before)).toEqual([]);

    // An edit: validate parses that file again, and writes its lean bucket and, beside the whole bucket it
    // does not read, a side bucket with the whole data; check after it is answered in full (no whole data
    // lost what validate did not read), merges the side bucket into the whole one and removes it.
    const file = join(dir, 'modifications', readdirSync(join(dir, 'modifications')).sort()[0]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited\n`);
    await settle();
    before = cacheFiles();
    expect(await validate()).toEqual(validated);
    const touched = rewritten(before).sort();
    expect(touched).toHaveLength(2);
    const [leanName, side] = touched as [string, string];
    expect(leanName).toMatch(/^lean-[0-9a-f]\.bin$/);
    expect(side).toBe(`new-${leanName.slice(5)}`);
    before = cacheFiles();
    expect(await check()).toEqual(checked);
    expect(rewritten(before)).toEqual([side.slice(4)]);
    expect(cacheFiles().has(side)).toBe(false);
    // Then each is answered in full and writes nothing.
    before = cacheFiles();
    expect(await validate()).toEqual(validated);
    expect(await check()).toEqual(checked);
    expect(rewritten(before)).toEqual([]);
    // Two edits in a row under validate gather in the side bucket; check still reads both files' whole data.
    const second = join(dir, 'modifications', readdirSync(join(dir, 'modifications')).sort()[1]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}# again\n`);
    writeFileSync(second, `${readFileSync(second, 'utf8')}# edited\n`);
    await settle();
    const [validatedAgain, checkedAgain] = [await validate(['--no-cache']), await check(['--no-cache'])];
    expect(await validate()).toEqual(validatedAgain);
    expect(await validate()).toEqual(validatedAgain);
    expect(await check()).toEqual(checkedAgain);
    expect([...cacheFiles().keys()].filter((n) => n.startsWith('new-'))).toEqual([]);
  }, 60_000);

  it('does not believe a lean bucket copied over a whole one (a restored backup): check and plan read whole data', async () => {
    const [checked, planned] = [await check(['--no-cache']), await secrel(['plan', '--as-of', asOf, '--repo', dir, '--no-cache'])];
    await validate();
    for (const name of readdirSync(cache).filter((n) => n.startsWith('lean-'))) writeFileSync(join(cache, name.slice(5)), readFileSync(join(cache, name)));
    expect(await check()).toEqual(checked);
    expect(await secrel(['plan', '--as-of', asOf, '--repo', dir])).toEqual(planned);
  }, 60_000);

  it('rebuilds a lost lean bucket from the whole one, and a lost whole one by parsing', async () => {
    const [validated, checked] = [await validate(['--no-cache']), await check(['--no-cache'])];
    rmSync(join(cache, 'lean-3.bin'));
    writeFileSync(join(cache, '5.bin'), 'not a cache');
    expect(await validate()).toEqual(validated);
    expect(await check()).toEqual(checked);
    const before = cacheFiles();
    expect(await validate()).toEqual(validated);
    expect(await check()).toEqual(checked);
    expect(rewritten(before)).toEqual([]);
  }, 60_000);
});
