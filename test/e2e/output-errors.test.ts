// What the process does when its surroundings fail: a reader that closes the pipe early (`| head`) ends
// the run quietly with the command's own exit code; a folder that cannot be written is one clear line and exit 2, never a crash.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, copyFixture, secrel } from '../helpers/cli.js';

/** Runs `secrel ARGS | head -1` in bash and returns head's output and secrel's own exit code. */
async function pipedToHead(args: string): Promise<{ first: string; exitCode: number; stderr: string }> {
  const r = await execa('bash', ['-c', `node ${BIN} ${args} 2>stderr.txt | head -1; echo "exit=\${PIPESTATUS[0]}"; cat stderr.txt >&2; rm -f stderr.txt`], {
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    reject: false,
  });
  const lines = String(r.stdout).split('\n');
  return { first: lines[0]!, exitCode: Number(/exit=(\d+)/.exec(String(r.stdout))?.[1]), stderr: String(r.stderr) };
}

describe('a reader that goes away (EPIPE)', () => {
  it.each([
    ['--help', 'Usage: secrel [options] [command]'],
    ['calendar 1900..2999 --repo fixtures/sec-2020', 'SEC Releases going live from 1 January 1900 to 31 December 2999'],
    ['calendar 1900..2999 --repo fixtures/sec-2020 --format json', '{'],
    [
      'plan --repo fixtures/sec-2020 --as-of 2020-01-17 --from 2000-01-01 --to 2999-01-01',
      'SEC Releases as of Fri 17 Jan 2020 · going live 1 Jan 2000 to 1 Jan 2999',
    ],
  ])('secrel %s | head -1: exit 0, nothing on stderr', async (args, first) => {
    const r = await pipedToHead(args);
    expect(r.first).toBe(first);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('secrel validate | head -1 on a repository with errors: exit 1 still, nothing on stderr', async () => {
    const { dir, cleanup } = copyFixture('minimal');
    try {
      // 300 files with an unknown key: far more output than a pipe holds, so the reader goes first.
      for (let i = 1; i <= 300; i++) {
        const id = `SECMP${String(i).padStart(4, '0')}`;
        writeFileSync(join(dir, 'modifications', `${id}.yaml`), `id: ${id}\ntitle: A change\nbogus: 1\n`);
      }
      const r = await pipedToHead(`validate --repo ${dir}`);
      expect(r.first).toMatch(/modifications\/SECMP0001\.yaml$/);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(1);
    } finally {
      cleanup();
    }
  });
});

describe('a folder that cannot be written', () => {
  it('render --out under a file, or at one: exit 2 saying which is the file and what to give instead, nothing written', async () => {
    const { dir, cleanup } = copyFixture('minimal');
    try {
      const file = join(dir, 'releases/2021-02.yaml');
      const under = await secrel(['render', 'rid', '--repo', dir, '--out', join(file, 'out')]);
      expect(under).toMatchObject({ exitCode: 2, stdout: '' });
      expect(under.stderr).toBe(
        `secrel: --out ${join(file, 'out')}: ${file} is a file, so no folder can be made inside it\n  give --out a folder to write the documents into (it is made if it is missing)`,
      );
      const at = await secrel(['render', 'rid', '--repo', dir, '--out', file]);
      expect(at).toMatchObject({ exitCode: 2, stdout: '' });
      expect(at.stderr).toContain(`secrel: --out ${file} is a file, not a folder\n`);
    } finally {
      cleanup();
    }
  });
});
