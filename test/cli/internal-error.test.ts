// Internal errors: exit 2 and one line on stderr saying what failed, in which command, and how to see more;
// --debug adds the stack trace. (A rule is made to throw, as a bug in secrel would.)
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES } from '../helpers/cli.js';

vi.mock('../../src/domain/rules/index.js', async (original) => ({
  ...(await original<typeof import('../../src/domain/rules/index.js')>()),
  runRules: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'date')");
  },
}));

async function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'secrel', ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: {},
    cwd: FIXTURES,
  });
  return { exitCode, stdout, stderr };
}

describe('an internal error', () => {
  it('exits 2 with one line: what failed, where, and how to get details', async () => {
    const r = await run(['check', '--repo', 'sec-2020']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "secrel: internal error in `secrel check`: Cannot read properties of undefined (reading 'date'); run again with --debug for the stack trace\n",
    );
  });

  it('with --debug, the same line and then the stack trace', async () => {
    const r = await run(['--debug', 'plan', '--repo', 'sec-2020', '--as-of', '2020-01-17']);
    expect(r.exitCode).toBe(2);
    const [first, ...rest] = r.stderr.split('\n');
    expect(first).toBe("secrel: internal error in `secrel plan`: Cannot read properties of undefined (reading 'date'); stack trace:");
    expect(rest[0]).toBe("TypeError: Cannot read properties of undefined (reading 'date')");
    expect(rest.join('\n')).toMatch(/^\s+at /m);
  });
});
