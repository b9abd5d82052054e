// Several secrel writers at once on one repository (issue 14, point 1): every writing command holds an
// exclusive lock, so no history entry is lost or written twice, and a command that says it wrote did write.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
// Real processes: the lock is between processes (each holds its own pid), so these never run in-process.
import { secrelProcess as secrel } from '../helpers/cli.js';
import { scratchDirs } from './scratch.js';

const RELEASE = 'id: 2020-06\ntype: system\nstatus: planned\n';
const mod = (id: string) => `id: ${id}\ntitle: ${id} example\nstatus: approved\nsystemImpact: true\nimplementation:\n  release: 2020-06\n`;

const scratch = scratchDirs();

function makeRepo(): string {
  const dir = scratch();
  mkdirSync(join(dir, 'releases'));
  mkdirSync(join(dir, 'modifications'));
  writeFileSync(join(dir, 'releases', '2020-06.yaml'), RELEASE);
  writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), mod('SECMP0001'));
  return dir;
}
const rid = (dir: string) => parse(readFileSync(join(dir, 'releases', '2020-06.yaml'), 'utf8')).rid;

describe('concurrent writers', () => {
  it('N rid bumps at once record each change exactly once', async () => {
    const dir = makeRepo();
    const run = (...args: string[]) => secrel([...args, '--as-of', '2019-05-09'], { cwd: dir });
    expect((await run('rid', 'bump', '--release', '2020-06')).exitCode).toBe(0);
    for (let trial = 2; trial <= 5; trial++) {
      writeFileSync(join(dir, 'modifications', `SECMP000${trial}.yaml`), mod(`SECMP000${trial}`));
      const results = await Promise.all([1, 2, 3, 4].map(() => run('rid', 'bump')));
      for (const r of results) expect(r.exitCode, r.stderr).toBe(0);
      const { version, history } = rid(dir);
      expect(version).toBe(`0.${trial}`);
      expect(history.map((h: { version: string }) => h.version)).toEqual(Array.from({ length: trial }, (_, i) => `0.${i + 1}`));
    }
  }, 120_000);

  it('rid bump racing rid baseline never drops a baseline that was reported as recorded', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const dir = makeRepo();
      const run = (...args: string[]) => secrel([...args, '--as-of', '2019-05-09'], { cwd: dir });
      expect((await run('rid', 'bump', '--release', '2020-06')).exitCode).toBe(0);
      writeFileSync(join(dir, 'modifications', 'SECMP0002.yaml'), mod('SECMP0002'));
      const [bump, baseline] = await Promise.all([run('rid', 'bump'), run('rid', 'baseline', '2020-06', '--date', '2019-10-11')]);
      expect(bump.exitCode, bump.stderr).toBe(0);
      const after = rid(dir);
      if (baseline.exitCode === 0) expect(after.baselines?.map((b: { date: string }) => b.date)).toEqual(['2019-10-11']);
      else expect(baseline.stderr).toContain('rid bump');
      // Whatever the order, every history entry is there once.
      const versions = after.history.map((h: { version: string }) => h.version);
      expect(new Set(versions).size).toBe(versions.length);
    }
  }, 120_000);
});

describe('the lock', () => {
  const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), command: 'rid bump', started: '2026-12-01T10:00:00.000Z' });

  it('held by a running secrel: waits, then says who holds it and changes nothing (exit 2)', async () => {
    const dir = makeRepo();
    const before = readFileSync(join(dir, 'releases', '2020-06.yaml'), 'utf8');
    writeFileSync(join(dir, '.secrel.lock'), holder(process.pid));
    const r = await secrel(['rid', 'bump', '--release', '2020-06', '--as-of', '2019-05-09'], { cwd: dir, env: { SECREL_LOCK_TIMEOUT: '0.2' } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      `secrel: another secrel command (\`secrel rid bump\`, process ${process.pid}, since 2026-12-01T10:00:00.000Z) is writing this repository, so rid bump did not start\n  wait for it to finish and run again; if no secrel is running, delete ${join(dir, '.secrel.lock')}`,
    );
    expect(readFileSync(join(dir, 'releases', '2020-06.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, '.secrel.lock'))).toBe(true);
  });

  it('left by a process that was killed: taken over, and removed afterwards; in .git/ when there is one', async () => {
    const dir = makeRepo();
    mkdirSync(join(dir, '.git'));
    const dead = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(join(dir, '.git', 'secrel.lock'), holder(Number(dead.stdout)));
    const r = await secrel(['rid', 'bump', '--release', '2020-06', '--as-of', '2019-05-09'], { cwd: dir, env: { SECREL_LOCK_TIMEOUT: '0.2' } });
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(rid(dir).version).toBe('0.1');
    // Nothing left but the parse cache (.git/secrel/cache/).
    expect(readdirSync(join(dir, '.git')).filter((n) => n !== 'secrel')).toEqual([]);
  });

  it('in a sub-folder of a git work tree: the lock is in the git folder, never in the data folder', async () => {
    const top = scratch();
    mkdirSync(join(top, '.git'));
    const dir = join(top, 'data');
    mkdirSync(dir);
    for (const name of ['releases', 'modifications']) mkdirSync(join(dir, name));
    writeFileSync(join(dir, 'releases', '2020-06.yaml'), RELEASE);
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), mod('SECMP0001'));
    const expected = join(top, '.git', `secrel-${createHash('sha1').update(realpathSync(dir)).digest('hex').slice(0, 16)}.lock`);
    // A lock held there stops a second writer of the same folder, naming the file to delete.
    writeFileSync(expected, holder(process.pid));
    const r = await secrel(['rid', 'bump', '--release', '2020-06', '--as-of', '2019-05-09'], { cwd: dir, env: { SECREL_LOCK_TIMEOUT: '0' } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`delete ${expected}`);
    rmSync(expected);
    expect((await secrel(['rid', 'bump', '--release', '2020-06', '--as-of', '2019-05-09'], { cwd: dir })).exitCode).toBe(0);
    // The data folder holds only the data: a copy of it, or git status, never meets a lock.
    expect(readdirSync(dir).sort()).toEqual(['modifications', 'releases']);
    expect(readdirSync(join(top, '.git')).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('a dry run and render --check take no lock', async () => {
    const dir = makeRepo();
    writeFileSync(join(dir, '.secrel.lock'), holder(process.pid));
    const env = { SECREL_LOCK_TIMEOUT: '0' };
    expect((await secrel(['rid', 'bump', '--dry-run', '--as-of', '2019-05-09'], { cwd: dir, env })).exitCode).toBe(0);
    expect((await secrel(['render', '--check', '--as-of', '2019-05-09'], { cwd: dir, env })).stderr).not.toContain('another secrel');
    expect((await secrel(['render', '--as-of', '2019-05-09'], { cwd: dir, env })).stderr).toContain('so render did not start');
  });
});
