// Where a repository's files come from: the work tree, the git index (--staged) or a git revision.
import { lstatSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { blobReader, listIndex, listRevision, type GitEntry } from './git.js';
import { YAML_FILE } from '../domain/repository.js';
import { UsageError } from './errors.js';
import { gitPlace } from './git-place.js';
import { folderProblemSync } from './inside.js';
import { misnamedFolder, yamlBeside, yamlBesideIn } from './misnamed-folder.js';
import { changedAt, statStamp } from './stamp-trust.js';
import { subfolderWarnings, subfolderWarningsIn } from './subfolders.js';

/** Larger files are refused rather than parsed: no real release file comes near this. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  /** The content: only once `read` has read it (a file the cache answers is never read unless a finding needs its text). */
  bytes?: Uint8Array;
  /** Why the file could not be read (outside the repository, too large…). */
  problem?: string;
  /** The problem is a warning about a folder of files not read (subfolders.ts), not a file refused. */
  warning?: true;
  /**
   * This version of the file, known without reading or hashing it (the incremental cache's key): its git
   * blob id, or in the work tree its device, inode, size and change times.
   */
  stamp?: string;
  /** For a work-tree stamp: when the file last changed (ms since 1970; changedAt and trustStamp in stamp-trust.ts). */
  changedMs?: number;
}

export interface FileSource {
  /** For messages: "the work tree", "the git index", "revision 1a2b3c4". */
  readonly label: string;
  /**
   * Every `.yaml`/`.yml` file (any case) directly inside `dirs`, plus `files` that exist, sorted by path:
   * each with its stamp, or the problem that keeps it from being read; no content yet.
   */
  collect(dirs: readonly string[], files: readonly string[]): Promise<SourceFile[]>;
  /**
   * The files' content, in the same order: each with its bytes and its stamp as it is now (a file edited
   * since `collect` has another), or a problem. Files with a problem are returned as they are.
   */
  read(files: readonly SourceFile[]): Promise<SourceFile[]>;
  /** Ends what reading needed (a git process); a later `read` starts it again. */
  close?(): void;
}

const isYaml = (name: string) => YAML_FILE.test(name);
const toPosix = (p: string) => p.split(sep).join('/');

