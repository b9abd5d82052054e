// The bad inputs that cannot sit in git as fixtures (a binary file, 10 MB, bytes that are not UTF-8, a BOM
// and CRLF endings, symbolic links out of the repository, a broken template override), made in a scratch
// copy of fixtures/minimal: each gives its finding, with the exit code, through every command.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, secrel } from '../helpers/cli.js';
import { secrelInProcess } from '../helpers/in-process.js';

interface Want {
  rule: string;
  file: string;
  line: number;
  column: number;
  contains: string;
  message?: string;
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

/** A scratch folder outside every repository, for links to point at. */
const outside = mkdtempSync(join(tmpdir(), 'secrel-outside-'));
cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
writeFileSync(join(outside, 'secret.yaml'), 'id: SECRET\ntitle: read from outside the repository\n');
mkdirSync(join(outside, 'releases'));
writeFileSync(join(outside, 'releases', '2021-02.yaml'), 'id: 2021-02\ntype: documentation\n');

function repo(make: (dir: string) => void): string {
  const { dir, cleanup } = copyFixture('minimal');
  cleanups.push(cleanup);
  make(dir);
  return dir;
}

const MOD = 'modifications/DEMO001.yaml';
const original = (dir: string) => readFileSync(join(dir, MOD));

const cases: { name: string; make: (dir: string) => void; finding: Want }[] = [
  {
    name: 'a binary file',
    make: (dir) => writeFileSync(join(dir, MOD), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])),
    finding: { rule: 'YAML', file: MOD, line: 1, column: 1, contains: 'binary file' },
  },
  {
    name: 'a 10 MB file',
    make: (dir) => writeFileSync(join(dir, 'modifications/HUGE.yaml'), `id: HUGE\ntitle: "${'x'.repeat(10 * 1024 * 1024)}"\n`),
    finding: { rule: 'YAML', file: 'modifications/HUGE.yaml', line: 1, column: 1, contains: 'secrel reads files up to 5 MB' },
  },
  {
    name: 'bytes that are not UTF-8 (Latin-1 text)',
    make: (dir) =>
      writeFileSync(
        join(dir, MOD),
        Buffer.concat([
          original(dir).subarray(0, original(dir).indexOf('title: ') + 7),
          Buffer.from('Caf\xe9 rules\n', 'latin1'),
          original(dir).subarray(original(dir).indexOf('\n', original(dir).indexOf('title: ')) + 1),
        ]),
      ),
    finding: { rule: 'YAML', file: MOD, line: 6, column: 11, contains: 'not valid UTF-8' },
  },
  {
    name: 'a symbolic link to a file outside the repository',
    make: (dir) => symlinkSync(join(outside, 'secret.yaml'), join(dir, 'modifications/SECRET.yaml')),
    finding: { rule: 'YAML', file: 'modifications/SECRET.yaml', line: 1, column: 1, contains: 'points outside the repository' },
  },
  {
    name: 'a releases folder that is a symbolic link out of the repository',
    make: (dir) => {
      rmSync(join(dir, 'releases'), { recursive: true });
      symlinkSync(join(outside, 'releases'), join(dir, 'releases'));
    },
    finding: { rule: 'YAML', file: 'releases', line: 1, column: 1, contains: 'outside the repository' },
  },
  {
    name: 'CRLF line endings and a BOM, with a wrong type',
    make: (dir) =>
      writeFileSync(join(dir, MOD), `\uFEFF${original(dir).toString('utf8').replace('systemImpact: false', 'systemImpact: maybe').replace(/\n/g, '\r\n')}`),
    finding: { rule: 'SCHEMA', file: MOD, line: 10, column: 15, contains: 'not one of: dcc, user, none' },
  },
];

describe.each(cases)('$name', ({ make, finding }) => {
  const dir = repo(make);
  const at = `${finding.file}:${finding.line}:${finding.column}`;
  const has = (stdout: string) =>
    (JSON.parse(stdout) as { findings: Want[] }).findings.find((f) => `${f.file}:${f.line}:${f.column}` === at && f.rule === finding.rule);

  it('validate (the real process): exit 1 and the finding at its position', async () => {
    const r = await secrel(['validate', '--repo', dir, '--format', 'json']);
    expect(r.exitCode).toBe(1);
    expect(has(r.stdout), r.stdout).toBeDefined();
    expect(has(r.stdout)!.message).toContain(finding.contains);
    // And nothing else: a file that could not be read is unknown, not missing (no broken reference, no RID-2).
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('check, render --check and rid bump --dry-run: exit 1 with the finding; plan names the file', async () => {
    for (const args of [['check'], ['render', '--check'], ['rid', 'bump', '--dry-run']]) {
      const r = await secrelInProcess([...args, '--repo', dir, '--format', 'json']);
      expect(r.exitCode, args.join(' ')).toBe(1);
      expect(has(r.stdout), `${args.join(' ')}: ${r.stdout}`).toBeDefined();
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    }
    const plan = await secrelInProcess(['plan', '--repo', dir, '--as-of', '2020-06-01'], { cwd: dir });
    expect(plan.exitCode).toBe(0);
    expect(plan.stderr).toContain(`${at} ${finding.rule}: `);
  });
});

describe('a valid file with a BOM and CRLF line endings', () => {
  const dir = repo((d) =>
    writeFileSync(join(d, 'releases/2021-02.yaml'), `\uFEFF${readFileSync(join(d, 'releases/2021-02.yaml'), 'utf8').replace(/\n/g, '\r\n')}`),
  );

  it('reads like any other file', async () => {
    const r = await secrel(['validate', '--repo', dir]);
    expect(r.stdout).toBe('2 files checked, no problems found');
    expect(r.exitCode).toBe(0);
  });

  it('rid bump keeps the BOM and the CRLF endings of the file it edits', async () => {
    const r = await secrel(['rid', 'bump', '--release', '2021-02', '--as-of', '2021-01-05', '--repo', dir]);
    expect(r.exitCode).toBe(0);
    const after = readFileSync(join(dir, 'releases/2021-02.yaml'), 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after).toContain('computedFrom');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('a template override that names a missing field', () => {
  const dir = repo((d) => {
    mkdirSync(join(d, 'templates'));
    writeFileSync(join(d, 'templates/rid.md.hbs'), '# {{release.name}}\n\nVersion {{rid.versoin}}\n');
  });

  it('render fails with exit 1, naming the template file, line, column and field, and writes nothing', async () => {
    const r = await secrel(['render', 'rid', '--repo', dir], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'secrel: templates/rid.md.hbs:3:11: "rid.versoin" is not in the view model (strict mode: a missing field is an error, never a blank); check its spelling',
    );
    expect(r.stdout).toBe('');
    const check = await secrelInProcess(['render', '--check', '--repo', dir], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain('templates/rid.md.hbs:3:11');
  });
});
