// The README's Quick start shows what a problem looks like: the block is the command's own output, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';

describe('README Quick start', () => {
  it('shows exactly what `secrel validate --repo fixtures/invalid/unknown-key` prints', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const after = readme.slice(readme.indexOf('A finding names the file, line and column'));
    const shown = /```\n([\s\S]*?)\n```/.exec(after)![1];
    const r = await secrel(['validate', '--repo', 'fixtures/invalid/unknown-key'], { cwd: ROOT });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(shown);
  });
});
