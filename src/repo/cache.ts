// The incremental cache: each file's parsed data and file-local findings (YAML and schema), kept under a
// stamp of the file's version that costs no reading or hashing, so a run parses again only what changed.
// Cross-file checks always run on every file (validate's on the lean copies below). The stamp: a file's
// git blob id in the index or a revision (git gives it with the listing); in the work tree, its device,
// inode, size and change times, as ESLint's and Prettier's metadata caches do, trusted only for a file that
// had not changed for a while when it was read (trustStamp, in stamp-trust.ts). Where: see cache-place.ts
// (`.git/secrel/cache/` of the git folder, else `node_modules/.cache/secrel/`, else no cache). Versioned by the build (secrel's version, its code and its
// schemas); written atomically (a temporary file renamed into place), so concurrent runs each see a whole
// file; a file that cannot be read, fails its checksum or is from another build is ignored and rewritten,
// and a cache that cannot be written (a file where its folder should be) costs speed only.
// Beside each bucket of whole data, a lean one, which `validate` reads instead: every file's entry again,
// but of one kind of file (modifications) only what validate's checks read (src/domain/validate-reads.ts),
// a third of the bytes to load. Every entry goes into both (the first run at 10,000 files: 3% longer); a
// run reads one, but for a lean entry that is lost, which validate makes again from the whole one.
// A lean run does not read a whole bucket to add to it (a megabyte at 10,000 files, for one entry): the
// whole data of what it parsed goes into a small side bucket (`new-3.bin` beside `3.bin`), which the next
// run that reads the whole bucket merges into it and removes. Where the whole bucket's file is not there
// at all (the first run), it is written directly.
// `--no-cache` and `secrel cache clear`. No node:crypto: loading it was a sixth of a warm run's own time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../domain/findings.js';
import { entryAt, mergeEntries, putEntry, readBucket, removeBucket, writeBucket, type Bucket } from './cache-bucket.js';
import { cacheDir, fnv1a } from './cache-place.js';
import type { SourceFile } from './source.js';

declare const __SECREL_CACHE_VERSION__: string | undefined;

/** Set by the build (scripts/build.mjs); running from the TypeScript sources, there is no cache. */
const BUILD = typeof __SECREL_CACHE_VERSION__ === 'string' ? __SECREL_CACHE_VERSION__ : undefined;

/** What reading one file gave: the value, whether it passed its schema, and its findings. */
export interface CachedParse {
  valid: boolean;
  data: unknown;
  findings: Finding[];
}

/** The lean copy of one kind of file: what of a valid file's data a lean run (validate) reads. */
export interface LeanCopy {
  kind: string;
  project(data: unknown): unknown;
  /** Whether this run reads the lean buckets: then `get` answers a file of this kind with its lean data. */
  read: boolean;
}

export interface ParseCache {
  /** The file's entry, when its stamp is on record and can be trusted. */
  get(kind: string, file: SourceFile): CachedParse | undefined;
  set(kind: string, file: SourceFile, entry: CachedParse): void;
  /** Writes the buckets that gained entries; never fails the run. */
  save(): void;
}

export function openCache(root: string, lean?: LeanCopy): ParseCache | undefined {
  const dir = BUILD ? cacheDir(root) : undefined;
  if (!dir || !BUILD) return undefined;
  const build = BUILD;
  const buckets = new Map<string, Bucket>();
  const now = Date.now();
  // The tier is part of the build a bucket must have: a lean bucket copied over a whole one (a restored
  // backup) is not believed, where its missing titles made `plan` fail.
  const buildOf = (name: string) => (name.startsWith('lean-') ? `${build} lean` : build);
  /** Side buckets merged into their whole one this run: removed once it is written. */
  const merged = new Set<string>();
  const load = (name: string): Bucket => {
    let b = buckets.get(name);
    if (b) return b;
    buckets.set(name, (b = readBucket(join(dir, `${name}.bin`), buildOf(name))));
    if (/^[0-9a-f]$/.test(name)) {
      // A whole bucket takes in what lean runs added beside it (from this run's memory, if it added some).
      const side = buckets.get(`new-${name}`) ?? readBucket(join(dir, `new-${name}.bin`), build);
      if (side.keys.length > 0) {
        mergeEntries(b, side);
        side.dirty = false;
        merged.add(`new-${name}`);
      }
    }
    return b;
  };
  // Paths spread over 16 files: a run that changed one file rewrites a sixteenth.
  const nameOf = (path: string) => (fnv1a(path) & 15).toString(16);
  const bucket = (path: string, tier: '' | 'lean-'): Bucket => load(`${tier}${nameOf(path)}`);
  /** Whether each whole bucket's file is there, looked at once (a first run parses thousands of files). */
  const there = new Map<string, boolean>();
  const exists = (name: string) => there.get(name) ?? there.set(name, existsSync(join(dir, `${name}.bin`))).get(name)!;
  /** Where this run puts a file's whole data: beside the whole bucket, in a lean run that has not read it and finds it there. */
  const wholeFor = (path: string): Bucket => {
    const name = nameOf(path);
    return lean?.read && !buckets.has(name) && exists(name) ? load(`new-${name}`) : load(name);
  };
  const keyOf = (kind: string, file: SourceFile) => (file.stamp === undefined ? undefined : `${kind}\0${file.path}\0${file.stamp}`);
  const leanOf = (kind: string, entry: CachedParse): CachedParse =>
    kind === lean?.kind && entry.valid && entry.findings.length === 0 ? { ...entry, data: lean.project(entry.data) } : entry;
  return {
    get(kind, file) {
      const key = keyOf(kind, file);
      if (key === undefined) return undefined;
      if (!lean?.read) return entryAt(bucket(file.path, ''), key, file.changedMs);
      const leanBucket = bucket(file.path, 'lean-');
      const hit = entryAt(leanBucket, key, file.changedMs);
      // Both tiers get every entry: a lean bucket read whole that lacks it means the file changed.
      if (hit || leanBucket.loaded) return hit;
      // A lean bucket lost (removed, damaged) while its whole one was kept: add the lean copy.
      const whole = entryAt(bucket(file.path, ''), key, file.changedMs, false);
      if (whole) putEntry(bucket(file.path, 'lean-'), key, now, leanOf(kind, whole));
      return whole;
    },
    set(kind, file, entry) {
      const key = keyOf(kind, file);
      if (key === undefined) return;
      putEntry(wholeFor(file.path), key, now, entry);
      if (lean) putEntry(bucket(file.path, 'lean-'), key, now, leanOf(kind, entry));
    },
    save() {
      for (const [name, b] of buckets) if (b.dirty) writeBucket(dir, name, buildOf(name), b);
      for (const name of merged) removeBucket(dir, name);
    },
  };
}
