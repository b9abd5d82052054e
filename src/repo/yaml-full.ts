// The full YAML 1.2 reader (the `yaml` package): exact findings and source positions. Loaded only when
// a file needs it or something asks where a field is, so a clean pre-commit run never pays for it.
import { LineCounter, Parser, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Located, Position } from '../domain/findings.js';
import { yamlFinding, type PathSegment, type YamlFile } from './yaml-doc.js';
import { duplicateKeyMessage, placeYamlError } from './yaml-error-place.js';
import { MAX_NESTING, mightNestTooDeeply } from './yaml-guards.js';
export { treePositions } from './yaml-positions.js';

/** Tags a secrel file may carry; anything else (`!!timestamp`, `!!binary`, custom tags) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** A file read by the full reader: its document knows where every key and value is. */
export interface PositionedFile extends YamlFile {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

// logLevel 'error': problems become findings here, never warnings the yaml package prints itself.
const DOCUMENT_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, keepSourceTokens: false, logLevel: 'error' } as const;

/**
 * Where every key and value of a file is, for placing its findings (`locateIn`): the same document as
 * `parseYamlFully` builds, so the same positions, without the checks and the data that the file's first
 * reading already gave.
 */
export function parseForPositions(file: string, text: string): PositionedFile {
  const lineCounter = new LineCounter();
  const doc = firstTooDeep(text, lineCounter) === undefined ? parseDocument(text, { ...DOCUMENT_OPTIONS, lineCounter }) : parseDocument('');
  return { file, text, doc, lineCounter, data: undefined, findings: [] };
}

/** The full YAML 1.2 parse with positions, used for writes, for positions, and for any doubtful file. */
export function parseYamlFully(file: string, text: string): PositionedFile {
  const lineCounter = new LineCounter();
  const findings: Located[] = [];
  const at = (offset: number): Position => toPosition(lineCounter, offset);
  const conflict = conflictMarker(text);
  if (conflict !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const message =
      'the file still has git merge-conflict markers (<<<<<<<, =======, >>>>>>>): resolve the conflict, keep one version, then `git add` the file';
    return { file, text, doc: parseDocument(''), lineCounter, data: undefined, findings: [yamlFinding(file, message, at(conflict))] };
  }
  const tooDeep = firstTooDeep(text, lineCounter);
  if (tooDeep !== undefined) {
    const message = `mappings and lists are nested more than ${MAX_NESTING} levels deep here; no secrel file needs that many: flatten the data`;
    return { file, text, doc: parseDocument(''), lineCounter, data: undefined, findings: [yamlFinding(file, message, at(tooDeep))] };
  }
  const doc = parseDocument(text, { ...DOCUMENT_OPTIONS, lineCounter });
  // One error a line: the yaml package often reports one mistake two or three ways at the same place.
  const lines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const line = lineCounter.linePos(e.pos[0]).line;
    if (lines.has(line)) continue;
    lines.add(line);
    const placed = placeYamlError(text, e.message, e.pos[0]);
    findings.push(yamlFinding(file, placed.message ? `YAML syntax error: ${placed.message}` : describeYamlError(e.code, e.message), at(placed.offset)));
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    findings.push(
      yamlFinding(
        file,
        `%YAML ${doc.directives.yaml.version} is not supported: secrel reads YAML 1.2 (where \`no\` is a string and dates stay text); remove the directive`,
        { line: 1, column: 1 },
      ),
    );
  }
  visit(doc, (_key, node) => {
    // Duplicate keys, found with one set per mapping: the yaml package's own check (uniqueKeys) compares
    // each key with every earlier one, which took minutes on a file of 50,000 keys.
    if (isMap(node)) {
      const seen = new Map<unknown, number>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const k = pair.key.value;
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(k);
        if (first !== undefined) findings.push(yamlFinding(file, duplicateKeyMessage(String(k), at(first)), at(offset)));
        else seen.set(k, offset);
      }
    }
    if (isPair(node) && (isMap(node.key) || isSeq(node.key))) {
      findings.push(yamlFinding(file, 'a key must be plain text, not a list or a mapping; write `key: value`', at((node.key as Node).range?.[0] ?? 0)));
    }
    // A key or value left empty in a broken mapping (`{# …`) is visited as null.
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag && (isScalar(node) || isMap(node) || isSeq(node)) && !CORE_TAGS.has(tag)) {
      // The node's range starts after its tag; point at the tag itself, which is what to remove.
      const offset = tagStart(text, node.range?.[0] ?? 0);
      findings.push(yamlFinding(file, `the tag ${shortTag(tag)} is not allowed: write dates as plain YYYY-MM-DD text without a tag`, at(offset)));
    }
  });
  let data: unknown;
  if (findings.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // Almost always an alias bomb ("billion laughs"): report it at the first alias, not the whole file.
      let first: number | undefined;
      visit(doc, {
        Alias: (_key, node) => {
          first ??= node.range?.[0];
          return visit.BREAK;
        },
      });
      findings.push(
        yamlFinding(
          file,
          `the aliases (*name) here expand to too much data (${oneLine((err as Error).message)}); write the values out instead of repeating aliases`,
          first === undefined ? { line: 1, column: 1 } : at(first),
        ),
      );
    }
  }
  return { file, text, doc, lineCounter, data, findings };
}

