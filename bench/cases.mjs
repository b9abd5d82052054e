// The secrel cases, cold and warm. Every benchmark repository is a git repository (`git init`), so the
// incremental cache lives where a user's does, in `.git/secrel/cache/`.
//   cold     the cache removed before each run (untimed): the run parses and validates every file and
//            pays for writing the cache, as the first run after a clone or an upgrade does
//   warm     the cache as the run before left it, nothing changed since
//   changed  warm, with one modification file edited before each run (untimed): the pre-commit case
// A warm case must follow, in the list, a case that fills the cache for the same repository (its cold
// run): measureAll runs the cases in list order in every round.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MODES = { cold: 'cold', warm: 'warm', changed: 'warm, 1 file changed' };

/** Makes `dir` a git repository (for the cache's place); `stage` adds every file to the index. */
export function gitInit(dir, { stage = false } = {}) {
  const git = (...args) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  const init = git('init', '-q');
  if (init.status !== 0) throw new Error(`git init failed in ${dir}: ${init.stderr || init.error?.message}`);
  if (stage && git('add', '-A').status !== 0) throw new Error(`git add failed in ${dir}`);
}

const cacheOf = (repo) => join(repo, '.git', 'secrel', 'cache');

/** The untimed step before a run: the cache cleared (cold) or checked to be there (warm). */
function cacheStep(repo, mode, name) {
  if (mode === 'cold') return () => rmSync(cacheOf(repo), { recursive: true, force: true });
  return () => {
    const dir = cacheOf(repo);
    const filled = existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.bin'));
    if (!filled) throw new Error(`${name}: no cache in ${dir}; the cold run before it should have written one`);
  };
}

/** Edits `file` before each call, a different comment each time, so the cache never holds its content. */
export function editor(file) {
  const original = readFileSync(file, 'utf8');
  let n = 0;
  return () => writeFileSync(file, `${original}# edited by the benchmark, run ${++n}\n`);
}

/**
 * One case of `secrel <args>` on `repo` in `mode` (cold, warm, changed). `command`: { id, label, args,
 * out }; `opts`: the options after the command (--repo, --as-of); `out`: the folder a writing command
 * writes, emptied before each run; `edit`: the editor for changed runs; `exitCodes` as for measureAll.
 */
export function secrelCase(bin, repo, command, mode, { opts, out, edit, exitCodes } = {}) {
  const name = `secrel ${command.label}, ${MODES[mode]}`;
  const cache = cacheStep(repo, mode, name);
  const args = [...command.args, ...(command.out ? ['--out', out] : []), ...opts];
  return {
    key: `${command.id}:${mode}`,
    name,
    argv: [bin, ...args],
    exitCodes,
    before() {
      cache();
      if (mode === 'changed') edit();
      if (command.out) {
        rmSync(out, { recursive: true, force: true });
        // The previous run's files written out to disk now, untimed: otherwise the run after a site of
        // 10,000 pages waits for the kernel to write them back, and looked 40% slower than the one before.
        spawnSync('sync');
      }
    },
  };
}
