// Keeps the folders a repository's config names (templates, output, modifications, releases) inside the
// repository, also when a symbolic link on the way points elsewhere: a repository's data never makes
// secrel read or write outside it. (A folder given on the command line, like --out, is the user's choice.)
// fs.promises is taken when used: importing node:fs/promises would load it on every start (validate never needs it).
import { promises as fsp, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** True when `path` is `dir` or inside it (both absolute). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Where `path` really is: its deepest existing folder resolved through links, plus the rest. */
export async function realLocation(path: string): Promise<string> {
  const rest: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    const real = await fsp.realpath(p).catch(() => undefined);
    if (real !== undefined) return resolve(real, ...rest.reverse());
    if (dirname(p) === p) return path;
    rest.push(relative(dirname(p), p));
  }
}

/**
 * The absolute folder for a configured relative path, or why it is refused: it is absolute, climbs out
 * with `..`, or leads out through a symbolic link.
 */
export async function folderInRepository(root: string, configured: string): Promise<{ path: string; problem?: string }> {
  const path = resolve(root, configured);
  if (isAbsolute(configured) || !isInside(root, path)) {
    return { path, problem: `${configured} is outside the repository; name a folder inside it, like out or templates` };
  }
  const [realRoot, real] = await Promise.all([fsp.realpath(root).catch(() => root), realLocation(path)]);
  if (!isInside(realRoot, real)) return { path, problem: `${configured} is a symbolic link (or inside one) to ${real}, outside the repository` };
  return { path };
}

/** The same check for an existing folder, synchronously (the work-tree reader is synchronous for speed). */
export function folderProblemSync(root: string, configured: string): string | undefined {
  const path = resolve(root, configured);
  if (isAbsolute(configured) || !isInside(root, path)) return `${configured} is outside the repository`;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined; // a folder that does not exist holds no files
  }
  return isInside(realpathSync(root), real) ? undefined : `${configured} is a symbolic link (or inside one) to ${real}, outside the repository`;
}
