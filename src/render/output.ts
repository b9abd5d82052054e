// Writes generated files into the output folder: only those whose bytes changed, all of them or none;
// or, for --check, only compares and says which are stale or missing.
import { lstat, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { atomicBatch, writeFilesAtomic, type PendingWrite } from '../repo/atomic.js';
import { findLeftovers, removeLeftovers } from '../repo/leftovers.js';
import { writeTarget, type Target } from '../repo/write-target.js';
import { equalContent } from './content.js';
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

/** Sorted by path, as every list of files secrel prints. */
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Compares every file with what is on disk; unless `check`, then writes the changed ones, removes the
 * obsolete ones and temporary files left by an interrupted run, in one all-or-nothing step (see
 * atomicBatch): a failure part-way leaves every output file as it was. `files` may be made as they are
 * asked for (a generator): each changed file goes to its temporary file at once and is not kept, so a
 * site of 20,000 pages never sits in memory whole. The results are in path order, whatever the order of
 * `files`; so is the problem reported when several files have one (the first by path).
 */
export async function syncOutputs(
  outDir: string,
  files: Iterable<OutputFile & { target?: string }> | AsyncIterable<OutputFile & { target?: string }>,
  options: SyncOptions,
): Promise<OutputResult[]> {
  const seen = new Set<string>();
  const results: OutputResult[] = [];
  const batch = options.check ? undefined : atomicBatch({ createFolders: true, linksWithin: outDir });
  const realOut = await realpath(outDir).catch(() => undefined);
  const produced: Manifest = Object.fromEntries(options.targets.map((t) => [t, []]));
  // A file that cannot be compared (a link out of the folder, a FIFO) stops the run, before anything is
  // renamed into place: the one first by path, as when every file was compared in that order.
  let problem: { path: string; err: unknown } | undefined;
  // A temporary file that cannot be written (a full disk): reported unless a file cannot be compared.
  let failedWrite: { err: unknown } | undefined;
  try {
    for await (const f of files) {
      let state: OutputState;
      let target: Target;
      try {
        const file = resolve(outDir, f.path);
        // Paths come from ids the schemas restrict, but a generated path must never leave the output folder.
        if (!isInside(outDir, file) || file === outDir || seen.has(file) || f.path === MANIFEST)
          throw new Error(`render produced an invalid or duplicate output path: ${f.path}`);
        // Nor may a symbolic link inside the output folder (out/rid -> /etc) carry a write somewhere else.
        if (realOut !== undefined && !isInside(realOut, await realLocation(dirname(file)))) {
          throw new UsageError(
            `${f.path} in the output folder leads outside it through a symbolic link`,
            'remove the link, or render into another folder with --out DIR',
          );
        }
        seen.add(file);
        target = await writeTarget(file, outDir);
        const existing = target.before?.bytes;
        state = existing === undefined ? 'missing' : equalContent(existing, f.content) ? 'unchanged' : 'stale';
        results.push({ file, path: f.path, state, written: !options.check && state !== 'unchanged' });
      } catch (err) {
        if (problem === undefined || f.path < problem.path) problem = { path: f.path, err };
        continue;
      }
      if (f.target !== undefined) (produced[f.target] ??= []).push(f.path);
      if (state === 'unchanged' || batch === undefined || problem !== undefined || failedWrite !== undefined) continue;
      await batch.add({ path: resolve(outDir, f.path), data: f.content }, target).catch((err: unknown) => {
        failedWrite = { err };
      });
    }
    if (problem !== undefined) throw problem.err;
    if (failedWrite !== undefined) throw failedWrite.err;
  } catch (err) {
    await batch?.abandon(err);
    throw err;
  }
  results.sort(byPath);
  const before = await readManifest(outDir);
  const after: Manifest = { ...before };
  for (const t of options.targets) after[t] = options.complete ? produced[t]! : [...(before[t] ?? []), ...produced[t]!];
  const obsolete = [...new Set(options.targets.flatMap((t) => before[t] ?? []))].filter((p) => !seen.has(resolve(outDir, p))).sort();
  const writes: PendingWrite[] = [];
  for (const path of obsolete) {
    const file = resolve(outDir, path);
    if (
      !options.complete ||
      !isInside(outDir, file) ||
      !(await lstat(file).then(
        (i) => i.isFile(),
        () => false,
      ))
    )
      continue;
    writes.push({ path: file, data: '', remove: true });
    results.push({ file, path, state: 'obsolete', written: !options.check });
  }
  const leftovers = await findLeftovers(outDir, { recursive: true });
  for (const file of leftovers) results.push({ file, path: relative(outDir, file).split(sep).join('/'), state: 'leftover', written: !options.check });
  if (batch === undefined) return results;
  try {
    await removeLeftovers(leftovers);
    const manifest = manifestText(after);
    if ((await current(join(outDir, MANIFEST), outDir))?.toString('utf8') !== manifest) writes.push({ path: join(outDir, MANIFEST), data: manifest });
    for (const w of writes) await batch.add(w);
  } catch (err) {
    await batch.abandon(err);
    throw err;
  }
  await batch.commit();
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
