// Escaping user text for the documents: HTML is escaped by Handlebars itself; Markdown gets a view model
// whose strings are made Markdown-safe before any template sees them, so no template can forget.

/**
 * Text secrel generated itself (an SVG chart, a Mermaid block): written out as it is in both formats.
 * Handlebars leaves anything with `toHTML()` unescaped, and `markdownSafe` leaves it alone too.
 */
export class Trusted {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
  toHTML(): string {
    return this.value;
  }
}

// Characters that could start Markdown or inline HTML syntax inside a line of text: a backslash escape
// renders each of them as itself (CommonMark §2.4), in prose and in table cells alike.
const MARKDOWN_SPECIAL = /[\\`*[\]<>|]/g;

/** One string made safe for a Markdown line or table cell: specials escaped, line breaks joined. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/**
 * Copies already made of a view's parts (the values of its top-level keys), by the object they copy: a view
 * rendered twice (a RID's two passes share all but the glossary) is copied once. Only the top level is
 * remembered: a weak map entry for every object inside would cost as much as the copying it saves. For
 * views that are not changed after they are rendered, as none is.
 */
export type CopyMemo = WeakMap<object, unknown>;

/** A copy of a view model with every string Markdown-escaped (numbers, booleans, null and Trusted kept). */
export function markdownSafe<T>(value: T, memo?: CopyMemo): T {
  return copyView(value, escapeMarkdown, memo) as T;
}

/**
 * A copy of a view model that is data only: Handlebars calls any function it finds in its context, so a
 * function (say one inherited from a prototype by a lookup with a user's key) becomes null and never runs.
 */
export function plainData<T>(value: T, memo?: CopyMemo): T {
  return copyView(value, (s) => s, memo) as T;
}

function copyView(view: unknown, text: (s: string) => string, memo: CopyMemo | undefined): unknown {
  if (!memo || view === null || typeof view !== 'object' || Array.isArray(view) || view instanceof Trusted) return plainCopy(view, text);
  return copyObject(view, text, memo);
}

function plainCopy(value: unknown, text: (s: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined || value instanceof Trusted) return value;
  if (Array.isArray(value)) return value.map((v) => plainCopy(v, text));
  if (typeof value !== 'object') return null;
  return copyObject(value, text, undefined);
}

/** `memo`: for the view itself, whose values are looked up in it (and added) rather than copied again. */
function copyObject(value: object, text: (s: string) => string, memo: CopyMemo | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    let copy: unknown;
    if (memo && v !== null && typeof v === 'object') {
      if (!memo.has(v)) memo.set(v, plainCopy(v, text));
      copy = memo.get(v);
    } else copy = plainCopy(v, text);
    // defineProperty: a key named `__proto__` is a key, not the copy's prototype. Only for that key: for
    // every other one it is several times slower, and leaves objects Handlebars reads more slowly.
    if (k === '__proto__') Object.defineProperty(out, k, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[k] = copy;
  }
  return out;
}

/** Only http(s) links reach a document: anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null;
}
