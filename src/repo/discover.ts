// Finds the release repository: --repo (which must be one), else walk up from the current folder to the git root.
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { CONFIG_FILE, notARepository, repositoryFrom } from './repository-folder.js';

export { CONFIG_FILE } from './repository-folder.js';

// Synchronous: a few stats need no promises, and validate then never loads node:fs/promises at all.
const exists = (p: string, dir = false) => {
  try {
    return dir ? statSync(p).isDirectory() : (statSync(p), true);
  } catch {
    return false;
  }
};

/**
 * The repository every command works on (every one comes here, through openRepository or directly): the
 * folder --repo names, if it is a repository (repository-folder.ts), else the one found from `cwd` upwards.
 */
export async function findRepository(cwd: string, repoOption?: string): Promise<string> {
  if (repoOption) {
    const root = resolve(cwd, repoOption);
    if (!exists(root, true)) {
      if (exists(root)) {
        const inFolder = dirname(root);
        throw new UsageError(
          `--repo ${repoOption} is a file, not a folder`,
          `give the folder that holds releases/ and modifications/${repoOption.endsWith(CONFIG_FILE) ? ` (here --repo ${relative(cwd, inFolder) || '.'})` : ''}`,
        );
      }
      throw new UsageError(`--repo ${repoOption}: no such folder`, 'give the folder that holds releases/ and modifications/');
    }
    const wrong = notARepository(root, repoOption, cwd);
    if (wrong) throw wrong;
    return root;
  }
  const found = repositoryFrom(cwd);
  if (found) return found;
  throw new UsageError(
    `no secrel repository found in ${resolve(cwd)} or above it`,
    'run the command inside a repository with secrel.config.yaml (or releases/ and modifications/), pass --repo DIR, or create one with `secrel init`',
  );
}
