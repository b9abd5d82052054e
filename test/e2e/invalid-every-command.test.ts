// Every case in fixtures/invalid/ through every command that reads the repository, not just validate:
// each ends with exit 0 or 1 and shows the case's finding where that command shows findings, never a crash.
// (validate itself, through the real process, is test/e2e/validate-invalid.test.ts.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { secrelInProcess } from '../helpers/in-process.js';

interface Want {
  rule: string;
  file: string;
  line: number;
  column: number;
}
interface Expected {
  exit: number;
  findings: Want[];
}

const dir = join(FIXTURES, 'invalid');
const cases = readdirSync(dir)
  .filter((c) => existsSync(join(dir, c, 'expected.json')))
  .sort();
const expectedOf = (name: string) => JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Expected;
const at = (f: Want) => `${f.file}:${f.line}:${f.column}`;
/** YAML and schema errors mean a file was not read: commands that change or show data must say so. */
const unread = (e: Expected) => e.findings.filter((f) => f.rule === 'YAML' || f.rule === 'SCHEMA');
/**
 * The config or a release file not read: the date commands (calendar, impl-date) cannot answer without it.
 * (A broken timeline reference leaves the release dates as they are: those commands answer, exit 0.)
 */
const blocking = (e: Expected) => unread(e).filter((f) => f.file === 'secrel.config.yaml' || f.file.startsWith('releases/'));

function expectFindings(stdout: string, wanted: readonly Want[]): void {
  const { findings } = JSON.parse(stdout) as { findings: Want[] };
  for (const w of wanted) {
    expect(
      findings.some((f) => f.rule === w.rule && f.file === w.file && f.line === w.line && f.column === w.column),
      `${w.rule} at ${at(w)} in ${stdout}`,
    ).toBe(true);
  }
}

function expectNoCrash(r: { stdout: string; stderr: string; exitCode: number }): void {
  expect([0, 1]).toContain(r.exitCode);
  expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
}

describe.each(cases)('fixtures/invalid/%s', (name) => {
  const repo = join(dir, name);
  const expected = expectedOf(name);

  it('check: the same exit code and findings as validate', async () => {
    const r = await secrelInProcess(['check', '--repo', repo, '--format', 'json']);
    expectNoCrash(r);
    expect(r.exitCode).toBe(expected.exit);
    expectFindings(r.stdout, expected.findings);
  });

  it('plan: shows the plan, and names each file it could not read with the position; stops when the config is one', async () => {
    const r = await secrelInProcess(['plan', '--repo', repo, '--as-of', '2020-01-17']);
    expectNoCrash(r);
    const config = unread(expected).filter((f) => f.file === 'secrel.config.yaml');
    if (config.length > 0) {
      // Without its config a plan would be the default code's, with its cycle and ids: no plan at all.
      expect(r.exitCode).toBe(1);
      for (const f of config) expect(r.stdout).toContain(`fixtures/invalid/${name}/${at(f)} error ${f.rule}`);
      expect(r.stderr).toContain('secrel: every answer depends on secrel.config.yaml');
      return;
    }
    for (const f of unread(expected)) expect(r.stderr).toContain(`fixtures/invalid/${name}/${at(f)} ${f.rule}`);
    // Other findings are listed under their release, or counted with a pointer to `secrel check`.
    if (unread(expected).length === 0)
      expect(`${r.stdout}`).toMatch(
        new RegExp(`${expected.findings.map((f) => at(f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|other findings? \\(\\d+ errors?\\) about files`),
      );
  });

  it('rid bump --dry-run: refuses with the finding when a file could not be read, never writes', async () => {
    const r = await secrelInProcess(['rid', 'bump', '--dry-run', '--repo', repo, '--format', 'json', '--as-of', '2020-01-17']);
    expectNoCrash(r);
    if (unread(expected).length > 0) {
      expect(r.exitCode).toBe(1);
      expectFindings(r.stdout, unread(expected));
      expect(r.stderr).toContain('rid bump changed nothing');
    } else {
      expect(JSON.parse(r.stdout)).toMatchObject({ dryRun: true });
    }
  });

  it('calendar: the releases, or the findings the dates depend on (exit 1); never a crash', async () => {
    const r = await secrelInProcess(['calendar', '2020', '--repo', repo, '--format', 'json']);
    expectNoCrash(r);
    if (blocking(expected).length > 0) {
      expect(r.exitCode).toBe(1);
      expectFindings(r.stdout, blocking(expected));
      expect(r.stderr).toContain('the release dates depend on');
    } else {
      expect(r.exitCode).toBe(0);
      expect((JSON.parse(r.stdout) as { releases: unknown[] }).releases.length).toBeGreaterThan(0);
    }
  });

  it('impl-date: the wording, or the findings the dates depend on (exit 1); never a crash', async () => {
    for (const args of [
      ['--lead-time', '12m', '--system', '--release', '2020-06'],
      ['--lead-time', '6m', '--decision', '2019-08-01'],
      ['--lead-time', '20wd', '--decision', '2020-06-03'],
    ]) {
      const r = await secrelInProcess(['impl-date', ...args, '--repo', repo, '--format', 'json', '--as-of', '2019-06-01']);
      expectNoCrash(r);
      if (blocking(expected).length > 0) {
        expect(r.exitCode).toBe(1);
        expectFindings(r.stdout, blocking(expected));
      } else {
        expect(r.exitCode).toBe(0);
        expect((JSON.parse(r.stdout) as { lines: string[] }).lines.length).toBeGreaterThan(0);
      }
    }
  });

  it('render --check: checks nothing against a repository with errors, and says which', async () => {
    const r = await secrelInProcess(['render', '--check', '--repo', repo, '--format', 'json']);
    expectNoCrash(r);
    expect(r.exitCode).toBe(1);
    expectFindings(r.stdout, expected.findings);
    expect(r.stderr).toContain('secrel: nothing checked: fix the errors above first');
    // The reason fits the errors: a file that does not load, or only a reference between files that do.
    expect(r.stderr).toContain(
      unread(expected).length > 0 ? 'documents made from files that do not load would leave things out' : 'documents made from data with broken references',
    );
  });
});
