#!/usr/bin/env node
// `npm run fuzz -- --runs 10000 [--seed N] [--workers N]`: random mutations of fixtures/sec-2020 through
// validate, check, plan, rid bump --dry-run, render --check, calendar and impl-date, in-process against the built CLI. Any run
// that ends other than with exit 0 or 1 and findings is a failure: the shrunk case is printed, exit 1.
// Then the two YAML readers, and the positions, are compared on ten generated documents per case (readersDiffer).
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { EXAMPLE, ROOT, caseArb, describeFailure, loadMain, readTree, runCase, watchProcess } from './fuzz-lib.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const runs = option('runs', 1000);
const seed = option('seed', Date.now() % 2 ** 31);
const workers = Math.max(1, Math.min(option('workers', 2), runs));

if (process.argv.includes('--worker')) {
  process.exitCode = await worker(runs, seed);
} else {
  process.exitCode = await parent();
}

/** One share of the runs, in this process; reports `{runs, failed, report}` to the parent. */
async function worker(numRuns, workerSeed) {
  const main = await loadMain();
  const original = readTree(EXAMPLE);
  const dir = mkdtempSync(join(tmpdir(), 'secrel-fuzz-'));
  const stray = watchProcess();
  let done = 0;
  const property = fc.asyncProperty(caseArb, async (mutations) => {
    if (++done % 500 === 0) process.send?.({ progress: 500 });
    stray();
    const problems = await runCase(main, join(dir, 'repo'), original, mutations);
    for (const s of stray()) problems.push({ command: '(any)', problem: s });
    return problems.length === 0;
  });
  const details = await fc.check(property, { numRuns, seed: workerSeed, endOnFailure: false });
  stray.restore();
  rmSync(dir, { recursive: true, force: true });
  const report = details.failed
    ? `seed ${workerSeed}, failed after ${details.numRuns} runs (shrunk ${details.numShrinks} times)\n${describeFailure(details.counterexample[0], await rerun(main, original, details.counterexample[0]))}`
    : '';
  process.send?.({ runs: details.numRuns, failed: details.failed, report });
  if (!process.send && report) console.log(report);
  return details.failed ? 1 : 0;
}

/** The shrunk case run once more, for its problems (the property keeps only the last run's). */
async function rerun(main, original, mutations) {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-fuzz-'));
  const stray = watchProcess();
  try {
    const problems = await runCase(main, join(dir, 'repo'), original, mutations);
    return [...problems, ...stray().map((s) => ({ command: '(any)', problem: s }))];
  } catch (err) {
    return [{ command: '(harness)', problem: `the case itself threw: ${err?.stack ?? err}` }];
  } finally {
    stray.restore();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function parent() {
  const started = Date.now();
  console.log(`fuzz: ${runs} cases, seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'}`);
  const share = (i) => Math.floor(runs / workers) + (i < runs % workers ? 1 : 0);
  let progress = 0;
  const results = await Promise.all(
    Array.from(
      { length: workers },
      (_, i) =>
        new Promise((done) => {
          const child = fork(fileURLToPath(import.meta.url), ['--worker', '--runs', String(share(i)), '--seed', String(seed + i)], {
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
          });
          let message;
          child.on('message', (m) => {
            if (m.progress) {
              progress += m.progress;
              if (progress % 1000 === 0) console.log(`fuzz: ${progress} cases, ${Math.round((Date.now() - started) / 1000)} s`);
            } else message = m;
          });
          // 'close' comes after the last message has been delivered ('exit' may come before it).
          child.on('close', (code) => done(message ?? { runs: 0, failed: true, report: `worker ${i} exited ${code} without a report` }));
        }),
    ),
  );
  const total = results.reduce((n, r) => n + r.runs, 0);
  for (const r of results) if (r.failed) console.log(`\nFAILURE\n${r.report}`);
  const failed = results.filter((r) => r.failed).length;
  console.log(
    `fuzz: ${total} cases run in ${Math.round((Date.now() - started) / 1000)} s, ${failed ? `${failed} failing case${failed === 1 ? '' : 's'} (above)` : 'no crash'}`,
  );
  return (failed ? 1 : 0) | readersDiffer();
}

/**
 * The two YAML readers on generated documents and random edits of the example's files, and positions from
 * the syntax tree against the full reader's (the suite's differential tests, test/repo/yaml-readers.test.ts
 * and test/repo/yaml-positions.test.ts, with ten documents per fuzz case and this seed).
 */
function readersDiffer() {
  const cases = Math.max(20000, runs * 10);
  console.log(`fuzz: the two YAML readers, and positions, on ${cases} generated documents and ${cases} edited files, seed ${seed}`);
  const r = spawnSync('npx', ['vitest', 'run', 'test/repo/yaml-readers.test.ts', 'test/repo/yaml-positions.test.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SECREL_YAML_CASES: String(cases), SECREL_YAML_SEED: String(seed) },
  });
  return r.status === 0 ? 0 : 1;
}
