// The run memo: what a read-only command (validate, check, plan) printed and its exit code, kept with what
// it read (memo-inputs.ts), so the same command run again with nothing it read changed prints the same
// bytes without loading secrel at all (src/cli/replay.ts): a pre-commit hook run again, a second `check`
// in CI, a `plan` each morning until the data changes. Everything a run's output depends on is in its key
// or its record: the command line, the folder it ran in, whether stdout is a terminal, the variables
// secrel reads (NO_COLOR and TERM for colour; SECREL_*; GIT_*, which move the git folder; PATH (any case,
// as Windows spells it Path), which finds git: without it --staged and the history checks fail), the repository
// it found, today's date in the UK (a thing recorded done after it is a slip, whatever --as-of says), and
// the files it read. Kept in the incremental cache's folder (cache-place.ts), so `secrel cache clear` removes it too; one file per key,
// 64 at most (a key's hash picks it); versioned by the build, checksummed, written atomically;
// anything unexpected in it means a full run.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, fnv1a } from './cache-place.js';
import type { MemoInputs } from './memo-inputs.js';

declare const __SECREL_CACHE_VERSION__: string | undefined;

/** Set by the build (scripts/build.mjs), as for the cache; running from the TypeScript sources, no memo. */
const BUILD = typeof __SECREL_CACHE_VERSION__ === 'string' ? __SECREL_CACHE_VERSION__ : undefined;

export interface MemoRecord {
  build: string;
  key: string;
  /** When the run started (ms since 1970): a file changed shortly before it is not trusted (trustStamp). */
  made: number;
  /** The repository the run found, and the --repo it found it from. */
  root: string;
  repoOption?: string;
  /** Today in the UK, when the run took the day from the clock (no --as-of). */
  today?: string;
  inputs: MemoInputs;
  /** What the run wrote, in order: to stdout (1) or stderr (2). */
  out: [fd: 1 | 2, text: string][];
  code: number;
}

/**
 * git's variables that change nothing secrel reads (who commits, when, with which editor; tracing and
 * transport): git sets GIT_AUTHOR_DATE and the like for every hook, and a key with them would never match
 * twice. Every other GIT_ variable is in the key.
 */
const GIT_NOT_READ =
  /^GIT_(?:AUTHOR_|COMMITTER_|TRACE|SSH|SSL_|HTTP_|EDITOR$|SEQUENCE_EDITOR$|PAGER$|ASKPASS$|TERMINAL_PROMPT$|REFLOG_ACTION$|MERGE_VERBOSITY$)/;

/** Which run this is, for the memo: everything that decides its output besides the files it reads and the day. */
export function memoKey(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): string {
  const vars = Object.keys(env)
    .filter((k) => k === 'NO_COLOR' || k === 'TERM' || k.toUpperCase() === 'PATH' || k.startsWith('SECREL_') || (k.startsWith('GIT_') && !GIT_NOT_READ.test(k)))
    .sort()
    .map((k) => `${k}=${env[k]}`);
  return JSON.stringify([args, cwd, isTTY, vars]);
}

/** Memo files per repository: a key's hash picks one, so different runs seldom push each other out. */
const SLOTS = 64;
const memoFile = (dir: string, key: string) => join(dir, `memo-${(fnv1a(key) % SLOTS).toString(16).padStart(2, '0')}.json`);

/** The memo of the run `key` in the repository at `root`, if there is one from this build and it is whole. */
export function readMemo(root: string, key: string): MemoRecord | undefined {
  const dir = BUILD ? cacheDir(root) : undefined;
  if (!dir) return undefined;
  try {
    const text = readFileSync(memoFile(dir, key), 'utf8');
    const nl = text.indexOf('\n');
    const json = text.slice(nl + 1);
    if (nl < 0 || Number(text.slice(0, nl)) !== fnv1a(json)) return undefined;
    const record = JSON.parse(json) as MemoRecord;
    return record.build === BUILD && record.key === key && record.root === root && wellFormed(record) ? record : undefined;
  } catch {
    // None yet, unreadable or damaged: the run is made in full.
    return undefined;
  }
}

/** Keeps a run's memo; costs speed only when it cannot (a read-only or full disk). */
export function writeMemo(root: string, record: Omit<MemoRecord, 'build'>): void {
  const dir = BUILD ? cacheDir(root) : undefined;
  if (!dir || !BUILD) return;
  const json = JSON.stringify({ build: BUILD, ...record });
  const file = memoFile(dir, record.key);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, `${fnv1a(json)}\n${json}`, { flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // There was no temporary file to remove (its folder is not a folder).
    }
  }
}

/** Removes the memo of the run `key`, if any: the run found its inputs changed, so the memo can never answer again. */
export function forgetMemo(root: string, key: string): void {
  const dir = BUILD ? cacheDir(root) : undefined;
  if (!dir) return;
  try {
    rmSync(memoFile(dir, key), { force: true });
  } catch {
    // Not there, or not ours to remove: a later run reads it and finds it out of date.
  }
}

/** The parts a replay uses have the shapes it expects (the checksum guards against damage, not against a made-up file). */
function wellFormed(r: MemoRecord): boolean {
  const strings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  const { inputs, out } = r;
  return (
    typeof r.made === 'number' &&
    (r.code === 0 || r.code === 1) &&
    (r.today === undefined || typeof r.today === 'string') &&
    (r.repoOption === undefined || typeof r.repoOption === 'string') &&
    Array.isArray(out) &&
    out.every((c) => Array.isArray(c) && (c[0] === 1 || c[0] === 2) && typeof c[1] === 'string') &&
    typeof inputs === 'object' &&
    inputs !== null &&
    Array.isArray(inputs.listings) &&
    inputs.listings.every((l) => strings(l?.dirs) && strings(l?.files) && strings(l?.found)) &&
    (inputs.index === undefined || (typeof inputs.index?.file === 'string' && typeof inputs.index.stamp === 'string')) &&
    (inputs.head === undefined || typeof inputs.head === 'string')
  );
}
