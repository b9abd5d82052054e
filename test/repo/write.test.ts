// Writes that lose nothing: a bump changes only the version line and adds its lines; everything else stays byte for byte.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/cli.js';
import { UsageError } from '../../src/repo/errors.js';
import { editYaml, rewriteYamlFile, YamlSyntaxError, type YamlEdit } from '../../src/repo/write.js';

const bump = (version: string, changes: string | string[]): YamlEdit[] => [
  { op: 'set', path: ['rid', 'version'], value: version },
  { op: 'append', path: ['rid', 'history'], value: { version, date: '2020-02-03', changes } },
  { op: 'set', path: ['rid', 'computedFrom'], value: { version, scope: ['MP079', 'SECMP0062#1'], inputs: 'sha256:abc' } },
];
const FLOW = { flowKeys: ['scope'] };

/** Lines only in `a` and lines only in `b` (longest common subsequence), so "what else changed" is exact. */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = x.map(() => new Array<number>(y.length + 1).fill(0));
  lcs.push(new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(y[j++]!);
    else removed.push(x[i++]!);
  }
  return { removed, added };
}

describe('editYaml', () => {
  it('changes only the version line of the real June 2020 release file and adds the entry and the record', () => {
    const before = readFileSync(join(FIXTURES, 'sec-2020', 'releases', '2020-06.yaml'), 'utf8');
    const after = editYaml(before, bump('2.0', ['SECMP0099 added to the baselined systems scope', 'MP142 approved']), FLOW);
    expect(lineDiff(before, after)).toEqual({
      removed: ['  version: "1.1"'],
      added: [
        '  version: "2.0"',
        '    - version: "2.0"',
        '      date: 2020-02-03',
        '      changes:',
        '        - SECMP0099 added to the baselined systems scope',
        '        - MP142 approved',
        '  computedFrom:',
        '    version: "2.0"',
        '    scope: [MP079, SECMP0062#1]',
        '    inputs: sha256:abc',
      ],
    });
  });

  it('keeps comments, quoting, blank lines, folded text, flow lists and CRLF line ends of a hand-written file', () => {
    const before = [
      '# June 2020 SEC Release',
      'id: 2020-06   # the release',
      'type: system',
      '',
      'rid:',
      "  version: '1.0'   # bumped by CI",
      '  baselines:',
      "  - {version: '1.0', date: 2019-10-11, covers: systems, scope: [ SECMP0053 ]}",
      '  history:',
      "  - version: '1.0'",
      '    date: 2019-10-11',
      '    changes: >-',
      '      Version baselined by the Panel to cover the proposed scope of the release on the DCC',
      '      Systems.',
      '',
      '# Costs follow.',
      'costs:',
      '  statedTotal: 1120042',
      '',
    ].join('\r\n');
    const after = editYaml(before, bump('1.1', 'MP079 added to the scope'), FLOW);
    const expected = before
      .replace("  version: '1.0'   # bumped by CI", "  version: '1.1'   # bumped by CI")
      .replace(
        '      Systems.\r\n',
        [
          '      Systems.',
          "  - version: '1.1'",
          '    date: 2020-02-03',
          '    changes: MP079 added to the scope',
          '  computedFrom:',
          "    version: '1.1'",
          '    scope: [MP079, SECMP0062#1]',
          '    inputs: sha256:abc',
          '',
        ].join('\r\n'),
      );
    expect(after).toBe(expected);
  });

  it('creates the rid block of a release that has none, after its last key, and fills an empty flow list', () => {
    const after = editYaml('id: 2021-06\ntype: system\n\n# The end.\n', bump('0.1', 'First draft.'), FLOW);
    expect(after).toBe(
      'id: 2021-06\ntype: system\nrid:\n  version: "0.1"\n  history:\n    - version: "0.1"\n      date: 2020-02-03\n      changes: First draft.\n' +
        '  computedFrom:\n    version: "0.1"\n    scope: [MP079, SECMP0062#1]\n    inputs: sha256:abc\n\n# The end.\n',
    );
    expect(editYaml('id: x\nrid:\n  history: []\nnotes: n', [{ op: 'append', path: ['rid', 'history'], value: { version: '0.1' } }])).toBe(
      'id: x\nrid:\n  history:\n    - version: "0.1"\nnotes: n',
    );
  });

  it('puts a new key after the sibling it belongs with', () => {
    const before = 'id: x\nrid:\n  version: "1.0"  # v\n  history:\n    - version: "1.0"\n';
    const baseline = { version: '1.0', date: '2019-10-11', covers: 'systems', scope: ['SECMP0053'] };
    expect(editYaml(before, [{ op: 'append', path: ['rid', 'baselines'], value: baseline, after: 'version' }], FLOW)).toBe(
      'id: x\nrid:\n  version: "1.0"  # v\n  baselines:\n    - version: "1.0"\n      date: 2019-10-11\n      covers: systems\n      scope: [SECMP0053]\n  history:\n    - version: "1.0"\n',
    );
  });

  it('changes only the edited key when a value on its path is shared by an anchor', () => {
    // The anchored value itself: its alias keeps the old value.
    expect(editYaml('a: &x "1.0"\nb: *x\n', [{ op: 'set', path: ['a'], value: '1.1' }])).toBe('a: &x "1.1"\nb: "1.0"\n');
    // An alias on the edit's path is written out before the edit goes into it.
    expect(editYaml('base: &r\n  version: "1.0"\nrid: *r\n', [{ op: 'set', path: ['rid', 'version'], value: '1.1' }])).toBe(
      'base: &r\n  version: "1.0"\nrid:\n  version: "1.1"\n',
    );
    // An item appended to an aliased list is not appended to the anchored one.
    expect(editYaml('h: &h\n  - 1\nrid:\n  history: *h\n', [{ op: 'append', path: ['rid', 'history'], value: 2 }])).toBe(
      'h: &h\n  - 1\nrid:\n  history:\n    - 1\n    - 2\n',
    );
    // A replaced value takes its anchors with it: their aliases further on are written out first.
    expect(
      editYaml('rid:\n  computedFrom:\n    scope: &s [A, B]\nnotes: *s\n', [{ op: 'set', path: ['rid', 'computedFrom'], value: { scope: ['C'] } }], FLOW),
    ).toBe('rid:\n  computedFrom:\n    scope: [C]\nnotes: [A, B]\n');
  });

  it('refuses a file with syntax errors', () => {
    expect(() => editYaml('id: 2020-06\nrid:\n  version: "1.0\n', bump('1.1', 'x'))).toThrow(YamlSyntaxError);
    expect(() => editYaml('id: 2020-06\nid: again\n', bump('1.1', 'x'))).toThrow(YamlSyntaxError);
  });
});

