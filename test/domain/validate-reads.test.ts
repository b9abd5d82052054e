// The lean copy the cache keeps for `validate` (VALIDATE_READS) holds everything validate's checks read:
// they are run on data that records each read, and on the lean copy, over the fixtures, a generated
// repository and random mutations of the example; a read the lean copy does not keep fails here, rather
// than a warm validate silently seeing no such field.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMutations, caseArb, readTree, writeTree } from '../../scripts/fuzz-lib.mjs';
import { generateRepository } from '../../bench/generate.mjs';
import type { Finding } from '../../src/domain/findings.js';
import type { EarlierFile } from '../../src/domain/kept-records.js';
import type { Modification } from '../../src/domain/model.js';
import type { Entity } from '../../src/domain/repository.js';
import { validateChecks } from '../../src/domain/validate-checks.js';
import { leanModification, VALIDATE_READS, type Reads } from '../../src/domain/validate-reads.js';
import { loadRepository, type Repository } from '../../src/repo/load.js';
import { workTreeSource } from '../../src/repo/source.js';
import { FIXTURES } from '../helpers/cli.js';
import { byTier } from '../helpers/tier.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-lean-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What validate runs on the modifications it loaded (the very list its action calls), with --staged's records HEAD kept against `earlier`. */
function checks(repo: Repository, earlier: readonly EarlierFile[]): Finding[] {
  const revisions = { later: 'the index', earlier: 'HEAD', restore: (f: string) => `git restore ${f}`, override: 'commit with --no-verify' };
  return validateChecks(repo, { today: '2020-01-17', asOf: '2020-01-17', earlier, revisions }).findings;
}

/** The repository with each modification's data given by `wrap` (the same object for one file in `files` too). */
function withModifications(repo: Repository, wrap: (data: unknown) => unknown): Repository {
  const byFile = new Map<string, unknown>();
  const modifications = repo.modifications.map((m): Entity<Modification> => {
    const data = wrap(m.data);
    byFile.set(m.file, data);
    return { ...m, data: data as Modification };
  });
  const files = repo.files.map((f) => (byFile.has(f.file) ? { ...f, data: byFile.get(f.file) } : f));
  return { ...repo, modifications, files, findings: [...repo.findings] };
}

/** `data`, reporting each read below it as a dotted path (`impacts.parties.*keys*` for its list of keys). */
function recording(data: unknown, reads: Set<string>, at = ''): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const path = (key: string) => (at ? `${at}.${key}` : key);
  const below = new Map<PropertyKey, unknown>();
  return new Proxy(data, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || typeof value === 'function') return value;
      reads.add(path(Array.isArray(target) && key !== 'length' ? '[]' : key));
      if (!below.has(key)) below.set(key, recording(value, reads, path(Array.isArray(target) ? '[]' : key)));
      return below.get(key);
    },
    has(target, key) {
      reads.add(path('*keys*'));
      return Reflect.has(target, key);
    },
    // Object.hasOwn, a spread, Object.keys: whether a field is there (`costs?`), which the lean copy answers
    // for what it keeps, and for every key below a list of keys only.
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') reads.add(`${path(Array.isArray(target) && key !== 'length' ? '[]' : key)}?`);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      reads.add(path('*keys*'));
      return Reflect.ownKeys(target);
    },
  });
}

/** Whether a read (from `recording`) is of something the lean copy keeps. */
function kept(read: string, reads: Reads = VALIDATE_READS): boolean {
  const [head, ...rest] = read.split('.');
  if (reads === true) return true;
  if (reads === 'keys') return head === '*keys*' || (rest.length === 0 && head!.endsWith('?'));
  if (head === '*keys*') return false;
  const below = reads[head!.replace(/\?$/, '')];
  return below !== undefined && (rest.length === 0 || kept(rest.join('.'), below));
}

