// Writes generated files into the output folder: only those whose bytes changed, each atomically;
// or, for --check, only compares and says which are stale or missing.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../repo/atomic.js';
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
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export async function syncOutputs(outDir: string, files: readonly OutputFile[], options: { check: boolean }): Promise<OutputResult[]> {
  const seen = new Set<string>();
  const results: OutputResult[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file = resolve(outDir, f.path);
    const inside = relative(outDir, file);
    // Paths come from ids the schemas restrict, but a generated path must never leave the output folder.
    if (inside.startsWith('..') || isAbsolute(inside) || seen.has(file)) throw new Error(`render produced an invalid or duplicate output path: ${f.path}`);
    seen.add(file);
    const wanted = Buffer.from(f.content, 'utf8');
    const existing = await current(file);
    const state: OutputState = existing === undefined ? 'missing' : existing.equals(wanted) ? 'unchanged' : 'stale';
    let written = false;
    if (!options.check && state !== 'unchanged') {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, wanted);
      written = true;
    }
    results.push({ file, path: f.path, state, written });
  }
  return results;
}
