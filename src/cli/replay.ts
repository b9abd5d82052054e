// The launcher's first step (bin/secrel.js, built alone as dist/replay.cjs): answers a run from its memo
// (src/repo/run-memo.ts) when there is one for exactly this run and nothing it read has changed, by
// writing what that run wrote and returning its exit code, without loading the rest of secrel. Undefined:
// run the command. It never throws, and it writes nothing unless it answers: anything unexpected is a full run.
import { fstatSync, writeSync } from 'node:fs';
import { findRepository } from '../repo/discover.js';
import { stillSo } from '../repo/memo-inputs.js';
import { memoKey, readMemo, type MemoRecord } from '../repo/run-memo.js';
import { londonToday } from './london-today.js';

/** The commands that may be memoised (the commands' definitions say which runs of them are). */
const MEMOISED = new Set(['validate', 'check', 'plan']);

export async function replay(argv: readonly string[]): Promise<number | undefined> {
  let memo: MemoRecord | undefined;
  try {
    const args = argv.slice(2);
    if (args.includes('--no-cache') || !args.some((a) => MEMOISED.has(a))) return undefined;
    const cwd = process.cwd();
    // Where to look: the repository that --repo (as far as a glance at the words can tell) or the
    // current folder leads to. The memo then says which --repo its run used, and that is checked.
    const root = await findRepository(cwd, repoIn(args));
    memo = readMemo(root, memoKey(args, cwd, process.env, await stdoutIsTerminal()));
    if (!memo || !(await unchanged(memo, cwd))) return undefined;
  } catch {
    return undefined;
  }
  write(memo.out);
  return memo.code;
}

async function unchanged(memo: MemoRecord, cwd: string): Promise<boolean> {
  const now = Date.now();
  if (now < memo.made) return false;
  if (memo.today !== undefined && memo.today !== londonToday(new Date(now))) return false;
  if ((await findRepository(cwd, memo.repoOption)) !== memo.root) return false;
  return stillSo(memo.root, memo.inputs, memo.made);
}

/** The last `--repo DIR` or `--repo=DIR` before `--`, as commander would take it. */
function repoIn(args: readonly string[]): string | undefined {
  let repo: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--repo') repo = args[++i];
    else if (a.startsWith('--repo=')) repo = a.slice('--repo='.length);
  }
  return repo;
}

/**
 * Whether stdout is a terminal, as `process.stdout.isTTY` says in a full run, without making
 * process.stdout or loading node:tty (3 ms) when it cannot be one: a pipe or a file, or on Linux
 * /dev/null and the other memory devices (major number 1), as under a hook or in CI.
 */
async function stdoutIsTerminal(): Promise<boolean> {
  const info = fstatSync(1);
  if (!info.isCharacterDevice()) return false;
  if (process.platform === 'linux' && ((info.rdev >> 8) & 0xfff) === 1) return false;
  return (await import('node:tty')).isatty(1);
}

/**
 * Writes the memo's output in order, straight to the file descriptors. A reader gone away (`| head`)
 * ends that stream's output quietly, as in a full run; a pipe that is full (EAGAIN) gets the rest
 * through process.stdout and process.stderr, which wait for it, still in order.
 */
function write(out: MemoRecord['out']): void {
  const closed = new Set<number>();
  let streams = false;
  const stream = (fd: number) => {
    const s = fd === 1 ? process.stdout : process.stderr;
    // Once made, a stream reports an EPIPE as an event: a listener keeps it from being a crash.
    if (s.listenerCount('error') === 0) s.on('error', () => {});
    return s;
  };
  for (const [fd, text] of out) {
    if (closed.has(fd)) continue;
    if (streams) {
      stream(fd).write(text);
      continue;
    }
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          streams = true;
          stream(fd).write(bytes.subarray(at));
        } else closed.add(fd);
        break;
      }
    }
  }
}
