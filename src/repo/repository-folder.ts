// What makes a folder a secrel repository, and what to say when the folder given as --repo is not one.
// A folder with neither secrel.config.yaml nor any data folder reads as "no files, no problems": a
// mistyped CI path (`--repo releases`, an empty checkout) would pass green. It is bad usage instead.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { YAML_FILE } from '../domain/repository.js';
import { UsageError } from './errors.js';

export const CONFIG_FILE = 'secrel.config.yaml';

/** The folders a repository with no config reads: the defaults of `paths` (resolveConfig, src/domain/config.ts). */
const DATA_FOLDERS = ['modifications', 'releases', 'change-requests'] as const;

// Synchronous: a few stats need no promises (the launcher's replay step loads this too).
function exists(path: string, dir = false): boolean {
  try {
    const info = statSync(path);
    return !dir || info.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `dir` is a repository when the user names it (--repo): it holds the config, or one of the data
 * folders at least (a config sets other paths, so with a config nothing more is asked). Just after
 * `secrel init`, or with a config alone, it is one.
 */
function isRepository(dir: string): boolean {
  return exists(join(dir, CONFIG_FILE)) || DATA_FOLDERS.some((f) => exists(join(dir, f)));
}

/**
 * The repository found from `dir` upwards, as discovery finds it with no --repo: the nearest folder with
 * the config, else the nearest with both releases/ and modifications/; the search stops at the git root.
 * The config first: a rendered site (out/site/ has releases/ and modifications/ of pages) is no repository.
 */
export function repositoryFrom(dir: string): string | undefined {
  return upwards(dir, (d) => exists(join(d, CONFIG_FILE))) ?? upwards(dir, (d) => exists(join(d, 'releases'), true) && exists(join(d, 'modifications'), true));
}

function upwards(from: string, is: (dir: string) => boolean): string | undefined {
  for (let dir = resolve(from); ;) {
    if (is(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir || exists(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/** A release's file name (`2029-02.yaml`, `2022-07-mp200.yaml`) and a modification's (`MP079`, `SECMP0062`, `P415`, `DCP 417`). */
const RELEASE_FILE = /^\d{4}-(0[1-9]|1[0-2])(-[a-z0-9][a-z0-9-]*)?\.ya?ml$/i;
const MODIFICATION_FILE = /^[A-Za-z]+ ?\d+[A-Za-z]?\.ya?ml$/;

/** Which data folder `dir` looks like, by its name or else by the YAML files in it, with a few of them. */
function looksLike(dir: string, yaml: readonly string[]): { folder: string; files: readonly string[] } | undefined {
  const name = basename(dir).toLowerCase();
  const releases = yaml.filter((f) => RELEASE_FILE.test(f));
  const modifications = yaml.filter((f) => MODIFICATION_FILE.test(f));
  const named = DATA_FOLDERS.find((f) => f === name);
  if (named) return { folder: named, files: named === 'releases' ? releases : named === 'modifications' ? modifications : yaml };
  if (releases.length > 0 && releases.length >= modifications.length) return { folder: 'releases', files: releases };
  if (modifications.length > 0) return { folder: 'modifications', files: modifications };
  return undefined;
}

function listing(dir: string): { yaml: string[]; folders: string[] } {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    return {
      yaml: entries
        .filter((e) => !e.isDirectory() && YAML_FILE.test(e.name))
        .map((e) => e.name)
        .sort(),
      folders: entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    };
  } catch {
    return { yaml: [], folders: [] };
  }
}

/**
 * Undefined when `root` (the folder --repo `given` names, seen from `cwd`) is a repository; else the usage
 * error that says so, with the folder the user most likely meant: the repository it lies in (it is that
 * repository's releases/ or modifications/ folder, or below its config), or else `secrel init`.
 */
export function notARepository(root: string, given: string, cwd: string): UsageError | undefined {
  if (isRepository(root)) return undefined;
  // As the user would type it: relative to where they ran secrel, unless they gave a full path.
  const show = (dir: string) => (isAbsolute(given) ? dir : relative(cwd, dir) || '.');
  const message = `--repo ${given} is not a secrel repository: it holds neither ${CONFIG_FILE} nor any of ${DATA_FOLDERS.map((f) => `${f}/`).join(', ')}, so secrel would find nothing to read in it`;
  const { yaml, folders } = listing(root);
  // A git root is where a repository ends: one further up is another project's.
  const above = exists(join(root, '.git')) ? undefined : repositoryFrom(dirname(root));
  const like = looksLike(root, yaml);
  if (like) {
    const target = above ?? dirname(root);
    const where = target === dirname(root) ? 'one level up' : `at ${show(target)}`;
    const some = like.files.slice(0, 2).join(', ');
    const holding = some ? ` (it holds ${some}${like.files.length > 2 ? ` and ${like.files.length - 2} more` : ''})` : '';
    return new UsageError(message, `it looks like the ${like.folder} folder of the repository ${where}${holding}: pass --repo ${show(target)}`);
  }
  if (above) {
    const has = exists(join(above, CONFIG_FILE)) ? CONFIG_FILE : 'releases/ and modifications/';
    return new UsageError(message, `a folder above it, ${show(above)}, holds ${has}: pass --repo ${show(above)} (the repository's own folder)`);
  }
  const slip = folders.find((f) => DATA_FOLDERS.some((d) => f.toLowerCase() === d));
  if (slip) {
    return new UsageError(message, `it holds ${slip}/, which secrel does not read: rename it to ${slip.toLowerCase()}/ (the names are lower case)`);
  }
  return new UsageError(
    message,
    `pass --repo the folder that holds ${CONFIG_FILE} (or releases/ and modifications/), or start a repository there with \`secrel init ${given}\``,
  );
}
