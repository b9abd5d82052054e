// The control-character walk is skipped for a file the fast reader read when its text could not give
// one (fastReadMayHoldControlChars): that must never let a refused character through. Checked on YAML
// made of keys and values, plain, quoted and block, with escapes, tabs, line breaks of every kind and
// the refused characters themselves; and by name on the ways a text makes one without holding it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlChars, fastReadMayHoldControlChars } from '../../src/repo/control-chars.js';
import { parseYamlFast } from '../../src/repo/yaml-doc.js';
import { byTier } from '../helpers/tier.js';

const CHARS = ['a', 'b', ' ', '\t', '\n', '\r', '\u2028', '\u0085', '\u0007', '\u001b', '\u202e', '\u2066', '\\', '"', "'", '#', ':', '-'];
const ESCAPES = ['\\e', '\\a', '\\t', '\\n', '\\r', '\\u202e', '\\x07', '\\u0000', '\\0', '\\N', '\\\\', '\\"', '\\L', '\\P', '\\_'];
const word = fc.array(fc.constantFrom(...CHARS, ...ESCAPES), { maxLength: 6 }).map((a) => a.join(''));
const scalar = fc.oneof(
  word,
  word.map((w) => `"${w}"`),
  word.map((w) => `'${w}'`),
  fc.tuple(fc.constantFrom('|', '>', '|-', '>+'), word, word).map(([style, x, y]) => `${style}\n  ${x}\n  ${y}`),
);
const line = fc.tuple(fc.constantFrom('', '  ', '- ', '  - '), scalar, scalar).map(([lead, k, v]) => `${lead}${k}: ${v}`);
const doc = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));

describe('skipping the control-character walk for the fast reader', () => {
  it('never skips a file whose data holds a refused character', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const fast = parseYamlFast('f.yaml', text);
        if (!fast || fastReadMayHoldControlChars(text)) return true;
        return controlChars(fast.data).length === 0;
      }),
      { numRuns: byTier(5_000, 100_000), seed: 2026 },
    );
  });

  it('walks a file with an escape or a tab, and skips one with neither', () => {
    for (const text of ['title: "a\\u202eb"', 'title: "bell \\a"', "title: 'tab\there'", 'title: "x\\e[31m"']) {
      expect(fastReadMayHoldControlChars(text), text).toBe(true);
      expect(controlChars(parseYamlFast('f.yaml', text)?.data ?? { title: '\u0007' }).length, text).toBeGreaterThan(0);
    }
    expect(fastReadMayHoldControlChars('id: MP001\ntitle: "A title"\nsummary: >-\n  Two\n  lines\n')).toBe(false);
  });
});
