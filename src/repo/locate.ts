// The one step that places findings in the text: after every rule has run, each finding's path becomes a
// line and column, reading positions only for the files that have findings. A clean run never gets here
// with anything to place, so it never loads the full YAML reader. A file read by the full reader already
// has its document; any other is placed from its syntax tree (yaml-positions.ts), and only what that
// does not answer from a document built for it.
import type { Finding, Located } from '../domain/findings.js';
import { loadFullReader, type YamlFile } from './yaml-doc.js';
import type { PositionedFile } from './yaml-full.js';
import type { TreePositions } from './yaml-positions.js';

const FILE_START = { line: 1, column: 1 } as const;

/** Every finding with its line and column; `files` are the files read (the repository's `files`). */
export async function locateFindings(files: readonly YamlFile[], findings: readonly Finding[]): Promise<Located[]> {
  const pending = findings.filter((f) => !isLocated(f));
  if (pending.length === 0) return findings as Located[];
  const full = await loadFullReader();
  const byName = new Map(files.map((y) => [y.file, y]));
  const trees = new Map<string, TreePositions>();
  const docs = new Map<string, PositionedFile>();
  const docOf = (y: YamlFile): PositionedFile => {
    let doc = y.doc && y.lineCounter ? (y as PositionedFile) : docs.get(y.file);
    if (!doc) docs.set(y.file, (doc = full.parseForPositions(y.file, y.text)));
    return doc;
  };
  return findings.map((f) => {
    if (isLocated(f)) return f;
    const y = byName.get(f.file);
    if (y === undefined) return { ...f, ...FILE_START };
    const where = f.where ?? 'value';
    let tree = y.doc ? undefined : trees.get(y.file);
    if (!y.doc && !tree) trees.set(y.file, (tree = full.treePositions(y.text)));
    const pos = tree?.at(f.path, where) ?? full.locateIn(docOf(y), f.path, where);
    return { ...f, line: pos.line, column: pos.column };
  });
}

function isLocated(f: Finding): f is Located {
  return typeof (f as Partial<Located>).line === 'number';
}
