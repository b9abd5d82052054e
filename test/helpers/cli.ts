// Runs the built CLI as a user would, returning its output and exit code: `secrel` in this process (the
// bundle's main(argv, io), the same code and bytes without starting Node each time), `secrelProcess` as a
// real child process, for what only a process shows (its exit status, streams, signals, the launcher).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'secrel.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** The built CLI, in this process (see test/helpers/in-process.ts). */
export async function secrel(args: readonly string[], opts: RunOptions = {}): Promise<CliResult> {
  const { secrelInProcess } = await import('./in-process.js');
  return secrelInProcess(args, opts);
}

/** The built CLI as a child process (`node bin/secrel.js …`): for exit status, streams and the launcher. */
export async function secrelProcess(args: readonly string[], opts: RunOptions = {}): Promise<CliResult> {
  const r = await execa('node', [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    reject: false,
    env: { NO_COLOR: '1', ...opts.env },
    stdin: 'ignore',
  });
  return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 };
}

/** A scratch copy of a fixture repository, removed by the returned cleanup. */
export function copyFixture(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `secrel-${name.replace(/\W/g, '-')}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** For one test file: scratch copies of fixtures, each removed after the test that made it. */
export function fixtureCopies(): (name?: string) => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  return (name = 'sec-2020') => {
    const { dir, cleanup } = copyFixture(name);
    cleanups.push(cleanup);
    return dir;
  };
}

/** Every file under `dir` (temporary files included) with its bytes, for before/after comparisons. */
export function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}
