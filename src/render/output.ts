// Writes generated files into the output folder: only those whose bytes changed, all of them or none;
// or, for --check, only compares and says which are stale or missing.
import { readFile, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFilesAtomic } from '../repo/atomic.js';
import { UsageError } from '../repo/errors.js';
import { isInside, realLocation } from '../repo/inside.js';
import type { OutputFile } from './targets.js';

export type OutputState = 'unchanged' | 'stale' | 'missing';

export interface OutputResult {
  /** Absolute path of the file. */
  file: string;
  /** `/`-separated path inside the output folder. */
  path: string;
  state: OutputState;
  /** True when this run wrote the file (never with `check`). */
  written: boolean;
}

async function current(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Missing, or something that is not a file (a folder in its place): either way it needs writing.
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * Compares every file with what is on disk; unless `check`, then writes the changed ones in one
 * all-or-nothing step (see writeFilesAtomic): a failure part-way leaves every output file as it was.
 */
export async function syncOutputs(outDir: string, files: readonly OutputFile[], options: { check: boolean }): Promise<OutputResult[]> {
  const seen = new Set<string>();
  const results: OutputResult[] = [];
  const wanted = new Map<string, Buffer>();
  const realOut = await realpath(outDir).catch(() => undefined);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = resolve(outDir, f.path);
    // Paths come from ids the schemas restrict, but a generated path must never leave the output folder.
    if (!isInside(outDir, file) || file === outDir || seen.has(file)) throw new Error(`render produced an invalid or duplicate output path: ${f.path}`);
    // Nor may a symbolic link inside the output folder (out/rid -> /etc) carry a write somewhere else.
    if (realOut !== undefined && !isInside(realOut, await realLocation(dirname(file)))) {
      throw new UsageError(`${f.path} in the output folder leads outside it through a symbolic link`, 'remove the link, or render into another folder with --out DIR');
    }
    seen.add(file);
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength);
    const existing = await current(file);
    const state: OutputState = existing === undefined ? 'missing' : existing.equals(bytes) ? 'unchanged' : 'stale';
    if (state !== 'unchanged') wanted.set(file, bytes);
    results.push({ file, path: f.path, state, written: !options.check && state !== 'unchanged' });
  }
  if (!options.check) await writeFilesAtomic([...wanted].map(([path, data]) => ({ path, data })), { createFolders: true });
  return results;
}
