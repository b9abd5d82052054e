// Every git call secrel makes: argument arrays through node:child_process's spawn, never a shell;
// revisions checked first. Plain spawn: a process library cost more to load than the hook's git processes (README, Performance).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { UsageError } from './errors.js';
import { catFile, type CatFile } from './git-batch.js';
import { findGitFolder } from './git-folder.js';

type Spawn = typeof import('./spawn.js').spawn;
let spawnFn: Spawn | undefined;

/**
 * Starts git and hands the process to `attach` at once, in the same tick (so its listeners are there before
 * any 'error' event); loads node:child_process (and the stream machinery it brings) only the first time.
 */
async function startGit<T>(cwd: string, args: readonly string[], attach: (child: ChildProcessWithoutNullStreams) => T): Promise<T> {
  spawnFn ??= (await import('./spawn.js')).spawn;
  const child = spawnFn('git', args, { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, stdio: 'pipe', windowsHide: true });
  // git may exit before reading all its input (an unknown object, a failure): that is its answer, not ours to crash on.
  child.stdin.on('error', () => {});
  return attach(child);
}

function notRun(err: Error): UsageError {
  return new UsageError(`could not run git: ${err.message}`, 'install git, or run secrel without --staged, --since or a revision');
}

/** Runs git to the end: its output, error text and exit code. */
async function git(cwd: string, args: readonly string[], input?: string): Promise<{ stdout: Buffer; stderr: string; exitCode: number }> {
  const run = await startGit(
    cwd,
    args,
    (child) =>
      new Promise<{ stdout: Buffer; stderr: string; exitCode: number }>((resolve, reject) => {
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.on('error', (e) => reject(notRun(e)));
        child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString(), exitCode: code ?? 1 }));
        child.stdin.end(input);
      }),
  );
  return run;
}

/** Runs git to the end, its output as text (for git-history.ts too). */
export async function gitText(cwd: string, args: readonly string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await git(cwd, args);
  return { ...r, stdout: r.stdout.toString() };
}

