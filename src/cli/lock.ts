// The lock every writing command holds (src/repo/lock.ts), taken on the repository the command works on,
// or, in a repository that may not be written, on the folder outside it that is all the command writes.
import { realpathSync } from 'node:fs';
import { findRepository } from '../repo/discover.js';
import { UsageError } from '../repo/errors.js';
import { isInside, realLocation } from '../repo/inside.js';
import { LockNotWritable, withRepositoryLock } from '../repo/lock.js';
import type { Context } from './context.js';

export interface WriteScope {
  /** The folder the command writes in, when that is all it writes (render's --out): outside the repository, it needs no write access there. */
  only?: string;
  /** A way out to add when the repository may not be written (render: an --out folder outside it). */
  readOnlyHint?: string;
}

/** Runs a writing command's work holding its repository's lock: it reads, decides and writes under it. */
export async function withWriteLock<T>(ctx: Context, command: string, fn: () => Promise<T>, scope: WriteScope = {}): Promise<T> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  const outside = scope.only !== undefined && !isInside(realpathSync(root), await realLocation(scope.only)) ? scope.only : undefined;
  try {
    return await withRepositoryLock(root, command, fn, ctx.io.env, outside);
  } catch (err) {
    if (err instanceof LockNotWritable && outside === undefined && scope.readOnlyHint !== undefined)
      throw new UsageError(err.message, `${err.hint}; ${scope.readOnlyHint}`);
    throw err;
  }
}
