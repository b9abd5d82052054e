// Edits to the user's YAML files that change only the edited lines, then an atomic write.
//
// The yaml Document API finds where each edit goes (node ranges) and renders the new fragments, but the
// result is the original text with those fragments spliced in: re-printing the whole document would
// re-fold long lines and re-space flow lists the user wrote. Every result is parsed again and must hold
// exactly the intended data before anything is written.
//
// A value shared by an anchor is unshared first (yaml-aliases.ts), so only the edited key changes.
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { Document, Scalar, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair } from 'yaml';
import { writeFilesAtomic, type PendingWrite } from './atomic.js';
import { changedMeanwhile, UsageError } from './errors.js';
import { sharedOnPath, treeCopy, writeOut } from './yaml-aliases.js';

export type KeyPath = readonly string[];

/**
 * `set` a mapping key (parents created as needed) or `append` an item to a sequence (created if missing).
 * A key that does not exist yet goes after its sibling `after` when there is one, else last.
 */
export type YamlEdit = { op: 'set' | 'append'; path: KeyPath; value: unknown; after?: string };

export interface EditOptions {
  /** Keys whose lists of plain values are written in flow style, `scope: [SECMP0053, SECMP0062#1]`. */
  flowKeys?: readonly string[];
  /**
   * The text (without a BOM) the caller read and decided from: the edit is refused when the file holds
   * anything else now, and the write checks again just before it replaces the file (compare-and-swap).
   */
  expected?: string;
}

interface Style {
  indent: number;
  indentSeq: boolean;
  /** The file quotes with '…' more than with "…": new text does too. */
  singleQuote: boolean;
  eol: string;
  flowKeys: ReadonlySet<string>;
}

/** Applies edits to YAML text; a pure `(content) => content`. Throws on a file with syntax errors. */
export function editYaml(text: string, edits: readonly YamlEdit[], options: EditOptions = {}): string {
  const original = parseStrict(text);
  const style = detectStyle(text, original, options);
  let expected: unknown = original.toJS();
  let out = text;
  for (const edit of edits) {
    out = applyEdit(out, edit, style);
    expected = applyPlain(expected, edit);
  }
  const result = parseStrict(out, 'the edited text');
  if (!isDeepStrictEqual(result.toJS(), expected)) throw new Error('the edited YAML does not hold the intended data; nothing was written');
  return out;
}

/** Reads a file, edits it and writes it back atomically (unchanged files are not touched). */
export async function rewriteYamlFile(path: string, edits: readonly YamlEdit[], options: EditOptions = {}): Promise<boolean> {
  const write = await plannedYamlEdit(path, edits, options);
  if (write) await writeFilesAtomic([write]);
  return write !== undefined;
}

/**
 * The write that applies `edits` to a file, computed but not done (undefined when nothing changes), so a
 * command that edits several files can write them all or none (writeFilesAtomic).
 */
export async function plannedYamlEdit(path: string, edits: readonly YamlEdit[], options: EditOptions = {}): Promise<PendingWrite | undefined> {
  const raw = await readFile(path, 'utf8');
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = raw.slice(bom.length);
  if (options.expected !== undefined && text !== options.expected) throw changedMeanwhile(path);
  let out: string;
  try {
    out = editYaml(text, edits, options);
  } catch (err) {
    if (err instanceof YamlSyntaxError)
      throw new UsageError(
        `${path} has YAML errors, so secrel did not rewrite it: ${err.message}`,
        'fix them (secrel validate shows where) and run the command again',
      );
    throw err;
  }
  return out === text ? undefined : { path, data: bom + out, unchangedFrom: raw };
}

export class YamlSyntaxError extends Error {
  override readonly name = 'YamlSyntaxError';
}

function parseStrict(text: string, what = 'the file'): Document.Parsed {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) throw new YamlSyntaxError(`${what} does not parse: ${first.message.split('\n')[0]}`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new YamlSyntaxError(`${what} is not a mapping`);
  return doc;
}

