// The rule engine as a whole: the rule list, the example repository, partial data, filtering, purity.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, runRules } from '../../../src/domain/rules/index.js';
import { loadRepository } from '../../../src/repo/load.js';
import { workTreeSource } from '../../../src/repo/source.js';
import { locateFindings } from '../../../src/repo/locate.js';
import { mod, rel, repoOf } from './repo.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function example() {
  return loadRepository(join(ROOT, 'fixtures/sec-2020'), workTreeSource(join(ROOT, 'fixtures/sec-2020')));
}

describe('the rule engine', () => {
  it('has every rule of the issue, once, in SPEC order', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'CAL-2',
      'CAL-3',
      'CAL-5',
      'CAL-6',
      'IMP-1',
      'IMP-3',
      'IMP-4',
      'IMP-5',
      'IMP-6',
      'SCP-1',
      'SCP-2',
      'SCP-3',
      'SCP-4',
      'SCP-5',
      'DEP-1',
      'CAP-1',
      'RID-1',
      'RID-2',
      'TST-1',
      'CST-1',
      'CST-2',
      'CST-3',
      'CST-4',
      'GL-1',
      'GL-2',
      'GL-3',
      'GL-4',
      'COM-1',
      'COM-2',
      'COM-3',
    ]);
    for (const r of RULES) expect(r.title.length).toBeGreaterThan(10);
  });

  it('finds what the Panel saw on 17 January 2020 in the example repository', async () => {
    const repo = await example();
    const findings = await locateFindings(repo.files, runRules(repo, { asOf: '2020-01-17' }));
    const cst2 = findings.filter((f) => f.rule === 'CST-2');
    expect(cst2).toEqual([expect.objectContaining({ file: 'releases/2020-06.yaml', release: '2020-06', severity: 'error' })]);
    const text = readFileSync(join(ROOT, 'fixtures/sec-2020/releases/2020-06.yaml'), 'utf8').split('\n');
    expect(text[cst2[0]!.line - 1]).toMatch(/^\s*statedTotal: 1120042/);
    expect(findings.filter((f) => f.rule === 'SCP-2').map((f) => f.modification)).toEqual(['MP079', 'MP084', 'MP088']);
    for (const f of findings.filter((f) => f.rule === 'SCP-2')) {
      const lines = readFileSync(join(ROOT, 'fixtures/sec-2020', f.file), 'utf8').split('\n');
      expect(lines[f.line - 1]!.slice(f.column - 1)).toMatch(/^2020-06/);
    }
  });

  it("keeps only one release's findings with `release`", async () => {
    const findings = runRules(await example(), { asOf: '2020-01-17', release: '2020-11' });
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.release))).toEqual(new Set(['2020-11']));
  });

  it('does not crash on files with nothing but their ids, whatever the date', async () => {
    const files: Record<string, string> = {
      'modifications/MP1.yaml': mod('MP1'),
      'releases/2020-06.yaml': rel('2020-06'),
      'releases/2022-07-mp200.yaml': rel('2022-07-mp200', 'adhoc: true\ndate: 2022-07-18\ntype: system\n'),
    };
    files['modifications/MP2.yaml'] = mod('MP2', 'status: approved\nsystemImpact: true\nimplementation: {}\ndecision: {}\ncosts: {}\nnotices: {}\n');
    const repo = await repoOf(files);
    for (const asOf of ['1990-01-01', '2020-01-17', '2020-06-25', '2099-12-31']) expect(() => runRules(repo, { asOf })).not.toThrow();
  });

  it('checks no deadline of a cancelled release', async () => {
    const repo = await repoOf({ 'releases/2020-06.yaml': rel('2020-06', 'status: cancelled\n') });
    expect(runRules(repo, { asOf: '2020-12-31' })).toEqual([]);
  });

  it('checks the obligations of a release only the cycle knows once a modification targets it', async () => {
    const repo = await repoOf({ 'modifications/MP1.yaml': mod('MP1', 'systemImpact: false\nimplementation:\n  release: 2021-02\n') });
    const findings = (await locateFindings(repo.files, runRules(repo, { asOf: '2021-03-01' }))).filter((f) => f.file === 'releases/2021-02.yaml');
    // GL-4: it went live on 25 February 2021 holding MP1, and its (absent) file does not say so; RID-1: its RID
    // was due to be baselined when its scope was set, 6 months before go-live.
    expect(findings.map((f) => f.rule).sort()).toEqual(['COM-2', 'COM-2', 'COM-3', 'GL-4', 'RID-1']);
    expect(findings.every((f) => f.release === '2021-02' && f.line === 1 && f.message.includes('releases/2021-02.yaml (id: 2021-02'))).toBe(true);
  });

  it('is quiet about what only scope creates for a release with nothing in it, with or without a file', async () => {
    expect(runRules(await repoOf({}), { asOf: '2021-03-01' })).toEqual([]);
    expect(runRules(await repoOf({ 'releases/2021-02.yaml': rel('2021-02') }), { asOf: '2021-03-01' })).toEqual([]);
  });
});

describe('src/domain/rules, money and plan', () => {
  const dir = join(ROOT, 'src/domain/rules');
  const files = [...readdirSync(dir).map((f) => join(dir, f)), join(ROOT, 'src/domain/money.ts'), join(ROOT, 'src/domain/plan.ts')];
  const FORBIDDEN = [/new Date\s*\(/, /Date\.now/, /\bprocess\./, /\bconsole\./, /from 'node:/, /from '\.\.\/\.\.\/(cli|repo)/];
  it.each(files)('%s reads no clock, environment or file, and is small', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source.split('\n')[0]).toMatch(/^\/\/ \S/);
    for (const pattern of FORBIDDEN) expect(source).not.toMatch(pattern);
    expect(source.split('\n').length).toBeLessThan(250);
  });
});