describe('rewriteYamlFile', () => {
  const scratch = () => mkdtempSync(join(tmpdir(), 'secrel-write-'));

  it('replaces the file in one rename, keeping a byte-order mark, and leaves no temporary file', async () => {
    const dir = scratch();
    try {
      const file = join(dir, '2020-06.yaml');
      writeFileSync(file, '\uFEFFid: 2020-06\nrid:\n  version: "1.0"\n');
      expect(await rewriteYamlFile(file, [{ op: 'set', path: ['rid', 'version'], value: '1.1' }])).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('\uFEFFid: 2020-06\nrid:\n  version: "1.1"\n');
      expect(readdirSync(dir)).toEqual(['2020-06.yaml']);
      expect(await rewriteYamlFile(file, [{ op: 'set', path: ['rid', 'version'], value: '1.1' }])).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never rewrites a file with syntax errors, and says how to go on', async () => {
    const dir = scratch();
    try {
      const file = join(dir, '2020-06.yaml');
      const broken = 'id: 2020-06\nrid:\n\tversion: "1.0"\n';
      writeFileSync(file, broken);
      const err = await rewriteYamlFile(file, bump('1.1', 'x')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).message).toContain('has YAML errors, so secrel did not rewrite it');
      expect((err as UsageError).hint).toContain('secrel validate');
      expect(readFileSync(file, 'utf8')).toBe(broken);
      expect(readdirSync(dir)).toEqual(['2020-06.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
