// Crash safety: a failure in the middle of `rid bump` or `render` leaves every file exactly as it was.
// Failures are injected in-process (the CLI from src/, with the test hook of src/repo/atomic.ts) at each
// step of the write: while the temporary files are written, and between two renames. A file with
// errors is never rewritten.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeFaults } from '../../src/repo/atomic.js';
import { fixtureCopies, snapshotFiles } from '../helpers/cli.js';

const fixture = fixtureCopies();
afterEach(() => {
  writeFaults.inject = undefined;
});

async function run(dir: string, args: readonly string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'secrel', ...args, '--repo', dir], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: { NO_COLOR: '1' },
    cwd: dir,
  });
  return { exitCode, stdout, stderr };
}

/** Makes the `index`th file's `step` throw, as a full disk or a vanished folder would. */
function failAt(step: 'temp' | 'commit', index: number): { fired: () => boolean } {
  let fired = false;
  writeFaults.inject = (s, path, i) => {
    if (s === step && i === index) {
      fired = true;
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', syscall: 'write' });
    }
  };
  return { fired: () => fired };
}

/** The example with RIDs on three releases, so one `rid bump` rewrites three files. */
function ridFixture(): string {
  const dir = fixture();
  for (const id of ['2020-11', '2021-02', '2021-06']) {
    const file = join(dir, 'releases', `${id}.yaml`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}rid:\n  version: "0.1"\n`);
  }
  return dir;
}

describe('rid bump', () => {
  it('writes every release file it changes (the baseline for the tests below)', async () => {
    const dir = ridFixture();
    const before = snapshotFiles(dir);
    const r = await run(dir, ['rid', 'bump', '--as-of', '2020-02-01']);
    expect(r.exitCode).toBe(0);
    const after = snapshotFiles(dir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.sort()).toEqual(['releases/2020-06.yaml', 'releases/2020-11.yaml', 'releases/2021-02.yaml', 'releases/2021-06.yaml']);
  });

  it.each([
    ['temp', 0],
    ['temp', 3],
    ['commit', 0],
    ['commit', 1],
    ['commit', 3],
  ] as const)('a failure at %s #%i leaves every file as it was, with one line on stderr and exit 2', async (step, index) => {
    const dir = ridFixture();
    const before = snapshotFiles(dir);
    const fault = failAt(step, index);
    const r = await run(dir, ['rid', 'bump', '--as-of', '2020-02-01']);
    expect(fault.fired()).toBe(true);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^secrel: ENOSPC: no space left on device, write '.+' in `secrel rid bump`; run again with --debug for the stack trace\n$/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('never rewrites a file with errors, nor any file while one does not load', async () => {
    const dir = ridFixture();
    const broken = join(dir, 'releases', '2021-02.yaml');
    writeFileSync(broken, `${readFileSync(broken, 'utf8')}rid: [duplicate key\n`);
    const before = snapshotFiles(dir);
    for (const args of [
      ['rid', 'bump', '--as-of', '2020-02-01'],
      ['rid', 'bump', '--release', '2021-02'],
      ['rid', 'baseline', '2020-06', '--date', '2020-01-17'],
    ]) {
      const r = await run(dir, args);
      expect(r.exitCode, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/changed nothing: fix the errors above first/);
    }
    expect(snapshotFiles(dir)).toEqual(before);
  });
});

describe('render', () => {
  it.each([
    ['temp', 0],
    ['temp', 7],
    ['commit', 0],
    ['commit', 7],
    ['commit', 'last'],
  ] as const)('over committed documents, a failure at %s #%s leaves every output file as it was', async (step, at) => {
    const dir = fixture();
    expect((await run(dir, ['render'])).exitCode).toBe(0);
    // A title change makes many documents stale: the RID, notices and several site pages.
    const mod = join(dir, 'modifications', 'MP079.yaml');
    writeFileSync(
      mod,
      readFileSync(mod, 'utf8').replace('title: Provisions for withdrawing modifications', 'title: Provisions for withdrawing Modification Proposals'),
    );
    const stale = (JSON.parse((await run(dir, ['render', '--check', '--format', 'json'])).stdout) as { outOfDate: number }).outOfDate;
    expect(stale).toBeGreaterThan(8);
    const before = snapshotFiles(dir);
    const fault = failAt(step, at === 'last' ? stale - 1 : at);
    const r = await run(dir, ['render']);
    expect(fault.fired()).toBe(true);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('in `secrel render`; run again with --debug');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('into an empty repository, a failure half-way leaves no output folder behind', async () => {
    const dir = fixture();
    const before = snapshotFiles(dir);
    failAt('commit', 10);
    const r = await run(dir, ['render']);
    expect(r.exitCode).toBe(2);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('a target that cannot be replaced (a folder in its place) fails without touching the other files', async () => {
    const dir = fixture();
    expect((await run(dir, ['render'])).exitCode).toBe(0);
    const mod = join(dir, 'modifications', 'MP079.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('title: Provisions for withdrawing modifications', 'title: Withdrawing modifications'));
    // out/rid/2020-06.md becomes a folder: its rename fails after out/rid/2020-06.html was replaced.
    const md = join(dir, 'out', 'rid', '2020-06.md');
    rmSync(md);
    mkdirSync(md);
    writeFileSync(join(md, 'keep'), 'in the way');
    const before = snapshotFiles(dir);
    const r = await run(dir, ['render']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^secrel: E\w+: .*rename.* in `secrel render`; run again with --debug for the stack trace\n$/);
    expect(snapshotFiles(dir)).toEqual(before);
  });
});
