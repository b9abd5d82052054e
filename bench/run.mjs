// Benchmarks, run on demand (`npm run bench`), never in the test suite. Every case is a whole process; the
// cases of one repository run in interleaved rounds; each prints its median wall time, the range of its
// runs, its peak memory (RSS) and its median as a multiple of `node -e 0`'s, ajv-cli's and
// @sourcemeta/jsonschema's, measured in the same rounds. secrel runs cold (cache cleared before each run)
// and warm (cache filled; at scale, one file changed before each run): see bench/cases.mjs. Then the
// budgets of issue 16, each met, missed or not run, with the figures.
//   npm run bench                            start-up, then 1,000 / 5,000 / 10,000 / 20,000 modifications
//   npm run bench -- --startup               start-up only (the example repository)
//   npm run bench -- --sizes 1000,20000      these sizes only
//   npm run bench -- --rounds 9              rounds for every part (default: 21 start-up, 5 scale, 3 at 20,000)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBudgets } from './budgets.mjs';
import { editor, gitInit, secrelCase } from './cases.mjs';
import { SCALE_COMMANDS } from './commands.mjs';
import { formatBudgets, formatGrowth, formatRows, thousands } from './format.mjs';
import { generateRepository } from './generate.mjs';
import { measureAll } from './measure.mjs';
import { ajvCase, jsonschemaCase, quoteDatesCopy } from './peers.mjs';
import { growth } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { startup: { type: 'boolean' }, rounds: { type: 'string' }, sizes: { type: 'string' } } });
const count = (s, what) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what}: a whole number above 0, not ${JSON.stringify(s)}`);
  return n;
};
const rounds = values.rounds === undefined ? undefined : count(values.rounds, '--rounds');
const SIZES = values.startup ? [] : values.sizes ? values.sizes.split(',').map((s) => count(s.trim(), '--sizes')) : [1000, 5000, 10000, 20000];
const scaleRounds = (n) => rounds ?? (n > 10000 ? 3 : 5);
const RELEASES = 100;
const modificationSchema = join(root, 'schemas', 'modification.schema.json');

const work = mkdtempSync(join(tmpdir(), 'secrel-bench-'));
// Interrupted (Ctrl-C reaches the running case too): the generated repositories go as well.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    rmSync(work, { recursive: true, force: true });
    process.kill(process.pid, signal);
  });
}
// The build as it is now, copied: in a shared work tree someone may rebuild dist/ while the benchmark runs.
for (const dir of ['bin', 'dist']) cpSync(join(root, dir), join(work, 'build', dir), { recursive: true });
const bin = join(work, 'build', 'bin', 'secrel.js');

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const commit = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'not in git';
console.log(
  `secrel benchmarks: secrel ${commit}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
);
console.log(`load average ${load()} (1, 5, 15 minutes)`);
console.log('Whole processes in interleaved rounds: median and range of the timed runs, peak RSS of one untimed run');
console.log("before them, and the median ÷ each reference's median (below 1: faster than it).");
console.log('cold: the cache (.git/secrel/cache/) removed before each run, so the run parses every file and writes');
console.log('the cache; warm: the cache as the previous run left it (on the example, nothing changed: the run memo');
console.log('answers); 1 file changed: one modification edited (and for --staged, staged) before');
console.log('each run. Clearing, editing and emptying output folders are untimed.\n');

const baseline = { key: 'node', name: 'node -e 0', argv: ['-e', '0'] };
const refs = (rows) =>
  [
    ['node', 'node -e 0'],
    ['ajv', 'ajv-cli'],
    ['jsonschema', 'jsonschema'],
  ].map(([key, label]) => ({ label, row: rows.find((r) => r.key === key) }));
const notes = new Set();
/** A peer's case, or nothing (its reason printed once at the end). */
const peer = (found) => {
  if (found.why) notes.add(found.why);
  return found.case ? [found.case] : [];
};

