// What secrel may replace when it writes a file: a regular file (keeping its owner and mode) or nothing.
// A symbolic link is written through to its target when that lies inside the folder the caller names
// (a release file linked to another in the repository), else refused; a FIFO, a device node, a socket
// or a folder is never replaced, and never opened (opening a FIFO blocks until someone writes to it).
import { lstat, readFile, realpath } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { UsageError } from './errors.js';
import { isInside } from './inside.js';

/** What was at a path before: a regular file's bytes, mode and owner. */
export interface Before {
  bytes: Buffer;
  mode: number;
  uid: number;
  gid: number;
}

export interface Target {
  /** The path really written: the link's target for a link that may be followed. */
  path: string;
  before?: Before;
}

/** The kind of a non-regular file, in words a user knows. */
export function kindOf(info: Stats): string | undefined {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device node';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return info.isFile() ? undefined : 'not a regular file';
}

/**
 * Where a write of `path` goes and what it replaces; a UsageError for anything secrel must not replace.
 * `linksWithin`: a symbolic link whose target is inside this folder is written through; other links
 * (and every link when it is undefined) are refused.
 */
export async function writeTarget(path: string, linksWithin?: string): Promise<Target> {
  let info: Stats;
  try {
    info = await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path };
    throw err;
  }
  let real = path;
  if (info.isSymbolicLink()) {
    const target = await realpath(path).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(
        `${path} is a symbolic link ${err.code === 'ELOOP' ? 'in a loop (it leads back to itself)' : 'to a file that does not exist'}, so secrel did not write it`,
        'remove the link, or point it at a file',
      );
    });
    const within = linksWithin === undefined ? undefined : await realpath(linksWithin).catch(() => linksWithin);
    if (within === undefined || !isInside(within, target)) {
      throw new UsageError(
        `${path} is a symbolic link to ${target}${within === undefined ? '' : ', outside the repository'}; secrel does not replace a link with a file, nor write through it`,
        within === undefined
          ? 'give the path of the file itself, or remove the link'
          : 'make it a regular file, or point the link at a file inside the repository',
      );
    }
    real = target;
    info = await lstat(real);
  }
  const kind = kindOf(info);
  if (kind === 'a folder') return { path: real }; // the rename fails with EISDIR, and everything is put back
  if (kind !== undefined) throw new UsageError(`${path} is ${kind}, not a regular file; secrel does not replace it`, 'remove it, or write somewhere else');
  return { path: real, before: { bytes: await readFile(real), mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } };
}
