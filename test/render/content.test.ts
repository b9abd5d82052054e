// A generated file's content in parts (the register: 20,000 rows) is compared with the file on disk and
// written part by part, each part made as it is read, so the page never lives whole.
import { describe, expect, it } from 'vitest';
import { contentBytes, equalContent } from '../../src/render/content.js';
import { textParts } from '../../src/render/engine.js';

const parts = (...texts: string[]) =>
  textParts(function* () {
    yield* texts;
  });

describe('content in parts', () => {
  it('equals the file that holds the parts joined, and no other', () => {
    const file = Buffer.from('<p>£1,000 — ok</p>\n', 'utf8');
    expect(equalContent(file, parts('<p>£1,000', ' — ok</p>\n'))).toBe(true);
    expect(equalContent(file, parts('<p>£1,000', ' — ok</p>'))).toBe(false);
    expect(equalContent(file, parts('<p>£1,000', ' — ok</p>\n', '\n'))).toBe(false);
    expect(equalContent(file, parts('<p>£2,000', ' — ok</p>\n'))).toBe(false);
    expect(contentBytes(parts('<p>£1,000', ' — ok</p>\n'))).toEqual(file);
  });

  it('stops making parts at the first that differs', () => {
    let made = 0;
    const lazy = textParts(function* () {
      for (const t of ['a', 'X', 'c', 'd']) {
        made++;
        yield t;
      }
    });
    expect(equalContent(Buffer.from('abcd'), lazy)).toBe(false);
    expect(made).toBe(2);
  });

  it('can be read again, each time making the parts afresh', () => {
    const p = parts('a', 'b');
    expect([...p]).toEqual(['a', 'b']);
    expect([...p]).toEqual(['a', 'b']);
  });
});
