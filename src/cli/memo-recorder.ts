// Records a run for the run memo (src/repo/run-memo.ts): what it wrote, what it read, and whether its
// command allows it. main.ts makes one for the real process only (replay.ts answers only a real process)
// and saves it when the command has run.
import { resolve } from 'node:path';
import { indexFileOf, watchSource, type WatchedSource } from '../repo/memo-inputs.js';
import { forgetMemo, memoKey, writeMemo } from '../repo/run-memo.js';
import type { FileSource } from '../repo/source.js';
import type { Io } from './context.js';

export interface MemoRecorder {
  /** The io to run with: the same, with what is written kept. */
  io: Io;
  /** Called for a command whose output follows from its files, its options and the day (validate, check, plan). */
  allow(run: { repoOption?: string; today?: string }): void;
  /** Whether the command was allowed (then it reads its repository through `watch`). */
  readonly allowed: boolean;
  /** The source the command reads its repository from, watched. */
  watch(root: string, source: FileSource, staged: boolean): FileSource;
  /** Keeps the memo when the command allowed it and everything it read could be stamped. */
  save(code: number): void;
}

export function memoRecorder(argv: readonly string[], io: Io): MemoRecorder {
  const made = Date.now();
  const out: [1 | 2, string][] = [];
  const keep = (fd: 1 | 2, s: string) => {
    const last = out.at(-1);
    if (last?.[0] === fd) last[1] += s;
    else out.push([fd, s]);
  };
  let run: { repoOption?: string; today?: string } | undefined;
  const watched: { root: string; watch: WatchedSource }[] = [];
  let recordable = true;
  return {
    io: {
      ...io,
      stdout: (s) => {
        keep(1, s);
        io.stdout(s);
      },
      stderr: (s) => {
        keep(2, s);
        io.stderr(s);
      },
    },
    allow(r) {
      run = r;
    },
    get allowed() {
      return run !== undefined;
    },
    watch(root, source, staged) {
      if (staged && !watchableIndex(root, io)) recordable = false;
      const watch = watchSource(root, source, staged, made);
      watched.push({ root, watch });
      return watch.source;
    },
    save(code) {
      // One repository read once: every command allowed does; anything else is not what the memo checks.
      if (!run || watched.length !== 1) return;
      const [{ root, watch }] = watched as [(typeof watched)[number]];
      const key = memoKey(argv.slice(2), io.cwd, io.env, io.isTTY);
      const inputs = recordable && (code === 0 || code === 1) ? watch.inputs() : undefined;
      // A run that cannot be memoised (a file just changed) leaves no memo behind: the next run finds none at once.
      if (inputs) writeMemo(root, { key, made, root, ...run, inputs, out, code });
      else forgetMemo(root, key);
    },
  };
}

/**
 * Whether the index git reads is the one the memo watches (memo-inputs.ts): not with GIT_DIR and its kin,
 * which move the git folder. GIT_INDEX_FILE may name it: git sets that for every pre-commit hook.
 */
function watchableIndex(root: string, io: Io): boolean {
  if (['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR'].some((k) => io.env[k] !== undefined)) return false;
  const named = io.env.GIT_INDEX_FILE;
  return named === undefined || resolve(io.cwd, named) === indexFileOf(root);
}
