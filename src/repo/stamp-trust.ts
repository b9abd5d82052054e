// When a work-tree stamp (device, inode, size, change times) may stand for a file's content: shared by the
// incremental cache (cache.ts) and the run memo (run-memo.ts), so both trust a stamp the same way.
import type { Stats } from 'node:fs';

/**
 * File systems keep modification times to a tick (a few milliseconds here, two seconds on FAT): a file
 * written again within the tick in which a run read it would keep its stamp. So a work-tree stamp is
 * trusted only if the file's modification time is at least this long before the entry was made; a file
 * changed later is parsed again, as git does with a "racily clean" index entry. The time that counts is
 * the later of the modification and the inode change times (changedAt): a file written and then given an
 * old modification time (`touch -d`, `tar x`, `cp -p`) has only just changed too.
 */
const SETTLE_MS = 2000;

/** Whether an entry made at `made` can stand for a file whose stamp says it was last modified at `changedMs`. */
export function trustStamp(changedMs: number | undefined, made: number): boolean {
  return changedMs === undefined || changedMs < made - SETTLE_MS;
}

/** A work-tree file's stamp from its lstat: joined, not a template, so one flat string (a template makes a chain of pieces, kept all run). */
export function statStamp(info: Stats): string {
  return [info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs].join(':');
}

/** When a file last changed, for trustStamp: its modification or its inode change time, whichever is later. */
export function changedAt(info: Stats): number {
  return Math.max(info.mtimeMs, info.ctimeMs);
}

/** changedAt, from a stamp statStamp made (its last two fields are the modification and inode change times). */
export function stampChangedAt(stamp: string): number {
  const parts = stamp.split(':');
  return Math.max(Number(parts[3]), Number(parts[4]));
}
