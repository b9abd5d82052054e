// One reading of YAML (issue 12, point 4): the fast reader (js-yaml with YAML 1.2's core schema) may only
// read a document the full reader (the yaml package) would read the same way; anything else goes to the
// full reader. This differential test generates documents full of the constructs where the two could
// differ, and edits real files at random, and checks that what secrel reads (fast path or not) is exactly
// what the full reader reads: the same data, the same findings. `npm run fuzz` runs it with many more cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../src/repo/yaml-doc.js';
import { parseYamlFully } from '../../src/repo/yaml-full.js';
import { FIXTURES } from '../helpers/cli.js';
import { byTier } from '../helpers/tier.js';
import { editedText, layout, yamlBlock, yamlFiles } from '../helpers/yaml-arbitraries.js';

const CASES = Number(process.env.SECREL_YAML_CASES ?? byTier(3000, 20000));
/** `npm run fuzz` passes its own seed; the suite's are fixed. */
const SEED = process.env.SECREL_YAML_SEED === undefined ? undefined : Number(process.env.SECREL_YAML_SEED);

const SCALARS = [
  '0b101',
  '+.5',
  '-.5',
  '.5',
  '+1',
  '-0',
  '0o17',
  '0O17',
  '0x1F',
  '0X1F',
  '1_000',
  '1e3',
  '1E3',
  '+1e3',
  '1.e3',
  '1.0e+3',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '.NaN',
  '.nan',
  'NaN',
  'Infinity',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '2020-01-01',
  '2020-1-1',
  '2020-01-01T10:00:00Z',
  '12:30',
  '1:30:00',
  '010',
  '0.10',
  '1.',
  '00',
  '0',
  '-',
  '--',
  '---',
  '...',
  '=',
  '<<',
  "''",
  '""',
  '"a"',
  "'b'",
  "'it''s'",
  '"\\x41"',
  '"\\u00e9"',
  '"\\N"',
  "'\\x41'",
  'a b',
  'x#y',
  'x # c',
  'a,b',
  'a:b',
  'a: b',
  '@x',
  '`x',
  '%x',
  '!',
  '!!str 1',
  '!!int 1',
  '!local x',
  '&a x',
  '*a',
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '[a, [b]]',
  '{a: {b: c}}',
  '[: x]',
  '[~: x]',
  '{? z}',
  '|\n  t',
  '|-\n  t\n',
  '>\n  t\n  u',
  '|2\n    t',
  '"a\n  b"',
  "'a\n\n  b'",
  'é',
  '\\',
  '£1,000',
  '1__2',
  '0x_1',
  '+',
  '.',
  '1:2',
  '0o',
  '0x',
  '0b',
  '123456789012345678901234567890',
  '9007199254740993',
  '1e400',
  '-1e400',
  '0.1e-400',
];
const KEYS = [
  'a',
  'b',
  'id',
  '~',
  'null',
  'NULL',
  '1',
  '-1',
  '.5',
  '0x1',
  '0b1',
  'true',
  'yes',
  '"q"',
  "'r'",
  '"a:b"',
  '[x, y]',
  '{k: v}',
  '? z',
  '<<',
  '""',
  'a b',
  '"~"',
  '"null"',
  '',
];

const entry = yamlBlock({ scalars: SCALARS, keys: KEYS, comments: ['', '', ' # note', ' #', '  # a: b'], maxLength: 3 });

const generated = fc
  .tuple(entry, fc.constantFrom('', '---\n', '%YAML 1.2\n---\n', '# top\n'), fc.constantFrom('', '\n...\n', '\n---\nx: 1\n'))
  .map(([body, head, tail]) => `${head}${layout(body)}${tail}\n`);

const REAL = yamlFiles(join(FIXTURES, 'sec-2020')).map((f) => readFileSync(f, 'utf8'));
const INSERTS = [
  '[',
  ']',
  '{',
  '}',
  ':',
  ': ',
  ',',
  '- ',
  '? ',
  '!',
  '&a ',
  '*a',
  '#',
  '|',
  '>',
  "'",
  '"',
  '~',
  '%',
  '@',
  '`',
  '\t',
  '\n',
  ' ',
  '0b',
  '0x',
  '+.',
  '-.',
  '.',
  '_',
  '<<: ',
  'null: ',
  '~: ',
  ': x',
  '- -',
];
const edited = editedText(REAL, INSERTS, 4);

/** What secrel reads (the fast path when it is taken) must be what the full reader reads. */
function sameReading(text: string): boolean {
  const full = parseYamlFully('f.yaml', text);
  const fast = parseYamlFast('f.yaml', text);
  if (fast === undefined) return true; // the full reader read it: one reading by construction
  if (full.findings.length > 0 || !isDeepStrictEqual(fast.data, full.data)) {
    throw new Error(
      `the readers differ on ${JSON.stringify(text)}:\n  fast: ${JSON.stringify(fast.data)}\n  full: ${full.findings.length ? full.findings.map((f) => f.message).join('; ') : JSON.stringify(full.data)}`,
    );
  }
  return true;
}

describe('one reading of YAML', () => {
  it(`reads ${CASES} generated documents as the full YAML 1.2 reader does`, () => {
    fc.assert(fc.property(generated, sameReading), { numRuns: CASES, seed: SEED ?? 1204 });
  }, 600_000);

  it(`reads ${CASES} random edits of the example's files as the full YAML 1.2 reader does`, () => {
    fc.assert(fc.property(edited, sameReading), { numRuns: CASES, seed: (SEED ?? 1204) + 1 });
  }, 600_000);

  it.each([
    ['0b101', 'a: 0b101\n', { a: '0b101' }],
    ['+.5 and -.5', 'a: +.5\nb: -.5\n', { a: 0.5, b: -0.5 }],
    ['1_000', 'a: 1_000\n', { a: '1_000' }],
    ['0o17 and 0x1F', 'a: 0o17\nb: 0x1F\n', { a: 15, b: 31 }],
    ['a null key', '~: x\n', { '': 'x' }],
    ['an empty flow key', 'a: [: x]\n', { a: [{ '': 'x' }] }],
    ['an empty flow pair', 'a: [:]\n', { a: [{ '': null }] }],
    ['-0', 'a: -0\n', { a: -0 }],
    ['a part reference with #', 'scope: [SECMP0053, SECMP0062#1]\n', { scope: ['SECMP0053', 'SECMP0062#1'] }],
  ])('reads %s the YAML 1.2 way', async (_name, text, data) => {
    const { parseYaml } = await import('../../src/repo/yaml-doc.js');
    expect((await parseYaml('f.yaml', text)).data).toStrictEqual(data);
  });

  it('sends a # straight after a flow collection to the full reader, which refuses it (found by CI, seed 1205)', async () => {
    const { parseYaml } = await import('../../src/repo/yaml-doc.js');
    const text = 'dependsOn:\n  - { id: CR1047 }#\n';
    expect(parseYamlFast('f.yaml', text)).toBeUndefined();
    expect((await parseYaml('f.yaml', text)).findings.map((f) => f.message)).toEqual(parseYamlFully('f.yaml', text).findings.map((f) => f.message));
    expect(parseYamlFully('f.yaml', text).findings.length).toBeGreaterThan(0);
  });

  it('still reads every file of the example the fast way (the start-up budget depends on it)', () => {
    for (const text of REAL) expect(parseYamlFast('f.yaml', text)).toBeDefined();
  });
});
