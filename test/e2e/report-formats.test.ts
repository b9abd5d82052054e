// Reports for tools and people: SARIF 2.1.0 (valid against the OASIS schema, shipped in test/sarif/) and
// Markdown for job summaries and pull-request comments (golden files in test/golden/markdown/, reviewed
// by eye; after an intended change: `npx vitest run test/e2e/report-formats.test.ts -u`, then read the diff).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, secrel } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
const validateSarif = new AjvDraft04.default({ allErrors: true, strict: false }).compile(schema);
const GOLDEN = join(ROOT, 'test', 'golden', 'markdown');
const SEC_2020 = ['--repo', join('fixtures', 'sec-2020'), '--as-of', '2020-01-17'];

interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

describe('--format sarif', () => {
  it('check: one valid SARIF 2.1.0 run, a result per finding with its location and level', async () => {
    const r = await secrel(['check', ...SEC_2020, '--format', 'sarif']);
    expect(r.exitCode).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'secrel', version: '0.1.0' });
    const rules = run.tool.driver.rules!;
    expect(rules.find((d) => d.id === 'SCP-2')).toMatchObject({
      shortDescription: { text: "A modification added after its cut-off is a breach, or an exception with the Panel's rationale" },
      fullDescription: {
        text: "SCP-2 (Release Management Policy): a modification added after its cut-off is a breach, or an exception with the Panel's rationale.",
      },
    });
    for (const d of rules) expect(d.shortDescription?.text, d.id).toBeTruthy();
    const json = JSON.parse((await secrel(['check', ...SEC_2020, '--format', 'json'])).stdout) as { findings: JsonFinding[] };
    const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
    expect(
      run.results!.map((x) => {
        const loc = x.locations![0]!.physicalLocation!;
        return {
          rule: x.ruleId,
          level: x.level,
          file: loc.artifactLocation!.uri,
          line: loc.region?.startLine,
          column: loc.region?.startColumn,
          message: x.message.text,
          byIndex: rules[x.ruleIndex!]!.id,
        };
      }),
    ).toEqual(
      json.findings.map((f) => ({
        rule: f.rule,
        level: level[f.severity],
        file: `fixtures/sec-2020/${f.file}`,
        line: f.line,
        column: f.column,
        message: f.message,
        byIndex: f.rule,
      })),
    );
  });

  it('validate: schema findings with file, line and column; a clean repository gives an empty, valid run', async () => {
    const bad = await secrel(['validate', '--repo', join(FIXTURES, 'invalid', 'unknown-key'), '--format', 'sarif'], {
      cwd: join(FIXTURES, 'invalid', 'unknown-key'),
    });
    expect(bad.exitCode).toBe(1);
    const log = JSON.parse(bad.stdout) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const [f] = (
      JSON.parse((await secrel(['validate', '--format', 'json'], { cwd: join(FIXTURES, 'invalid', 'unknown-key') })).stdout) as { findings: JsonFinding[] }
    ).findings;
    expect(log.runs[0]!.results).toEqual([
      expect.objectContaining({
        ruleId: 'SCHEMA',
        level: 'error',
        message: { text: f!.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'modifications/DEMO001.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: f!.line, startColumn: f!.column },
            },
          },
        ],
      }),
    ]);
    const clean = await secrel(['validate', '--repo', join('fixtures', 'sec-2020'), '--format', 'sarif']);
    expect(clean.exitCode).toBe(0);
    const empty = JSON.parse(clean.stdout) as Log;
    expect(validateSarif(empty)).toBe(true);
    expect(empty.runs[0]!.results).toEqual([]);
  });
});

describe('--format markdown', () => {
  it('check: counts, a table of errors, then warnings, the infos collapsed', async () => {
    const r = await secrel(['check', ...SEC_2020, '--format', 'markdown']);
    expect(r.exitCode).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot(join(GOLDEN, 'check-sec-2020.md'));
  });

  it('validate: the finding with where it is; all clear says so in one line', async () => {
    const dir = join(FIXTURES, 'invalid', 'unknown-key');
    const r = await secrel(['validate', '--format', 'markdown'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot(join(GOLDEN, 'validate-unknown-key.md'));
    const clean = await secrel(['validate', '--repo', join('fixtures', 'sec-2020'), '--format', 'markdown']);
    expect(clean.stdout).toMatch(/^## secrel validate\n\nNo problems found \(\d+ files checked\)\.$/);
  });

  it('escapes what would become markup: pipes, HTML and backticks in messages stay text', async () => {
    const { cell, code } = await import('../../src/cli/report/markdown.js');
    expect(cell('a | b <script> & c\nd')).toBe('a \\| b &lt;script&gt; &amp; c d');
    expect(code('x`y')).toBe('``x`y``');
  });
});

describe('--format github', () => {
  // By May 2020 more than 10 errors are due (13): GitHub would show 10.
  const LATER = ['--repo', join('fixtures', 'sec-2020'), '--as-of', '2020-05-20'];
  it('says how many annotations GitHub leaves out (10 of each kind per step) and where to see all', async () => {
    const r = await secrel(['check', ...LATER, '--format', 'github']);
    const lines = r.stdout.split('\n');
    const json = JSON.parse((await secrel(['check', ...LATER, '--format', 'json'])).stdout) as { summary: { errors: number; warnings: number; infos: number } };
    const s = json.summary;
    const hidden = [s.errors, s.warnings, s.infos].reduce((n, k) => n + Math.max(0, k - 10), 0);
    expect(hidden).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('::')).length).toBe(s.errors + s.warnings + s.infos);
    expect(lines.at(-1)).toBe(
      `secrel: GitHub shows 10 annotations of each kind per step, so ${hidden} annotation${hidden === 1 ? '' : 's'} of ${s.errors + s.warnings + s.infos} ${hidden === 1 ? 'is' : 'are'} left out; all of them: \`secrel check --format markdown\` (the job summary of the secrel action) or \`secrel check\``,
    );
  });
});
