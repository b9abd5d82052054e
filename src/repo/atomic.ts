// Atomic file writes: a temporary file in the same folder, then a rename, so a crash never leaves half a
// file; and for a set of files, all of them or none: a failure part-way puts back every file already replaced.
import { randomBytes } from 'node:crypto';
import { rmSync, unlinkSync } from 'node:fs';
import { chmod, chown, link, lstat, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { changedMeanwhile } from './errors.js';
import { critical, onInterrupt, stopIfInterrupted } from './interrupt.js';
import { makeFolders } from './make-folders.js';
import { writeTarget, type Before, type Target } from './write-target.js';

export interface PendingWrite {
  /** Absolute path of the file to write. */
  path: string;
  /** Text, text in parts (written one after another, each part made as it is written), or bytes. */
  data: string | Iterable<string> | Uint8Array;
  /** Create the file, never replace one (fails with EEXIST when it exists). */
  exclusive?: boolean;
  /** Replace the file only if it still holds exactly this text (what the caller read); else nothing is written. */
  unchangedFrom?: string;
  /** Delete the file instead (an output nothing renders any more); `data` is ignored. */
  remove?: boolean;
}

export interface WriteOptions {
  /** Create missing folders (removed again if the write fails). */
  createFolders?: boolean;
  /** A symbolic link whose target is inside this folder is written through; other links are refused. */
  linksWithin?: string;
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

interface Staged extends PendingWrite {
  /** The real path written (a followed link's target). */
  path: string;
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
export async function writeFilesAtomic(writes: readonly PendingWrite[], options: WriteOptions = {}): Promise<void> {
  const batch = atomicBatch(options);
  // One critical section around all of it: a signal between two files stops at the next step and rolls back.
  await critical(async () => {
    try {
      for (const w of writes) await batch.add(w);
    } catch (err) {
      await batch.abandon(err);
      throw err;
    }
    await batch.commit();
  });
}

/**
 * writeFilesAtomic one file at a time, for a caller that makes its files as it goes (`render`): `add`
 * writes a file's temporary file at once, so the caller need not keep its bytes; `commit` renames them all
 * into place, in the order added, all or none. After a failed `add`, call `abandon`, which removes the
 * temporary files and the folders made. Ctrl-C or SIGTERM before `commit` ends the process with the
 * temporary files removed; during it, the files already renamed are put back.
 */
export interface AtomicBatch {
  /** `target`: what writeTarget(w.path, options.linksWithin) said about it, when the caller asked already. */
  add(w: PendingWrite, target?: Target): Promise<void>;
  commit(): Promise<void>;
  abandon(cause?: unknown): Promise<void>;
}

export function atomicBatch(options: WriteOptions = {}): AtomicBatch {
  const createdDirs: string[] = [];
  const staged: Staged[] = [];
  // Ctrl-C or SIGTERM meanwhile: stop at the next step and roll back; the temporary files never stay, nor
  // (while nothing is renamed yet) the folders made for them.
  const forget = onInterrupt(() => {
    staged.forEach((s) => unlinkQuietly(s.temp));
    if (!staged.some((s) => s.committed)) [...createdDirs].reverse().forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  let index = 0;
  return {
    add: (w, target) => critical(() => stage(w, index++, options, staged, createdDirs, target)),
    async commit() {
      try {
        await critical(async () => {
          try {
            for (const [i, s] of staged.entries()) {
              stopIfInterrupted();
              writeFaults.inject?.('commit', s.path, i);
              if (s.unchangedFrom !== undefined && (await readFile(s.path, 'utf8').catch(() => undefined)) !== s.unchangedFrom) throw changedMeanwhile(s.path);
              await commit(s);
              s.committed = true;
            }
          } catch (err) {
            await rollBack(staged, createdDirs, err);
            throw err;
          }
        });
      } finally {
        forget();
      }
    },
    async abandon(cause) {
      try {
        await critical(() => rollBack(staged, createdDirs, cause));
      } finally {
        forget();
      }
    },
  };
}

async function stage(w: PendingWrite, index: number, options: WriteOptions, staged: Staged[], createdDirs: string[], known?: Target): Promise<void> {
  stopIfInterrupted();
  if (options.createFolders && !w.remove) {
    const made = await makeFolders(dirname(w.path));
    if (made) createdDirs.push(made);
  }
  const target = known ?? (await writeTarget(w.path, options.linksWithin));
  const dir = dirname(target.path);
  const s: Staged = {
    ...w,
    path: target.path,
    temp: join(dir, `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`),
    committed: false,
  };
  const before = target.before;
  if (before) {
    s.before = before;
    if (w.exclusive) throw Object.assign(new Error(`EEXIST: file already exists, open '${w.path}'`), { code: 'EEXIST', syscall: 'open', path: w.path });
  }
  staged.push(s);
  // The bytes are on disk once the temporary file is written: the staged entry does not keep them.
  s.data = '';
  if (w.remove) return;
  writeFaults.inject?.('temp', w.path, index);
  await writeFile(s.temp, w.data, { flag: 'wx' });
  if (before) await keepOwnerAndMode(s.temp, before);
}

/** The new file keeps the old one's permissions (an executable bit, a group's write access) and owner. */
async function keepOwnerAndMode(path: string, before: Before): Promise<void> {
  await chmod(path, before.mode);
  const info = await lstat(path);
  if (info.uid !== before.uid || info.gid !== before.gid) {
    // Only root may give a file away; anyone else writes files they own, as every editor does.
    await chown(path, before.uid, before.gid).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPERM') throw err;
    });
    await chmod(path, before.mode); // chown clears the set-id bits
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // not there (yet, or any more)
  }
}

async function commit(s: Staged): Promise<void> {
  if (s.remove) return unlink(s.path);
  if (!s.exclusive) return rename(s.temp, s.path);
  // A hard link creates the name only if it does not exist yet, atomically; then the temporary name goes.
  try {
    await link(s.temp, s.path);
  } catch (err) {
    // A file system without hard links: check, then rename (a file created in between would be replaced).
    if (
      (err as NodeJS.ErrnoException).code === 'EEXIST' ||
      (await lstat(s.path).then(
        () => true,
        () => false,
      ))
    )
      throw err;
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
        await writeFile(temp, s.before.bytes, { flag: 'wx' });
        await keepOwnerAndMode(temp, s.before);
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
