// The incremental cache: each file's parsed data and file-local findings (YAML and schema), keyed by its
// content, so a run reads again only what changed. Cross-file checks always run on the full model.
// Where: `.git/secrel/cache/` of the repository's git folder, else `node_modules/.cache/secrel/`, else no
// cache. Versioned by the build (secrel's version, its code and its schemas); written atomically (a
// temporary file renamed into place), so concurrent runs each see a whole file; a file that cannot be
// read, is corrupt or from another build is ignored and rewritten. `--no-cache` and `secrel cache clear`.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../domain/findings.js';
import { findGitFolder } from './git-folder.js';

declare const __SECREL_CACHE_VERSION__: string | undefined;

/** Set by the build (scripts/build.mjs); running from the TypeScript sources, there is no cache. */
const BUILD = typeof __SECREL_CACHE_VERSION__ === 'string' ? __SECREL_CACHE_VERSION__ : undefined;

/** What reading one file gave: the value, whether it passed its schema, and its findings. */
export interface CachedParse {
  valid: boolean;
  data: unknown;
  findings: Finding[];
}

export interface ParseCache {
  /** The key of one file: its kind, path and bytes. */
  key(kind: string, path: string, bytes: Uint8Array): string;
  get(key: string): CachedParse | undefined;
  set(key: string, entry: CachedParse): void;
  /** Writes the buckets that gained entries; never fails the run. */
  save(): void;
}

interface Bucket {
  entries: Map<string, CachedParse>;
  used: Set<string>;
  dirty: boolean;
}

/** The cache folder of the repository at `root` (absolute), or undefined when it has no place for one. */
export function cacheDir(root: string): string | undefined {
  const git = findGitFolder(root)?.gitDir;
  const base = git ? join(git, 'secrel', 'cache') : existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'secrel') : undefined;
  // One repository folder per cache: several secrel repositories may share one git work tree.
  return base && join(base, createHash('sha1').update(resolve(root)).digest('hex').slice(0, 16));
}

export function openCache(root: string): ParseCache | undefined {
  const dir = BUILD ? cacheDir(root) : undefined;
  if (!dir || !BUILD) return undefined;
  const build = BUILD;
  const buckets = new Map<string, Bucket>();
  // Keys spread over 16 files by their first hex digit: a run that changed one file rewrites a sixteenth.
  const bucket = (key: string): Bucket => {
    const name = key[0]!;
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = { entries: readBucket(join(dir, `${name}.bin`), build), used: new Set(), dirty: false }));
    return b;
  };
  return {
    key: (kind, path, bytes) => createHash('sha1').update(`${build}\0${kind}\0${path}\0`).update(bytes).digest('hex'),
    get(key) {
      const b = bucket(key);
      const entry = b.entries.get(key);
      if (entry) b.used.add(key);
      return entry;
    },
    set(key, entry) {
      const b = bucket(key);
      b.entries.set(key, entry);
      b.used.add(key);
      b.dirty = true;
    },
    save() {
      for (const [name, b] of buckets) if (b.dirty) writeBucket(dir, name, build, b);
    },
  };
}

function readBucket(file: string, build: string): Map<string, CachedParse> {
  try {
    const stored = deserialize(readFileSync(file)) as { build?: unknown; entries?: unknown };
    if (stored?.build === build && stored.entries instanceof Map) return stored.entries as Map<string, CachedParse>;
  } catch {
    // Missing, unreadable or corrupt: start this bucket afresh.
  }
  return new Map();
}

function writeBucket(dir: string, name: string, build: string, b: Bucket): void {
  // Entries this run did not use (older versions of files) are kept while they are few, so switching
  // branches or between the index and the work tree stays warm; then dropped.
  let entries = b.entries;
  if (entries.size > 2 * b.used.size + 64) entries = new Map([...entries].filter(([k]) => b.used.has(k)));
  const file = join(dir, `${name}.bin`);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, serialize({ build, entries }));
    renameSync(tmp, file);
  } catch {
    // A read-only repository or a full disk costs speed only.
    rmSync(tmp, { force: true });
  }
}

/** Removes the repository's cache; says where it was and whether there was one. */
export function clearCache(root: string): { dir: string | undefined; removed: boolean } {
  const dir = cacheDir(root);
  if (!dir || !existsSync(dir)) return { dir, removed: false };
  rmSync(dir, { recursive: true, force: true });
  return { dir, removed: true };
}
