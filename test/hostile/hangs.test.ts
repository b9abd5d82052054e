// Inputs that made secrel hang (issue 14, point 3): each command must end, quickly, with a clear answer.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { BIN, secrel } from '../helpers/cli.js';
import { scratchDirs } from './scratch.js';

const scratch = scratchDirs();
const AS_OF = ['--as-of', '2026-12-01'];
/** The CLI with a deadline: a hang fails the test instead of stalling the suite. */
const bounded = async (args: string[], cwd: string) => {
  const r = await execa('node', [BIN, ...args], { cwd, reject: false, timeout: 20_000, env: { NO_COLOR: '1' }, stdin: 'ignore' });
  return { exitCode: r.timedOut ? 'timed out' : r.exitCode, stderr: String(r.stderr) };
};

describe('special files and file systems where outputs go', () => {
  for (const check of [false, true]) {
    it(`a FIFO where an output goes: render${check ? ' --check' : ''} ends with exit 2 and names it`, async () => {
      const dir = join(scratch(), 'repo');
      expect((await secrel(['init', dir, ...AS_OF])).exitCode).toBe(0);
      execFileSync('mkdir', ['-p', join(dir, 'out', 'site')]);
      execFileSync('mkfifo', [join(dir, 'out', 'site', 'index.html')]);
      const r = await bounded(['render', ...(check ? ['--check'] : []), ...AS_OF], dir);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('out/site/index.html is a FIFO (named pipe), not a regular file; secrel does not replace it');
      expect(lstatSync(join(dir, 'out', 'site', 'index.html')).isFIFO()).toBe(true);
    });
  }

  it.runIf(process.platform === 'linux')('render --out /proc/x and init /proc/x end at once with exit 2', async () => {
    const dir = join(scratch(), 'repo');
    expect((await secrel(['init', dir, ...AS_OF])).exitCode).toBe(0);
    for (const args of [
      ['render', '--out', '/proc/x', ...AS_OF],
      ['init', '/proc/x', ...AS_OF],
    ]) {
      const r = await bounded(args, dir);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('cannot create the folder /proc/x: the file system there does not allow it');
    }
  });
});
