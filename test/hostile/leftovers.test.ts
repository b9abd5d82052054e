// Temporary files that a SIGKILL or a power cut left in a folder secrel writes into other than the output
// folder (issue 14, point 4): the releases folder (rid bump, rid baseline) and the folder of --ics FILE.
// A writing run removes them and says so; a dry run names them and leaves them.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel } from '../helpers/cli.js';

const copy = fixtureCopies();
// The id of a process that has ended: its temporary files are leftovers, not a write in progress.
const dead = () => Number(execFileSync('node', ['-e', 'process.stdout.write(String(process.pid))']));

describe('leftover temporary files outside the output folder', () => {
  it('rid bump --dry-run names one in releases/, rid bump removes it', async () => {
    const dir = copy();
    const name = `.2020-06.yaml.${dead()}.0badf00d.tmp`;
    writeFileSync(join(dir, 'releases', name), 'id: 2020-06\nrid:\n  vers');
    const dry = await secrel(['rid', 'bump', '--dry-run', '--as-of', '2020-01-17'], { cwd: dir });
    expect(dry.exitCode).toBe(0);
    expect(dry.stderr).toContain(`secrel: releases/${name} is a temporary file an interrupted write left; \`secrel rid bump\` without --dry-run removes it`);
    expect(existsSync(join(dir, 'releases', name))).toBe(true);
    const run = await secrel(['rid', 'bump', '--as-of', '2020-01-17'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain(`secrel: removed releases/${name}, a temporary file an interrupted write left`);
    expect(existsSync(join(dir, 'releases', name))).toBe(false);
  });

  it('calendar --ics FILE removes the leftovers of that file only', async () => {
    const dir = copy();
    const pid = dead();
    const mine = `.sec.ics.${pid}.0badf00d.tmp`;
    const other = `.notes.txt.${pid}.0badf00d.tmp`;
    for (const n of [mine, other]) writeFileSync(join(dir, n), 'BEGIN:VCAL');
    const r = await secrel(['calendar', '2020', '--ics', 'sec.ics'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`secrel: removed ${mine}, a temporary file an interrupted write left`);
    expect(existsSync(join(dir, mine))).toBe(false);
    expect(existsSync(join(dir, other))).toBe(true);
  });
});
