// The fuzzing harness in the suite: a few hundred random mutations of fixtures/sec-2020 (deleted keys, wrong
// types, truncated files, random bytes…) through validate, check, plan, rid bump --dry-run, render --check,
// calendar and impl-date
// on the built CLI (60 in `npm test`, 300 in `.ci/run`). Every run must end with exit 0 or 1 and findings: never an uncaught exception, an
// internal error or a stack trace, never a write. `npm run fuzz -- --runs 10000` runs thousands more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { byTier } from '../helpers/tier.js';
import { EXAMPLE, caseArb, describeFailure, loadMain, readTree, runCase, watchProcess } from '../../scripts/fuzz-lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'secrel-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fixed seed: the same cases on every run and machine (FUZZ_SEED=n explores others).
const SEED = Number(process.env.FUZZ_SEED ?? 20200625);
const RUNS = Number(process.env.FUZZ_RUNS ?? byTier(60, 300));

it(`${RUNS} mutated repositories: exit 0 or 1, findings, no crash`, async () => {
  const main = await loadMain();
  const original = readTree(EXAMPLE);
  const stray = watchProcess();
  let failure = '';
  await fc
    .assert(
      fc.asyncProperty(caseArb, async (mutations) => {
        stray();
        const problems = await runCase(main, join(dir, 'repo'), original, mutations);
        for (const s of stray()) problems.push({ command: '(any)', problem: s });
        if (problems.length) failure = describeFailure(mutations, problems);
        return problems.length === 0;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    .catch((err: unknown) => {
      throw new Error(`${failure}\n\n${(err as Error).message.split('\n').slice(0, 3).join('\n')}`);
    })
    .finally(() => stray.restore());
  expect(failure).toBe('');
}, 180_000);
