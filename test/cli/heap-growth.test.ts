// The heap's growth while a site's pages stream (src/cli/heap-growth.ts) is set back to what dist/main.js
// sets for every run: V8's code cache is made under those flags, and a bundle compiled under others is
// compiled afresh. The pages themselves pass through unchanged, in order, also when the stream fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, withTighterHeapGrowth } from '../../src/cli/heap-growth.js';
import { ROOT } from '../helpers/cli.js';

async function* items(n: number, failAt?: number) {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error('a template broke');
    yield i;
  }
}

describe('withTighterHeapGrowth', () => {
  it('sets back the growth dist/main.js sets', () => {
    expect(readFileSync(join(ROOT, 'dist', 'main.js'), 'utf8')).toContain(`setFlagsFromString('--heap-growing-percent=${HEAP_GROWING_PERCENT}')`);
  });

  it('passes every item through in order, and a failure too', async () => {
    const seen: number[] = [];
    for await (const i of withTighterHeapGrowth(items(5))) seen.push(i);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const partial: number[] = [];
    await expect(
      (async () => {
        for await (const i of withTighterHeapGrowth(items(5, 3))) partial.push(i);
      })(),
    ).rejects.toThrow('a template broke');
    expect(partial).toEqual([0, 1, 2]);
  });
});