function applyEdit(text: string, edit: YamlEdit, style: Style): string {
  const doc = parseStrict(text, 'the edited text');
  const shared = sharedOnPath(doc, edit);
  if (shared.length) return applyEdit(writeOut(text, doc, shared), edit, style);
  const node = doc.getIn(edit.path, true) as Node | undefined;
  if (edit.op === 'append') {
    if (isSeq(node) && !node.flow && node.items.length > 0) {
      // After the last item, at the column of the existing dashes.
      const at = lineEnd(text, node.range![1]);
      const fragment = indentLines(render([edit.value], style), column(text, node.range![0]));
      return splice(text, at, at, fragment, style);
    }
    const current = isSeq(node) ? (node.toJS(doc) as unknown[]) : [];
    return applyEdit(text, { ...edit, op: 'set', value: [...current, edit.value] }, style);
  }
  const parentPath = edit.path.slice(0, -1);
  const key = edit.path[edit.path.length - 1]!;
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined | null;
  if (!isMap(parent) || parent.flow) {
    if (parentPath.length === 0) throw new YamlSyntaxError('the file is written as a flow mapping ({...}); write it in block style');
    if (parent !== undefined && parent !== null && !isMap(parent)) throw new YamlSyntaxError(`${parentPath.join('.')} is not a mapping`);
    const siblings = isMap(parent) ? (parent.toJS(doc) as Record<string, unknown>) : {};
    return applyEdit(text, { op: 'set', path: parentPath, value: { ...siblings, [key]: edit.value } }, style);
  }
  const pair = parent.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === key);
  if (!pair) {
    const first = parent.items[0]!.key as Node;
    const sibling = parent.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === edit.after);
    const siblingEnd = (sibling?.value as Node | null | undefined)?.range?.[1] ?? (sibling?.key as Node | undefined)?.range?.[1];
    const at = lineEnd(text, siblingEnd ?? parent.range![1]);
    return splice(text, at, at, indentLines(render({ [key]: edit.value }, style), column(text, first.range![0])), style);
  }
  const value = pair.value as Node | null;
  if (isScalar(value) && isPlainValue(edit.value) && !String(value.type).startsWith('BLOCK')) {
    // Only the value's own characters change: a comment after it and its quoting style stay.
    return splice(text, value.range![0], value.range![1], scalarText(edit.value, value.type), style);
  }
  const keyNode = pair.key as Node;
  const colon = text.indexOf(':', keyNode.range![1]);
  const end = lineEnd(text, value?.range?.[1] ?? colon + 1);
  const rendered = render(edit.value, style).replace(/\n$/, '');
  const keyCol = column(text, keyNode.range![0]);
  if (edit.value !== null && typeof edit.value === 'object' && !/^[[{]/.test(rendered)) {
    // A block collection starts on the next line, indented under its key.
    const col = keyCol + (Array.isArray(edit.value) && !style.indentSeq ? 0 : style.indent);
    return splice(text, colon + 1, end, `\n${indentLines(rendered, col)}\n`, style);
  }
  const [head, ...rest] = rendered.split('\n');
  const tail = rest.length ? `\n${indentLines(rest.join('\n'), keyCol)}` : '';
  return splice(text, colon + 1, end, ` ${head}${tail}\n`, style);
}

function applyPlain(data: unknown, edit: YamlEdit): unknown {
  const root = treeCopy(data ?? {}) as Record<string, unknown>;
  let node = root;
  for (const k of edit.path.slice(0, -1)) {
    if (node[k] === null || typeof node[k] !== 'object' || Array.isArray(node[k])) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  const key = edit.path[edit.path.length - 1]!;
  node[key] = edit.op === 'append' ? [...(Array.isArray(node[key]) ? (node[key] as unknown[]) : []), edit.value] : edit.value;
  return root;
}

function render(value: unknown, style: Style): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && style.flowKeys.has(String(pair.key.value)) && isSeq(pair.value) && pair.value.items.every(isScalar)) pair.value.flow = true;
    },
  });
  return doc.toString({ indent: style.indent, indentSeq: style.indentSeq, singleQuote: style.singleQuote, lineWidth: 0, flowCollectionPadding: false });
}

function scalarText(value: unknown, type: Scalar['type']): string {
  const s = new Scalar(value);
  if (type) s.type = type;
  return new Document(s).toString({ lineWidth: 0 }).trimEnd();
}

function isPlainValue(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** The offset just after the line holding `pos - 1` ends (a range end is exclusive). */
function lineEnd(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, pos: number): number {
  return pos - (text.lastIndexOf('\n', pos - 1) + 1);
}

function indentLines(block: string, col: number): string {
  const pad = ' '.repeat(col);
  return block
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

/** Replaces [from, to) with `fragment` (LF line ends converted to the file's), keeping the file's last newline. */
function splice(text: string, from: number, to: number, fragment: string, style: Style): string {
  let f = style.eol === '\n' ? fragment : fragment.replace(/\r?\n/g, style.eol);
  // Appending after a last line that has no newline: start a new line first.
  if (from === text.length && from > 0 && !text.endsWith('\n') && f.length) f = style.eol + f.replace(/\r?\n$/, '');
  return text.slice(0, from) + f + text.slice(to);
}

function detectStyle(text: string, doc: Document.Parsed, options: EditOptions): Style {
  let indent = 2;
  let indentSeq = true;
  let seenMap = false;
  let seenSeq = false;
  let quotes = 0;
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'QUOTE_SINGLE') quotes++;
      else if (node.type === 'QUOTE_DOUBLE') quotes--;
    },
    Pair(_, pair) {
      const k = pair.key as Node | null;
      const v = pair.value as Node | null;
      if (!k?.range || !v?.range) return;
      if (!seenMap && isMap(v) && !v.flow) {
        seenMap = true;
        const d = column(text, v.range[0]) - column(text, k.range[0]);
        if (d > 0) indent = d;
      }
      if (!seenSeq && isSeq(v) && !v.flow) {
        seenSeq = true;
        indentSeq = column(text, v.range[0]) > column(text, k.range[0]);
      }
    },
  });
  return { indent, indentSeq, singleQuote: quotes > 0, eol: text.includes('\r\n') ? '\r\n' : '\n', flowKeys: new Set(options.flowKeys ?? []) };
}
