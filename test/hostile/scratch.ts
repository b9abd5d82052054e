// Empty scratch folders for the hostile tests, each removed after the test that made it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { secrel } from '../helpers/cli.js';

export function scratchDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-hostile-'));
    dirs.push(dir);
    return dir;
  };
}

/** The as-of date of the hostile tests' fresh repositories. */
export const AS_OF = ['--as-of', '2026-12-01'];

/** A fresh repository made by `secrel init` in a scratch folder, as a new user would start. */
export async function newRepo(scratch: () => string): Promise<string> {
  const dir = join(scratch(), 'repo');
  expect((await secrel(['init', dir, ...AS_OF])).exitCode).toBe(0);
  return dir;
}
