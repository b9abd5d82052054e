// The YAML reader: positions, YAML 1.2 only, and hostile bytes turned into findings rather than crashes.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, loadFullReader, parseYamlFast } from '../../src/repo/yaml-doc.js';
import { locateIn, parseYamlFully } from '../../src/repo/yaml-full.js';

beforeAll(async () => {
  await loadFullReader();
});

const parseYaml = (file: string, text: string) => parseYamlFast(file, text) ?? parseYamlFully(file, text);
import { escapeData, escapeProperty } from '../../src/cli/report/escape.js';

describe('parseYaml', () => {
  it('keeps dates and `no` as strings (core schema)', () => {
    const y = parseYaml('a.yaml', 'date: 2020-06-25\nanswer: no\n');
    expect(y.findings).toEqual([]);
    expect(y.data).toEqual({ date: '2020-06-25', answer: 'no' });
  });

  it('refuses a %YAML 1.1 directive and !!timestamp', () => {
    expect(parseYaml('a.yaml', '%YAML 1.1\n---\nid: x\n').findings[0]).toMatchObject({ rule: 'YAML', line: 1, column: 1 });
    const ts = parseYaml('a.yaml', 'id: x\nd: !!timestamp 2020-01-01\n').findings[0];
    expect(ts).toMatchObject({ rule: 'YAML', line: 2, column: 4 });
    expect(ts?.message).toContain('!!timestamp');
  });

  it('stops an alias bomb with a finding', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join(
      '\n',
    );
    const y = parseYaml('a.yaml', `${bomb}\n`);
    expect(y.findings[0]?.message).toContain('aliases');
    expect(y.data).toBeUndefined();
  });

  it('keeps __proto__ as a plain key, never a prototype', () => {
    const y = parseYaml('a.yaml', 'id: x\n__proto__: {polluted: true}\n');
    expect(Object.getPrototypeOf(y.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('locates keys and values, CRLF or not', () => {
    for (const eol of ['\n', '\r\n']) {
      const y = parseYamlFully('a.yaml', ['id: x', 'implementation:', '  release: 2020-06', ''].join(eol));
      expect(locateIn(y, ['implementation', 'release'], 'key')).toEqual({ line: 3, column: 3 });
      expect(locateIn(y, ['implementation', 'release'])).toEqual({ line: 3, column: 12 });
      expect(locateIn(y, ['implementation', 'missing'])).toEqual({ line: 3, column: 3 });
      expect(locateIn(y, [], 'key')).toEqual({ line: 1, column: 1 });
    }
  });
});

describe('decodeText', () => {
  it('strips a BOM, refuses binary and invalid UTF-8', () => {
    expect(decodeText('a', new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64])).text).toBe('id');
    expect(decodeText('a', new Uint8Array([0x69, 0, 0x64])).finding?.message).toContain('binary');
    expect(decodeText('a', new Uint8Array([0x69, 0xff, 0x64])).finding?.message).toContain('UTF-8');
  });
});

describe('GitHub annotation escaping', () => {
  it('escapes %, CR, LF, and in properties also : and ,', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});
