// Parses one YAML file into a document that remembers where every key and value came from.
import jsyaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { Located, Position } from '../domain/findings.js';

type FullReader = typeof import('./yaml-full.js');
let fullReader: FullReader | undefined;

/** Loads the full YAML reader (positions, exact findings); cheap after the first call. */
export async function loadFullReader(): Promise<FullReader> {
  return (fullReader ??= await import('./yaml-full.js'));
}

export type { PathSegment } from '../domain/findings.js';

export interface YamlFile {
  /** Path relative to the repository root, `/`-separated. */
  file: string;
  /** The file's text; undefined for a file the cache answered until it is needed (`Repository.readTexts`). */
  text?: string;
  /** The full document with source positions: only when the full reader read the file (see `locate.ts`). */
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
  /** The plain value; `undefined` when the file could not be parsed. */
  data: unknown;
  /** Syntax findings, already placed: a file that does not parse has no data to give a path into. */
  findings: Located[];
}

export function yamlFinding(file: string, message: string, pos: Position): Located {
  return { rule: 'YAML', severity: 'error', message, file, path: [], line: pos.line, column: pos.column };
}

// One decoder for every file (a call without `stream` starts afresh, also after a refusal): making one
// per file cost more than the decoding, with 10,000 files.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8, refusing binary content and invalid sequences with a finding. */
export function decodeText(file: string, bytes: Uint8Array): { text?: string; finding?: Located } {
  if (bytes.includes(0)) {
    return { finding: yamlFinding(file, 'this is a binary file, not YAML text; remove it or restore the YAML', { line: 1, column: 1 }) };
  }
  try {
    let text = UTF8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { finding: yamlFinding(file, 'the file is not valid UTF-8 here; save it with UTF-8 encoding', invalidUtf8Position(bytes)) };
  }
}

/** Where the first byte that is not valid UTF-8 is (only ever called on a file that has one). */
function invalidUtf8Position(bytes: Uint8Array): Position {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) break;
    let valid = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) valid = false;
    // Overlong forms and surrogates: the strict decoder refuses them too.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second >= 0xa0) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second >= 0x90)) valid = false;
    if (!valid) break;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column += length === 4 ? 2 : 1; // in UTF-16 units, as every other column secrel reports
    i += length;
  }
  return { line, column };
}

/**
 * The YAML 1.2 core schema exactly as the yaml package resolves plain scalars (its `core` tags), for
 * js-yaml: js-yaml's own CORE_SCHEMA also reads `0b101` as 5, `1_000` as 1000 and keeps `+.5` and `-.5`
 * as text, where YAML 1.2 (and the full reader) does the opposite.
 */
const scalarType = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => test.test(s ?? ''),
    construct: (s: string | null) => construct(s ?? ''),
  });
const CORE_1_2 = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType('null', /^(?:~|null|Null|NULL)?$/, () => null),
    scalarType('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalarType('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) =>
      s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : Number(s),
    ),
    scalarType('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (s) =>
      /\.(?:nan|NaN|NAN)$/.test(s) ? NaN : /inf$/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s),
    ),
  ],
});

/**
 * Anything where the two readers could build different data goes the full way: directives, tags, anchors
 * and aliases, tabs; keys that are not plain text (`[a, b]: x`, `{a: 1}: x`, `? x`, in block or flow
 * style), which js-yaml would quietly turn into "a,b" or "[object Object]"; null keys (`~: x`, `null: x`,
 * `: x`), which js-yaml names "null" and the full reader ""; and an empty entry of a compact nested list
 * (`- -`), which js-yaml nests differently; and a quoted text that goes on over more lines, whose
 * indentation js-yaml does not check; and a number that may be in hexadecimal or octal (`0x1F`, `0o17`), which
 * the full reader refuses; and a `#` straight after a bracket, comma or quote (`{…}#`), which js-yaml takes
 * for a comment and the full reader refuses. The differential test (test/repo/yaml-readers.test.ts) and
 * `npm run fuzz` compare the two readers on generated documents.
 */
export function needsFullParse(text: string): boolean {
  if (FULL_PARSE_ANYWHERE.test(text)) return true;
  for (let start = 0; ;) {
    FULL_PARSE_AT_LINE_START.lastIndex = start;
    if (FULL_PARSE_AT_LINE_START.test(text)) return true;
    LINE_BREAK.lastIndex = start;
    if (!LINE_BREAK.test(text)) return false;
    start = LINE_BREAK.lastIndex;
  }
}

