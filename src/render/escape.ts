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

/** A copy of a view model with every string Markdown-escaped (numbers, booleans, null and Trusted kept). */
export function markdownSafe<T>(value: T): T {
  return escapeDeep(value) as T;
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value instanceof Trusted || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v);
  return out;
}

/** Only http(s) links reach a document: anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null;
}
