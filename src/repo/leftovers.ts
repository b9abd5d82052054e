// Temporary files that an interrupted write left behind (SIGKILL, a power cut): secrel's own temporary
// names (`.NAME.PID.XXXXXXXX.tmp`, see atomic.ts) of processes that no longer run. They are found, reported
// and removed by the next writing run, and make `render --check` fail, so none lingers unnoticed.
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:\.restore)?$/;

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Absolute paths of leftover temporary files in `dir` (and below it, with `recursive`), sorted. */
export async function findLeftovers(dir: string, options: { recursive?: boolean } = {}): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: options.recursive === true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const m = TEMP_NAME.exec(e.name);
    if (m && e.isFile() && !running(Number(m[1]))) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

/** Removes them; returns those removed. */
export async function removeLeftovers(paths: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const p of paths)
    if (
      await unlink(p).then(
        () => true,
        () => false,
      )
    )
      removed.push(p);
  return removed;
}