/** The files of a repository as `earlier` (HEAD) for lostRecords. */
function earlierOf(repo: Repository): EarlierFile[] {
  return repo.files.flatMap((f): EarlierFile[] => {
    const kind = f.file.startsWith('releases/') ? 'release' : f.file.startsWith('modifications/') ? 'modification' : undefined;
    return kind ? [{ file: f.file, kind, data: f.data, deleted: false }] : [];
  });
}

async function expectLeanEnough(dir: string, earlier?: readonly EarlierFile[]): Promise<void> {
  const repo = await loadRepository(dir, workTreeSource(dir), { cache: false });
  const before = earlier ?? earlierOf(repo);
  const reads = new Set<string>();
  const whole = checks(
    withModifications(repo, (d) => recording(d, reads)),
    before,
  );
  expect([...reads].filter((r) => !kept(r))).toEqual([]);
  expect(checks(withModifications(repo, leanModification), before)).toEqual(whole);
}

const fixtures = ['sec-2020', 'minimal', 'render-escaping', ...readdirSync(join(FIXTURES, 'invalid')).map((c) => `invalid/${c}`)];

describe("validate's checks read only what the lean copy keeps", () => {
  it('records the reads it is given (a read of a dropped field is seen)', () => {
    const reads = new Set<string>();
    type Data = { title: string; impacts: { parties: Record<string, string> }; parts: { id: string }[] };
    const data = recording({ title: 'A', impacts: { parties: { gasNetworks: 'text' } }, parts: [{ id: 'a' }] }, reads) as Data;
    void data.parts[0]!.id;
    void Object.keys(data.impacts.parties);
    void data.title;
    void Object.hasOwn(data, 'costs');
    expect([...reads]).toEqual([
      'parts',
      'parts.[]',
      'parts.[].id',
      'impacts',
      'impacts.parties',
      'impacts.parties.*keys*',
      'impacts.parties.gasNetworks?',
      'title',
      'costs?',
    ]);
    expect([...reads].filter((r) => !kept(r))).toEqual(['title', 'costs?']);
    expect(kept('impacts.parties.gasNetworks')).toBe(false);
  });

  it('keeps the Party Categories named, not their texts', () => {
    const lean = leanModification({ id: 'MP1', title: 'T', impacts: { parties: { gasNetworks: 'text' }, dcc: { csp: 'x' } }, costs: { secas: {} } });
    expect(lean).toEqual({ id: 'MP1', impacts: { parties: { gasNetworks: null } } });
  });

  it('keeps a Party Category named `__proto__` as a key, so its finding is made warm too', () => {
    const data = JSON.parse('{"id":"MP1","impacts":{"parties":{"__proto__":"text","suppliers":"text"}}}') as unknown;
    const lean = leanModification(data) as { impacts: { parties: object } };
    expect(Object.keys(lean.impacts.parties)).toEqual(['__proto__', 'suppliers']);
    expect(Object.getPrototypeOf(lean.impacts.parties)).toBe(Object.prototype);
  });

  it.each(fixtures)('%s', async (name) => {
    await expectLeanEnough(join(FIXTURES, name));
  });

  it('a generated repository (bench/generate.mjs)', async () => {
    const dir = join(work, 'generated');
    generateRepository(dir, { modifications: 300, releases: 24, seed: 7 });
    await expectLeanEnough(dir);
  });

  it(`random mutations of the example, against the example as HEAD`, async () => {
    const original = readTree(join(FIXTURES, 'sec-2020'));
    const head = earlierOf(await loadRepository(join(FIXTURES, 'sec-2020'), workTreeSource(join(FIXTURES, 'sec-2020')), { cache: false }));
    const dir = join(work, 'mutated');
    await fc.assert(
      fc.asyncProperty(caseArb, async (mutations) => {
        writeTree(dir, applyMutations(original, mutations));
        await expectLeanEnough(dir, head);
      }),
      { numRuns: byTier(25, 150), seed: 2027 },
    );
  });
});
