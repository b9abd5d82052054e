// What a memoised run read (run-memo.ts), and whether all of it is still so. In the work tree: each listing
// of the repository's files (the folders and files asked for, and every file found with its stamp); for
// --staged: the git index file's stamp (git writes a new index file for every change to it, and the blob
// ids in it stand for the content). A stamp stands for a file only once the file has settled (trustStamp):
// a run that read a file changed just before it is not memoised at all.
import { lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findGitFolder } from './git-folder.js';
import { workTree, type FileSource, type SourceFile } from './source.js';
import { changedAt, stampChangedAt, statStamp, trustStamp } from './stamp-trust.js';

/** One `collect` of the work tree: what was asked for, and each file found, as `path` NUL `stamp`. */
interface Listing {
  dirs: string[];
  files: string[];
  found: string[];
}

export interface MemoInputs {
  listings: Listing[];
  /** --staged: the index file and its stamp when the run listed it. */
  index?: { file: string; stamp: string };
  /** --staged: which commit HEAD is (the hook compares the index with it: domain/kept-records.ts). */
  head?: string;
}

/**
 * The most files a memoised run may have read. Checking a memo stats every file it lists, before secrel
 * is loaded: at 10,000 files that is 30 ms lost whenever a file changed (the usual case before a commit),
 * against a run of 350 ms; at 2,000 it is a few ms, and the memo saves most of a run. Real SEC repositories
 * hold hundreds of files.
 */
export const MAX_MEMO_FILES = 2000;

export interface WatchedSource {
  source: FileSource;
  /** What the run read, or undefined when something it read cannot be told apart from a later version, or it read too many files. */
  inputs(): MemoInputs | undefined;
}

/**
 * The source a run that started at `made` reads, watched. A file with a problem (a link out, unreadable,
 * too large), changed shortly before the run, or read with another stamp than it was listed with spoils
 * the record: such a run is not memoised.
 */
export function watchSource(root: string, source: FileSource, staged: boolean, made: number): WatchedSource {
  // Kept as found, made into Listings only if the memo is written: a run that is not pays next to nothing.
  const collected: { dirs: string[]; files: string[]; found: SourceFile[] }[] = [];
  let stamps: Map<string, string | undefined> | undefined;
  let index: MemoInputs['index'];
  let headAt: string | undefined;
  let spoiled = false;
  const watched: FileSource = {
    label: source.label,
    async collect(dirs, files) {
      const before = staged ? indexStamp(root) : undefined;
      const found = await source.collect(dirs, files);
      if (staged) {
        const after = indexStamp(root);
        const head = headStamp(root);
        if (!before || !after || before.stamp !== after.stamp || (index && index.stamp !== after.stamp) || !trustStamp(after.changedMs, made)) spoiled = true;
        else index = { file: after.file, stamp: after.stamp };
        if (head === undefined || (headAt !== undefined && headAt !== head)) spoiled = true;
        headAt = head;
        return found;
      }
      for (const f of found) if (f.problem !== undefined || f.stamp === undefined || !trustStamp(f.changedMs ?? Infinity, made)) spoiled = true;
      collected.push({ dirs: [...dirs], files: [...files], found });
      stamps = undefined;
      return found;
    },
    async read(files) {
      const got = await source.read(files);
      if (!staged && got.length > 0) {
        stamps ??= new Map(collected.flatMap((c) => c.found.map((f) => [f.path, f.stamp] as const)));
        for (const f of got) if (f.stamp === undefined || stamps.get(f.path) !== f.stamp) spoiled = true;
      }
      return got;
    },
  };
  if (source.close) watched.close = () => source.close?.();
  const listings = (): Listing[] => collected.map((c) => ({ dirs: c.dirs, files: c.files, found: c.found.map((f) => `${f.path}\0${f.stamp}`) }));
  return {
    source: watched,
    inputs: () => {
      if (spoiled || (staged && !index) || collected.reduce((n, c) => n + c.found.length, 0) > MAX_MEMO_FILES) return undefined;
      return { listings: listings(), ...(index ? { index } : {}), ...(headAt !== undefined ? { head: headAt } : {}) };
    },
  };
}

/**
 * Whether everything a run made at `made` read is as it was then. Each file's stamp first, the most
 * recently changed first (the likeliest to have changed again: the answer is then quick), then whether
 * the folders hold the same files.
 */
export async function stillSo(root: string, inputs: MemoInputs, made: number): Promise<boolean> {
  if (inputs.index) {
    const now = indexStamp(root);
    if (!now || now.file !== inputs.index.file || now.stamp !== inputs.index.stamp || !trustStamp(now.changedMs, made)) return false;
  }
  if (inputs.head !== undefined && headStamp(root) !== inputs.head) return false;
  const tree = workTree(root);
  const entries = inputs.listings.flatMap((l) => l.found).map((e) => e.split('\0') as [string, string]);
  entries.sort((a, b) => stampChangedAt(b[1]) - stampChangedAt(a[1]));
  for (const [path, stamp] of entries) {
    const f = tree.file(path, false);
    if (f.stamp !== stamp || !trustStamp(f.changedMs, made)) return false;
  }
  for (const listing of inputs.listings) {
    const { refused, paths } = tree.list(listing.dirs, listing.files);
    if (refused.length > 0 || paths.length !== listing.found.length) return false;
    const was = new Set(listing.found.map((e) => e.slice(0, e.indexOf('\0'))));
    if (paths.some((p) => !was.has(p))) return false;
  }
  return true;
}

/** The index file of the git folder holding the repository at `root` (with no GIT_DIR or GIT_INDEX_FILE to say otherwise). */
export function indexFileOf(root: string): string | undefined {
  const gitDir = findGitFolder(root)?.gitDir;
  return gitDir && join(gitDir, 'index');
}

/**
 * Which commit HEAD names, without running git: HEAD's own text (a branch, or a detached commit id) and the
 * stamps of the files the branch's commit can be read from (git replaces a ref file whenever it moves the
 * branch). Undefined outside git.
 */
function headStamp(root: string): string | undefined {
  const gitDir = findGitFolder(root)?.gitDir;
  if (!gitDir) return undefined;
  try {
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8');
    const ref = /^ref:\s*(\S+)/.exec(head)?.[1];
    if (!ref) return head;
    // A linked worktree keeps its HEAD in its own folder, and the branches in the main git folder.
    const common = resolve(gitDir, commonDirOf(gitDir));
    return [head, ...[join(gitDir, ref), join(common, ref), join(common, 'packed-refs')].map(stampOf)].join('\0');
  } catch {
    return undefined;
  }
}

function commonDirOf(gitDir: string): string {
  try {
    return readFileSync(join(gitDir, 'commondir'), 'utf8').trim() || '.';
  } catch {
    return '.';
  }
}

function stampOf(file: string): string {
  try {
    return statStamp(lstatSync(file));
  } catch {
    return '-';
  }
}

/** The stamp of the repository's index file, or undefined when there is none. */
function indexStamp(root: string): { file: string; stamp: string; changedMs: number } | undefined {
  const file = indexFileOf(root);
  if (!file) return undefined;
  try {
    const info = lstatSync(file);
    return { file, stamp: statStamp(info), changedMs: changedAt(info) };
  } catch {
    return undefined;
  }
}
