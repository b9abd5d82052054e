// Benchmarks, run on demand (`npm run bench`), never in the test suite. For each case: the median wall
// time over repeated runs, peak memory (RSS), and the ratio to a baseline measured in the same run; then
// the budgets of issue 8, each met or missed by how much.
//   npm run bench                   start-up, scale (1,000 / 5,000 / 10,000 modifications) and ajv-cli
//   npm run bench -- --startup      start-up only
//   npm run bench -- --rounds 9     more rounds (default: 21 for start-up, 5 for scale)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBudgets, printBudgets } from './budgets.mjs';
import { generateRepository } from './generate.mjs';
import { formatRows, measureAll } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'secrel-bench-'));
// The build as it is now, copied: in a shared work tree someone may rebuild dist/ while the benchmark runs.
for (const dir of ['bin', 'dist']) cpSync(join(root, dir), join(work, 'build', dir), { recursive: true });
const bin = join(work, 'build', 'bin', 'secrel.js');
const example = join(root, 'fixtures', 'sec-2020');
const ajvCli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const { values } = parseArgs({ options: { startup: { type: 'boolean' }, rounds: { type: 'string' } } });
const rounds = values.rounds ? Number(values.rounds) : undefined;
const SIZES = [1000, 5000, 10000];
const RELEASES = 100;

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`secrel benchmarks: node ${process.version}, ${cpus().length} cores, load average ${load()}`);
console.log('median wall time of whole processes, peak RSS of one run, ratio to the baseline\n');

const secrel = (name, args) => ({ name, argv: [bin, ...args] });
const baseline = { name: 'node -e 0', argv: ['-e', '0'] };

const scale = new Map();
let peer;
let startup;
try {
  console.log('Start-up, on the example repository (fixtures/sec-2020):');
  const at = ['--repo', example, '--as-of', '2020-01-17'];
  // The pre-commit hook reads the git index: a git copy of the example, every file staged.
  const staged = join(work, 'example-git');
  cpSync(example, staged, { recursive: true });
  const git = spawnSync('git', ['init', '-q'], { cwd: staged }).status === 0 && spawnSync('git', ['add', '-A'], { cwd: staged }).status === 0;
  startup = measureAll([
    baseline,
    secrel('secrel --version', ['--version']),
    secrel('secrel validate', ['validate', ...at]),
    ...(git ? [secrel('secrel validate --staged (git)', ['validate', '--staged', '--repo', staged])] : []),
    secrel('secrel plan', ['plan', ...at]),
    // The example has errors as of that day (overdue notices, a missing TAD): check exits 1.
    { ...secrel('secrel check', ['check', ...at]), exitCodes: [0, 1] },
  ], rounds ?? 21);
  console.log(formatRows(startup, startup[0]).join('\n'));

  if (!values.startup) {
    for (const n of SIZES) {
      const repo = join(work, `repo-${n}`);
      const out = join(work, `out-${n}`);
      const { asOf } = generateRepository(repo, { modifications: n, releases: RELEASES, seed: 1 });
      const opts = ['--repo', repo, '--as-of', asOf];
      const cases = [
        baseline,
        secrel('secrel validate', ['validate', ...opts]),
        secrel('secrel check', ['check', ...opts]),
        secrel('secrel plan --format json', ['plan', '--format', 'json', ...opts]),
        // Every RID written afresh each run: the output folder is emptied first (untimed).
        { ...secrel(`secrel render rid (${RELEASES} releases)`, ['render', 'rid', '--out', out, ...opts]), before: () => rmSync(out, { recursive: true, force: true }) },
      ];
      if (n === SIZES[SIZES.length - 1] && existsSync(ajvCli)) {
        // The peer: ajv-cli validating the same modification files against the same schema (no line numbers).
        cases.push({ name: 'ajv-cli validate (modifications)', argv: [ajvCli, 'validate', '-s', join(root, 'schemas', 'modification.schema.json'), '-c', 'ajv-formats', '-d', join(repo, 'modifications', '*.yaml')], cwd: root });
      }
      console.log(`\n${n.toLocaleString('en-GB')} modifications, ${RELEASES} releases (bench/generate.mjs, seed 1, as of ${asOf}):`);
      const rows = measureAll(cases, rounds ?? 5);
      console.log(formatRows(rows, rows[0]).join('\n'));
      scale.set(n, rows);
      peer = rows.find((r) => r.name.startsWith('ajv-cli')) ?? peer;
    }
    if (!peer) console.log('\n(ajv-cli is not installed: run `npm install` for the peer comparison)');
    printGrowth(scale);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

printBudgets(checkBudgets({ startup, scale, peer, largest: SIZES[SIZES.length - 1] }));
console.log(`\nload average at the end: ${load()}`);

/** How each command's time grows with the number of modifications: per-modification cost at each size. */
function printGrowth(results) {
  const sizes = [...results.keys()];
  console.log(`\nGrowth (time per 1,000 modifications at ${sizes.map((n) => n.toLocaleString('en-GB')).join(' / ')}; not rising means linear or better):`);
  const names = results.get(sizes[0]).map((r) => r.name).filter((n) => n.startsWith('secrel'));
  const w = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    const per = sizes.map((n) => results.get(n).find((r) => r.name === name).median / (n / 1000));
    const growth = results.get(sizes[sizes.length - 1]).find((r) => r.name === name).median / results.get(sizes[0]).find((r) => r.name === name).median;
    console.log(`  ${name.padEnd(w)}  ${per.map((p) => `${p.toFixed(0).padStart(5)} ms`).join(' ')}   ×${growth.toFixed(1)} time for ×${sizes[sizes.length - 1] / sizes[0]} data`);
  }
}
