// One bucket of the incremental cache (cache.ts): its entries in memory, and the file that holds them
// (read whole, checked against its checksum and build, written atomically).
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../domain/findings.js';
import { trustStamp } from './stamp-trust.js';

/**
 * A bucket: its entries in columns, as on disk (see StoredBucket), with each key's place; `made` is when
 * an entry was made (ms since 1970), for trustStamp. Entries that are invalid or have findings are in `odd`.
 */
export interface Bucket {
  keys: string[];
  made: number[];
  data: unknown[];
  odd: Map<number, { valid: boolean; findings: Finding[] }>;
  index: Map<string, number>;
  used: Set<number>;
  /** Whether this run looked anything up in the bucket (else `used` holds only what it added). */
  consulted: boolean;
  dirty: boolean;
  /** Read from its file, which was there and believed (not a bucket started afresh). */
  loaded: boolean;
}

/**
 * The entry at `key`, if its stamp can be trusted for a file last changed at `changedMs` (it is then kept).
 * `consult`: this run looks up every file of the bucket here (false for a look-up made only when another bucket had no answer).
 */
export function entryAt(
  b: Bucket,
  key: string,
  changedMs: number | undefined,
  consult = true,
): { valid: boolean; data: unknown; findings: Finding[] } | undefined {
  if (consult) b.consulted = true;
  const i = b.index.get(key);
  if (i === undefined || !trustStamp(changedMs, b.made[i]!)) return undefined;
  b.used.add(i);
  const odd = b.odd.get(i);
  return { valid: odd?.valid ?? true, data: b.data[i], findings: odd?.findings ?? NO_FINDINGS };
}

/** Records an entry made at `made` under `key`. */
export function putEntry(b: Bucket, key: string, made: number, entry: { valid: boolean; data: unknown; findings: Finding[] }): void {
  let i = b.index.get(key);
  if (i === undefined) b.index.set(key, (i = b.keys.push(key) - 1));
  b.made[i] = made;
  b.data[i] = entry.data;
  if (entry.valid && entry.findings.length === 0) b.odd.delete(i);
  else b.odd.set(i, { valid: entry.valid, findings: entry.findings });
  b.used.add(i);
  b.dirty = true;
}

/** Adds `from`'s entries to `to`, but where `to` has the same key made later. */
export function mergeEntries(to: Bucket, from: Bucket): void {
  from.keys.forEach((key, i) => {
    const at = to.index.get(key);
    if (at !== undefined && to.made[at]! >= from.made[i]!) return;
    const odd = from.odd.get(i);
    putEntry(to, key, from.made[i]!, { valid: odd?.valid ?? true, data: from.data[i], findings: odd?.findings ?? NO_FINDINGS });
  });
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
export const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

export function readBucket(file: string, build: string): Bucket {
  const empty = (): Bucket => ({
    keys: [],
    made: [],
    data: [],
    odd: new Map(),
    index: new Map(),
    used: new Set(),
    consulted: false,
    dirty: false,
    loaded: false,
  });
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
      consulted: false,
      dirty: false,
      loaded: true,
    };
  } catch {
    // Missing, unreadable or corrupt: start this bucket afresh.
    return empty();
  }
}

export function writeBucket(dir: string, name: string, build: string, b: Bucket): void {
  const kept = keptEntries(b);
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

/** Removes a bucket's file, if it is there; a failure costs speed only. */
export function removeBucket(dir: string, name: string): void {
  try {
    rmSync(join(dir, `${name}.bin`), { force: true });
  } catch {
    // Not removable (its folder is not a folder): a later run merges it again.
  }
}

/**
 * The entries to write. Those this run did not use (older versions of files) are kept while they are few,
 * so switching branches or between the index and the work tree stays warm; then dropped. A bucket this run
 * only added to (a lean run adds a changed file's whole data too, and reads none) cannot tell what is in
 * use: when it holds too many, it keeps each file's newest entry.
 */
function keptEntries(b: Bucket): number[] {
  const all = b.keys.map((_, i) => i);
  if (b.consulted) return b.keys.length > 2 * b.used.size + 64 ? [...b.used].sort((x, y) => x - y) : all;
  const newest = new Map<string, number>();
  for (const i of all) {
    const path = b.keys[i]!.slice(0, b.keys[i]!.lastIndexOf('\0'));
    const was = newest.get(path);
    if (was === undefined || b.made[i]! >= b.made[was]!) newest.set(path, i);
  }
  return b.keys.length > 2 * newest.size + 64 ? [...newest.values()].sort((x, y) => x - y) : all;
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
