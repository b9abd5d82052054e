// Atomic file writes: a temporary file in the same folder, then a rename, so a crash never leaves half a
// file; and for a set of files, all of them or none: a failure part-way puts back every file already replaced.
import { randomBytes } from 'node:crypto';
import { chmod, link, lstat, mkdir, readFile, readlink, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { changedMeanwhile } from './errors.js';

export interface PendingWrite {
  /** Absolute path of the file to write. */
  path: string;
  data: string | Uint8Array;
  /** Create the file, never replace one (fails with EEXIST when it exists). */
  exclusive?: boolean;
  /** Replace the file only if it still holds exactly this text (what the caller read); else nothing is written. */
  unchangedFrom?: string;
}

/**
 * For tests only: the crash-safety tests make a chosen step fail to show that nothing changes. `step` is
 * `temp` (writing a temporary file) or `commit` (renaming one into place); `index` counts the files.
 */
export const writeFaults: { inject?: (step: 'temp' | 'commit', path: string, index: number) => void } = {};

/**
 * Writes `data` to `path` all at once: readers see the old file or the new one, never a mixture.
 * The temporary file sits beside the target because a rename is only atomic within one file system.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, data }]);
}

/** What was at a path before: a file's bytes and mode, or a symbolic link's target. */
type Before = { bytes: Buffer; mode: number } | { link: string };

interface Staged extends PendingWrite {
  temp: string;
  /** What to put back if a later file fails; undefined when nothing was there. */
  before?: Before;
  committed: boolean;
}

/**
 * Writes every file or none. Each file is replaced atomically (temporary file, then rename); the
 * temporary files are all written before the first rename, so a full disk or an unwritable folder
 * changes nothing; a rename that fails part-way puts back the files already replaced (and removes the
 * folders this call created, with `createFolders`). What no program can promise: a power cut between
 * two renames leaves the files renamed so far (each one whole, never half-written).
 */
export async function writeFilesAtomic(writes: readonly PendingWrite[], options: { createFolders?: boolean } = {}): Promise<void> {
  const createdDirs: string[] = [];
  const staged: Staged[] = [];
  try {
    for (const [index, w] of writes.entries()) {
      const dir = dirname(w.path);
      if (options.createFolders) {
        const made = await mkdir(dir, { recursive: true });
        if (made) createdDirs.push(made);
      }
      const s: Staged = { ...w, temp: join(dir, `.${basename(w.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`), committed: false };
      const before = await existing(w.path);
      if (before) {
        s.before = before;
        if (w.exclusive) throw Object.assign(new Error(`EEXIST: file already exists, open '${w.path}'`), { code: 'EEXIST', syscall: 'open', path: w.path });
      }
      staged.push(s);
      writeFaults.inject?.('temp', w.path, index);
      await writeFile(s.temp, w.data, { flag: 'wx' });
      // The new file keeps the old one's permissions (an executable bit, a group's write access).
      if (before && 'mode' in before) await chmod(s.temp, before.mode);
    }
    for (const [index, s] of staged.entries()) {
      writeFaults.inject?.('commit', s.path, index);
      if (s.unchangedFrom !== undefined && (await readFile(s.path, 'utf8').catch(() => undefined)) !== s.unchangedFrom) {
        throw changedMeanwhile(s.path);
      }
      await commit(s);
      s.committed = true;
    }
  } catch (err) {
    await rollBack(staged, createdDirs, err);
    throw err;
  }
}

async function existing(path: string): Promise<Before | undefined> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return { link: await readlink(path) };
    // Anything else (a folder) cannot be replaced: the rename fails and everything is put back.
    return info.isFile() ? { bytes: await readFile(path), mode: info.mode & 0o7777 } : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function commit(s: Staged): Promise<void> {
  if (!s.exclusive) return rename(s.temp, s.path);
  // A hard link creates the name only if it does not exist yet, atomically; then the temporary name goes.
  try {
    await link(s.temp, s.path);
  } catch (err) {
    // A file system without hard links: check, then rename (a file created in between would be replaced).
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' || (await existing(s.path)) !== undefined) throw err;
    return rename(s.temp, s.path);
  }
  await unlink(s.temp);
}

/** Puts every committed file back as it was, removes temporary files and new folders; never throws. */
async function rollBack(staged: readonly Staged[], createdDirs: readonly string[], cause: unknown): Promise<void> {
  const failed: string[] = [];
  for (const s of [...staged].reverse()) {
    await unlink(s.temp).catch(() => undefined);
    if (!s.committed) continue;
    try {
      if (s.before === undefined) await unlink(s.path);
      else {
        const temp = `${s.temp}.restore`;
        if ('link' in s.before) await symlink(s.before.link, temp);
        else {
          await writeFile(temp, s.before.bytes, { flag: 'wx' });
          await chmod(temp, s.before.mode);
        }
        await rename(temp, s.path);
      }
    } catch {
      failed.push(s.path);
    }
  }
  for (const dir of [...createdDirs].reverse()) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  if (failed.length && cause instanceof Error) {
    cause.message += `; and these files could not be put back as they were: ${failed.join(', ')}`;
  }
}
