// The fast YAML path must read every file exactly as the full YAML 1.2 parser does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFullReader, parseYamlFast } from '../../src/repo/yaml-doc.js';
import { parseYamlFully } from '../../src/repo/yaml-full.js';

beforeAll(async () => {
  await loadFullReader();
});

const parseYaml = (file: string, text: string) => parseYamlFast(file, text) ?? parseYamlFully(file, text);
import { FIXTURES } from '../helpers/cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe('fast YAML path', () => {
  const files = yamlFiles(FIXTURES);
  it.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s reads the same both ways', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const fast = parseYaml('f.yaml', text);
    const full = parseYamlFully('f.yaml', text);
    expect(fast.findings).toEqual(full.findings);
    if (full.findings.length === 0) expect(fast.data).toEqual(full.data);
  });

  it('agrees on scalars that differ between YAML 1.1 and 1.2', () => {
    const text = 'a: no\nb: yes\nc: 2020-06-25\nd: 0o17\ne: 012\nf: ~\ng: .inf\nh: "1.0"\ni: 1.0\nj: 1_000\nk: on\n__proto__: {x: 1}\n';
    expect(parseYaml('f.yaml', text).data).toEqual(parseYamlFully('f.yaml', text).data);
  });

  it('keeps no positional document: positions are built later, only for files with findings', () => {
    const y = parseYaml('f.yaml', 'id: x\nimplementation:\n  release: 2020-06\n');
    expect(y.doc).toBeUndefined();
    expect(y.data).toEqual({ id: 'x', implementation: { release: '2020-06' } });
  });
});
