// Measuring commands for the benchmarks: wall time of whole processes, run in interleaved rounds (so a
// burst of load from elsewhere hits every case alike), the median over the rounds, and peak memory from
// one extra run per case.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PEAK_RSS = join(dirname(fileURLToPath(import.meta.url)), 'peak-rss.cjs');
const node = process.execPath;

/**
 * A case: `argv` for node (a script and its arguments), `before` to run untimed before each run (say, to
 * empty an output folder), `exitCodes` it may end with (default 0; 1 is "errors in the data" where the
 * data has them). Any other exit stops the benchmark: a failed run is no measurement.
 */
function runOnce(c, env = {}) {
  c.before?.();
  const start = process.hrtime.bigint();
  const r = spawnSync(node, c.argv, { cwd: c.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!(c.exitCodes ?? [0]).includes(r.status)) throw new Error(`${c.name} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return ms;
}

/** Peak RSS in MB of one run with the preload that records it. */
function peakMb(c) {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-rss-'));
  const file = join(dir, 'rss');
  try {
    runOnce({ ...c, argv: ['-r', PEAK_RSS, ...c.argv] }, { SECREL_BENCH_RSS: file });
    return Number(readFileSync(file, 'utf8')) / 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs every case once to warm the file cache, then `rounds` rounds of each; the median of each. */
export function measureAll(cases, rounds) {
  for (const c of cases) runOnce(c);
  const times = cases.map(() => []);
  for (let r = 0; r < rounds; r++) cases.forEach((c, i) => times[i].push(runOnce(c)));
  return cases.map((c, i) => ({ name: c.name, median: median(times[i]), min: Math.min(...times[i]), peakMb: peakMb(c), runs: rounds }));
}

export function formatRows(rows, baseline) {
  const w = Math.max(...rows.map((r) => r.name.length));
  return rows.map((r) => {
    const ratio = baseline && r !== baseline ? `  ${(r.median / baseline.median).toFixed(2)}× ${baseline.name}` : '';
    return `  ${r.name.padEnd(w)}  ${r.median.toFixed(0).padStart(6)} ms  ${r.peakMb.toFixed(0).padStart(4)} MB${ratio}`;
  });
}
