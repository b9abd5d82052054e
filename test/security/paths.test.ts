// The repository's data never makes secrel read or write outside the repository: the config's output,
// template and data folders may not climb out with `..`, be absolute, or lead out through a symbolic link.
// A folder given on the command line (--out) is the user's own choice and may be anywhere.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, secrel } from '../helpers/cli.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-outside-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function repo(config?: string): string {
  const { dir, cleanup } = copyFixture('minimal');
  cleanups.push(cleanup);
  if (config !== undefined) writeFileSync(join(dir, 'secrel.config.yaml'), config);
  return dir;
}

describe('folders named in secrel.config.yaml', () => {
  it.each([
    ['output: ../published', 'output', 1, 9],
    ['output: /tmp/secrel-published', 'output', 1, 9],
    ['templates: ../../shared-templates', 'templates', 1, 12],
    ['templates: /etc', 'templates', 1, 12],
    ['paths:\n  releases: ../other-repo/releases', 'paths.releases', 2, 13],
    ['paths:\n  modifications: C:/data', 'paths.modifications', 2, 18],
  ])('%s is refused with a finding at the value, and nothing is read or written there', async (config, field, line, column) => {
    const dir = repo(`${config}\n`);
    const v = await secrel(['validate', '--repo', dir, '--format', 'json']);
    expect(v.exitCode).toBe(1);
    const finding = (JSON.parse(v.stdout) as { findings: { file: string; line: number; column: number; message: string }[] }).findings[0]!;
    expect(finding).toMatchObject({ file: 'secrel.config.yaml', line, column });
    expect(finding.message).toContain(`\`${field}\``);
    expect(finding.message).toContain('inside the repository');
    const r = await secrel(['render', '--repo', dir]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('nothing rendered');
    expect(existsSync(join(dir, '..', 'published'))).toBe(false);
    expect(existsSync('/tmp/secrel-published')).toBe(false);
  });

  it('an output folder that is a symbolic link out of the repository: render refuses (exit 2), writes nothing there', async () => {
    const outside = scratch();
    const dir = repo();
    symlinkSync(outside, join(dir, 'out'));
    const r = await secrel(['render', '--repo', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('secrel: secrel.config.yaml `output`: out is a symbolic link (or inside one)');
    expect(r.stderr).toContain('--out DIR');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a folder inside the output folder that links out: refused before anything is written', async () => {
    const outside = scratch();
    const dir = repo();
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'rid'));
    const r = await secrel(['render', '--repo', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('leads outside it through a symbolic link');
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(dir, 'out'))).toEqual(['rid']);
  });

  it('a template folder that is a symbolic link out of the repository: not read', async () => {
    const outside = scratch();
    writeFileSync(join(outside, 'rid.md.hbs'), 'hijacked {{release.name}}\n');
    const dir = repo();
    symlinkSync(outside, join(dir, 'templates'));
    const r = await secrel(['render', 'rid', '--repo', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('secrel: secrel.config.yaml `templates`: templates is a symbolic link (or inside one)');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--out on the command line may name any folder, absolute or not', async () => {
    const outside = scratch();
    const dir = repo();
    const r = await secrel(['render', 'rid', '--repo', dir, '--out', join(outside, 'docs')]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(readdirSync(join(outside, 'docs', 'rid')).sort()).toEqual(['2021-02.html', '2021-02.md']);
  });
});
