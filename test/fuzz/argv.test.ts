// Random command lines (commands, options and values, sensible or not) against the example repository:
// bad usage exits 2 with a message, but nothing ever ends in an internal error or a stack trace (60 command
// lines in `npm test`, 300 in `.ci/run`).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { byTier } from '../helpers/tier.js';
import { EXAMPLE, argvArb, loadMain } from '../../scripts/fuzz-lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'secrel-argv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNS = byTier(60, 300);

it(`${RUNS} random command lines: exit 0, 1 or 2, never an internal error`, async () => {
  const main = await loadMain();
  const repo = join(dir, 'repo');
  let last = '';
  await fc
    .assert(
      fc.asyncProperty(argvArb, async (argv) => {
        // A fresh copy each time: some command lines write (render, rid bump, init, --ics).
        try {
          rmSync(repo, { recursive: true, force: true });
          cpSync(EXAMPLE, repo, { recursive: true });
        } catch (e) {
          last = `copy failed: ${(e as Error).stack}`;
          throw e;
        }
        let out = '';
        let err = '';
        let code: number | string;
        try {
          code = await main(['node', 'secrel', ...argv, '--repo', repo], {
            stdout: (s) => void (out += s),
            stderr: (s) => void (err += s),
            isTTY: false,
            env: { NO_COLOR: '1' },
            cwd: repo,
          });
        } catch (e) {
          code = `threw ${(e as Error).stack}`;
        }
        last = `secrel ${JSON.stringify(argv)} → exit ${code}\n${err}`;
        // Bad usage is fine (exit 2), as long as it says what was wrong.
        return [0, 1, 2].includes(code as number) && !/^secrel: internal error|^\s+at /m.test(err) && (code !== 2 || /^(secrel|error):/m.test(err));
      }),
      { numRuns: RUNS, seed: 1129 },
    )
    .catch((e: unknown) => {
      throw new Error(`${(e as Error).message.split('\n').slice(0, 4).join('\n')}\nlast run: ${last}`);
    });
  expect(true).toBe(true);
}, 120_000);
