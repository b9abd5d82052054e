// When the incremental cache may trust a work-tree stamp (src/repo/cache.ts): only for a file last
// modified well before the entry was made, so an edit within the same tick of the file system's clock
// as the run that read the file is never hidden behind an unchanged stamp.
import { describe, expect, it } from 'vitest';
import { trustStamp } from '../../src/repo/stamp-trust.js';

const MADE = Date.UTC(2026, 11, 2, 12, 0, 0);

describe('trustStamp', () => {
  it('trusts a git blob id (no modification time) and a file modified more than two seconds before', () => {
    expect(trustStamp(undefined, MADE)).toBe(true);
    expect(trustStamp(MADE - 2001, MADE)).toBe(true);
    expect(trustStamp(Date.UTC(2020, 0, 17), MADE)).toBe(true);
  });

  it('parses again a file modified in the two seconds before, or after, the entry was made', () => {
    expect(trustStamp(MADE - 2000, MADE)).toBe(false);
    expect(trustStamp(MADE - 1, MADE)).toBe(false);
    expect(trustStamp(MADE, MADE)).toBe(false);
    expect(trustStamp(MADE + 60_000, MADE)).toBe(false);
  });
});
