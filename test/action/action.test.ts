// The GitHub Action (action.yml), run locally the way the runner runs a composite action: each step's
// `run` in bash with its `env`, `${{ inputs.… }}` filled in, GITHUB_ACTION_PATH at this checkout and
// GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and GITHUB_PATH pointed at temporary files. What needs GitHub
// itself (showing the annotations, rendering the summary) is left out; what the step writes is checked.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, ROOT, secrel } from '../helpers/cli.js';
import { tempGitRepo } from '../helpers/git.js';

interface Step {
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  path: string;
  runnerTemp: string;
}

async function runAction(inputs: Record<string, string>, cwd: string): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'secrel-action-'));
  temps.push(tmp);
  const files = { GITHUB_STEP_SUMMARY: join(tmp, 'summary.md'), GITHUB_OUTPUT: join(tmp, 'output'), GITHUB_PATH: join(tmp, 'path') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const values = Object.fromEntries(Object.entries(ACTION.inputs).map(([k, v]) => [k, inputs[k] ?? v.default]));
  const fill = (text: string) => text.replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, k: string) => values[k] ?? '');
  let stdout = '';
  let stderr = '';
  for (const step of ACTION.runs.steps) {
    expect(step.shell).toBe('bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(v)]));
    const r = await execa('bash', ['-e', '-c', fill(step.run)], {
      cwd,
      reject: false,
      stdin: 'ignore',
      env: { ...files, ...env, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: tmp, GITHUB_WORKSPACE: cwd, NO_COLOR: '1' },
    });
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.exitCode !== 0) return { exitCode: r.exitCode ?? -1, stdout, stderr, ...read(files), runnerTemp: tmp };
  }
  return { exitCode: 0, stdout, stderr, ...read(files), runnerTemp: tmp };
}

function read(files: Record<string, string>) {
  const outputs = Object.fromEntries(
    readFileSync(files.GITHUB_OUTPUT!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('=') as [string, string]),
  );
  return { summary: readFileSync(files.GITHUB_STEP_SUMMARY!, 'utf8'), outputs, path: readFileSync(files.GITHUB_PATH!, 'utf8') };
}

describe('action.yml', () => {
  it("is a composite action whose outputs are the run step's errors and warnings", () => {
    expect(ACTION.runs.using).toBe('composite');
    expect(Object.keys(ACTION.inputs)).toEqual(['command', 'as-of', 'repo', 'base']);
    expect(ACTION.outputs).toEqual({
      errors: expect.objectContaining({ value: '${{ steps.run.outputs.errors }}' }),
      warnings: expect.objectContaining({ value: '${{ steps.run.outputs.warnings }}' }),
      report: expect.objectContaining({ value: '${{ steps.run.outputs.report }}' }),
    });
  });

  it('check: annotations on stdout, a Markdown job summary, the counts as outputs, exit 1 on errors', async () => {
    const r = await runAction({ command: 'check', 'as-of': '2020-01-17', repo: 'fixtures/sec-2020' }, ROOT);
    expect(r.exitCode).toBe(1);
    const json = JSON.parse((await secrel(['check', '--repo', 'fixtures/sec-2020', '--as-of', '2020-01-17', '--format', 'json'])).stdout);
    expect(r.outputs).toEqual({ errors: String(json.summary.errors), warnings: String(json.summary.warnings) });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(json.summary.errors);
    expect(r.stdout).toMatch(/^::error file=fixtures\/sec-2020\/releases\/2020-06\.yaml,line=\d+,col=\d+,title=/m);
    expect(r.summary).toMatch(
      /^## secrel check\n\n❌ \d+ errors, \d+ warnings, \d+ infos in \d+ files, as of 2020-01-17\.\n\n### Errors\n\n\| Where \| Rule \|/,
    );
  });

  it('validate on a clean repository: exit 0, zero counts, the summary says all clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-action-repo-'));
    temps.push(dir);
    await secrel(['init', dir, '--as-of', '2026-12-01']);
    const r = await runAction({ command: 'validate' }, dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.outputs).toEqual({ errors: '0', warnings: '0' });
    expect(r.summary).toBe('## secrel validate\n\nNo problems found (3 files checked).\n\n');
  });

  it('render --check: stale documents annotated, listed in the summary, counted as errors', async () => {
    const r = await runAction({ command: 'render --check', repo: join(FIXTURES, 'minimal') }, ROOT);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*,title=secrel render::/m);
    expect(Number(r.outputs.errors)).toBeGreaterThan(0);
    expect(r.summary).toMatch(
      /^## secrel render --check\n\n❌ \d+ of \d+ documents in `.*` stale or missing: run `secrel render` and commit the result\.\n\n\| Document \| State \|/,
    );
  });

  it('report pr: the comment in the log, the job summary and a file (the `report` output); new findings counted; exit 1 on new errors', async () => {
    const repo = await tempGitRepo();
    temps.push(repo.dir);
    cpSync(join(FIXTURES, 'sec-2020'), repo.dir, { recursive: true });
    await repo.commit('base');
    await repo.git('checkout', '-q', '-b', 'change');
    repo.write(
      'modifications/MP142.yaml',
      'id: MP142\ntitle: Example\nstatus: approved\nsystemImpact: true\nimplementation:\n  release: 2020-06\n  addedToScope: 2020-01-15\n',
    );
    await repo.commit('MP142 into June 2020');
    const r = await runAction({ command: 'report pr', base: 'main', 'as-of': '2020-01-17' }, repo.dir);
    expect(r.exitCode, r.stderr).toBe(1);
    const json = JSON.parse((await secrel(['report', 'pr', '--base', 'main', '--as-of', '2020-01-17', '--format', 'json'], { cwd: repo.dir })).stdout);
    expect(r.outputs).toEqual({
      errors: String(json.findings.summary.errors),
      warnings: String(json.findings.summary.warnings),
      report: join(r.runnerTemp, 'secrel-report-pr.md'),
    });
    expect(json.findings.summary.errors).toBeGreaterThan(0);
    const comment = readFileSync(r.outputs.report!, 'utf8');
    expect(comment).toMatch(/^## secrel report pr\n\nAgainst `main` \([0-9a-f]{7}\), as of 2020-01-17: /);
    expect(comment).toContain('| `2020-06` | 1.1 | 1.1 | **2.0** |');
    expect(r.summary).toBe(`${comment}\n`);
    expect(r.stdout).toBe(comment.trimEnd()); // execa drops the last newline

    // Without a base and outside a pull request there is nothing to compare with: exit 2, and why.
    const none = await runAction({ command: 'report pr' }, repo.dir);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('secrel action: report pr needs the revision to compare with: set the `base` input');
  });

  it('an empty command only installs: secrel is on PATH for later steps', async () => {
    const r = await runAction({ command: '' }, ROOT);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({});
    const bin = r.path.trim();
    expect(bin).toBe(join(r.runnerTemp, 'secrel-bin'));
    expect(existsSync(join(bin, 'secrel'))).toBe(true);
    expect((await execa(join(bin, 'secrel'), ['--version'])).stdout).toBe('0.1.0');
  });

  it('refuses a command it does not run, with exit 2 and what it runs', async () => {
    const r = await runAction({ command: 'rid bump' }, ROOT);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('secrel action: command "rid bump" is not one it runs; use one of: validate, check, render --check, report pr');
  });
});
