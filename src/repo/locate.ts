// The one step that places findings in the text: after every rule has run, each finding's path becomes a
// line and column, reading positions only for the files that have findings. A clean run never gets here
// with anything to place, so it never loads the full YAML reader. A file the full reader read already
// is placed like any other, from its syntax tree (yaml-positions.ts), and what the tree does not answer from
// its document (or one built for it): so a position never depends on which reader ran, or on the cache
// (a cached file has no document).
import type { Finding, Located } from '../domain/findings.js';
import { changedMeanwhile } from './errors.js';
import { loadFullReader, type YamlFile } from './yaml-doc.js';
import type { PositionedFile } from './yaml-full.js';

const FILE_START = { line: 1, column: 1 } as const;

/**
 * Every finding with its line and column; `files` are the files read (the repository's `files`). File by
 * file: each file's tree and document are let go once its findings are placed (5,000 files with an info
 * each, at 20,000 modifications, kept every document alive at once).
 */
export async function locateFindings(
  files: readonly YamlFile[],
  findings: readonly Finding[],
  readTexts?: (files: readonly YamlFile[]) => Promise<void>,
): Promise<Located[]> {
  const pending = new Map<string, number[]>();
  findings.forEach((f, i) => {
    if (isLocated(f)) return;
    const at = pending.get(f.file);
    if (at) at.push(i);
    else pending.set(f.file, [i]);
  });
  if (pending.size === 0) return findings as Located[];
  const full = await loadFullReader();
  const byName = new Map(files.map((y) => [y.file, y]));
  // The texts the cache saved reading, read now in one go: only the files with findings.
  await readTexts?.([...pending.keys()].flatMap((name) => byName.get(name) ?? []));
  const out = [...findings] as Located[];
  for (const [name, indexes] of pending) {
    const y = byName.get(name);
    if (y && y.text === undefined) throw changedMeanwhile(name, 'reading');
    const text = y?.text ?? '';
    const tree = y ? full.treePositions(text) : undefined;
    let doc = y?.doc && y.lineCounter ? (y as PositionedFile) : undefined;
    for (const i of indexes) {
      const f = findings[i]!;
      const where = f.where ?? 'value';
      let pos = y === undefined ? FILE_START : tree?.at(f.path, where);
      if (pos === undefined) {
        doc ??= full.parseForPositions(y!.file, text);
        pos = full.locateIn(doc, f.path, where);
      }
      out[i] = { ...f, line: pos.line, column: pos.column };
    }
  }
  return out;
}

function isLocated(f: Finding): f is Located {
  return typeof (f as Partial<Located>).line === 'number';
}
