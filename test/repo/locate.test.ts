// The one locating step: findings arrive as paths into a file's data and leave with the line and column a
// user sees; only files that have findings are read for positions, and a clean run never loads the full
// YAML reader (the pre-commit hook's start-up stays what it was).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/findings.js';
import { locateFindings } from '../../src/repo/locate.js';
import { parseYamlFast } from '../../src/repo/yaml-doc.js';
import { ROOT } from '../helpers/cli.js';

const text = ['id: MP1', 'title: A test', 'implementation:', '  release: 2020-06', 'techSpecs:', '  - document: SMETS2', ''].join('\n');
const file = parseYamlFast('modifications/MP1.yaml', text)!;
const finding = (path: Finding['path'], extra: Partial<Finding> = {}): Finding => ({
  rule: 'X',
  severity: 'error',
  message: 'm',
  file: file.file,
  path,
  ...extra,
});

describe('locateFindings', () => {
  it("places a value, a key, the file's first key, a list item, and a missing field at its deepest parent", async () => {
    const located = await locateFindings(
      [file],
      [
        finding(['implementation', 'release']),
        finding(['implementation', 'release'], { where: 'key' }),
        finding([], { where: 'key' }),
        finding(['techSpecs', 0, 'document']),
        finding(['techSpecs'], { where: 'key' }),
        finding(['implementation', 'missing']),
      ],
    );
    expect(located.map((f) => `${f.line}:${f.column}`)).toEqual(['4:12', '4:3', '1:1', '6:15', '5:1', '4:3']);
    expect(located[0]).toMatchObject({ rule: 'X', path: ['implementation', 'release'], file: 'modifications/MP1.yaml' });
  });

  it('keeps a finding that is already placed (a YAML syntax error), and places one in a file never read at 1:1', async () => {
    const syntax = { ...finding([]), line: 7, column: 2 };
    const [a, b] = await locateFindings([file], [syntax, finding(['id'], { file: 'releases/unknown.yaml' })]);
    expect(a).toBe(syntax);
    expect(b).toMatchObject({ line: 1, column: 1 });
  });
});

describe('validate start-up', () => {
  // Runs the built CLI in a fresh process and lists the dist/vendor/ bundles it read.
  const vendorsRead = (repo: string): { code: number; loaded: string[]; builtins: string[] } => {
    const probe = `
      import fs from 'node:fs';
      const read = fs.readFileSync, seen = new Set();
      fs.readFileSync = function (p, ...rest) { if (typeof p === 'string' && /[\\\\/]vendor[\\\\/][^\\\\/]+\\.cjs$/.test(p)) seen.add(p.replace(/.*[\\\\/]/, '')); return read.call(this, p, ...rest); };
      const { loadMain } = await import(${JSON.stringify(join(ROOT, 'scripts', 'fuzz-lib.mjs'))});
      const main = await loadMain();
      const io = { stdout() {}, stderr() {}, isTTY: false, env: { NO_COLOR: '1' }, cwd: ${JSON.stringify(ROOT)} };
      const before = new Set(process.moduleLoadList);
      const code = await main(['node', 'secrel', 'validate', '--repo', ${JSON.stringify(repo)}], io);
      const builtins = process.moduleLoadList.filter((m) => !before.has(m) && /^NativeModule (child_process|fs\\/promises)$/.test(m)).map((m) => m.slice(13));
      console.log(JSON.stringify({ code, loaded: [...seen].sort(), builtins }));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })) as {
      code: number;
      loaded: string[];
      builtins: string[];
    };
  };

  it('reads no full YAML reader, git, template, child_process or fs/promises on a clean repository; the full reader once there is a finding to place', () => {
    expect(vendorsRead('fixtures/sec-2020')).toEqual({ code: 0, loaded: [], builtins: [] });
    expect(vendorsRead('fixtures/invalid/unknown-release')).toEqual({ code: 1, loaded: ['yaml.cjs'], builtins: [] });
  });
});
