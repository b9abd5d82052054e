// Writes generated files into the output folder: only those whose bytes changed, all of them or none;
// or, for --check, only compares and says which are stale or missing.
import { lstat, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFilesAtomic, type PendingWrite } from '../repo/atomic.js';
import { findLeftovers, removeLeftovers } from '../repo/leftovers.js';
import { writeTarget } from '../repo/write-target.js';
import { manifestText, MANIFEST, readManifest, type Manifest } from './manifest.js';
import { UsageError } from '../repo/errors.js';
import { isInside, realLocation } from '../repo/inside.js';
import type { OutputFile } from './targets.js';

export type OutputState = 'unchanged' | 'stale' | 'missing' | 'obsolete' | 'leftover';

export interface OutputResult {
  /** Absolute path of the file. */
  file: string;
  /** `/`-separated path inside the output folder. */
  path: string;
  /**
   * `obsolete`: a file an earlier render wrote that nothing renders any more (listed in the manifest);
   * `leftover`: a temporary file of an interrupted write. Both are removed by `render`.
   */
  state: OutputState;
  /** True when this run wrote (or removed) the file (never with `check`). */
  written: boolean;
}

export interface SyncOptions {
  check: boolean;
  /** The targets rendered (`rid`, `site`…), for the manifest. */
  targets: readonly string[];
  /** Every file of those targets was rendered (no --release): what else the manifest lists is obsolete. */
  complete: boolean;
}

/** What is at an output path now, never opening a FIFO or device (a UsageError for those). */
async function current(file: string, outDir: string): Promise<Buffer | undefined> {
  return (await writeTarget(file, outDir)).before?.bytes;
}

/**
 * Compares every file with what is on disk; unless `check`, then writes the changed ones, removes the
 * obsolete ones and temporary files left by an interrupted run, in one all-or-nothing step (see
 * writeFilesAtomic): a failure part-way leaves every output file as it was.
 */
export async function syncOutputs(outDir: string, files: readonly (OutputFile & { target?: string })[], options: SyncOptions): Promise<OutputResult[]> {
  const seen = new Set<string>();
  const results: OutputResult[] = [];
  const writes: PendingWrite[] = [];
  const realOut = await realpath(outDir).catch(() => undefined);
  const produced: Manifest = Object.fromEntries(options.targets.map((t) => [t, []]));
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = resolve(outDir, f.path);
    // Paths come from ids the schemas restrict, but a generated path must never leave the output folder.
    if (!isInside(outDir, file) || file === outDir || seen.has(file) || f.path === MANIFEST) throw new Error(`render produced an invalid or duplicate output path: ${f.path}`);
    // Nor may a symbolic link inside the output folder (out/rid -> /etc) carry a write somewhere else.
    if (realOut !== undefined && !isInside(realOut, await realLocation(dirname(file)))) {
      throw new UsageError(`${f.path} in the output folder leads outside it through a symbolic link`, 'remove the link, or render into another folder with --out DIR');
    }
    seen.add(file);
    if (f.target !== undefined) (produced[f.target] ??= []).push(f.path);
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength);
    const existing = await current(file, outDir);
    const state: OutputState = existing === undefined ? 'missing' : existing.equals(bytes) ? 'unchanged' : 'stale';
    if (state !== 'unchanged') writes.push({ path: file, data: bytes });
    results.push({ file, path: f.path, state, written: !options.check && state !== 'unchanged' });
  }
  const before = await readManifest(outDir);
  const after: Manifest = { ...before };
  for (const t of options.targets) after[t] = options.complete ? produced[t]! : [...(before[t] ?? []), ...produced[t]!];
  const obsolete = [...new Set(options.targets.flatMap((t) => before[t] ?? []))].filter((p) => !seen.has(resolve(outDir, p))).sort();
  for (const path of obsolete) {
    const file = resolve(outDir, path);
    if (!options.complete || !isInside(outDir, file) || !(await lstat(file).then((i) => i.isFile(), () => false))) continue;
    writes.push({ path: file, data: '', remove: true });
    results.push({ file, path, state: 'obsolete', written: !options.check });
  }
  const leftovers = await findLeftovers(outDir, { recursive: true });
  for (const file of leftovers) results.push({ file, path: relative(outDir, file).split(sep).join('/'), state: 'leftover', written: !options.check });
  if (options.check) return results;
  await removeLeftovers(leftovers);
  const manifest = manifestText(after);
  if ((await current(join(outDir, MANIFEST), outDir))?.toString('utf8') !== manifest) writes.push({ path: join(outDir, MANIFEST), data: manifest });
  await writeFilesAtomic(writes, { createFolders: true, linksWithin: outDir });
  return results;
}

/**
 * Files that are never compared (`--pdf`: a PDF carries the time it was printed, so its bytes differ on
 * every run): written every time, all or none, left out of the manifest and of `--check`.
 */
export async function writeUncompared(outDir: string, files: readonly OutputFile[]): Promise<OutputResult[]> {
  const results: OutputResult[] = [];
  const writes: PendingWrite[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = resolve(outDir, f.path);
    if (!isInside(outDir, file) || file === outDir) throw new Error(`render produced an invalid output path: ${f.path}`);
    const state: OutputState = (await current(file, outDir)) === undefined ? 'missing' : 'stale';
    writes.push({ path: file, data: f.content });
    results.push({ file, path: f.path, state, written: true });
  }
  await writeFilesAtomic(writes, { createFolders: true, linksWithin: outDir });
  return results;
}
