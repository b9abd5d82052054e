// Positions from the syntax tree (yaml-positions.ts) must be the full reader's, to the column: on every
// path into every document (real files, random edits of them, generated documents full of the constructs
// where the two could part), wherever the tree answers; where it does not, the document does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../src/domain/findings.js';
import { locateIn, parseForPositions, parseYamlFully } from '../../src/repo/yaml-full.js';
import { treePositions } from '../../src/repo/yaml-positions.js';
import { FIXTURES } from '../helpers/cli.js';
import { byTier } from '../helpers/tier.js';
import { editedText, layout, yamlBlock, yamlFiles } from '../helpers/yaml-arbitraries.js';

const CASES = Number(process.env.SECREL_YAML_CASES ?? byTier(400, 10000));
/** SECREL_YAML_SEED runs other cases (with SECREL_YAML_CASES, a longer run by hand); the suite's seeds are fixed. */
const SEED = process.env.SECREL_YAML_SEED === undefined ? undefined : Number(process.env.SECREL_YAML_SEED);

/** Every path into `data` (each key and list index), and one that goes nowhere below each mapping. */
function paths(data: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
    out.push([...prefix, 'no-such-key'], [...prefix, 0]);
  }
  return out;
}

/** Compares the tree's answers with the document's on every path; returns how many the tree answered of how many. */
function samePositions(text: string): [number, number] {
  const full = parseYamlFully('f.yaml', text);
  // Only files that read cleanly have findings by path (a syntax error is placed when it is found).
  if (full.findings.length > 0) return [0, 0];
  const doc = parseForPositions('f.yaml', text);
  const tree = treePositions(text);
  let answered = 0;
  let asked = 0;
  for (const path of paths(full.data)) {
    for (const where of ['key', 'value'] as const) {
      asked++;
      const fromTree = tree.at(path, where);
      if (fromTree === undefined) continue;
      answered++;
      const fromDoc = locateIn(doc, path, where);
      if (fromTree.line !== fromDoc.line || fromTree.column !== fromDoc.column) {
        throw new Error(
          `${JSON.stringify(path)} (${where}) in ${JSON.stringify(text)}: tree ${fromTree.line}:${fromTree.column}, document ${fromDoc.line}:${fromDoc.column}`,
        );
      }
    }
  }
  return [answered, asked];
}

const REAL = [...yamlFiles(join(FIXTURES, 'sec-2020')), ...yamlFiles(join(FIXTURES, 'minimal'))].map((f) => readFileSync(f, 'utf8'));

const SCALARS = [
  'x',
  '1',
  '0x1F',
  '~',
  'null',
  'true',
  "''",
  '""',
  '"a"',
  "'b'",
  '"\\u00e9"',
  'a b',
  'x # c',
  '&a x',
  '*a',
  '!!str 1',
  '!local x',
  '[]',
  '{}',
  '[a, b]',
  '[a, [b]]',
  '[a,\n  b]',
  '[a, b, ]',
  '[a: 1]',
  '{a: 1}',
  '[: x]',
  '|\n  t',
  '>-\n  t\n  u',
  '"a\n  b"',
  '',
];
const KEYS = [
  'a',
  'b',
  'id',
  '~',
  'null',
  '1',
  '-1',
  '.5',
  'true',
  'yes',
  '"q"',
  "'r'",
  '"a:b"',
  '"a\\tb"',
  '"1"',
  '? z',
  '&k a',
  '!!str c',
  'a b',
  '""',
  "'it''s'",
  'a',
];
const block = yamlBlock({ scalars: SCALARS, keys: KEYS, comments: ['', '', ' # note', '\n# own line', '\n\n'], maxLength: 4 });

const generated = fc.tuple(block, fc.constantFrom('', '---\n', '# top\n', '--- # c\n')).map(([body, head]) => `${head}${layout(body)}\n`);

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
  '\n',
  ' ',
  '  ',
  '0x',
  '1: ',
  ': x',
  '- -',
  '\n  ',
];
const edited = editedText(REAL, INSERTS, 3);

describe('positions from the syntax tree', () => {
  it("are the full reader's on every path of every file of the examples, and answer nearly all of them", () => {
    let answered = 0;
    let asked = 0;
    for (const text of REAL) {
      const [a, n] = samePositions(text);
      answered += a;
      asked += n;
    }
    expect(asked).toBeGreaterThan(1000);
    expect(answered / asked).toBeGreaterThan(0.95);
  });

  it(`are the full reader's on ${CASES} generated documents, wherever the tree answers`, () => {
    fc.assert(
      fc.property(generated, (text) => (samePositions(text), true)),
      { numRuns: CASES, seed: SEED ?? 1206 },
    );
  }, 600_000);

  it(`are the full reader's on ${CASES} random edits of the example's files, wherever the tree answers`, () => {
    fc.assert(
      fc.property(edited, (text) => (samePositions(text), true)),
      { numRuns: CASES, seed: (SEED ?? 1206) + 1 },
    );
  }, 600_000);

  it(`never fail on ${CASES} random edits, files that do not read among them (findings are placed from the tree first)`, () => {
    fc.assert(
      fc.property(edited, fc.array(fc.constantFrom('id', 'title', 'rid', 'version', 0, 1), { maxLength: 3 }), (text, path) => {
        const tree = treePositions(text);
        tree.at(path, 'key');
        tree.at(path, 'value');
        return true;
      }),
      { numRuns: CASES, seed: (SEED ?? 1206) + 2 },
    );
  }, 600_000);

  it.each(['@\u0001yaml: x\nid: 2020-06\n', ']%yaml: x\nid: 2020-06\n', '`x: 1\nid: 2020-06\n', '"open: 1\nid: 2020-06\n'])(
    'leave a key the full reader refuses to the document, without failing: %j',
    (text) => {
      expect(() => treePositions(text).at(['id'], 'value')).not.toThrow();
    },
  );

  it.each([
    ['an empty value', 'a:\nb: 1\n', ['a'], 'value'],
    ['an anchored value', 'a: &x 1\n', ['a'], 'value'],
    ['a tagged mapping', 'a: !!map\n  b: 1\n', ['a', 'b'], 'value'],
    ['a key YAML reads as a number', '1: x\n', ['1'], 'value'],
    ['a pair in a flow list', 'a: [b: 1]\n', ['a', 0, 'b'], 'value'],
    ['a flow mapping with an empty value', 'a: {b: }\n', ['a', 'b'], 'value'],
    ['an explicit key', '? a\n: 1\n', ['a'], 'value'],
    ['an empty document', '# nothing\n', [], 'value'],
  ] as const)('leave %s to the document', (_name, text, path, where) => {
    expect(treePositions(text).at(path, where)).toBeUndefined();
  });
});
