// Where a path's key or value is, read from the yaml package's syntax tree (its Parser alone, no Document):
// the offsets there are the ones the Document's ranges are made of. Only the plain shapes are answered
// here (mappings and lists, block or flow, whose keys are text the core schema keeps as text); for anything
// else (anchors, tags, aliases, empty values, `?` keys, keys YAML reads as numbers, true or null) the
// answer is "ask the document" (undefined), so every position is the one the full reader gives.
import { CST, LineCounter, Parser } from 'yaml';
import type { Position } from '../domain/findings.js';
import type { PathSegment } from './yaml-doc.js';

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Item = CST.CollectionItem;

/** Places paths of one text; `at` is undefined where the document must answer. */
export interface TreePositions {
  at(path: readonly PathSegment[], where: 'key' | 'value'): Position | undefined;
}

/** Plain keys that the core schema does not read as text (`1`, `0x1F`, `.5`, `~`, `true`, `null`…), counted generously. */
const NOT_TEXT_KEY = /^(?:[-+.~\d]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;

export function treePositions(text: string): TreePositions {
  const lines = new LineCounter();
  let doc: CST.Document | undefined;
  for (const token of new Parser(lines.addNewLine).parse(text)) {
    if (token.type === 'document') {
      doc = token;
      break;
    }
  }
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  return {
    at(path, where) {
      // An empty document's value sits where the Document's empty-scalar rules put it: ask the document.
      if (!doc?.value || doc.value.type === 'error' || hasProps(doc.start)) return undefined;
      let node: Token = doc.value;
      if (path.length === 0 && where === 'key') {
        if (node.type !== 'block-map' && !(node.type === 'flow-collection' && node.start.source === '{')) return { line: 1, column: 1 };
        const pairs = node.type === 'block-map' ? mapItems(node) : flowPairs(node);
        if (pairs === undefined) return undefined;
        return pairs[0] ? position(pairs[0].key!.offset) : { line: 1, column: 1 };
      }
      let best = node.offset;
      for (let i = 0; i < path.length; i++) {
        const seg = path[i]!;
        const last = i === path.length - 1;
        if (node.type === 'block-map' || (node.type === 'flow-collection' && node.start.source === '{')) {
          const pairs: Item[] | undefined = node.type === 'block-map' ? mapItems(node) : flowPairs(node);
          if (pairs === undefined) return undefined;
          const pair: Item | undefined = pairs.find((p) => keyText(p.key!) === String(seg));
          if (!pair) break;
          if (last && where === 'key') return position(pair.key!.offset);
          if (!pair.value || hasProps(pair.sep)) return undefined;
          node = pair.value;
        } else if ((node.type === 'block-seq' || node.type === 'flow-collection') && typeof seg === 'number') {
          const items: { value?: Token }[] | undefined = node.type === 'block-seq' ? seqItems(node) : flowItems(node);
          if (items === undefined) return undefined;
          const item: { value?: Token } | undefined = items[seg];
          if (!item) break;
          if (!item.value) return undefined;
          node = item.value;
        } else break;
        if (node.type === 'error' || node.type === 'alias') return undefined;
        best = node.offset;
      }
      return position(best);
    },
  };
}

/** The items of a block mapping that are pairs (a line of comments alone is none), or undefined when one is not plain. */
function mapItems(map: CST.BlockMap): Item[] | undefined {
  const pairs: Item[] = [];
  for (const item of map.items) {
    if (hasProps(item.start) || item.start.some((t) => t.type === 'explicit-key-ind')) return undefined;
    if (!item.key && !item.sep) continue;
    if (!item.key || keyText(item.key) === undefined || !item.sep?.some((t) => t.type === 'map-value-ind')) return undefined;
    pairs.push(item);
  }
  return pairs;
}

/** The pairs of a flow mapping (`{a: 1, b: 2}`), or undefined when one is not plain. */
function flowPairs(flow: CST.FlowCollection): Item[] | undefined {
  const pairs: Item[] = [];
  for (const item of flow.items) {
    if (hasProps(item.start) || item.start.some((t) => t.type === 'explicit-key-ind')) return undefined;
    if (!item.key && !item.sep && !item.value) continue;
    if (!item.key || keyText(item.key) === undefined || !item.sep?.some((t) => t.type === 'map-value-ind')) return undefined;
    pairs.push(item);
  }
  return pairs;
}

/** The entries of a block list (each after its `-`), or undefined when one is not plain. */
function seqItems(seq: CST.BlockSequence): { value?: Token }[] | undefined {
  const items: { value?: Token }[] = [];
  for (const item of seq.items) {
    if (hasProps(item.start)) return undefined;
    if (!item.start.some((t) => t.type === 'seq-item-ind')) {
      if (item.value) return undefined;
      continue;
    }
    items.push(item);
  }
  return items;
}

/** The values of a flow list (`[a, b]`), or undefined when an entry is a pair or has properties. */
function flowItems(flow: CST.FlowCollection): Item[] | undefined {
  if (flow.start.source !== '[') return undefined;
  const items: Item[] = [];
  for (const item of flow.items) {
    if (hasProps(item.start) || item.key || item.sep || item.start.some((t) => t.type === 'explicit-key-ind')) return undefined;
    if (item.value) items.push(item);
  }
  return items;
}

/** A key's text when it is a scalar the core schema reads as text, else undefined. */
function keyText(key: Token): string | undefined {
  if (key.type === 'scalar' && NOT_TEXT_KEY.test(key.source)) return undefined;
  if (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar') return undefined;
  // A key the full reader refuses (`@x`, `%x`, a quote left open) is no text: the document says what is wrong.
  let refused = false;
  const value = CST.resolveAsScalar(key, true, () => (refused = true))?.value;
  return refused ? undefined : value;
}

function hasProps(tokens: readonly SourceToken[] | undefined): boolean {
  return tokens?.some((t) => t.type === 'anchor' || t.type === 'tag') ?? false;
}
