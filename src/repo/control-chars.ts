// Control characters and bidirectional overrides in a file's text (NUL, ESC, U+202E …) are refused:
// they would reach every published page and the terminal, and can make text read differently from what
// it holds. Tab, line feed and carriage return stay allowed in values (multi-line notes), not in keys.

// eslint-disable-next-line no-control-regex
const IN_VALUE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const IN_KEY = /[\u0000-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/;

// What could put a refused character into what the fast reader (js-yaml) read from a text: the character
// itself (tab included, refused in keys), or a backslash, which starts an escape (`"\e"`, `"\u202e"`). A
// line break cannot reach a key there: the fast reader's guards send every key that could span lines
// (`? …`, a quoted text over more lines) to the full reader.
// eslint-disable-next-line no-control-regex
const MIGHT_HOLD = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069\\]/;

/**
 * Whether the data the fast reader made from `text` could hold a refused character. When not, the walk
 * over every key and value (controlChars) finds nothing and is skipped: one search of the text is about
 * a quarter of the walk (10,000 files: 14 ms against 55).
 */
export const fastReadMayHoldControlChars = (text: string): boolean => MIGHT_HOLD.test(text);

export interface ControlChar {
  path: (string | number)[];
  /** `key` when the key itself holds it. */
  at: 'key' | 'value';
  code: string;
}

const code = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Every key and string value holding a refused character (the first such character of each), in order. */
export function controlChars(data: unknown, limit = 100): ControlChar[] {
  const out: ControlChar[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (out.length >= limit) return;
    if (typeof node === 'string') {
      const m = IN_VALUE.exec(node);
      if (m) out.push({ path, at: 'value', code: code(m[0]) });
    } else if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const m = IN_KEY.exec(k);
        if (m) out.push({ path: [...path, k], at: 'key', code: code(m[0]) });
        else walk(v, [...path, k]);
      }
    }
  };
  walk(data, []);
  return out;
}

const NAMES: Record<string, string> = {
  'U+0000': 'NUL',
  'U+0007': 'bell',
  'U+0008': 'backspace',
  'U+0009': 'tab',
  'U+000A': 'line feed',
  'U+000D': 'carriage return',
  'U+001B': 'escape, which starts terminal commands',
  'U+007F': 'delete',
};

/** What the character is, for a reader who cannot see it: `U+202E (a bidirectional override …)`. */
function described(code: string): string {
  const n = parseInt(code.slice(2), 16);
  const what =
    NAMES[code] ??
    (n >= 0x80 && n <= 0x9f ? 'a C1 control' : n >= 0x061c ? 'a bidirectional control, which reorders what a reader sees' : 'a control character');
  return `${code} (${what})`;
}

export function controlCharMessage(c: ControlChar): string {
  return `${c.at === 'key' ? 'this key' : 'this text'} holds the control character ${described(c.code)}, which secrel refuses: it would reach every published page and the terminal; remove it`;
}
