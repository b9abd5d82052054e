// Compare-and-swap on the content read (issue 14, point 1): an edit decided from one text is never
// written over another (an editor saved the file while secrel worked), and nothing else is written either.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFaults, writeFilesAtomic } from '../../src/repo/atomic.js';
import { plannedYamlEdit } from '../../src/repo/write.js';
import { scratchDirs } from './scratch.js';

const scratch = scratchDirs();

describe('compare-and-swap', () => {
  it('refuses an edit when the file no longer holds the text it was decided from', async () => {
    const file = join(scratch(), 'r.yaml');
    writeFileSync(file, 'id: a\nname: edited meanwhile\n');
    await expect(plannedYamlEdit(file, [{ op: 'set', path: ['name'], value: 'x' }], { expected: 'id: a\n' })).rejects.toThrow(
      `${file} changed while secrel was working on it`,
    );
  });

  it('checks again just before each rename: a file changed after planning stops the whole write', async () => {
    const dir = scratch();
    const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
    writeFileSync(a, 'id: a\n');
    writeFileSync(b, 'id: b\n');
    const wa = (await plannedYamlEdit(a, [{ op: 'set', path: ['name'], value: 'A' }], { expected: 'id: a\n' }))!;
    const wb = (await plannedYamlEdit(b, [{ op: 'set', path: ['name'], value: 'B' }], { expected: 'id: b\n' }))!;
    writeFaults.inject = (step, path) => {
      if (step === 'commit' && path === b) writeFileSync(b, 'id: b\nname: someone else\n');
    };
    try {
      await expect(writeFilesAtomic([wa, wb])).rejects.toThrow(`${b} changed while secrel was working on it`);
    } finally {
      writeFaults.inject = undefined;
    }
    expect(readFileSync(a, 'utf8')).toBe('id: a\n');
    expect(readFileSync(b, 'utf8')).toBe('id: b\nname: someone else\n');
  });
});
