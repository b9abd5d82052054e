// Text for a terminal or a CI log that no data can take over: control characters (C0 but tab and line
// feed, DEL, C1) and the bidirectional overrides that reorder what a reader sees are shown as visible
// `\u…` escapes, never sent raw. Colour comes only from secrel's own chalk sequences, which are kept.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The SGR sequences chalk writes: ESC [ digits ; … m.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every unsafe character escaped; with `keepColour`, chalk's colour sequences stay. */
export function terminalSafe(text: string, keepColour = false): string {
  if (!keepColour) return text.replace(UNSAFE, visible);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += text.slice(last, m.index).replace(UNSAFE, visible) + m[0];
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(UNSAFE, visible);
}

/** One line of user text inside a line of output: line breaks become visible too, so none starts a line. */
export function oneLineSafe(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n');
}
