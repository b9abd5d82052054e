// Anchors and aliases in a file secrel edits. A value the edit goes through or replaces may be shared with
// other keys by an anchor (`&v`) and its aliases (`*v`): changing it in place would change every alias
// too. Those aliases (and an alias on the edit's own path) are first written out as the value they stand
// for, so only the edited key changes.
import { Document, isAlias, isCollection, isNode, isSeq, visit, type Alias, type Node } from 'yaml';
import type { YamlEdit } from './write.js';

/**
 * The aliases that make an edit at `path` reach further than its key: an alias on the path itself, and
 * every alias of an anchored node on the path (the edited value included).
 */
export function sharedOnPath(doc: Document.Parsed, { op, path }: YamlEdit): Alias[] {
  const onPath: Node[] = [];
  let node: unknown = doc.contents;
  for (let i = 0; i <= path.length && node; i++) {
    if (isAlias(node)) return [node];
    onPath.push(node as Node);
    node = i < path.length && isCollection(node) ? node.get(path[i], true) : undefined;
  }
  const anchored = new Set(onPath.filter((n) => n.anchor));
  // A replaced value goes with every anchor inside it: an alias of one further on would be left dangling
  // (an item appended to a block list leaves the list's items as they are).
  const last = onPath.length === path.length + 1 ? onPath[path.length] : undefined;
  if (last && !(op === 'append' && isSeq(last) && !last.flow && last.items.length > 0)) {
    visit(last, (_, n) => {
      if (isNode(n) && n.anchor) anchored.add(n);
    });
  }
  if (!anchored.size) return [];
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (anchored.has(alias.resolve(doc) as Node)) aliases.push(alias);
    },
  });
  return aliases;
}

/** `aliases` replaced by the value each stands for, in flow style on the alias's own place. */
export function writeOut(text: string, doc: Document.Parsed, aliases: readonly Alias[]): string {
  let out = text;
  for (const alias of [...aliases].sort((a, b) => b.range![0] - a.range![0])) {
    const inline = new Document(alias.resolve(doc)?.toJS(doc)).toString({ collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false }).trimEnd();
    out = out.slice(0, alias.range![0]) + inline + out.slice(alias.range![1]);
  }
  return out;
}

/** A deep copy in which no two places share an object (structuredClone keeps an alias's sharing). */
export function treeCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(treeCopy);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, treeCopy(v)]));
}
