// writeFilesAtomic: every file or none, permissions kept, links put back, no temporary file left behind.
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFaults, writeFilesAtomic } from '../../src/repo/atomic.js';

let dir: string;
afterEach(() => {
  writeFaults.inject = undefined;
  rmSync(dir, { recursive: true, force: true });
});
const scratch = () => (dir = mkdtempSync(join(tmpdir(), 'secrel-atomic-')));

describe('writeFilesAtomic', () => {
  it('replaces files and keeps their permissions', async () => {
    scratch();
    writeFileSync(join(dir, 'a.sh'), 'old');
    chmodSync(join(dir, 'a.sh'), 0o750);
    await writeFilesAtomic([
      { path: join(dir, 'a.sh'), data: 'new' },
      { path: join(dir, 'b.txt'), data: 'b' },
    ]);
    expect(readFileSync(join(dir, 'a.sh'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'a.sh')).mode & 0o777).toBe(0o750);
    expect(readdirSync(dir).sort()).toEqual(['a.sh', 'b.txt']);
  });

  it('exclusive: refuses to replace a file that exists, and writes none of the others', async () => {
    scratch();
    writeFileSync(join(dir, 'taken'), 'mine');
    const err = await writeFilesAtomic([
      { path: join(dir, 'new'), data: 'x', exclusive: true },
      { path: join(dir, 'taken'), data: 'y', exclusive: true },
    ]).catch((e: unknown) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('EEXIST');
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('mine');
  });

  it('a failure after some renames puts back files and absent files, and creates no folder', async () => {
    scratch();
    writeFileSync(join(dir, 'file'), 'before');
    writeFileSync(join(dir, 'other'), 'before too');
    writeFaults.inject = (step, _path, index) => {
      if (step === 'commit' && index === 3) throw new Error('injected');
    };
    const writes = [
      { path: join(dir, 'file'), data: 'after' },
      { path: join(dir, 'other'), data: 'after too' },
      { path: join(dir, 'sub', 'new'), data: 'new' },
      { path: join(dir, 'last'), data: 'never' },
    ];
    await expect(writeFilesAtomic(writes, { createFolders: true })).rejects.toThrow('injected');
    expect(readdirSync(dir).sort()).toEqual(['file', 'other']);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('before');
    expect(readFileSync(join(dir, 'other'), 'utf8')).toBe('before too');
  });

  it('never replaces a symbolic link with a file; follows one only into the folder it is allowed', async () => {
    scratch();
    writeFileSync(join(dir, 'file'), 'before');
    symlinkSync('file', join(dir, 'link'));
    await expect(writeFilesAtomic([{ path: join(dir, 'link'), data: 'now a file' }])).rejects.toThrow(`${join(dir, 'link')} is a symbolic link to`);
    expect(readlinkSync(join(dir, 'link'))).toBe('file');
    await writeFilesAtomic([{ path: join(dir, 'link'), data: 'through the link' }], { linksWithin: dir });
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('through the link');
  });
});
