// Where a repository's incremental cache lives (src/repo/cache.ts), and removing it (`secrel cache clear`):
// `.git/secrel/cache/<the repository's folder>/` of its git folder, else `node_modules/.cache/secrel/repository/`.
import { existsSync, lstatSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findGitFolder } from './git-folder.js';

/** A short number for a text (FNV-1a, 32 bits): which bucket a path's entries live in. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The cache folder of the repository at `root` (absolute), or undefined when it has no place for one. */
export function cacheDir(root: string): string | undefined {
  const place = cachePlace(root);
  return place && join(place.base, ...place.below);
}

/** secrel's own folder for the cache (`.git/secrel`) and the cache folder's path below it. */
function cachePlace(root: string): { base: string; below: string[] } | undefined {
  const git = findGitFolder(root);
  if (git?.gitDir) return { base: join(git.gitDir, 'secrel'), below: ['cache', folderName(relative(git.top, resolve(root)))] };
  // One folder per repository: several secrel repositories may share one git work tree.
  return existsSync(join(root, 'node_modules')) ? { base: join(root, 'node_modules', '.cache', 'secrel'), below: ['repository'] } : undefined;
}

/** The repository's folder under a work tree's cache: its path there, readable (`fixtures%2Fsec-2020`). */
function folderName(rel: string): string {
  if (rel === '') return 'repository';
  const name = encodeURIComponent(rel.split('\\').join('/'));
  return name.length <= 100 ? name : `${name.slice(0, 80)}-${fnv1a(name).toString(16)}`;
}

/**
 * Removes the repository's cache; says where it was and whether there was one. A file in the place of
 * the cache folder or of a folder above it (up to secrel's own, `.git/secrel`) is removed too: it keeps
 * every run from writing the cache.
 */
export function clearCache(root: string): { dir: string | undefined; removed: boolean } {
  const place = cachePlace(root);
  if (!place) return { dir: undefined, removed: false };
  // .git/secrel, .git/secrel/cache, .git/secrel/cache/<repository>: the first that is not a folder, or the last.
  const steps = [place.base];
  for (const part of place.below) steps.push(join(steps.at(-1)!, part));
  const dir = steps.at(-1)!;
  for (const at of steps) {
    const kind = kindOf(at);
    if (kind === 'none') break;
    if (kind === 'other' || at === dir) {
      rmSync(at, { recursive: true, force: true });
      return { dir, removed: true };
    }
  }
  return { dir, removed: false };
}

function kindOf(path: string): 'folder' | 'other' | 'none' {
  try {
    return lstatSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}
