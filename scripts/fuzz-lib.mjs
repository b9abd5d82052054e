// The fuzzing harness shared by `npm run fuzz` (scripts/fuzz.mjs) and the test suite (test/fuzz/): random
// mutations of the example repository run through the built CLI, in-process, with every run checked for
// the one thing that must never happen: a crash (exit other than 0 or 1, "internal error", a stack trace).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMutations } from './fuzz-mutations.mjs';

export { loadMain } from './load-main.mjs';

export { valueArb, mutationArb, caseArb, argvArb, similarValue, applyMutations } from './fuzz-mutations.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE = join(ROOT, 'fixtures', 'sec-2020');

/** Every file of a repository folder: `/`-separated path → bytes. */
export function readTree(dir) {
  const out = new Map();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
  }
  return out;
}

/** Makes `dir` hold exactly `files` (path → bytes). */
export function writeTree(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** What every case runs, as a user would, with `--as-of` fixed so the answers do not depend on the day. */
export const COMMANDS = [
  ['validate', '--format', 'json'],
  ['check'],
  ['plan', '--as-of', '2020-01-17'],
  ['rid', 'bump', '--dry-run', '--as-of', '2020-01-17'],
  ['render', '--check'],
  ['calendar', '2020', '--format', 'json'],
  ['impl-date', '--lead-time', '12m', '--system', '--decision', '2019-08-01', '--as-of', '2019-06-01'],
  ['impl-date', '--lead-time', '20wd', '--decision', '2020-06-03', '--format', 'json'],
];

const STACK_LINE = /^\s+at .+/m;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Runs every command on the repository in `dir` (which holds `files`) and returns what went wrong:
 * an empty list when every run ended with exit 0 or 1, no internal error and no stack trace, JSON output
 * that parses, and no file written (every command here only reads).
 */
export async function runCommands(main, dir, files, commands = COMMANDS) {
  const problems = [];
  for (const args of commands) {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: { NO_COLOR: '1' }, cwd: dir };
    let code;
    try {
      code = await main(['node', 'secrel', ...args, '--repo', dir], io);
    } catch (err) {
      problems.push({ command: args.join(' '), problem: `main() threw: ${err?.stack ?? err}` });
      continue;
    }
    const wrong = [];
    if (code !== 0 && code !== 1) wrong.push(`exit code ${code}`);
    if (/^secrel: internal error/m.test(stderr)) wrong.push('"internal error" on stderr');
    if (STACK_LINE.test(stderr) || STACK_LINE.test(stdout)) wrong.push('a stack trace in the output');
    // The example has no template overrides: a template error is a built-in template failing on data
    // the schemas let through, which the view models should have handled.
    if (/^secrel: templates\//m.test(stderr)) wrong.push('a built-in template failed on the data');
    // Text for people carries no control character or bidi override (issue 14): the data cannot drive a terminal.
    if (RAW_CONTROL.test(stderr) || (!args.includes('json') && RAW_CONTROL.test(stdout))) wrong.push('a raw control character in the text output');
    if (wrong.length) problems.push({ command: args.join(' '), problem: wrong.join(', '), exit: code, stderr: stderr.slice(0, 2000) });
    else if (args.includes('json')) {
      try {
        JSON.parse(stdout);
      } catch {
        problems.push({ command: args.join(' '), problem: `--format json printed something that is not JSON: ${stdout.slice(0, 200)}` });
      }
    }
  }
  const after = readTree(dir);
  const changed = [...new Set([...files.keys(), ...after.keys()])].filter(
    (p) => !files.get(p) || !after.get(p) || !Buffer.from(files.get(p)).equals(after.get(p)),
  );
  if (changed.length) problems.push({ command: '(all)', problem: `a read-only command changed files: ${changed.join(', ')}` });
  return problems;
}

/**
 * Catches what the CLI must never do in-process: print around its io (console, process.stdout/stderr,
 * a process warning) or leave a promise rejection unhandled. Returns a function that gives and clears
 * what was caught since the last call.
 */
export function watchProcess() {
  const caught = [];
  const note = (what) => (value) => void caught.push(`${what}: ${String(value?.stack ?? value).slice(0, 500)}`);
  const saved = [];
  const patch = (object, name, value) => {
    saved.push([object, name, object[name]]);
    object[name] = value;
  };
  for (const name of ['log', 'info', 'warn', 'error', 'debug']) patch(console, name, note(`console.${name}`));
  for (const stream of ['stdout', 'stderr']) {
    patch(process[stream], 'write', (chunk) => {
      note(`process.${stream}.write`)(chunk);
      return true;
    });
  }
  const onWarning = note('process warning');
  const onRejection = note('unhandled rejection');
  process.on('warning', onWarning);
  process.on('unhandledRejection', onRejection);
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  const take = () => {
    // A key named __proto__ in a file must never reach Object.prototype.
    if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeKeys) caught.push('Object.prototype was changed');
    return caught.splice(0);
  };
  take.restore = () => {
    for (const [object, name, value] of saved.reverse()) object[name] = value;
    process.off('warning', onWarning);
    process.off('unhandledRejection', onRejection);
  };
  return take;
}

/** Writes the mutated example into `dir`, runs every command, and returns the problems (see runCommands). */
export async function runCase(main, dir, original, mutations, commands = COMMANDS) {
  const files = applyMutations(original, mutations);
  writeTree(dir, files);
  return runCommands(main, dir, files, commands);
}

/** A readable one-screen description of a failing case. */
export function describeFailure(mutations, problems) {
  const show = (m) =>
    JSON.stringify(m, (_k, v) =>
      v instanceof Uint8Array ? `bytes[${[...v].join(',')}]` : typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v,
    );
  return [
    `mutations: ${mutations.map(show).join('\n           ')}`,
    ...problems.map((p) => `  ${p.command}: ${p.problem}${p.stderr ? `\n    stderr: ${p.stderr.trim().split('\n').slice(0, 8).join('\n            ')}` : ''}`),
  ].join('\n');
}
