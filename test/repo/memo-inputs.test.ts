// What the run memo records of a run's reading (watchSource): only what it can check later.
import { describe, expect, it } from 'vitest';
import { MAX_MEMO_FILES, watchSource } from '../../src/repo/memo-inputs.js';
import type { FileSource, SourceFile } from '../../src/repo/source.js';

const MADE = Date.UTC(2027, 5, 1);
const LONG_AGO = Date.UTC(2020, 0, 17);
const file = (path: string, changedMs = LONG_AGO): SourceFile => ({ path, stamp: `1:${path.length}:10:${changedMs}:${changedMs}`, changedMs });

function source(found: SourceFile[], readAs: (f: SourceFile) => SourceFile = (f) => f): FileSource {
  return { label: 'the work tree', collect: async () => found, read: async (files) => files.map(readAs) };
}

async function inputsOf(found: SourceFile[], readAs?: (f: SourceFile) => SourceFile) {
  const w = watchSource('/nowhere', source(found, readAs), false, MADE);
  const listed = await w.source.collect(['modifications'], []);
  await w.source.read(listed);
  return w.inputs();
}

const many = (n: number) => Array.from({ length: n }, (_, i) => file(`modifications/MP${String(i).padStart(5, '0')}.yaml`));

describe('watchSource', () => {
  it('records each file found with its stamp', async () => {
    expect(await inputsOf([file('modifications/MP1.yaml')])).toEqual({
      listings: [{ dirs: ['modifications'], files: [], found: [`modifications/MP1.yaml\0${file('modifications/MP1.yaml').stamp}`] }],
    });
  });

  it('records nothing when a file changed in the two seconds before the run, could not be read, or was read as another version', async () => {
    expect(await inputsOf([file('modifications/MP1.yaml', MADE - 1000)])).toBeUndefined();
    expect(await inputsOf([{ path: 'modifications/MP1.yaml', problem: 'this is not a regular file' }])).toBeUndefined();
    expect(await inputsOf([file('modifications/MP1.yaml')], (f) => ({ ...f, stamp: 'another' }))).toBeUndefined();
  });

  it(`records a run of up to ${MAX_MEMO_FILES} files, and none of more`, async () => {
    expect(await inputsOf(many(MAX_MEMO_FILES))).toBeDefined();
    expect(await inputsOf(many(MAX_MEMO_FILES + 1))).toBeUndefined();
  });
});
