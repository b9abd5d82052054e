// Benchmarks, run on demand (`npm run bench`), never in the test suite. For each case: the median wall
// time over repeated runs, peak memory (RSS), and the ratio to a baseline measured in the same run.
//   npm run bench                 start-up and the 2,000-modification case
//   npm run bench -- --scale      also 1,000 / 5,000 / 10,000 modifications
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepository } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'secrel.js');
const example = join(root, 'fixtures', 'sec-2020');
const args = new Set(process.argv.slice(2));
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command once; returns wall milliseconds and peak RSS in MB (when GNU time is there). */
function once(cmd, argv) {
  const full = GNU_TIME ? [GNU_TIME, ['-f', '%M', cmd, ...argv]] : [cmd, argv];
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = GNU_TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}

function measure(name, cmd, argv, runs) {
  once(cmd, argv); // warm the file cache
  const samples = Array.from({ length: runs }, () => once(cmd, argv));
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)], peakMb: Math.max(...samples.map((s) => s.mb)), runs };
}

function print(rows, baseline) {
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const ratio = baseline ? `  ${(r.median / baseline.median).toFixed(2)}x ${baseline.name}` : '';
    const mem = Number.isFinite(r.peakMb) ? `  ${r.peakMb.toFixed(0).padStart(4)} MB` : '';
    console.log(`${r.name.padEnd(w)}  ${r.median.toFixed(0).padStart(6)} ms${mem}${ratio}`);
  }
}

const node = process.execPath;
console.log(`secrel benchmarks — node ${process.version}, median wall time, peak RSS\n`);

console.log('Start-up, on the example repository (fixtures/sec-2020):');
const base = measure('node -e 0', node, ['-e', '0'], 21);
const startup = [
  base,
  measure('secrel --version', node, [bin, '--version'], 21),
  measure('secrel validate', node, [bin, 'validate', '--repo', example], 21),
  ...commandIfPresent('plan', ['plan', '--repo', example, '--as-of', '2020-01-17'], 15),
  ...commandIfPresent('check', ['check', '--repo', example, '--as-of', '2020-01-17'], 15),
];
print(startup, base);

/** Commands not built yet are left out rather than failing the whole run. */
function commandIfPresent(name, argv, runs) {
  const help = spawnSync(node, [bin, '--help'], { encoding: 'utf8' }).stdout;
  return new RegExp(`^  ${name}\\b`, 'm').test(help) ? [measure(`secrel ${name}`, node, [bin, ...argv], runs)] : [];
}

const sizes = args.has('--scale') ? [1000, 5000, 10000] : [2000];
const work = mkdtempSync(join(tmpdir(), 'secrel-bench-'));
try {
  for (const n of sizes) {
    const repo = join(work, `repo-${n}`);
    generateRepository(repo, { modifications: n, releases: 60, seed: 1 });
    console.log(`\n${n.toLocaleString('en-GB')} modifications, 60 releases (generated, seed 1):`);
    const rows = [measure('secrel validate', node, [bin, 'validate', '--repo', repo], 5)];
    rows.push(...commandIfPresent('check', ['check', '--repo', repo, '--as-of', '2020-01-17'], 5));
    rows.push(...commandIfPresent('plan', ['plan', '--repo', repo, '--as-of', '2020-01-17', '--format', 'json'], 5));
    print(rows, base);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
