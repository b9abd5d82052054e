// A file the cache answers is not read: its text is read only when a finding must be placed in it, and
// never from a version other than the one its data came from.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CachedParse, ParseCache } from '../../src/repo/cache.js';
import { locateFindings } from '../../src/repo/locate.js';
import { readFiles, readTexts } from '../../src/repo/read-files.js';
import { workTreeSource, type FileSource, type SourceFile } from '../../src/repo/source.js';
import type { Finding } from '../../src/domain/findings.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-read-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The work tree, counting which files' content is read. */
function counting(root: string): { source: FileSource; read: string[] } {
  const inner = workTreeSource(root);
  const read: string[] = [];
  const source: FileSource = {
    label: inner.label,
    collect: (dirs, files) => inner.collect(dirs, files),
    read(files) {
      read.push(...files.map((f) => f.path));
      return inner.read(files);
    },
  };
  return { source, read };
}

/** A cache in memory, keyed as the real one is (kind, path and stamp). */
function memoryCache(): ParseCache & { size: () => number } {
  const entries = new Map<string, CachedParse>();
  const key = (kind: string, f: SourceFile) => `${kind}\0${f.path}\0${f.stamp}`;
  return {
    get: (kind, f) => entries.get(key(kind, f)),
    set: (kind, f, e) => void entries.set(key(kind, f), e),
    save: () => undefined,
    size: () => entries.size,
  };
}

function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(work, 'repo-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

async function load(root: string, cache: ParseCache) {
  const { source, read } = counting(root);
  const listed = await source.collect(['.'], []);
  const findings: Finding[] = [];
  const versions = new Map<string, string>();
  const parsed = await readFiles(source, listed, () => 'release', { findings, cache, versions });
  const files = parsed.flatMap((p) => (p ? [p.file] : []));
  return { source, read, files, findings, versions };
}

describe('reading through the cache', () => {
  it('reads only the files the cache does not hold, and their texts only when asked', async () => {
    const root = repoWith({ 'a.yaml': 'id: a\nname: A\n', 'b.yaml': 'id: b\nname: B\n' });
    const cache = memoryCache();
    const cold = await load(root, cache);
    expect(cold.read).toEqual(['./a.yaml', './b.yaml']);
    expect(cache.size()).toBe(2);

    writeFileSync(join(root, 'b.yaml'), 'id: b\nname: Bee\n');
    const warm = await load(root, cache);
    expect(warm.read).toEqual(['./b.yaml']);
    const [a, b] = warm.files;
    expect(a).toMatchObject({ file: './a.yaml', data: { id: 'a', name: 'A' } });
    expect(a!.text).toBeUndefined();
    expect(b!.text).toBe('id: b\nname: Bee\n');

    // A finding in the cached file: its text is read then (once), and the finding placed in it.
    const finding: Finding = { rule: 'REF-1', severity: 'error', file: './a.yaml', path: ['name'], message: 'm' };
    const [placed] = await locateFindings(warm.files, [finding], (f) => readTexts(warm.source, warm.versions, f));
    expect(placed).toMatchObject({ line: 2, column: 7 });
    expect(warm.read).toEqual(['./b.yaml', './a.yaml']);
    expect(a!.text).toBe('id: a\nname: A\n');
  });

  it('refuses to place a finding in a file edited since its data was read', async () => {
    const root = repoWith({ 'a.yaml': 'id: a\nname: A\n' });
    const cache = memoryCache();
    await load(root, cache);
    const warm = await load(root, cache);
    expect(warm.read).toEqual([]);
    writeFileSync(join(root, 'a.yaml'), '# a comment moves every line\nid: a\nname: A\n');
    await readTexts(warm.source, warm.versions, warm.files);
    expect(warm.files[0]!.text).toBeUndefined();
    const finding: Finding = { rule: 'REF-1', severity: 'error', file: './a.yaml', path: ['name'], message: 'm' };
    await expect(locateFindings(warm.files, [finding], (f) => readTexts(warm.source, warm.versions, f))).rejects.toThrow(
      './a.yaml changed while secrel was reading the repository, so its findings cannot be placed in it',
    );
  });
});
