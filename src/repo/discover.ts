// Finds the release repository: --repo, else walk up from the current folder to the git root.
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';

export const CONFIG_FILE = 'secrel.config.yaml';

// Synchronous: a few stats need no promises, and validate then never loads node:fs/promises at all.
const exists = async (p: string, dir = false) => {
  try {
    return dir ? statSync(p).isDirectory() : (statSync(p), true);
  } catch {
    return false;
  }
};

export async function findRepository(cwd: string, repoOption?: string): Promise<string> {
  if (repoOption) {
    const root = resolve(cwd, repoOption);
    if (!(await exists(root, true))) {
      if (await exists(root)) {
        const inFolder = dirname(root);
        throw new UsageError(
          `--repo ${repoOption} is a file, not a folder`,
          `give the folder that holds releases/ and modifications/${repoOption.endsWith(CONFIG_FILE) ? ` (here --repo ${relative(cwd, inFolder) || '.'})` : ''}`,
        );
      }
      throw new UsageError(`--repo ${repoOption}: no such folder`, 'give the folder that holds releases/ and modifications/');
    }
    return root;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (await exists(join(dir, CONFIG_FILE))) return dir;
    if ((await exists(join(dir, 'releases'), true)) && (await exists(join(dir, 'modifications'), true))) return dir;
    const parent = dirname(dir);
    if (parent === dir || (await exists(join(dir, '.git')))) break;
    dir = parent;
  }
  throw new UsageError(
    `no secrel repository found in ${resolve(cwd)} or above it`,
    'run the command inside a repository with secrel.config.yaml (or releases/ and modifications/), pass --repo DIR, or create one with `secrel init`',
  );
}
