// Writes that must not replace what they find (issue 14, point 4): special files, symbolic links,
// folders linked out of a new repository, owners and modes, temporary files of interrupted runs and
// outputs that nothing renders any more.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, secrel } from '../helpers/cli.js';
import { AS_OF, newRepo, scratchDirs } from './scratch.js';

const scratch = scratchDirs();
const temps = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.tmp') || p.endsWith('.restore'));

describe('calendar --ics never replaces what is not a regular file', () => {
  const cases: [string, (p: string) => void, (p: string) => boolean][] = [
    ['a FIFO', (p) => execFileSync('mkfifo', [p]), (p) => lstatSync(p).isFIFO()],
    ['a symbolic link', (p) => symlinkSync('elsewhere.ics', p), (p) => lstatSync(p).isSymbolicLink()],
  ];
  if (process.getuid?.() === 0) cases.push(['a device node', (p) => execFileSync('mknod', [p, 'c', '1', '3']), (p) => lstatSync(p).isCharacterDevice()]);
  for (const [what, make, still] of cases) {
    it(`${what}: exit 2, named, left as it was`, async () => {
      const dir = scratch();
      const path = join(dir, 'cal.ics');
      make(path);
      const r = await secrel(['calendar', '2027', '--ics', path], { cwd: dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`${path} is ${what}`);
      expect(still(path)).toBe(true);
      expect(readdirSync(dir)).toEqual(['cal.ics']);
    });
  }
});

describe('rid bump', () => {
  it('writes through a symbolic link to a release file elsewhere in the repository; the link stays', async () => {
    const dir = await newRepo(scratch);
    mkdirSync(join(dir, 'shared'));
    execFileSync('mv', [join(dir, 'releases', '2028-02.yaml'), join(dir, 'shared', '2028-02.yaml')]);
    symlinkSync('../shared/2028-02.yaml', join(dir, 'releases', '2028-02.yaml'));
    const r = await secrel(['rid', 'bump', '--release', '2028-02', ...AS_OF], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'releases', '2028-02.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared', '2028-02.yaml'), 'utf8')).toContain('version: "0.1"');
  });

  it.runIf(process.getuid?.() === 0)("run as root, keeps the file's owner and mode", async () => {
    const dir = await newRepo(scratch);
    const file = join(dir, 'releases', '2028-02.yaml');
    chownSync(file, 1234, 2345);
    chmodSync(file, 0o640);
    expect((await secrel(['rid', 'bump', '--release', '2028-02', ...AS_OF], { cwd: dir })).exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('rid:');
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 2345 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('init', () => {
  for (const folder of ['releases', '.github']) {
    it(`refuses a ${folder}/ that is a link to a folder outside the new repository`, async () => {
      const base = scratch();
      const outside = join(base, 'outside');
      mkdirSync(outside);
      mkdirSync(join(base, 'repo'));
      symlinkSync(outside, join(base, 'repo', folder));
      const r = await secrel(['init', join(base, 'repo'), ...AS_OF]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`leads through a symbolic link to ${outside}`);
      expect(r.stderr).toContain('outside the new repository; secrel init wrote nothing');
      expect(readdirSync(outside)).toEqual([]);
      expect(readdirSync(join(base, 'repo'))).toEqual([folder]);
    });
  }
});

describe('render', () => {
  it('reports temporary files an interrupted write left (--check fails), removes them on the next render', async () => {
    const dir = await newRepo(scratch);
    expect((await secrel(['render', ...AS_OF], { cwd: dir })).exitCode).toBe(0);
    const dead = Number(execFileSync('node', ['-e', 'process.stdout.write(String(process.pid))']));
    const leftover = join(dir, 'out', 'site', `.index.html.${dead}.0badf00d.tmp`);
    writeFileSync(leftover, '<html>half');
    const check = await secrel(['render', '--check', ...AS_OF], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain(`leftover out/site/.index.html.${dead}.0badf00d.tmp (a temporary file an interrupted write left)`);
    const again = await secrel(['render', ...AS_OF], { cwd: dir });
    expect(again.stdout).toBe(
      `removed out/site/.index.html.${dead}.0badf00d.tmp (a temporary file an interrupted write left)\n15 files in out: 0 written, 15 unchanged, 1 removed`,
    );
    expect(existsSync(leftover)).toBe(false);
    expect((await secrel(['render', '--check', ...AS_OF], { cwd: dir })).exitCode).toBe(0);
  });

  it('removes the page of a deleted modification, which --check reports first', async () => {
    const dir = await newRepo(scratch);
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), 'id: SECMP0001\ntitle: Another change\n');
    expect((await secrel(['render', ...AS_OF], { cwd: dir })).exitCode).toBe(0);
    const page = join(dir, 'out', 'site', 'modifications', 'SECMP0001.html');
    expect(existsSync(page)).toBe(true);
    rmSync(join(dir, 'modifications', 'SECMP0001.yaml'));
    const check = await secrel(['render', '--check', ...AS_OF], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain('obsolete out/site/modifications/SECMP0001.html (rendered before, nothing renders it now)');
    const r = await secrel(['render', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('removed out/site/modifications/SECMP0001.html');
    expect(existsSync(page)).toBe(false);
    // A file secrel did not write is never removed.
    writeFileSync(join(dir, 'out', 'site', 'CNAME'), 'example.invalid\n');
    expect((await secrel(['render', ...AS_OF], { cwd: dir })).stdout).not.toContain('removed');
    expect(existsSync(join(dir, 'out', 'site', 'CNAME'))).toBe(true);
  });

  it('Ctrl-C or SIGTERM at any moment leaves no temporary file behind', async () => {
    const dir = await newRepo(scratch);
    for (let i = 0; i < 8; i++)
      writeFileSync(join(dir, 'modifications', `SECMP00${10 + i}.yaml`), `id: SECMP00${10 + i}\ntitle: Change ${i}\nimplementation:\n  release: 2028-02\n`);
    for (let trial = 0; trial < 6; trial++) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      const child = spawn('node', [BIN, 'render', ...AS_OF], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      setTimeout(() => child.kill(trial % 2 ? 'SIGTERM' : 'SIGINT'), 150 + trial * 60);
      const how = await exited;
      expect([0, 'SIGINT', 'SIGTERM']).toContain(how);
      if (existsSync(join(dir, 'out'))) expect(temps(join(dir, 'out'))).toEqual([]);
      expect(existsSync(join(dir, '.secrel.lock'))).toBe(false);
    }
  });
});
