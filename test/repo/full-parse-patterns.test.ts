// The fast reader's guard (needsFullParse, src/repo/yaml-guards.ts) is the one multi-line pattern below,
// split for speed into what may match anywhere and what may match only at the start of a line. The split
// must send exactly the same texts to the full reader: this compares the two on texts made of the
// characters and words the patterns look for, line breaks of every kind included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsFullParse } from '../../src/repo/yaml-guards.js';
import { byTier } from '../helpers/tier.js';

/** The guard as it was written first, as one pattern: the reference. */
const ONE_PATTERN =
  /^%|\t|(?:^|[\s[{,])[&*!]|^ *(?:[[{]|\?(?:\s|$))|^[ -]*(?:[[{].*[\]}] *:(?:\s|$)|\?(?:\s|$))|[[{,]\s*(?:[[{?]|:(?:[\s,\]}]|$))|(?:^|[\s[{,?])(?:~|null|Null|NULL)\s*:(?:\s|$)|^[ -]*:(?:\s|$)|^[ -]*-[ ]*(?:#.*)?$|^ *(?:- +)*(?:[^\s#'"][^#\n]*?: +)?(?:"(?:[^"\\\n]|\\.)*|'(?:[^'\n]|'')*)$|[\s[{,:]0[xo][\da-fA-F]|[\]}"',[{]#/m;

const PIECES = [' ', ' ', '  ', '-', '- ', ':', ': ', 'k: ', '\n', '\r', '\r\n', '\u2028', '\u2029', '#', '"', "'", '\\', '[', ']', '{', '}', ','];
const MORE = ['?', '%', '&', '*', '!', '~', 'null', 'Null', 'NULL', '0', '0x1', '0o7', 'x', 'o', 'a', 'b', '\t', 'title'];

describe('needsFullParse', () => {
  it('sends exactly the texts the one pattern does to the full reader', () => {
    // The last set has \n as its only line break: such texts take the guard's faster path, line by line.
    const newlinesOnly = [...PIECES, ...MORE].filter((p) => !/[\r\u2028\u2029]/.test(p));
    for (const pieces of [PIECES, [...PIECES, ...MORE], newlinesOnly]) {
      const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join(''));
      fc.assert(
        fc.property(text, (t) => needsFullParse(t) === ONE_PATTERN.test(t)),
        { numRuns: byTier(20_000, 200_000), seed: 1612 },
      );
    }
  });

  it('passes a clean file and catches a construct on its last line, after any line break', () => {
    expect(needsFullParse('id: MP001\ntitle: "A title"\nstatus: approved\n')).toBe(false);
    for (const br of ['\n', '\r', '\r\n', '\u2028', '\u2029']) expect(needsFullParse(`id: MP001${br}%YAML 1.2`), JSON.stringify(br)).toBe(true);
    expect(needsFullParse('id: MP001\nsummary: "goes on\n  over lines"\n')).toBe(true);
  });
});
