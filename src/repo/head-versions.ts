// HEAD's version of each YAML file the git index changes or deletes: what the last commit recorded, for the
// pre-commit hook's check that a commit keeps every record (domain/kept-records.ts).
import { UsageError } from './errors.js';
import { blobReader, changedSinceHead } from './git.js';
import { YAML_FILE } from '../domain/repository.js';
import { gitPlace } from './git-place.js';
import { MAX_FILE_BYTES } from './source.js';
import { decodeText, parseYaml } from './yaml-doc.js';

export interface HeadVersion {
  /** Repository-relative, `/`-separated. */
  path: string;
  data: unknown;
  deleted: boolean;
  /** HEAD has no such file: the commit adds it (`data` is undefined). */
  added?: boolean;
}

/**
 * One `git diff-index` and, only when it lists a YAML file, one `git cat-file --batch`. A HEAD version that
 * does not read as YAML is left out: it recorded nothing this check could compare.
 */
export async function headVersions(root: string): Promise<HeadVersion[]> {
  const { top, prefix } = await gitPlace(root, () => new UsageError(`${root} is not inside a git repository`));
  const all = (await changedSinceHead(top, prefix)).filter((e) => YAML_FILE.test(e.path));
  const repoPath = (p: string) => (prefix ? p.slice(prefix.length + 1) : p);
  const added: HeadVersion[] = all.filter((e) => e.added).map((e) => ({ path: repoPath(e.path), data: undefined, deleted: false, added: true }));
  const changed = all.filter((e) => !e.added && e.mode.startsWith('100'));
  if (changed.length === 0) return added;
  const blobs = blobReader(top);
  try {
    const bytesOf = await blobs.read(changed.map((e) => e.objectId));
    const out: HeadVersion[] = [...added];
    for (const e of changed) {
      const bytes = bytesOf.get(e.objectId);
      const path = repoPath(e.path);
      const text = bytes && bytes.length <= MAX_FILE_BYTES ? decodeText(path, bytes).text : undefined;
      if (text === undefined) continue;
      const parsed = await parseYaml(path, text);
      if (!parsed.findings.some((f) => f.severity === 'error')) out.push({ path, data: parsed.data, deleted: e.deleted });
    }
    return out;
  } finally {
    blobs.close();
  }
}
