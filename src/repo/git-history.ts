// What secrel reads from HEAD's history: its first-parent line of commits with their days, the commit that
// wrote a text into a file, and the commits that changed each of some files (for COM-5's issued notices).
import { gitText } from './git.js';

/** A commit on HEAD's first-parent line and the day it was committed, in the committer's own zone (so no TZ shifts it). */
export interface DatedCommit {
  commit: string;
  date: string;
}

/** HEAD's first-parent history, newest first; empty outside git or before the first commit. */
export async function firstParentCommits(cwd: string): Promise<DatedCommit[]> {
  const r = await gitText(cwd, ['log', '--first-parent', '--format=%H %cI', 'HEAD', '--']);
  if (r.exitCode !== 0) return [];
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', stamp = ''] = line.split(' ');
      return { commit, date: stamp.slice(0, 10) };
    });
}

/**
 * The newest commit on HEAD that changed how often `text` occurs in `path` (relative to `cwd`), `git log -S`:
 * for a text the file holds now, the commit that wrote it. Undefined outside git, in a shallow history that
 * does not reach it, or when no commit holds it yet.
 */
export async function commitWriting(cwd: string, text: string, path: string): Promise<string | undefined> {
  const r = await gitText(cwd, ['log', '-1', '--format=%H', `-S${text}`, '--end-of-options', 'HEAD', '--', path]);
  const commit = r.stdout.trim();
  return r.exitCode === 0 && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}

/**
 * For each of `paths` (relative to `cwd`), the commits on HEAD's first-parent line that changed it, oldest
 * first, in one `git log`. A path no commit changed (new, or outside git) is not in the map.
 */
export async function commitsChanging(cwd: string, paths: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (paths.length === 0) return out;
  const r = await gitText(cwd, [
    '--literal-pathspecs',
    'log',
    '--first-parent',
    '--reverse',
    '--relative',
    '--format=commit %H',
    '--name-only',
    '-z',
    'HEAD',
    '--',
    ...paths,
  ]);
  if (r.exitCode !== 0) return out;
  // With -z every line ends in NUL: `commit <id>`, then the paths it changed (the first after a newline).
  let commit: string | undefined;
  for (const token of r.stdout.split('\0')) {
    const line = token.replace(/^\n/, '');
    if (line.startsWith('commit ')) commit = line.slice('commit '.length);
    else if (line && commit) (out.get(line) ?? out.set(line, []).get(line)!).push(commit);
  }
  return out;
}
