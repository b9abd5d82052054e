// Measuring commands for the benchmarks: wall time of whole processes, run in interleaved rounds (so a
// burst of load from elsewhere hits every case alike), the median over the rounds, and peak memory from
// the first run of each case (untimed: it also warms the file system's cache).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarise } from './stats.mjs';

const PEAK_RSS = join(dirname(fileURLToPath(import.meta.url)), 'peak-rss.cjs');
/** GNU time, for the peak memory of a native program (Node's preload cannot reach it); optional. */
const GNU_TIME = '/usr/bin/time';

/**
 * A case: `key` (what the budgets look it up by), `name` (what is printed), and either `argv` for node
 * (a script and its arguments) or `command` and `args` for a native program; `cwd`; `before` to run
 * untimed before each run (empty an output folder, clear or edit for the cache); `exitCodes` it may end
 * with (default 0; 1 is "errors in the data" where the data has them). Any other exit stops the
 * benchmark: a failed run is no measurement.
 */
function spawnCase(c, { nodeArgs = [], env = {}, wrap } = {}) {
  const [file, args] = c.command ? [c.command, c.args] : [process.execPath, [...nodeArgs, ...c.argv]];
  const [cmd, argv] = wrap ? wrap(file, args) : [file, args];
  const r = spawnSync(cmd, argv, { cwd: c.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${c.name} did not start: ${r.error.message}`);
  if (!(c.exitCodes ?? [0]).includes(r.status)) throw new Error(`${c.name} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 2000)}`);
  return r;
}

function timedRun(c) {
  c.before?.();
  const start = process.hrtime.bigint();
  spawnCase(c);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** One untimed run that records peak RSS in MB: Node's preload for node, GNU time for a native program. */
function peakRun(c) {
  c.before?.();
  if (c.command) {
    if (!existsSync(GNU_TIME)) {
      spawnCase(c);
      return undefined;
    }
    const r = spawnCase(c, { wrap: (file, args) => [GNU_TIME, ['-f', 'secrel-bench-rss %M', file, ...args]] });
    const kb = /secrel-bench-rss (\d+)/.exec(r.stderr)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'secrel-rss-'));
  const file = join(dir, 'rss');
  try {
    spawnCase(c, { nodeArgs: ['-r', PEAK_RSS], env: { SECREL_BENCH_RSS: file } });
    return Number(readFileSync(file, 'utf8')) / 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs every case once (untimed, recording peak memory), then `rounds` rounds in which each case runs
 * once, in order: a case's `before` may rely on the case before it in the list (a warm run on the cache
 * the cold run before it wrote). Returns each case's key, name, median, min, max and peak MB.
 */
export function measureAll(cases, rounds) {
  const peaks = cases.map((c) => peakRun(c));
  const times = cases.map(() => []);
  for (let r = 0; r < rounds; r++) cases.forEach((c, i) => times[i].push(timedRun(c)));
  return cases.map((c, i) => ({ key: c.key, name: c.name, ...summarise(times[i]), peakMb: peaks[i] }));
}
