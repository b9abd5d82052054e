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
  text: string;
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
  for (let i = 0; i < bytes.length; ) {
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
 * Anything the fast reader might treat differently from the full YAML 1.2 reader goes the full way:
 * directives, tags, anchors and aliases, tabs, lines that may start a key that is not plain text
 * (`[a, b]: x`, `{a: 1}: x`, `? x`), which js-yaml would quietly turn into the key "a,b" or "[object Object]",
 * and numbers that may be written in hexadecimal or octal (`0x1F`, `0o17`), which the full reader refuses.
 */
const NEEDS_FULL_PARSE = /^%|\t|(?:^|[\s[{,])[&*!]\S|^ *(?:[[{]|\?(?:\s|$))|[\s[{,:]0[xo][\da-f]/im;

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
  if (NEEDS_FULL_PARSE.test(text)) return undefined;
  try {
    // An empty file is null, as the full reader has it (js-yaml says undefined).
    return { file, text, data: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false }) ?? null, findings: [] };
  } catch {
    return undefined; // the full reader reports the problem with its position
  }
}

/** A file whose value is already known (the cache): positions are built later, as for the fast path. */
export function yamlFileOf(file: string, text: string, data: unknown): YamlFile {
  return { file, text, data, findings: [] };
}
