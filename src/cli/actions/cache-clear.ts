// `secrel cache clear`: remove the repository's cache and say where it was.
import { relative } from 'node:path';
import { clearCache } from '../../repo/cache-place.js';
import { findRepository } from '../../repo/discover.js';
import type { Context } from '../context.js';

export async function action(ctx: Context): Promise<number> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  const { dir, removed } = clearCache(root);
  // Relative to where secrel ran when it is below it, else the full path.
  const rel = dir && relative(ctx.io.cwd, dir);
  const where = rel && !rel.startsWith('..') ? rel : dir;
  ctx.io.stdout(
    !dir
      ? 'no cache: this repository has neither a git folder nor node_modules to keep one in\n'
      : removed
        ? `removed the cache in ${where}\n`
        : `no cache to remove (it would be in ${where})\n`,
  );
  return 0;
}
