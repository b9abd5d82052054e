// Every case in fixtures/invalid/ gives its finding at the right file:line:column, through the built CLI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, secrel } from '../helpers/cli.js';

interface Expected {
  exit: number;
  findings: { rule: string; file: string; line: number; column: number; contains?: string }[];
}

const dir = join(FIXTURES, 'invalid');
const cases = readdirSync(dir)
  .filter((c) => existsSync(join(dir, c, 'expected.json')))
  .sort();

describe('fixtures/invalid', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Expected;
    const json = await secrel(['validate', '--repo', join(dir, name), '--format', 'json']);
    expect(json.exitCode).toBe(expected.exit);
    const out = JSON.parse(json.stdout) as { asOf: string; findings: Expected['findings'] & { message: string; path: unknown }[] };
    const { findings } = out;
    // Programs get the run's date and, for each finding, the path of the field in the file's data.
    expect(out.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const f of findings) expect(Array.isArray(f.path), JSON.stringify(f)).toBe(true);
    for (const want of expected.findings) {
      const got = findings.find((f) => f.rule === want.rule && f.file === want.file && f.line === want.line && f.column === want.column);
      expect(got, `${want.rule} at ${want.file}:${want.line}:${want.column} in ${JSON.stringify(findings, null, 1)}`).toBeDefined();
      if (want.contains) expect((got as unknown as { message: string }).message).toContain(want.contains);
    }
    // The text a person reads names the same place, relative to where secrel ran.
    const text = await secrel(['validate', '--repo', join(dir, name)]);
    expect(text.exitCode).toBe(expected.exit);
    const first = expected.findings[0]!;
    expect(text.stdout).toContain(`fixtures/invalid/${name}/${first.file}:${first.line}:${first.column}`);
    expect(text.stdout).toMatch(/\d+ errors?, \d+ warnings? in \d+ files?/);
  });
});
