// One writer at a time per repository: every command that writes (rid bump, rid baseline, render, init,
// calendar --ics) holds an exclusive lock file while it reads, decides and writes, so two runs can never
// both read the same file and each write their own edit of it (a history entry twice, a baseline lost).
// A repository that may not be written (a read-only checkout) is said so; a command that writes only in a
// folder outside it (render --out elsewhere) then holds that folder's lock instead.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findGitFolder } from './git-folder.js';
import { UsageError } from './errors.js';
import { onInterrupt } from './interrupt.js';

export const LOCK_NAME = 'secrel.lock';

/** How long a command waits for another one's lock before giving up (SECREL_LOCK_TIMEOUT, in seconds). */
const DEFAULT_WAIT_SECONDS = 30;
const POLL_MS = 50;

/** For tests only (they run as root, which no file mode stops): called before each lock file is created; may throw as the system would. */
export const lockFaults: { inject?: (path: string) => void } = {};

/** The lock file cannot be created: its folder may not be written by this user, or is on a read-only file system. */
export class LockNotWritable extends UsageError {
  constructor(folder: string, command: string, reason: string) {
    super(
      `cannot create the lock file in ${folder} (${reason}), so ${command} did not start: a command that writes holds that lock while it works, and this folder may not be written (a read-only checkout?)`,
      `make ${folder} writable for this user, or work in a copy you can write to, and run again`,
    );
  }
}

const NOT_WRITABLE: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'a read-only file system' };

interface Holder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

/**
 * Where the lock of a repository lives: in its git folder when it is in a git work tree (never committed,
 * and never inside the data folder, which a copy or a `git status` would then catch half-way), else the
 * root. A repository below the top of a work tree (several may share one) has a lock of its own there.
 */
export function lockPath(root: string): string {
  const git = findGitFolder(root);
  const gitDir = git?.gitDir;
  if (!git || !gitDir || !isFolder(gitDir)) return join(root, `.${LOCK_NAME}`);
  if (resolve(git.top) === resolve(root)) return join(gitDir, LOCK_NAME);
  return join(gitDir, `secrel-${createHash('sha1').update(resolve(root)).digest('hex').slice(0, 16)}.lock`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs `fn` holding the repository's lock. Waits while another secrel holds it; a lock left by a process
 * that no longer runs (killed, power cut) is taken over; after the wait, a clear error says who holds it.
 * `writesOnlyIn`: the folder outside the repository that is all the command writes; when the repository's
 * lock cannot be created for want of permission, that folder's lock is held instead (created if need be),
 * so two runs writing there still take turns, and nothing is written in the repository.
 */
export async function withRepositoryLock<T>(
  root: string,
  command: string,
  fn: () => Promise<T>,
  env: Record<string, string | undefined> = process.env,
  writesOnlyIn?: string,
): Promise<T> {
  let path = lockPath(root);
  const waitSeconds = Number(env.SECREL_LOCK_TIMEOUT ?? DEFAULT_WAIT_SECONDS);
  const deadline = Date.now() + (Number.isFinite(waitSeconds) && waitSeconds >= 0 ? waitSeconds : DEFAULT_WAIT_SECONDS) * 1000;
  const me: Holder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  const token = JSON.stringify(me);
  const release = () => {
    try {
      if (readFileSync(path, 'utf8') === token) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  // Before the lock file exists: with no listener, a signal ends the process at once, even between
  // creating the file and registering its removal, and the lock would be left behind.
  const forget = onInterrupt(release);
  try {
    try {
      await take(path, token, command, deadline, me);
    } catch (err) {
      if (writesOnlyIn === undefined || !(err instanceof LockNotWritable)) throw err;
      path = lockPath(makeFolder(writesOnlyIn, command));
      await take(path, token, command, deadline, me, writesOnlyIn);
    }
    return await fn();
  } finally {
    forget();
    release();
  }
}

/** Creates the lock file holding `token`, waiting while another live process holds it. */
/** `folder`: what the lock is of, when not the repository (the folder a command writes outside it). */
async function take(path: string, token: string, command: string, deadline: number, me: Holder, folder?: string): Promise<void> {
  for (;;) {
    if (writable(path, command, () => tryCreate(path, token))) return;
    const holder = readHolder(path);
    if ((holder === undefined || isStale(holder)) && writable(path, command, () => breakStale(path, holder))) continue;
    if (Date.now() >= deadline) {
      const who = holder
        ? `\`secrel ${holder.command}\`, process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, since ${holder.started}`
        : 'its lock file is unreadable';
      throw new UsageError(
        `another secrel command (${who}) is writing ${folder ?? 'this repository'}, so ${command} did not start`,
        `wait for it to finish and run again; if no secrel is running, delete ${path}`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** `create()`, with a folder that may not be written said as that (the lock file's folder named). */
function writable<T>(path: string, command: string, create: () => T): T {
  try {
    return create();
  } catch (err) {
    const reason = NOT_WRITABLE[(err as NodeJS.ErrnoException).code ?? ''];
    if (reason !== undefined) throw new LockNotWritable(dirname(path), command, reason);
    throw err;
  }
}

/** The folder a command writes in, made when missing, for its lock. */
function makeFolder(folder: string, command: string): string {
  try {
    writable(join(folder, LOCK_NAME), command, () => mkdirSync(folder, { recursive: true }));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new UsageError(`${folder} is not a folder, so ${command} cannot write in it`, 'give a folder to write in');
    throw err;
  }
  return folder;
}

function tryCreate(path: string, token: string): boolean {
  let fd: number;
  try {
    lockFaults.inject?.(path);
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, token);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's holder; undefined when the file is unreadable or half-written (it is then judged by age). */
function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.command === 'string' && typeof h.started === 'string') return h as Holder;
  } catch {
    // fall through
  }
  return undefined;
}

/** Stale: its process is gone (same machine). A lock from another machine is never judged stale here. */
function isStale(h: Holder): boolean {
  if (h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock. Two processes may find the same stale lock: each first takes a second lock
 * (`…lock.break`), then removes the lock only if it still holds the stale content it judged, so neither
 * removes a lock the other has just taken.
 */
function breakStale(path: string, judged: Holder | undefined): boolean {
  const breaker = `${path}.break`;
  const judgedText = judged ? JSON.stringify(judged) : undefined;
  if (!tryCreate(breaker, String(process.pid))) {
    // Someone else is breaking it; a breaker left by a killed process is removed after a few seconds.
    try {
      if (Date.now() - statSync(breaker).mtimeMs > 5000) unlinkSync(breaker);
    } catch {
      // gone meanwhile
    }
    return false;
  }
  try {
    const now = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const sameStale =
      judgedText === undefined ? now !== undefined && readHolder(path) === undefined && ageMs(path) > 2000 : now !== undefined && normalise(now) === judgedText;
    if (sameStale) unlinkSync(path);
    return sameStale;
  } catch {
    return true; // gone meanwhile: try again at once
  } finally {
    try {
      unlinkSync(breaker);
    } catch {
      // already gone
    }
  }
}

function normalise(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
