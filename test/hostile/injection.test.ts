// Terminal and CI injection (issue 14, point 5), and amounts no one means (point 6).
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secrel } from '../helpers/cli.js';
import { AS_OF, newRepo, scratchDirs } from './scratch.js';

const scratch = scratchDirs();
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters', () => {
  it('NUL, ESC and bidi overrides in a title are refused at their line (exit 1), and reach no output raw', async () => {
    const dir = await newRepo(scratch);
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), 'id: SECMP0001\ntitle: "Evil \\e[2J\\u202Etxt.exe\\0"\n');
    for (const cmd of [['validate'], ['check'], ['plan'], ['render', '--check']]) {
      const r = await secrel([...cmd, ...AS_OF], { cwd: dir });
      // plan shows the rest of the data (exit 0) and names the file it left out on stderr.
      expect(r.exitCode, cmd.join(' ')).toBe(cmd[0] === 'plan' ? 0 : 1);
      expect(r.stdout + r.stderr).toContain('modifications/SECMP0001.yaml:2:8');
      expect(r.stdout + r.stderr).toContain(
        'this text holds the control character U+001B (escape, which starts terminal commands), which secrel refuses: it would reach every published page and the terminal; remove it',
      );
      expect(RAW.test(r.stdout + r.stderr), cmd.join(' ')).toBe(false);
    }
  });

  it('a bidirectional override alone is refused too, and the message says what the invisible character does', async () => {
    const dir = await newRepo(scratch);
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), 'id: SECMP0001\ntitle: "Invoice \u202Efdp.exe"\n');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/SECMP0001.yaml:2:8 error SCHEMA');
    expect(r.stdout).toContain('holds the control character U+202E (a bidirectional control, which reorders what a reader sees), which secrel refuses');
  });

  it('a file name with an escape sequence is shown escaped, even with colour on', async () => {
    const dir = await newRepo(scratch);
    writeFileSync(join(dir, 'modifications', 'X\u001b[2J.yaml'), 'id: X\n');
    for (const extra of [[], ['--format', 'github']]) {
      const r = await secrel(['validate', ...extra, ...AS_OF], { cwd: dir, env: { FORCE_COLOR: '1' } });
      expect(r.stdout).toContain('X\\u001B[2J.yaml');
      // eslint-disable-next-line no-control-regex
      expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
    }
  });

  it('a key holding a newline cannot start a line with a workflow command in the text output', async () => {
    const dir = await newRepo(scratch);
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), 'id: SECMP0001\ntitle: A change\n"x\\n::error file=a.yaml::owned": 1\n');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    for (const line of (r.stdout + '\n' + r.stderr).split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(r.stdout).toContain('\\n::error file=a.yaml::owned');
  });
});

describe('amounts', () => {
  it('money over £1,000,000,000,000 is a finding, not a publication of £100,000,000,000,000,000,000', async () => {
    const dir = await newRepo(scratch);
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), 'id: SECMP0001\ntitle: A change\ncosts:\n  dcc:\n    designBuildPit: 99999999999999999999\n');
    const r = await secrel(['validate', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('modifications/SECMP0001.yaml:5:21');
    expect(r.stdout).toContain('`costs.dcc.designBuildPit` is `100000000000000000000`, which is not allowed: it must be at most 1,000,000,000,000');
  });
});

describe('findings per file', () => {
  it('50,000 unknown keys: the first 100 findings and a count of the rest, quickly', async () => {
    const dir = await newRepo(scratch);
    mkdirSync(join(dir, 'modifications'), { recursive: true });
    const keys = Array.from({ length: 50_000 }, (_, i) => `unknownKey${i}: ${i}`).join('\n');
    writeFileSync(join(dir, 'modifications', 'SECMP0001.yaml'), `id: SECMP0001\ntitle: A change\n${keys}\n`);
    const r = await secrel(['validate', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const findings = JSON.parse(r.stdout).findings.filter((f: { file: string }) => f.file === 'modifications/SECMP0001.yaml');
    expect(findings).toHaveLength(101);
    expect(findings.map((f: { message: string }) => f.message)).toContain(
      'and 49900 more schema problems in this file: secrel shows the first 100 of each file; fix those and run again',
    );
  }, 60_000);
});
