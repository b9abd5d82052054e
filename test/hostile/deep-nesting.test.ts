// Deep nesting (issue 14, points 3 and 7): both YAML readers recurse, so a file nested thousands of
// levels deep used to fail with "Maximum call stack size exceeded", once or twice and at a column that
// depended on the stack left when the reader ran (the cache's equivalence test caught two runs that
// differed). Past 64 levels a file is refused before either reader runs: one finding, the same every time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel, secrelProcess } from '../helpers/cli.js';

const copies = fixtureCopies();
const MESSAGE = 'mappings and lists are nested more than 64 levels deep here; no secrel file needs that many: flatten the data';

const cases: [string, string, string][] = [
  ['5,000 flow levels', `id: MP999\ntitle: x\nnotes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'modifications/DEEP.yaml:3:71'],
  ['100 block levels', `id: MP999\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}`, 'modifications/DEEP.yaml:66:65'],
  ['3,000 compact list levels', `id: MP999\nnotes:\n${'- '.repeat(3000)}x\n`, 'modifications/DEEP.yaml:3:127'],
];

describe('a file nested too deeply', () => {
  it.each(cases)('%s: one finding at the first level too deep, from every reader and cache state', async (_name, text, where) => {
    const dir = copies('sec-2020');
    writeFileSync(join(dir, 'modifications', 'DEEP.yaml'), text);
    const runs = [
      await secrel(['validate', '--repo', dir, '--format', 'json', '--no-cache']),
      await secrel(['validate', '--repo', dir, '--format', 'json']),
      await secrel(['validate', '--repo', dir, '--format', 'json']),
      await secrelProcess(['validate', '--repo', dir, '--format', 'json']),
    ];
    for (const r of runs) expect(r).toEqual(runs[0]);
    expect(runs[0]!.exitCode).toBe(1);
    const findings = JSON.parse(runs[0]!.stdout).findings.filter((f: { file: string }) => f.file === 'modifications/DEEP.yaml');
    expect(findings.map((f: { file: string; line: number; column: number; message: string }) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      `${where} ${MESSAGE}`,
    ]);
  });

  it('reads 60 levels as data, as both readers would', async () => {
    const dir = copies('sec-2020');
    writeFileSync(join(dir, 'modifications', 'DEEP.yaml'), `id: MP999\nnotes: ${'['.repeat(60)}${']'.repeat(60)}\n`);
    const r = await secrel(['validate', '--repo', dir, '--format', 'json']);
    const rules = JSON.parse(r.stdout)
      .findings.filter((f: { file: string }) => f.file === 'modifications/DEEP.yaml')
      .map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('YAML');
  });
});
