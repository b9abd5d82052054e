// Where a repository's folder is in its git work tree, as git names paths: through a symbolic link too.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { workTreeTop } from './git.js';

/**
 * The top of the git work tree holding the repository at `root`, and the repository's folder in it ('' at
 * the top). Through a symbolic link (--repo current → releases/2028), git knows its files by the real
 * folder's path, and the link's own name would find none of them.
 */
export async function gitPlace(root: string, notInGit: () => Error): Promise<{ top: string; prefix: string }> {
  const real = realpathSync(root);
  const top = await workTreeTop(real);
  if (!top) throw notInGit();
  const prefix = relative(realpathSync(top), real).split(sep).join('/');
  if (prefix.startsWith('..') || isAbsolute(prefix)) throw notInGit();
  return { top, prefix };
}
