// Parses one YAML file into a document that remembers where every key and value came from.
import jsyaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { Located, Position } from '../domain/findings.js';
import { flowSpansLines, mightNestTooDeeply, needsFullParse } from './yaml-guards.js';

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

export function yamlFinding(file: string, message: string, pos: Position, severity: 'error' | 'warning' = 'error'): Located {
  return { rule: 'YAML', severity, message, file, path: [], line: pos.line, column: pos.column };
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
  return { file, data, findings: NONE };
}

/** A cached file's syntax findings are with its other findings (the cache's): one empty list for all, not 10,000. */
const NONE: Located[] = Object.freeze([]) as unknown as Located[];
