// Every git call secrel makes: argument arrays through execa, never a shell; revisions checked first.
import { UsageError } from './errors.js';

type Execa = typeof import('execa').execa;
let execaFn: Execa | undefined;

async function git(cwd: string, args: readonly string[], input?: string | Uint8Array): Promise<{ stdout: string; exitCode: number; stderr: string }> {
  execaFn ??= (await import('./execa.js')).execa;
  const r = await execaFn('git', args, { cwd, reject: false, input, stripFinalNewline: false, env: { GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
  if (r.failed && r.exitCode === undefined) throw new UsageError(`could not run git: ${r.shortMessage}`, 'install git, or run secrel without --staged, --since or a revision');
  return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? 1 };
}

async function gitBytes(cwd: string, args: readonly string[], input: string): Promise<Uint8Array> {
  execaFn ??= (await import('./execa.js')).execa;
  const r = await execaFn('git', args, { cwd, reject: false, input, encoding: 'buffer', env: { GIT_OPTIONAL_LOCKS: '0' } });
  if (r.exitCode !== 0) throw new UsageError(`git ${args[0]} failed: ${Buffer.from(r.stderr as Uint8Array).toString().trim()}`);
  return r.stdout as Uint8Array;
}

/** The top folder of the git work tree containing `cwd`, or undefined outside git. */
export async function gitRoot(cwd: string): Promise<string | undefined> {
  const r = await git(cwd, ['rev-parse', '--show-toplevel']);
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** Checks a revision the user typed and returns its commit id; a bad one is a usage error, not a git dump. */
export async function verifyRevision(cwd: string, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(`"${rev}" is not a revision (it starts with "-")`, 'give a branch, tag or commit, e.g. HEAD~1 or main');
  if (rev === '' || rev.includes('\0')) throw new UsageError('an empty revision was given', 'give a branch, tag or commit, e.g. HEAD~1 or main');
  await requireGit(cwd, `revision "${rev}"`);
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (r.exitCode !== 0) {
    // In a shallow clone the commit usually exists upstream: say so rather than "unknown".
    if (await isShallow(cwd)) throw shallowError(`revision "${rev}" is not in this shallow clone`);
    throw new UsageError(`unknown revision "${rev}"`, 'check the name with git log --oneline');
  }
  return r.stdout.trim();
}

/** The error for a shallow clone where secrel needs history (`diff`, `rid bump --since`). */
export function shallowError(message: string): UsageError {
  return new UsageError(
    `${message}: secrel needs the git history here`,
    'fetch the full history: git fetch --unshallow, or in GitHub Actions actions/checkout with fetch-depth: 0',
  );
}

/** Fails with a clear message when `cwd` is not inside a git work tree (what needed git is named). */
export async function requireGit(cwd: string, what: string): Promise<string> {
  const top = await gitRoot(cwd);
  if (!top) throw new UsageError(`${cwd} is not inside a git repository, so ${what} cannot be read`, 'run secrel inside a git clone (git init, or git clone), or leave out --staged, --since and revisions');
  return top;
}

export async function isShallow(cwd: string): Promise<boolean> {
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository']);
  return r.stdout.trim() === 'true';
}

export interface GitEntry {
  /** Path relative to the git top folder. */
  path: string;
  objectId: string;
  /** Git's file mode: 100644 or 100755 for a file, 120000 a symbolic link, 160000 a submodule. */
  mode: string;
}

/** Files in the index (staged content) under the given folders, with their blob ids. */
export async function listIndex(cwd: string, dirs: readonly string[]): Promise<GitEntry[]> {
  const r = await git(cwd, ['ls-files', '--stage', '-z', '--full-name', '--', ...dirs.map(topLevelPathspec)]);
  if (r.exitCode !== 0) throw new UsageError(`git ls-files failed: ${r.stderr.trim()}`);
  return r.stdout.split('\0').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, objectId] = meta.split(' ') as [string, string];
    return { path, objectId, mode };
  });
}

/** Files at a (verified) commit under the given folders, with their blob ids. */
export async function listRevision(cwd: string, commit: string, dirs: readonly string[]): Promise<GitEntry[]> {
  const r = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, '--', ...dirs]);
  if (r.exitCode !== 0) throw new UsageError(`git ls-tree failed: ${r.stderr.trim()}`);
  return r.stdout.split('\0').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    const parts = meta.split(' ');
    return { path, objectId: parts[2]!, mode: parts[0]! };
  });
}

/** Reads many blobs with one `git cat-file --batch` process. */
export async function readBlobs(cwd: string, objectIds: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (objectIds.length === 0) return out;
  const buf = Buffer.from(await gitBytes(cwd, ['cat-file', '--batch'], objectIds.join('\n') + '\n'));
  let pos = 0;
  for (const id of objectIds) {
    const eol = buf.indexOf(10, pos);
    const header = buf.subarray(pos, eol).toString();
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || Number.isNaN(size)) throw new UsageError(`git object ${id} is missing`);
    out.set(id, buf.subarray(eol + 1, eol + 1 + size));
    pos = eol + 1 + size + 1;
  }
  return out;
}

/** Paths in git are from the top folder; pathspecs from the command's cwd. */
function topLevelPathspec(dir: string): string {
  return `:(top)${dir}`;
}

/** A commit on HEAD's first-parent line and the day it was committed, in the committer's own zone (so no TZ shifts it). */
export interface DatedCommit {
  commit: string;
  date: string;
}

/** HEAD's first-parent history, newest first; empty outside git or before the first commit. */
export async function firstParentCommits(cwd: string): Promise<DatedCommit[]> {
  const r = await git(cwd, ['log', '--first-parent', '--format=%H %cI', 'HEAD', '--']);
  if (r.exitCode !== 0) return [];
  return r.stdout.split('\n').filter(Boolean).map((line) => {
    const [commit = '', stamp = ''] = line.split(' ');
    return { commit, date: stamp.slice(0, 10) };
  });
}