// The patterns in two parts, for speed: as one multi-line pattern, every alternative was tried at every
// character (a seventh of a cold run). Those that hold only at the start of a line are tried there alone
// (sticky); JavaScript's `^` with the m flag starts a line after \n, \r, U+2028 and U+2029, so do these.
const FULL_PARSE_ANYWHERE = /\t|[\s[{,][&*!]|[[{,]\s*(?:[[{?]|:(?:[\s,\]}]|$))|[\s[{,?](?:~|null|Null|NULL)\s*:(?:\s|$)|[\s[{,:]0[xo][\da-fA-F]|[\]}"',[{]#/m;
const FULL_PARSE_AT_LINE_START =
  /%|[&*!]|(?:~|null|Null|NULL)\s*:(?:\s|$)| *(?:[[{]|\?(?:\s|$))|[ -]*(?:[[{].*[\]}] *:(?:\s|$)|\?(?:\s|$))|[ -]*:(?:\s|$)|[ -]*-[ ]*(?:#.*)?$| *(?:- +)*(?:[^\s#'"][^#\n]*?: +)?(?:"(?:[^"\\\n]|\\.)*|'(?:[^'\n]|'')*)$/my;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/**
 * Mappings and lists may nest this deep. Both readers recurse, so past a depth that depends on the
 * stack left when they are called they fail with "Maximum call stack size exceeded" at a place that
 * varies from run to run; no secrel file needs more than a handful of levels, so deeper is refused
 * before either reader runs, the same way every time.
 */
export const MAX_NESTING = 64;

/**
 * Whether a text could nest deeper than MAX_NESTING, counted generously and cheaply: a block level
 * needs one more column of indentation or one more `- `/`? ` on its line, a flow level one `[` or `{`.
 * Only such texts are measured exactly (by the full reader's syntax tree, which does not recurse).
 */
export function mightNestTooDeeply(text: string): boolean {
  const brackets = count(text, '[') + count(text, '{');
  if (brackets >= MAX_NESTING) return true;
  // The deepest block level: the longest run of ` ?:-` that starts a line (the text's start, or after a
  // \n). Deeper than allowed only if some line's run reaches `need`; the character at need - 1 rules
  // out nearly every line at once (indentation is short), so only the rest are read in full.
  const need = MAX_NESTING - brackets;
  for (let start = 0; start >= 0; start = next(text, start)) {
    if (start + need > text.length || !isLead(text.charCodeAt(start + need - 1))) continue;
    let i = start;
    while (i < start + need && isLead(text.charCodeAt(i))) i++;
    if (i === start + need) return true;
  }
  return false;
}

/** How often `ch` occurs in `text` (indexOf skips the rest fast). */
function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The start of the line after the one at `start`, or -1 at the last line. */
function next(text: string, start: number): number {
  const eol = text.indexOf('\n', start);
  return eol < 0 ? -1 : eol + 1;
}

/** ` `, `?`, `:` or `-`: what a block level may add to a line's start. */
const isLead = (c: number) => c === 0x20 || c === 0x3f || c === 0x3a || c === 0x2d;

/**
 * Whether a flow collection (`[…]`, `{…}`) goes on over more than one line: js-yaml does not check how the
 * lines after the first are indented, the full reader does. Counted roughly (brackets in quotes count
 * too), which only ever sends a file the full way when it need not. Only lines with an opening bracket
 * can: each is found with indexOf, then counted from its start to its line break; a comment (a `#` at
 * the text's start or after a space) ends the count.
 */
export function flowSpansLines(text: string): boolean {
  for (let at = firstOpener(text, 0); at >= 0;) {
    const start = text.lastIndexOf('\n', at) + 1;
    const eol = text.indexOf('\n', at);
    if (eol < 0) return false;
    let open = 0;
    for (let i = start; i < eol; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) open++;
      else if (c === 0x5d || c === 0x7d) open--;
      else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20)) break;
    }
    if (open > 0) return true;
    at = firstOpener(text, eol + 1);
  }
  return false;
}

/** The first `[` or `{` at or after `from`, or -1. */
function firstOpener(text: string, from: number): number {
  const square = text.indexOf('[', from);
  const curly = text.indexOf('{', from);
  return square < 0 ? curly : curly < 0 ? square : Math.min(square, curly);
}

/**
 * Reads a YAML file. Clean files (nearly all of them) take a fast path (js-yaml, YAML 1.2 core schema,
 * about eight times quicker); the positional document is built later, only for files that have findings
 * (`locateFindings`). Anything unusual, and every file the fast reader refuses, is read by the full
 * parser, whose findings say exactly what is wrong and where.
 */
export async function parseYaml(file: string, text: string): Promise<YamlFile> {
  return parseYamlFast(file, text) ?? (await loadFullReader()).parseYamlFully(file, text);
}

/** The fast path alone: undefined when the file needs the full reader. */
export function parseYamlFast(file: string, text: string): YamlFile | undefined {
  if (needsFullParse(text) || flowSpansLines(text) || mightNestTooDeeply(text)) return undefined;
  try {
    // An empty file is null, as the full reader has it (js-yaml says undefined).
    return { file, text, data: detached(jsyaml.load(text, { schema: CORE_1_2, json: false })) ?? null, findings: [] };
  } catch {
    return undefined; // the full reader reports the problem with its position
  }
}

/**
 * The value with its strings copied out of js-yaml's text: js-yaml reads its own copy of the file's text
 * (with a terminator added), and the strings it gives are slices of that copy, which would keep a second
 * copy of every file in memory for as long as its data (20,000 modifications: 22 MB). Changed in place.
 */
function detached(value: unknown): unknown {
  // V8 slices strings of 13 characters or more; a shorter one is a copy already.
  if (typeof value === 'string') return value.length < 13 ? value : `${value} `.slice(0, -1);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detached(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      // An own `__proto__` key: assigning to it would set the prototype; its text may stay a slice.
      if (key === '__proto__') detached(record[key]);
      else record[key] = detached(record[key]);
    }
  }
  return value;
}

/** A file whose value is already known (the cache), not read: its text is read later only if it is needed. */
export function yamlFileOf(file: string, data: unknown): YamlFile {
  return { file, data, findings: [] };
}
