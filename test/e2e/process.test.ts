// The real process (`node bin/secrel.js …`): its exit status, what goes to stdout and what to stderr. The
// rest of the end-to-end tests run the same built CLI in-process (test/helpers/in-process.ts); this file
// proves that runner gives the same bytes and exit codes as the process a user starts.
import { describe, expect, it } from 'vitest';
import { secrel, secrelProcess } from '../helpers/cli.js';

const CASES: [string, string[], number][] = [
  ['a clean repository', ['validate', '--repo', 'fixtures/sec-2020'], 0],
  ['findings, as JSON', ['validate', '--repo', 'fixtures/invalid/unknown-key', '--format', 'json'], 1],
  ['findings, as text', ['check', '--repo', 'fixtures/invalid/unknown-release'], 1],
  ['a plan', ['plan', '--repo', 'fixtures/sec-2020', '--as-of', '2020-01-17'], 0],
  ['bad usage', ['validate', '--repo', 'no/such/folder'], 2],
  ['an unknown command', ['valdate'], 2],
  ['help', ['validate', '--help'], 0],
  ['help by its command', ['help', 'rid'], 0],
  ['no command: help, as bad usage', [], 2],
  ['no subcommand: help, as bad usage', ['cache'], 2],
];

describe('the process and the in-process runner', () => {
  it.each(CASES)('%s: the same exit status, stdout and stderr', async (_name, args, exitCode) => {
    const [child, inProcess] = await Promise.all([secrelProcess(args), secrel(args)]);
    expect(child.exitCode).toBe(exitCode);
    expect(inProcess).toEqual(child);
  });

  it('keeps findings on stdout and usage errors on stderr', async () => {
    const findings = await secrelProcess(['validate', '--repo', 'fixtures/invalid/unknown-key']);
    expect(findings.stderr).toBe('');
    expect(findings.stdout).toMatch(/unknown-key\/modifications\/DEMO001\.yaml:\d+:\d+/);
    const usage = await secrelProcess(['validate', '--repo', 'no/such/folder']);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('--repo no/such/folder: no such folder');
  });
});