export function workTreeSource(root: string): FileSource {
  const tree = workTree(root);
  return {
    label: 'the work tree',
    // Synchronous on purpose: thousands of small files read one after another take a tenth of the time
    // that as many promises through the libuv thread pool do (10,000 files: 75 ms against 900 ms).
    async collect(dirs, files) {
      const { refused, paths } = tree.list(dirs, files);
      const out = [...refused, ...paths.map((p) => tree.file(p, false))];
      return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async read(files) {
      return files.map((f) => (f.problem ? f : tree.file(f.path, true)));
    },
  };
}

/** The work tree's two steps: which files `collect` finds (and the folders it refuses), and one file's stamp or bytes. */
export interface WorkTree {
  list(dirs: readonly string[], files: readonly string[]): { refused: SourceFile[]; paths: string[] };
  file(path: string, read: boolean): SourceFile;
}

export function workTree(root: string): WorkTree {
  // Resolved only if a symbolic link needs checking against it.
  let real: string | undefined;
  const realRoot = () => (real ??= realpathSync(root));
  return {
    list(dirs, files) {
      const paths: string[] = [];
      const refused: SourceFile[] = [];
      const wanted = new Set(dirs.map(toPosix));
      for (const dir of dirs) {
        // A folder that leads out of the repository through a link is not read (the schema refuses `..`).
        const outside = folderProblemSync(root, dir);
        if (outside) {
          refused.push({ path: toPosix(dir), problem: `the folder ${outside}; secrel only reads files inside the repository` });
          continue;
        }
        let names: string[] = [];
        let exists = true;
        try {
          names = readdirSync(join(root, dir));
        } catch (err) {
          // A missing folder holds no files; one that cannot be read is no "all clear".
          const code = (err as NodeJS.ErrnoException).code;
          exists = false;
          if (code !== 'ENOENT') {
            const problem =
              code === 'ENOTDIR'
                ? 'this is a file, where secrel expects a folder of YAML files'
                : `this folder cannot be read (${(err as Error).message}), so none of its files were checked`;
            refused.push({ path: toPosix(dir), problem });
            continue;
          }
        }
        const yaml = names.filter(isYaml);
        const misnamed = yaml.length === 0 ? misnamedFolder(toPosix(dir), exists, yamlBeside(root, dir)) : undefined;
        if (misnamed) refused.push({ path: toPosix(dir), problem: misnamed });
        const folder = toPosix(dir);
        for (const n of yaml) paths.push(`${folder}/${n}`);
        if (yaml.length < names.length) refused.push(...subfolderWarnings(root, folder, names, wanted));
      }
      for (const f of files) if (exists(join(root, f))) paths.push(toPosix(f));
      return { refused, paths };
    },
    file: (path, read) => workTreeFile(root, realRoot, path, read),
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

/** A work-tree file's stamp, or why it cannot be read; with `read`, its bytes too. */
function workTreeFile(root: string, realRoot: () => string, path: string, read: boolean): SourceFile {
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
      ...(read ? { bytes: readFileSync(full) } : {}),
      stamp: statStamp(info),
      changedMs: changedAt(info),
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
 * One listing of everything under the repository's folder (the index or a commit), however often
 * `collect` is called, and one `git cat-file --batch` process for the blobs `read` asks for, left open
 * between calls until `close`. A run the cache answers in full starts no `cat-file` at all.
 */
async function gitSource(root: string, label: string, list: (top: string, prefix: string) => Promise<GitEntry[] | undefined>): Promise<FileSource> {
  const notInGit = () => new UsageError(`${root} is not inside a git repository`, 'run `git init` first, or drop --staged / the revision');
  const { top, prefix } = await gitPlace(root, notInGit);
  let listing: Promise<GitEntry[] | undefined> | undefined;
  const blobs = blobReader(top);
  const objectId = (f: SourceFile) => f.stamp!.slice(GIT_STAMP.length);
  return {
    label,
    async collect(dirs, files) {
      const all = await (listing ??= list(top, prefix));
      if (!all) throw notInGit();
      const inRepo = (p: string) => (prefix ? `${prefix}/${p}` : p);
      const wantedDirs = new Set(dirs.map((d) => inRepo(toPosix(d))));
      const asGiven = new Set(dirs.map(toPosix));
      const subfolders = [...asGiven].flatMap((dir) => subfolderWarningsIn(all, dir, inRepo, asGiven));
      const wantedFiles = new Set(files.map((f) => inRepo(toPosix(f))));
      const entries = all.filter((e) => {
        const slash = e.path.lastIndexOf('/');
        const dir = slash < 0 ? '' : e.path.slice(0, slash);
        return wantedFiles.has(e.path) || (wantedDirs.has(dir) && isYaml(e.path));
      });
      const misnamed = [...wantedDirs].flatMap((dir) => {
        if (entries.some((e) => e.path.startsWith(`${dir}/`))) return [];
        const problem = misnamedFolder(
          dir,
          all.some((e) => e.path.startsWith(`${dir}/`)),
          yamlBesideIn(all, dir),
        );
        return problem ? [{ path: prefix ? dir.slice(prefix.length + 1) : dir, problem }] : [];
      });
      return [
        ...misnamed,
        ...subfolders,
        ...entries.map((e): SourceFile => {
          const path = prefix ? e.path.slice(prefix.length + 1) : e.path;
          if (e.unmerged) return { path, problem: 'this file has a merge conflict in the git index: resolve it, then `git add` it' };
          // Only regular files are read: a link's blob is its target's name, a submodule has no blob here.
          if (e.mode.startsWith('100')) return { path, stamp: `${GIT_STAMP}${e.objectId}` };
          return {
            path,
            problem: e.mode === '120000' ? 'this is a symbolic link; secrel reads only regular files' : 'this is not a regular file (a submodule?)',
          };
        }),
      ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async read(files) {
      const bytesOf = await blobs.read(files.filter((f) => !f.problem).map(objectId));
      return files.map((f) => {
        if (f.problem) return f;
        const bytes = bytesOf.get(objectId(f));
        // A blob id stands for its content: it is the same version however late it is read.
        if (!bytes) return { path: f.path, problem: 'git has no such object (is the repository damaged?)' };
        return bytes.length > MAX_FILE_BYTES ? { path: f.path, problem: 'the file is too large to read' } : { ...f, bytes };
      });
    },
    close: () => blobs.close(),
  };
}

const GIT_STAMP = 'git:';
