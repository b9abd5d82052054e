// A configured folder with no YAML file in it while a folder beside it, named almost the same, holds some:
// `change-request/` for `change-requests/`, `releses/` or `Releases/` for `releases/`. Read as "no files",
// that slip is an all clear that is not one: every file in the near folder goes unchecked, and what
// refers to them is reported as unrecorded. It is the folder's problem instead, an error.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { YAML_FILE } from '../domain/repository.js';
import { editDistance } from '../domain/text.js';
import type { GitEntry } from './git.js';

const isYaml = (name: string) => YAML_FILE.test(name);

/** A folder name close enough to `want` to be a slip for it (a letter or two, or only the case). */
function near(name: string, want: string): boolean {
  if (name === want) return false;
  const d = editDistance(name.toLowerCase(), want.toLowerCase());
  return d <= Math.max(1, Math.min(2, Math.floor(want.length / 4)));
}

/**
 * Why the folder `dir` (repository-relative, `/`-separated) is a problem, or undefined: it holds no YAML
 * file (`exists` says whether it is there at all), and `yamlIn` (how many YAML files each folder beside
 * it holds, by name) has a near name with some.
 */
export function misnamedFolder(dir: string, exists: boolean, yamlIn: ReadonlyMap<string, number>): string | undefined {
  const slash = dir.lastIndexOf('/');
  const [parent, want] = slash < 0 ? ['', dir] : [dir.slice(0, slash + 1), dir.slice(slash + 1)];
  const found = [...yamlIn].filter(([name, n]) => n > 0 && near(name, want)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const [name, count] = found[0] ?? [];
  if (name === undefined || count === undefined) return undefined;
  const files = `${count} YAML file${count === 1 ? '' : 's'}`;
  const state = exists ? 'this folder holds no YAML file' : 'this folder does not exist';
  return (
    `${state}, but ${parent}${name}/ beside it holds ${files} that secrel does not read: ` +
    `${exists ? `move them into ${dir}/` : `rename ${parent}${name}/ to ${dir}/`}, or point \`paths\` in secrel.config.yaml at ${parent}${name}/`
  );
}

/**
 * The folders beside `dir` in the work tree named nearly as it is, each with how many YAML files it holds
 * (links are not followed). Only those are read: not `node_modules/` or a rendered site beside it.
 */
export function yamlBeside(root: string, dir: string): Map<string, number> {
  const parent = join(root, dir, '..');
  const want = dir.slice(dir.lastIndexOf('/') + 1);
  const counts = new Map<string, number>();
  try {
    for (const e of readdirSync(parent, { withFileTypes: true })) {
      if (!e.isDirectory() || !near(e.name, want)) continue;
      try {
        counts.set(e.name, readdirSync(join(parent, e.name)).filter(isYaml).length);
      } catch {
        // Unreadable: nothing to point at.
      }
    }
  } catch {
    // No parent to look in.
  }
  return counts;
}

/** The folders beside `dir` in a git listing, each with how many YAML files it holds directly. */
export function yamlBesideIn(all: readonly GitEntry[], dir: string): Map<string, number> {
  const slash = dir.lastIndexOf('/');
  const parent = slash < 0 ? '' : dir.slice(0, slash + 1);
  const counts = new Map<string, number>();
  for (const e of all) {
    if (!e.path.startsWith(parent)) continue;
    const [name, file, ...deeper] = e.path.slice(parent.length).split('/');
    if (name === undefined || file === undefined || deeper.length > 0) continue;
    counts.set(name, (counts.get(name) ?? 0) + (isYaml(file) ? 1 : 0));
  }
  return counts;
}
