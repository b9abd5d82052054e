// The fast reader's two counting guards (src/repo/yaml-guards.ts) skip to the lines that matter with
// indexOf; they must answer exactly as the plain character-by-character loops below, which read every
// character: on texts made of brackets, comments, line breaks of every kind and long runs of ` ?:-`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowSpansLines, MAX_NESTING, mightNestTooDeeply } from '../../src/repo/yaml-guards.js';
import { byTier } from '../helpers/tier.js';

/** mightNestTooDeeply as first written: the reference. */
function nestReference(text: string): boolean {
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets >= MAX_NESTING) return true;
  const lead = /^[ ?:-]*/gm;
  let block = 0;
  for (let m = lead.exec(text); m !== null; m = lead.exec(text)) {
    block = Math.max(block, m[0].length);
    lead.lastIndex = text.indexOf('\n', lead.lastIndex);
    if (lead.lastIndex < 0) break;
    lead.lastIndex++;
  }
  return block + 1 + brackets > MAX_NESTING;
}

/** flowSpansLines as first written: the reference. */
function flowReference(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) open++;
    else if (c === 0x5d || c === 0x7d) open--;
    else if (c === 0x0a) {
      if (open > 0) return true;
      open = 0;
    } else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20)) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
    }
  }
  return false;
}

const PIECES = ['[', ']', '{', '}', '#', ' #', ' ', '  ', '-', '- ', '?', ':', 'a', 'k: ', '\n', '\r', '\r\n', '\u2028', '"'];
const LEADS = [' '.repeat(20), '- '.repeat(10), '? '.repeat(8), ':'.repeat(16), '['.repeat(20), '{'.repeat(10)];

describe('the fast reader guards', () => {
  it('answer as the character-by-character loops do', () => {
    for (const pieces of [PIECES, [...PIECES, ...LEADS]]) {
      const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
      fc.assert(
        fc.property(text, (t) => flowSpansLines(t) === flowReference(t) && mightNestTooDeeply(t) === nestReference(t)),
        { numRuns: byTier(20_000, 200_000), seed: 2612 },
      );
    }
  });

  it('catch a flow list over two lines and a block nested past the limit, and pass a clean file', () => {
    expect(flowSpansLines('a: [1,\n  2]\n')).toBe(true);
    expect(flowSpansLines('a: [1, 2]\nb: {c: 1} # [\n')).toBe(false);
    const deep = Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(mightNestTooDeeply(`${deep}\n`)).toBe(true);
    expect(nestReference(`${deep}\n`)).toBe(true);
    expect(mightNestTooDeeply('id: MP001\nparts:\n  - part: 1\n    release: 2027-06\n')).toBe(false);
  });
});
