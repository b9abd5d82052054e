// What git tracks never includes what is installed or built: a `node_modules` symbolic link committed by
// mistake (the folder pattern `node_modules/` does not match a link) broke npm's install from a git URL.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

describe.runIf(existsSync(join(ROOT, '.git')))('the files git tracks', () => {
  it('include nothing installed, built or generated', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.filter((f) => /^(node_modules|dist|src\/generated|test-results)(\/|$)/.test(f) || /(^|\/)node_modules$/.test(f))).toEqual([]);
  });
});
