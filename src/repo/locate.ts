// The one step that places findings in the text: after every rule has run, each finding's path becomes a
// line and column, reading positions only for the files that have findings. A clean run never gets here
// with anything to place, so it never loads the full YAML reader.
import type { Finding, Located } from '../domain/findings.js';
import { loadFullReader, type YamlFile } from './yaml-doc.js';
import type { PositionedFile } from './yaml-full.js';

const FILE_START = { line: 1, column: 1 } as const;

/** Every finding with its line and column; `files` are the files read (the repository's `files`). */
export async function locateFindings(files: readonly YamlFile[], findings: readonly Finding[]): Promise<Located[]> {
  const pending = findings.filter((f) => !isLocated(f));
  if (pending.length === 0) return findings as Located[];
  const full = await loadFullReader();
  const byName = new Map(files.map((y) => [y.file, y]));
  const positioned = new Map<string, PositionedFile | undefined>();
  const docOf = (name: string): PositionedFile | undefined => {
    if (!positioned.has(name)) {
      const y = byName.get(name);
      positioned.set(name, y === undefined ? undefined : y.doc && y.lineCounter ? (y as PositionedFile) : full.parseForPositions(y.file, y.text));
    }
    return positioned.get(name);
  };
  return findings.map((f) => {
    if (isLocated(f)) return f;
    const doc = docOf(f.file);
    const pos = doc ? full.locateIn(doc, f.path, f.where ?? 'value') : FILE_START;
    return { ...f, line: pos.line, column: pos.column };
  });
}

function isLocated(f: Finding): f is Located {
  return typeof (f as Partial<Located>).line === 'number';
}
