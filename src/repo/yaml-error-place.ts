// Where a YAML syntax error is shown, when the yaml package reports it where it noticed rather than where
// the user has to look: an unclosed `[` or `{` is noticed on the next line, at its first column; a key
// indented differently from its mapping's others is reported at its line's first column, not at the key;
// a line indented too far, at the value on the line above it; a colon and a space inside a plain value; a
// quote never closed, at the quote rather than at the end of the file; text after a value's closing quote.
// And what a duplicate key's finding says.
import { Parser } from 'yaml';

/** A key set twice in one mapping: which, and where it was set first (the one to compare it with). */
export function duplicateKeyMessage(key: string, first: { line: number; column: number }): string {
  return `duplicate key: \`${key}\` is already set at line ${first.line}, column ${first.column}, in this mapping: keep one of the two and remove the other`;
}

/** The offset to show a yaml package error at, and its message (with what to do, where that is known). */
export function placeYamlError(text: string, message: string, offset: number): { offset: number; message?: string } {
  if (/^Flow (sequence|map) in block collection must be sufficiently indented/.test(message)) {
    const opener = unclosedFlowBefore(text, offset);
    if (opener !== undefined) {
      const [open, close] = text[opener] === '[' ? ['[', ']'] : ['{', '}'];
      return {
        offset: opener,
        message: `this \`${open}\` is never closed with \`${close}\`: close it, or write the ${open === '[' ? 'list one `- item` per line' : 'mapping one `key: value` per line'}`,
      };
    }
  }
  if (message.startsWith('Implicit keys need to be on a single line') || message.startsWith('Nested mappings are not allowed in compact mappings')) {
    // Reported at the value before a line indented too far: that line is the mistake.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const next = text.indexOf('\n', offset) + 1;
    if (next > 0 && next < text.length && afterSpaces(text, next) - next > afterSpaces(text, lineStart) - lineStart) {
      return {
        offset: afterSpaces(text, next),
        message: 'this line is indented more than the key above it, so YAML reads it as part of that value: indent it as the other keys of its mapping',
      };
    }
  }
  if (message.startsWith('Nested mappings are not allowed in compact mappings')) {
    // `title: Alert storm: protection`: a colon and a space inside a plain value start a mapping of their own.
    const end = text.indexOf('\n', offset);
    const value = text.slice(offset, end < 0 ? undefined : end).trim();
    if (/:\s/.test(value)) {
      const quoted = value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
      return { offset, message: `this value holds \`: \` (a colon and a space), which YAML reads as the start of a mapping: put it in quotes, ${quoted}` };
    }
  }
  if (/^Missing closing ["']quote/.test(message)) {
    // Noticed at the end of the file: the quote that opens the string is where to look.
    const quote = message.includes('"') ? '"' : "'";
    const opener = unclosedQuoteBefore(text, offset, quote);
    if (opener !== undefined) return { offset: opener, message: `this ${quote} opens a quoted value that is never closed: close it with ${quote}` };
  }
  if (message.startsWith('Unexpected scalar at node end')) {
    // `title: "Authority-led changes: GBCS" for post-quantum`: the quotes close before the value ends.
    const said = textAfterQuote(text, offset);
    if (said !== undefined) return { offset, message: said };
  }
  if (message.startsWith('All mapping items must start at the same column')) {
    return {
      offset: afterSpaces(text, offset),
      message: 'this key is indented differently from the first key of its mapping (above it): line them up, with spaces only',
    };
  }
  return { offset };
}

/** The first `quote` after a `: ` or `- ` on a line that does not close it there: the value that runs on to the end. */
function unclosedQuoteBefore(text: string, offset: number, quote: string): number | undefined {
  let at = 0;
  for (const line of text.slice(0, offset).split('\n')) {
    const m = new RegExp(`^\\s*(?:-\\s+)?(?:[^:#]+:\\s+)?(${quote})`).exec(line);
    if (m && line.indexOf(quote, m.index + m[0].length) < 0) return at + m[0].length - 1;
    at += line.length + 1;
  }
  return undefined;
}

/**
 * What to say of text after the closing quote of a value that starts with a quote (`offset`: that text):
 * it is outside the quotes; the whole value quoted is the fix. A value that also ends with that quote
 * (`'It's here'`) meant its outer quotes as quotes, and the one inside as text.
 */
function textAfterQuote(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd);
  const m = /^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])/.exec(line);
  if (!m) return undefined;
  const q = m[1]!;
  const open = m[0].length - 1;
  const close = closingQuote(line, open);
  if (close === undefined || lineStart + close >= offset) return undefined;
  const comment = /\s+#.*$/.exec(line.slice(close + 1));
  const valueEnd = comment ? close + 1 + comment.index : line.length;
  const raw = line.slice(open, valueEnd).trimEnd();
  const outside = line.slice(close + 1, valueEnd).trim();
  if (outside === '') return undefined;
  const meant = raw.length > 1 && raw.endsWith(q) ? raw.slice(1, -1) : raw;
  const rest = line.slice(close + 1, valueEnd).trimEnd();
  const closedAtEnd = meant === raw && !rest.includes(q) && !rest.includes('\\') ? `${q}${line.slice(open + 1, close)}${rest}${q}` : undefined;
  // A `\"` in the quoted part is an escape there, but would be text in the whole value quoted: then only close at the end.
  const fix = q === '"' && line.slice(open, close).includes('\\') ? closedAtEnd : quoteWhole(meant);
  if (fix === undefined) return undefined;
  const also = fix !== closedAtEnd && closedAtEnd ? ` (or, if the quotes are not part of the text, close them at the end: ${closedAtEnd})` : '';
  return `the ${q} before \`${outside}\` closes the quoted value, so \`${outside}\` is outside the quotes, where YAML allows only a comment: ${fix === closedAtEnd ? 'close the quotes at the end of the value' : 'quote the whole value'}, ${fix}${also}`;
}

/** Where the quoted scalar opening at `open` closes (a `\"` or a `''` inside does not close it). */
function closingQuote(line: string, open: number): number | undefined {
  const q = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/** `value` as one YAML quoted scalar: single quotes keep `"` and `\` as text; double quotes a value with only `'` in it. */
function quoteWhole(value: string): string {
  return value.includes("'") && !/["\\]/.test(value) ? `"${value}"` : `'${value.replaceAll("'", "''")}'`;
}

/** The offset of the first character at or after `at` that is not a space. */
function afterSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

interface FlowToken {
  type?: string;
  start?: { offset: number };
  end?: { source: string }[];
}

/** The offset of the last `[` or `{` before `offset` that the syntax tree shows has no closing bracket. */
function unclosedFlowBefore(text: string, offset: number): number | undefined {
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    const t = node as FlowToken & Record<string, unknown>;
    if (t.type === 'flow-collection' && t.start && t.start.offset < offset && !t.end?.some((e) => e.source === ']' || e.source === '}')) {
      if (found === undefined || t.start.offset > found) found = t.start.offset;
    }
    for (const key of ['value', 'key', 'items', 'sep']) walk(t[key]);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}
