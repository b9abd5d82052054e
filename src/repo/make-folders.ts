// Creating the folders a write needs, one level at a time, with a clear message where a file system
// refuses (rather than Node's recursive mkdir, which loops for ever there).
import { lstat, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './errors.js';

/**
 * `mkdir -p` one level at a time, returning the first folder made. Not `mkdir({ recursive: true })`: on a
 * file system that answers ENOENT for a folder whose parent exists (/proc), Node's loops for ever.
 */
export async function makeFolders(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const info = await lstat(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (info) break;
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      throw new UsageError(
        `cannot create the folder ${d}: the file system there does not allow it (${err.code})`,
        'choose a folder on an ordinary file system',
      );
    });
  }
  return missing[0];
}