const scale = new Map();
let example;
try {
  console.log(`Start-up, on the example repository (fixtures/sec-2020, a git copy with every file staged), ${rounds ?? 21} rounds; load ${load()}:`);
  const repo = join(work, 'example');
  cpSync(join(root, 'fixtures', 'sec-2020'), repo, { recursive: true });
  gitInit(repo, { stage: true });
  const opts = ['--repo', repo, '--as-of', '2020-01-17'];
  const commands = [
    { id: 'validate', label: 'validate', args: ['validate'] },
    { id: 'staged', label: 'validate --staged', args: ['validate', '--staged'] },
    { id: 'plan', label: 'plan', args: ['plan'] },
    // The example has errors as of that day (overdue notices, a missing TAD): check exits 1.
    { id: 'check', label: 'check', args: ['check'], exitCodes: [0, 1] },
  ];
  // Warm with nothing changed, the run memo answers (README, Performance); with one file changed, the
  // incremental cache does: that is on a second copy, so that its edits never touch the first's memo.
  const edited = join(work, 'example-edited');
  cpSync(join(root, 'fixtures', 'sec-2020'), edited, { recursive: true });
  gitInit(edited, { stage: true });
  const editedOpts = ['--repo', edited, '--as-of', '2020-01-17'];
  const edit = editor(join(edited, 'modifications', 'MP078.yaml'));
  // Its cache filled once, untimed: a warm case needs one to read.
  for (const c of commands) spawnSync(process.execPath, [bin, ...c.args, ...editedOpts], { stdio: 'ignore' });
  const editAndStage = () => {
    edit();
    if (spawnSync('git', ['add', '-A'], { cwd: edited }).status !== 0) throw new Error(`git add failed in ${edited}`);
  };
  // ajv-cli reads YAML 1.1: it gets a copy of the example's modifications with the dates quoted (made once, untimed).
  const ajvDir = quoteDatesCopy(join(repo, 'modifications'), join(work, 'example-ajv'));
  example = measureAll(
    [
      baseline,
      { key: 'version', name: 'secrel --version', argv: [bin, '--version'] },
      ...commands.flatMap((c) => ['cold', 'warm'].map((mode) => secrelCase(bin, repo, c, mode, { opts, exitCodes: c.exitCodes }))),
      ...commands.map((c) =>
        secrelCase(bin, edited, c, 'changed', { opts: editedOpts, exitCodes: c.exitCodes, edit: c.id === 'staged' ? editAndStage : edit }),
      ),
      ...peer(ajvCase(root, modificationSchema, ajvDir)),
      ...peer(jsonschemaCase(root, modificationSchema, join(repo, 'modifications'))),
    ],
    rounds ?? 21,
  );
  console.log(formatRows(example, refs(example)).join('\n'));

  for (const n of SIZES) {
    const repo = join(work, `repo-${n}`);
    const { asOf } = generateRepository(repo, { modifications: n, releases: RELEASES, seed: 1 });
    gitInit(repo);
    const opts = ['--repo', repo, '--as-of', asOf];
    const edit = editor(join(repo, 'modifications', 'MP00001.yaml'));
    const cases = [
      baseline,
      ...SCALE_COMMANDS.flatMap((c) =>
        (c.id === 'validate' ? ['cold', 'warm', 'changed'] : ['cold', 'changed']).map((mode) =>
          secrelCase(bin, repo, c, mode, { opts, edit, out: join(work, `out-${n}-${c.id}`) }),
        ),
      ),
      ...peer(ajvCase(root, modificationSchema, join(repo, 'modifications'))),
      ...peer(jsonschemaCase(root, modificationSchema, join(repo, 'modifications'))),
    ];
    console.log(`\n${thousands(n)} modifications, ${RELEASES} releases (bench/generate.mjs, seed 1, as of ${asOf}), ${scaleRounds(n)} rounds; load ${load()}:`);
    const rows = measureAll(cases, scaleRounds(n));
    console.log(formatRows(rows, refs(rows)).join('\n'));
    scale.set(n, rows);
    // 20,000 modifications and their site take hundreds of MB: gone before the next size.
    rmSync(repo, { recursive: true, force: true });
    for (const c of SCALE_COMMANDS) rmSync(join(work, `out-${n}-${c.id}`), { recursive: true, force: true });
  }
  if (scale.size > 1) printGrowth();
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('\nPeers: ajv-cli and jsonschema validate the modification files only (secrel validates the releases and');
console.log('the configuration too); jsonschema is its native binary, run directly, in its default (exhaustive) mode.');
for (const note of notes) console.log(`Not measured: ${note}.`);
console.log('\nBudgets (issue 16):');
console.log(formatBudgets(checkBudgets({ example, scale })).join('\n'));
console.log(`\nload average at the end: ${load()}`);

/** Each command's cold time per 1,000 modifications at each size, and whether it rises. */
function printGrowth() {
  const sizes = [...scale.keys()].sort((a, b) => a - b);
  console.log(
    `\nGrowth, cold runs: time per 1,000 modifications at ${sizes.map(thousands).join(' / ')}, and each step's change (not rising beyond noise = linear or better):`,
  );
  const w = Math.max(...SCALE_COMMANDS.map((c) => c.label.length));
  for (const c of SCALE_COMMANDS) {
    const points = sizes.map((n) => ({ n, row: scale.get(n).find((r) => r.key === `${c.id}:cold`) }));
    console.log(formatGrowth(c.label, growth(points), w));
  }
}
