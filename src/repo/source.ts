// Where a repository's files come from: the work tree, the git index (--staged) or a git revision.
import { lstatSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { blobReader, listIndex, listRevision, workTreeTop, type GitEntry } from './git.js';
import { YAML_FILE } from '../domain/repository.js';
import { UsageError } from './errors.js';
import { folderProblemSync } from './inside.js';

/** Larger files are refused rather than parsed: no real release file comes near this. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  bytes?: Uint8Array;
  /** Why the file could not be read (outside the repository, too large…). */
  problem?: string;
  /**
   * This version of the file, known without reading or hashing it (the incremental cache's key): its git
   * blob id, or in the work tree its device, inode, size and change times.
   */
  stamp?: string;
  /** For a work-tree stamp: when the file's content last changed (its mtime, ms since 1970); see trustStamp in cache.ts. */
  changedMs?: number;
}

export interface FileSource {
  /** For messages: "the work tree", "the git index", "revision 1a2b3c4". */
  readonly label: string;
  /** Every `.yaml`/`.yml` file (any case) directly inside `dirs`, plus `files` that exist, sorted by path. */
  collect(dirs: readonly string[], files: readonly string[]): Promise<SourceFile[]>;
  /** Ends what reading needed (a git process); called once, after the last `collect`. */
  close?(): void;
}

const isYaml = (name: string) => YAML_FILE.test(name);
const toPosix = (p: string) => p.split(sep).join('/');

export function workTreeSource(root: string): FileSource {
  return {
    label: 'the work tree',
    // Synchronous on purpose: thousands of small files read one after another take a tenth of the time
    // that as many promises through the libuv thread pool do (10,000 files: 75 ms against 900 ms).
    async collect(dirs, files) {
      const paths: string[] = [];
      const refused: SourceFile[] = [];
      for (const dir of dirs) {
        // A folder that leads out of the repository through a link is not read (the schema refuses `..`).
        const outside = folderProblemSync(root, dir);
        if (outside) {
          refused.push({ path: toPosix(dir), problem: `the folder ${outside}; secrel only reads files inside the repository` });
          continue;
        }
        let names: string[] = [];
        try {
          names = readdirSync(join(root, dir));
        } catch {
          // A missing folder holds no files.
        }
        for (const n of names) if (isYaml(n)) paths.push(`${toPosix(dir)}/${n}`);
      }
      for (const f of files) if (exists(join(root, f))) paths.push(toPosix(f));
      // Resolved only if a symbolic link needs checking against it.
      let realRoot: string | undefined;
      const out = [...refused, ...paths.map((p) => readWorkTreeFile(root, () => (realRoot ??= realpathSync(root)), p))];
      return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function readWorkTreeFile(root: string, realRoot: () => string, path: string): SourceFile {
  const full = join(root, path);
  try {
    let info = lstatSync(full);
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(full);
      } catch (err) {
        // ELOOP: links that lead round to each other (a → b → a) never reach a file at all.
        if ((err as NodeJS.ErrnoException).code === 'ELOOP')
          return { path, problem: 'this is a symbolic link in a loop (links that lead round to each other, or too many in a row); point it at a real file' };
        return { path, problem: 'this is a symbolic link to a file that does not exist' };
      }
      const rel = relative(realRoot(), target);
      if (rel.startsWith('..') || isAbsolute(rel) || rel === '')
        return { path, problem: 'this is a symbolic link that points outside the repository; secrel only reads files inside it' };
      info = lstatSync(target);
    }
    if (!info.isFile()) return { path, problem: 'this is not a regular file' };
    if (info.size > MAX_FILE_BYTES)
      return { path, problem: `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB; secrel reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return {
      path,
      bytes: readFileSync(full),
      stamp: `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`,
      changedMs: info.mtimeMs,
    };
  } catch (err) {
    return { path, problem: `cannot read the file: ${(err as Error).message}` };
  }
}

/** The git index: what the next commit will contain, even when the work tree differs. */
export async function indexSource(root: string): Promise<FileSource> {
  return gitSource(root, 'the git index', (top, prefix) => listIndex(top, prefix));
}

/** A verified commit id (see `verifyRevision`). */
export async function revisionSource(root: string, commit: string, label = `revision ${commit.slice(0, 7)}`): Promise<FileSource> {
  return gitSource(root, label, (top, prefix) => listRevision(top, commit, prefix));
}

/**
 * Two git processes however often `collect` is called: one listing of everything under the repository's
 * folder (the index or a commit), and one `git cat-file --batch` that reads the blobs asked for, left open
 * between calls (the config says which folders the second call reads) until `close`.
 */
async function gitSource(root: string, label: string, list: (top: string, prefix: string) => Promise<GitEntry[] | undefined>): Promise<FileSource> {
  const notInGit = () => new UsageError(`${root} is not inside a git repository`, 'run `git init` first, or drop --staged / the revision');
  const top = await workTreeTop(root);
  if (!top) throw notInGit();
  const prefix = toPosix(relative(top, root));
  let listing: Promise<GitEntry[] | undefined> | undefined;
  const blobs = blobReader(top);
  return {
    label,
    async collect(dirs, files) {
      const all = await (listing ??= list(top, prefix));
      if (!all) throw notInGit();
      const inRepo = (p: string) => (prefix ? `${prefix}/${p}` : p);
      const wantedDirs = new Set(dirs.map((d) => inRepo(toPosix(d))));
      const wantedFiles = new Set(files.map((f) => inRepo(toPosix(f))));
      const entries = all.filter((e) => {
        const slash = e.path.lastIndexOf('/');
        const dir = slash < 0 ? '' : e.path.slice(0, slash);
        return wantedFiles.has(e.path) || (wantedDirs.has(dir) && isYaml(e.path));
      });
      // Only regular files are read: a link's blob is its target's name, a submodule has no blob here.
      const regular = (e: GitEntry) => e.mode.startsWith('100');
      const bytesOf = await blobs.read(entries.filter(regular).map((e) => e.objectId));
      return entries
        .map((e): SourceFile => {
          const path = prefix ? e.path.slice(prefix.length + 1) : e.path;
          if (!regular(e))
            return {
              path,
              problem: e.mode === '120000' ? 'this is a symbolic link; secrel reads only regular files' : 'this is not a regular file (a submodule?)',
            };
          const bytes = bytesOf.get(e.objectId);
          return bytes && bytes.length > MAX_FILE_BYTES ? { path, problem: 'the file is too large to read' } : { path, bytes, stamp: `git:${e.objectId}` };
        })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    close: () => blobs.close(),
  };
}
