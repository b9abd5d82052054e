// The suite's test files share their worker's modules (vitest.config.ts, `isolate: false`), so a file that
// replaces a module with vi.mock must be in ISOLATED: shared, the real module may already be loaded and the
// mock would not apply, or would leak into the next file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../vitest.config.js';
import { ROOT } from './helpers/cli.js';

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [relative(ROOT, join(dir, e.name)).split('\\').join('/')] : [],
  );

describe('test files that mock modules', () => {
  it('each run in a module registry of their own', () => {
    const mocking = testFiles(join(ROOT, 'test')).filter((f) => /\bvi\s*\.\s*(?:mock|doMock|unmock|doUnmock)\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !ISOLATED.includes(f))).toEqual([]);
  });
});
