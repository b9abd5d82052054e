// A repository that may not be written (a read-only checkout): `render --out` outside it still runs, holding
// the output folder's lock instead of the repository's; a command that must write in it says so, naming the
// folder and what to do. The tests run as root, which no file mode stops, so the failure to create the lock
// file is injected in-process (the test hook of src/repo/lock.ts), as the system gives it to anyone else.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isInside } from '../../src/repo/inside.js';
import { lockFaults, lockPath } from '../../src/repo/lock.js';
import { fixtureCopies, snapshotFiles } from '../helpers/cli.js';

const fixture = fixtureCopies();
const scratch: string[] = [];
afterEach(() => {
  lockFaults.inject = undefined;
  scratch.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function run(dir: string, args: readonly string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'secrel', ...args, '--repo', dir, '--as-of', '2020-01-10'], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: { NO_COLOR: '1', ...env },
    cwd: dir,
  });
  return { exitCode, stdout, stderr };
}

/** The example as a git checkout nobody may write in: creating a file anywhere in it fails with EACCES. */
function readOnlyCheckout(): string {
  const dir = realpathSync(fixture());
  spawnSync('git', ['init', '-q', dir]);
  lockFaults.inject = (path) => {
    if (isInside(dir, path)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', syscall: 'open' });
  };
  return dir;
}

function elsewhere(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'secrel-elsewhere-')));
  scratch.push(dir);
  return dir;
}

describe('a read-only repository', () => {
  it('render --out a folder outside it writes there, and nothing in the repository', async () => {
    const dir = readOnlyCheckout();
    const before = snapshotFiles(dir);
    const out = join(elsewhere(), 'new', 'site-copy');
    const r = await run(dir, ['render', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/files in .*site-copy: \d+ written, 0 unchanged\n$/);
    expect(readdirSync(out)).toContain('rid');
    expect(existsSync(lockPath(out))).toBe(false);
    expect(snapshotFiles(dir)).toEqual(before);
    // The next render finds every file up to date: the same documents.
    expect((await run(dir, ['render', '--out', out])).stdout).toMatch(/: 0 written, \d+ unchanged\n$/);
  });

  it('two renders to one folder outside it still take turns: the second waits for the first one’s lock there', async () => {
    const dir = readOnlyCheckout();
    const out = elsewhere();
    const holder = { pid: process.pid, host: hostname(), command: 'render', started: '2020-01-10T09:00:00.000Z' };
    writeFileSync(lockPath(out), JSON.stringify(holder));
    const r = await run(dir, ['render', '--out', out], { SECREL_LOCK_TIMEOUT: '0' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      `another secrel command (\`secrel render\`, process ${process.pid}, since 2020-01-10T09:00:00.000Z) is writing ${out}, so render did not start`,
    );
    expect(readdirSync(out)).toEqual(['.secrel.lock']);
  });

  it.each([
    ['render', ['render'], '; or, to render from a read-only repository, write the documents outside it with --out DIR'],
    [
      'render --out inside it',
      ['render', '--out', 'elsewhere-inside'],
      '; or, to render from a read-only repository, write the documents outside it with --out DIR',
    ],
    ['rid bump', ['rid', 'bump'], ''],
    ['rid baseline', ['rid', 'baseline', '2020-06', '--date', '2019-10-11'], ''],
  ])('%s, which writes in it, says the folder may not be written and what to do: exit 2, nothing written', async (command, args, more) => {
    const dir = readOnlyCheckout();
    const before = snapshotFiles(dir);
    const r = await run(dir, args);
    expect(r.exitCode).toBe(2);
    const name = command.startsWith('render') ? 'render' : command;
    expect(r.stderr).toBe(
      `secrel: cannot create the lock file in ${dir}/.git (permission denied), so ${name} did not start: ` +
        'a command that writes holds that lock while it works, and this folder may not be written (a read-only checkout?)\n' +
        `  make ${dir}/.git writable for this user, or work in a copy you can write to, and run again${more}\n`,
    );
    expect(snapshotFiles(dir)).toEqual(before);
  });
});

describe('a repository that may be written', () => {
  it('render --out elsewhere still holds the repository’s lock, so it waits for a rid bump in progress', async () => {
    const dir = realpathSync(fixture());
    const holder = { pid: process.pid, host: hostname(), command: 'rid bump', started: '2020-01-10T09:00:00.000Z' };
    writeFileSync(lockPath(dir), JSON.stringify(holder));
    const out = elsewhere();
    const r = await run(dir, ['render', '--out', out], { SECREL_LOCK_TIMEOUT: '0' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('another secrel command (`secrel rid bump`');
    expect(readdirSync(out)).toEqual([]);
  });
});

// Where the tests run as a user that file modes do stop: the same with a real read-only checkout.
describe.skipIf(process.getuid?.() === 0)('a checkout made read-only with chmod', () => {
  it('render --out elsewhere runs; rid bump names the folder it may not write', async () => {
    const dir = realpathSync(fixture());
    spawnSync('git', ['init', '-q', dir]);
    spawnSync('chmod', ['-R', 'a-w', dir]);
    try {
      const out = elsewhere();
      expect(await run(dir, ['render', '--out', out])).toMatchObject({ exitCode: 0, stderr: '' });
      const r = await run(dir, ['rid', 'bump']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^secrel: cannot create the lock file in .*\.git \(permission denied\), so rid bump did not start/);
    } finally {
      spawnSync('chmod', ['-R', 'u+w', dir]);
    }
  });
});
