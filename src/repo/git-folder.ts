// Where a folder's git work tree and git folder are, found on disk the way git finds them (the nearest
// `.git` upwards; a worktree's or submodule's `.git` file names its git folder), without running git.
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface GitFolder {
  /** The top of the work tree: the folder holding `.git`. */
  top: string;
  /** The git folder itself, when `.git` is a folder or a `gitdir:` file; undefined for anything else. */
  gitDir: string | undefined;
}

/** The nearest `.git` at or above `start`, or undefined when there is none. */
export function findGitFolder(start: string): GitFolder | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    let info;
    try {
      info = lstatSync(dotGit);
    } catch {
      // No .git here: look further up.
    }
    if (info) {
      if (info.isDirectory()) return { top: dir, gitDir: dotGit };
      const target = info.isFile() ? gitdirLine(dotGit) : undefined;
      return { top: dir, gitDir: target && (isAbsolute(target) ? target : resolve(dir, target)) };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The folder a `.git` file names (`gitdir: ../.git/worktrees/x`), or undefined when it cannot be read. */
function gitdirLine(file: string): string | undefined {
  try {
    return /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(file, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}
