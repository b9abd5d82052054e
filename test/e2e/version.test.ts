// `secrel --version` prints package.json's version: the build takes it from there, so it has one home.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';

describe('secrel --version', () => {
  it("prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await secrel(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(version);
  });
});