/** The top folder of the git work tree containing `cwd`, or undefined outside git. */
export async function gitRoot(cwd: string): Promise<string | undefined> {
  const r = await gitText(cwd, ['rev-parse', '--show-toplevel']);
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/**
 * The folder to run git in for the repository at `root`: the top of its work tree, found on disk (no git
 * process) unless GIT_WORK_TREE says otherwise. A pre-commit hook in a linked worktree sets GIT_DIR, and
 * then git takes the folder it runs in for the top: this is that folder. Undefined outside git.
 */
export async function workTreeTop(root: string): Promise<string | undefined> {
  const found = process.env.GIT_WORK_TREE ? undefined : findGitFolder(root);
  return found?.top ?? gitRoot(root);
}

/** Checks a revision the user typed and returns its commit id; a bad one is a usage error, not a git dump. */
export async function verifyRevision(cwd: string, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(`"${rev}" is not a revision (it starts with "-")`, 'give a branch, tag or commit, e.g. HEAD~1 or main');
  if (rev === '' || rev.includes('\0')) throw new UsageError('an empty revision was given', 'give a branch, tag or commit, e.g. HEAD~1 or main');
  await requireGit(cwd, `revision "${rev}"`);
  const r = await gitText(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
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
  if (!top)
    throw new UsageError(
      `${cwd} is not inside a git repository, so ${what} cannot be read`,
      'run secrel inside a git clone (git init, or git clone), or leave out --staged, --since and revisions',
    );
  return top;
}

export async function isShallow(cwd: string): Promise<boolean> {
  const r = await gitText(cwd, ['rev-parse', '--is-shallow-repository']);
  return r.stdout.trim() === 'true';
}

export interface GitEntry {
  /** Path relative to the folder git ran in. */
  path: string;
  objectId: string;
  /** Git's file mode: 100644 or 100755 for a file, 120000 a symbolic link, 160000 a submodule. */
  mode: string;
  /** In the index, a file with a merge conflict: git keeps its versions (stages 1 to 3) and none is the file. */
  unmerged?: boolean;
}

/**
 * Files in the index (staged content) at or under `prefix` (a folder relative to `top`, '' for all), with
 * their blob ids; paths relative to `top`. `undefined` when `top` is not in a git work tree after all.
 */
export async function listIndex(top: string, prefix: string): Promise<GitEntry[] | undefined> {
  const r = await git(top, ['--literal-pathspecs', 'ls-files', '--stage', '-z', '--', ...under(prefix)]);
  if (r.exitCode !== 0) return notARepository(r.stderr, 'ls-files');
  const listed = entries(r.stdout.toString(), (meta) => {
    const [mode = '', objectId = '', stage = '0'] = meta.split(' ');
    return { mode, objectId, ...(stage === '0' ? {} : { unmerged: true }) };
  });
  // An unmerged path is listed once per stage: one entry, marked.
  return listed.filter((e, i) => !e.unmerged || listed[i - 1]?.path !== e.path);
}

/**
 * Files at a (verified) commit at or under `prefix` (relative to `top`), with their blob ids; paths relative
 * to `top`. (ls-tree takes no `--`: it would be a path; after --end-of-options nothing is an option.)
 */
export async function listRevision(top: string, commit: string, prefix: string): Promise<GitEntry[] | undefined> {
  const r = await git(top, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, ...under(prefix)]);
  if (r.exitCode !== 0) return notARepository(r.stderr, 'ls-tree');
  return entries(r.stdout.toString(), (meta) => {
    const parts = meta.split(' ');
    return { mode: parts[0] ?? '', objectId: parts[2] ?? '' };
  });
}

/** A file the index adds, changes or deletes against HEAD, with its version at HEAD (none for an added one). */
export interface IndexChange extends GitEntry {
  /** Gone from the index (deleted, or renamed away: renames are not paired). */
  deleted: boolean;
  /** New in the index (added, or renamed here): HEAD has no version of it. */
  added: boolean;
}

/**
 * The files at or under `prefix` that the index adds, modifies or deletes against HEAD, each with its blob at
 * HEAD (one `git diff-index --cached`, which reads no work tree). Empty before the first commit.
 */
export async function changedSinceHead(top: string, prefix: string): Promise<IndexChange[]> {
  const r = await git(top, ['--literal-pathspecs', 'diff-index', '--cached', '--no-renames', '--diff-filter=ADM', '-z', 'HEAD', '--', ...under(prefix)]);
  if (r.exitCode !== 0) return [];
  const fields = r.stdout.toString().split('\0');
  const out: IndexChange[] = [];
  // `:<old mode> <new mode> <old id> <new id> <status>` NUL `<path>` NUL, per file.
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode = '', , oldId = '', , status = ''] = fields[i]!.slice(1).split(' ');
    out.push({ path: fields[i + 1]!, mode: oldMode, objectId: oldId, deleted: status === 'D', added: status === 'A' });
  }
  return out;
}

/** The pathspec for a folder relative to the top ('' is the whole work tree); after `--` and literal, so never an option or a pattern. */
function under(prefix: string): string[] {
  return prefix ? [prefix] : [];
}

function entries(out: string, parse: (meta: string) => Omit<GitEntry, 'path'>): GitEntry[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return { path: line.slice(tab + 1), ...parse(line.slice(0, tab)) };
    });
}

/** git's "not a git repository" is an answer (undefined); any other failure is an error. */
function notARepository(stderr: string, command: string): undefined {
  if (/not a git repository/i.test(stderr)) return undefined;
  throw new UsageError(`git ${command} failed: ${stderr.trim()}`);
}

/** Reads blobs through one `git cat-file --batch` process, kept open between requests until `close`. */
export interface BlobReader {
  read(objectIds: readonly string[]): Promise<Map<string, Uint8Array>>;
  close(): void;
}

export function blobReader(top: string): BlobReader {
  let batch: Promise<CatFile> | undefined;
  return {
    async read(objectIds) {
      // Two files with the same bytes share a blob: ask for it once.
      const ids = [...new Set(objectIds)];
      if (ids.length === 0) return new Map();
      // The object itself, not a `git replace` stand-in: a blob id then always means one content, which
      // the cache and the run memo key by, and it is what the commit holds.
      batch ??= startGit(top, ['--no-replace-objects', 'cat-file', '--batch'], (child) => catFile(child, notRun));
      return (await batch).read(ids);
    },
    close() {
      // A later read starts another process.
      void batch?.then((b) => b.close());
      batch = undefined;
    },
  };
}
