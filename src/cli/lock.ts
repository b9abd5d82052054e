// The lock every writing command holds (src/repo/lock.ts), taken on the repository the command works on.
import { findRepository } from '../repo/discover.js';
import { withRepositoryLock } from '../repo/lock.js';
import type { Context } from './context.js';

/** Runs a writing command's work holding its repository's lock: it reads, decides and writes under it. */
export async function withWriteLock<T>(ctx: Context, command: string, fn: () => Promise<T>): Promise<T> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  return withRepositoryLock(root, command, fn, ctx.io.env);
}
