// `render --out DIR`: checked before anything is rendered or locked, so that a file where the folder should be
// (or where one of its parents should be) is a usage error saying so, not a raw ENOTDIR from deep in a write.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../repo/errors.js';

/** The folder `--out` names, absolute; a missing one is fine (it is made), its nearest existing ancestor must be a folder. */
export function outFolder(cwd: string, given: string): string {
  const path = resolve(cwd, given);
  for (let p = path; ; p = dirname(p)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(p).isDirectory();
    } catch (err) {
      // Not there yet (or under a file: ENOTDIR): it is made, if its parent can hold it, so look at the parent.
      // Any other failure is left to the write to report.
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(p) !== p) continue;
      return path;
    }
    if (isFolder) return path;
    throw new UsageError(
      p === path ? `--out ${given} is a file, not a folder` : `--out ${given}: ${p} is a file, so no folder can be made inside it`,
      'give --out a folder to write the documents into (it is made if it is missing)',
    );
  }
}