/**
 * Where the first mapping or list deeper than MAX_NESTING starts, if one is: measured on the syntax tree
 * of the yaml package's Parser, which keeps its own stack (the document composer recurses, so it must
 * never see such a text).
 */
function firstTooDeep(text: string, lineCounter: LineCounter): number | undefined {
  if (!mightNestTooDeeply(text)) return undefined;
  type Token = { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
  let first: number | undefined;
  // The parser counts the lines as it goes; when the text is too deep, the finding is placed with them.
  const lines = new LineCounter();
  for (const top of new Parser(lines.addNewLine).parse(text)) {
    const stack: [Token | undefined, number][] = [[top as Token, 0]];
    while (stack.length > 0) {
      const [t, depth] = stack.pop()!;
      if (t === undefined || t === null || typeof t !== 'object') continue;
      const collection = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
      const d = collection ? depth + 1 : depth;
      if (d > MAX_NESTING) {
        if (t.offset !== undefined && (first === undefined || t.offset < first)) first = t.offset;
        continue;
      }
      if (t.type === 'document') stack.push([t.value as Token, d]);
      for (const item of t.items ?? []) stack.push([item.key as Token, d], [item.value as Token, d]);
    }
  }
  if (first !== undefined) for (const offset of lines.lineStarts) lineCounter.addNewLine(offset);
  return first;
}

/**
 * Numbers written in hexadecimal or octal: YAML 1.2 reads 0x1F as 31 and 0o17 as 15, and no one writes an
 * amount that way on purpose. The data is read as YAML says (the two readers agree on it); the file is
 * refused all the same. Only the full reader knows how a number was written, so needsFullParse
 * (yaml-doc.ts) routes every file that may hold one here.
 */
export function numbersInOtherBases(y: PositionedFile): Located[] {
  const out: Located[] = [];
  visit(y.doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'number' || (node.format !== 'HEX' && node.format !== 'OCT')) return;
      const base = node.format === 'HEX' ? 'hexadecimal' : 'octal';
      out.push(
        yamlFinding(
          y.file,
          `${node.source ?? ''} is a number in ${base}, which YAML reads as ${node.value}; write numbers in decimal (${node.value}), or quote it if it is text`,
          toPosition(y.lineCounter, node.range?.[0] ?? 0),
        ),
      );
    },
  });
  return out;
}

/** Where the tag token written just before a value starts (`!!timestamp 2020-01-01`). */
function tagStart(text: string, valueStart: number): number {
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  const m = /!\S*\s*$/.exec(text.slice(lineStart, valueStart));
  return m ? lineStart + m.index : valueStart;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Where a git conflict's first `<<<<<<<` line starts, when the file also has its `>>>>>>>` line (neither is YAML). */
function conflictMarker(text: string): number | undefined {
  const start = /^<{7}(?: |$)/m.exec(text);
  return start && /^>{7}(?: |$)/m.test(text.slice(start.index)) ? start.index : undefined;
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear once in a mapping; remove or rename one';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation: YAML indents with spaces only';
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (`---`); keep one per file';
    default:
      return `YAML syntax error: ${first}`;
  }
}

export function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Where a JSON path sits in the source. `key` points at the key of the last segment (an unknown key, a
 * list), or for the empty path at the file's first key; `value` at its value (a wrong type). A path that
 * does not exist falls back to the deepest node found.
 */
export function locateIn(y: PositionedFile, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position {
  const fallback: Position = { line: 1, column: 1 };
  let node: unknown = y.doc.contents;
  if (path.length === 0 && at === 'key') {
    return isMap(node) && node.items[0] ? toPosition(y.lineCounter, (node.items[0].key as Node).range?.[0] ?? 0) : fallback;
  }
  let best: number | undefined = (node as Node | null)?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0];
      if (last && at === 'key') return keyStart === undefined ? fallback : toPosition(y.lineCounter, keyStart);
      node = pair.value;
      best = (node as Node | null)?.range?.[0] ?? keyStart;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      node = isPair(item) ? item.value : item;
      best = (node as Node | null)?.range?.[0] ?? best;
    } else break;
  }
  return best === undefined ? fallback : toPosition(y.lineCounter, best);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
