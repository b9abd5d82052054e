// Golden files: the June and November 2020 documents as reviewed by eye, byte for byte.
// After an intended change, regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts`
// and review the diff before committing.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { renderFixture } from './render-fixture.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'sec-2020');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

let files = new Map<string, string>();
beforeAll(async () => {
  files = await renderFixture('sec-2020', ['2020-06', '2020-11']);
  if (UPDATE) {
    for (const [path, content] of files) {
      mkdirSync(dirname(join(GOLDEN, path)), { recursive: true });
      writeFileSync(join(GOLDEN, path), content);
    }
  }
});

describe('golden documents for fixtures/sec-2020', () => {
  it('the same set of files', () => {
    expect(listFiles(GOLDEN)).toEqual([...files.keys()].sort());
  });

  it('each file byte for byte', () => {
    for (const [path, content] of files) expect([path, content]).toEqual([path, readFileSync(join(GOLDEN, path), 'utf8')]);
  });
});
