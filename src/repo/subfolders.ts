// YAML files in a subfolder of a folder secrel reads (modifications/old/MP306.yaml) are not read: secrel
// reads only the files directly in modifications/, releases/ and change-requests/. Passed over without a
// word, a misplaced file and an archive look alike, and validate's all clear would cover a file it never
// read; so each such subfolder is a warning, at the subfolder, in the work tree and in git alike.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { YAML_FILE } from '../domain/repository.js';
import type { GitEntry } from './git.js';
import type { SourceFile } from './source.js';

const isYaml = (name: string) => YAML_FILE.test(name);

/** The warning for `sub` (repository-relative) of `dir`, which holds these YAML files (paths below `sub`), or none. */
function notice(dir: string, sub: string, files: readonly string[]): SourceFile[] {
  if (files.length === 0) return [];
  const named = [...files].sort();
  const shown = named.length > 3 ? `${named.slice(0, 3).join(', ')} …` : named.join(', ');
  const them = files.length === 1 ? 'it' : 'them';
  const problem =
    `this folder holds ${files.length === 1 ? 'a YAML file' : `${files.length} YAML files`} (${shown}) that secrel does not read, ` +
    `as it reads only the files directly in ${dir}/: move ${them} into ${dir}/ if ${files.length === 1 ? 'it is' : 'they are'} in use, ` +
    `or out of ${dir}/ to keep ${them} as an archive`;
  return [{ path: sub, problem, warning: true }];
}

/**
 * In the work tree: the subfolders among `names` (what `dir` holds) that hold YAML files, at any depth.
 * Only names that are no YAML file are looked at (a file or two beside thousands); a hidden folder
 * (`.trash`) and one of `dirs` themselves are left alone.
 */
export function subfolderWarnings(root: string, dir: string, names: readonly string[], dirs: ReadonlySet<string>): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of names) {
    if (isYaml(name) || name.startsWith('.') || dirs.has(`${dir}/${name}`)) continue;
    const full = join(root, dir, name);
    try {
      if (!lstatSync(full).isDirectory()) continue;
      const below = readdirSync(full, { recursive: true, encoding: 'utf8' }).map((p) => p.split('\\').join('/'));
      out.push(...notice(dir, `${dir}/${name}`, below.filter(isYaml)));
    } catch {
      // Gone or unreadable meanwhile: nothing to point at.
    }
  }
  return out;
}

/** In a git listing (paths as git gives them, `prefixed` maps a repository path to one): the same warnings for `dir`. */
export function subfolderWarningsIn(all: readonly GitEntry[], dir: string, prefixed: (path: string) => string, dirs: ReadonlySet<string>): SourceFile[] {
  const start = `${prefixed(dir)}/`;
  const bySub = new Map<string, string[]>();
  for (const e of all) {
    if (!e.path.startsWith(start) || !isYaml(e.path)) continue;
    const rest = e.path.slice(start.length);
    const slash = rest.indexOf('/');
    if (slash < 0) continue;
    const name = rest.slice(0, slash);
    if (name.startsWith('.') || dirs.has(`${dir}/${name}`)) continue;
    bySub.set(name, [...(bySub.get(name) ?? []), rest.slice(slash + 1)]);
  }
  return [...bySub].flatMap(([name, files]) => notice(dir, `${dir}/${name}`, files));
}
