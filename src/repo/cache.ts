// The incremental cache: each file's parsed data and file-local findings (YAML and schema), kept under a
// stamp of the file's version that costs no reading or hashing, so a run parses again only what changed.
// Cross-file checks always run on the full model. The stamp: a file's git blob id in the index or a
// revision (git gives it with the listing); in the work tree, its device, inode, size and change times,
// as ESLint's and Prettier's metadata caches do, trusted only for a file that had not changed for a while
// when it was read (trustStamp, in stamp-trust.ts). Where: see cache-place.ts (`.git/secrel/cache/` of the git folder, else
// `node_modules/.cache/secrel/`, else no cache). Versioned by the build (secrel's version, its code and its
// schemas); written atomically (a temporary file renamed into place), so concurrent runs each see a whole
// file; a file that cannot be read, fails its checksum or is from another build is ignored and rewritten,
// and a cache that cannot be written (a file where its folder should be) costs speed only.
// `--no-cache` and `secrel cache clear`. No node:crypto: loading it was a sixth of a warm run's own time.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../domain/findings.js';
import { cacheDir, fnv1a } from './cache-place.js';
import { trustStamp } from './stamp-trust.js';
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

export interface ParseCache {
  /** The file's entry, when its stamp is on record and can be trusted. */
  get(kind: string, file: SourceFile): CachedParse | undefined;
  set(kind: string, file: SourceFile, entry: CachedParse): void;
  /** Writes the buckets that gained entries; never fails the run. */
  save(): void;
}

/**
 * A bucket: its entries in columns, as on disk (see StoredBucket), with each key's place; `made` is when
 * an entry was made (ms since 1970), for trustStamp. Entries that are invalid or have findings are in `odd`.
 */
interface Bucket {
  keys: string[];
  made: number[];
  data: unknown[];
  odd: Map<number, { valid: boolean; findings: Finding[] }>;
  index: Map<string, number>;
  used: Set<number>;
  dirty: boolean;
}

export function openCache(root: string): ParseCache | undefined {
  const dir = BUILD ? cacheDir(root) : undefined;
  if (!dir || !BUILD) return undefined;
  const build = BUILD;
  const buckets = new Map<string, Bucket>();
  const now = Date.now();
  // Paths spread over 16 files: a run that changed one file rewrites a sixteenth.
  const bucket = (path: string): Bucket => {
    const name = (fnv1a(path) & 15).toString(16);
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = readBucket(join(dir, `${name}.bin`), build)));
    return b;
  };
  const keyOf = (kind: string, file: SourceFile) => (file.stamp === undefined ? undefined : `${kind}\0${file.path}\0${file.stamp}`);
  return {
    get(kind, file) {
      const key = keyOf(kind, file);
      if (key === undefined) return undefined;
      const b = bucket(file.path);
      const i = b.index.get(key);
      if (i === undefined || !trustStamp(file.changedMs, b.made[i]!)) return undefined;
      b.used.add(i);
      const odd = b.odd.get(i);
      return { valid: odd?.valid ?? true, data: b.data[i], findings: odd?.findings ?? NO_FINDINGS };
    },
    set(kind, file, entry) {
      const key = keyOf(kind, file);
      if (key === undefined) return;
      const b = bucket(file.path);
      let i = b.index.get(key);
      if (i === undefined) b.index.set(key, (i = b.keys.push(key) - 1));
      b.made[i] = now;
      b.data[i] = entry.data;
      if (entry.valid && entry.findings.length === 0) b.odd.delete(i);
      else b.odd.set(i, { valid: entry.valid, findings: entry.findings });
      b.used.add(i);
      b.dirty = true;
    },
    save() {
      for (const [name, b] of buckets) if (b.dirty) writeBucket(dir, name, build, b);
    },
  };
}

/**
 * A bucket on disk, in columns: one object per entry made the deserialiser a third slower (10,000
 * entries: 65 ms against 45), most entries being valid with no findings. `odd` holds the others.
 */
interface StoredBucket {
  build: string;
  keys: string[];
  made: Float64Array;
  data: unknown[];
  odd: [index: number, valid: boolean, findings: Finding[]][];
}

/** The findings of nearly every entry: one array for all (callers only read an entry's findings). */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

function readBucket(file: string, build: string): Bucket {
  const empty = (): Bucket => ({ keys: [], made: [], data: [], odd: new Map(), index: new Map(), used: new Set(), dirty: false });
  try {
    const bytes = readFileSync(file);
    const payload = bytes.subarray(CHECKSUM_BYTES);
    if (bytes.length < CHECKSUM_BYTES || checksum(payload) !== bytes.readUInt32LE(0)) return empty();
    const stored = deserialize(payload) as Partial<StoredBucket> | undefined;
    if (stored?.build !== build) return empty();
    const { keys, made, data, odd } = stored as StoredBucket;
    if (made.length !== keys.length || data.length !== keys.length) return empty();
    const index = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) index.set(keys[i]!, i);
    return {
      keys,
      made: Array.from(made),
      data,
      odd: new Map(odd.map(([i, valid, findings]) => [i, { valid, findings }])),
      index,
      used: new Set(),
      dirty: false,
    };
  } catch {
    // Missing, unreadable or corrupt: start this bucket afresh.
    return empty();
  }
}

function writeBucket(dir: string, name: string, build: string, b: Bucket): void {
  // Entries this run did not use (older versions of files) are kept while they are few, so switching
  // branches or between the index and the work tree stays warm; then dropped.
  const kept = b.keys.length > 2 * b.used.size + 64 ? [...b.used].sort((x, y) => x - y) : b.keys.map((_, i) => i);
  const stored: StoredBucket = {
    build,
    keys: kept.map((i) => b.keys[i]!),
    made: Float64Array.from(kept, (i) => b.made[i]!),
    data: kept.map((i) => b.data[i]),
    odd: kept.flatMap((i, at) => {
      const o = b.odd.get(i);
      return o ? [[at, o.valid, o.findings] as StoredBucket['odd'][number]] : [];
    }),
  };
  const file = join(dir, `${name}.bin`);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const payload = serialize(stored);
    const head = Buffer.alloc(CHECKSUM_BYTES);
    head.writeUInt32LE(checksum(payload));
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, head);
      writeSync(fd, payload);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch {
    // A read-only repository, a full disk or a file where a folder should be costs speed only.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // There was no temporary file to remove (its folder is not a folder).
    }
  }
}

/** A bucket file starts with its payload's checksum. */
const CHECKSUM_BYTES = 4;

/**
 * FNV-1a over the payload's 32-bit words (then its last bytes): each step is a bijection, so any one
 * changed word changes the sum; a damaged file that still deserialises (a byte changed in a string) is
 * not believed. Native crc32 was no faster (11 ms against 11 to 16 for 24 MB, 20,000 entries) and would
 * load node:zlib on every run.
 */
function checksum(bytes: Buffer): number {
  // Uint32Array needs an aligned start: a pooled buffer may not have one.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = words.length * 4; i < aligned.length; i++) h = Math.imul(h ^ aligned[i]!, 0x01000193);
  return h >>> 0;
}
