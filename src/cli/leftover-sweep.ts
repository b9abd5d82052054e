// Temporary files an interrupted write (SIGKILL, a power cut) left in a folder secrel writes into besides
// the output folder (`render` sweeps that one): the releases folder for `rid bump` and `rid baseline`, the
// folder of `calendar --ics FILE`. A writing run removes them and says so; a dry run names them.
import { basename, dirname, join } from 'node:path';
import { findLeftovers, removeLeftovers } from '../repo/leftovers.js';
import type { Context } from './context.js';

/** `of`: only the temporary files of that one file (a folder secrel does not own, as that of `--ics FILE`). */
export async function sweepLeftovers(ctx: Context, root: string, dirs: readonly string[], o: { dryRun: boolean; command: string; of?: string }): Promise<void> {
  const all = (await Promise.all([...new Set(dirs)].map((d) => findLeftovers(d)))).flat();
  const found = o.of === undefined ? all : all.filter((f) => basename(f).startsWith(`.${basename(o.of!)}.`));
  const removed = o.dryRun ? [] : await removeLeftovers(found);
  for (const file of found) {
    const shown = ctx.displayPath(root, file);
    ctx.io.stderr(
      removed.includes(file)
        ? `secrel: removed ${shown}, a temporary file an interrupted write left\n`
        : `secrel: ${shown} is a temporary file an interrupted write left; \`secrel ${o.command}\` without --dry-run removes it\n`,
    );
  }
}

/** The folders the release files are written in: the releases folder, and that of any file found elsewhere. */
export function releaseFolders(root: string, releasesDir: string, files: readonly string[]): string[] {
  return [join(root, releasesDir), ...files.map((f) => dirname(join(root, f)))];
}
