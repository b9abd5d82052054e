// A config that does not load leaves secrel on the default (SEC) settings: plan and suggest stop rather than
// answer for the wrong code, and validate says the other errors may follow from it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A DCUSA repository whose config says `code: DCUSA` (the preset is `dcusa`). */
async function misspelt(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-config-'));
  made.push(dir);
  expect((await secrel(['init', '--code', 'dcusa', '--as-of', '2027-09-01', dir])).exitCode).toBe(0);
  const config = join(dir, 'secrel.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^code: dcusa$/m, 'code: DCUSA'));
  return dir;
}

describe('a config that does not load', () => {
  it('plan and suggest stop with its errors, exit 1', async () => {
    const dir = await misspelt();
    for (const args of [['plan'], ['suggest', '--lead-time', '3m']]) {
      const r = await secrel([...args, '--repo', dir, '--as-of', '2027-09-01']);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('secrel.config.yaml:');
      expect(r.stdout).toContain('`code` is `DCUSA`, which is not one of: sec, bsc, dcusa, unc, rec; did you mean `dcusa`?');
      expect(r.stdout).not.toContain('SEC Releases');
      expect(r.stderr).toBe('secrel: every answer depends on secrel.config.yaml (the code, its cycle, ids and folders); fix the errors above and run again');
    }
  });

  it('validate and check report everything, then say the other errors may follow from it', async () => {
    const dir = await misspelt();
    for (const command of ['validate', 'check']) {
      const r = await secrel([command, '--repo', dir, '--as-of', '2027-09-01']);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('which is not in the form of SEC modification ids');
      expect(r.stderr).toBe(
        'secrel: note: secrel.config.yaml does not load, so the other files were read with the default settings; fix it first, as errors elsewhere may follow from it',
      );
    }
  });
});
