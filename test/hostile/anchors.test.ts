// An anchor shared by two keys (issue 14, point 2): `rid bump` changed the anchored value in place, so the
// alias changed too, and the check after the edit ended in an internal error. The alias is now written out
// as the value it stood for, and only the bumped key changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const copy = fixtureCopies();

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('rid bump on a file with anchors and aliases', () => {
  it('bumps an anchored version and keeps the history entry its alias named', async () => {
    const dir = copy();
    edit(dir, 'releases/2020-06.yaml', 'rid:\n  version: "1.1"', 'rid:\n  version: &current "1.1"');
    edit(dir, 'releases/2020-06.yaml', '    - version: "1.1"\n      date: 2020-01-10', '    - version: *current\n      date: 2020-01-10');
    // MP079 leaves the release and comes back: a change since the recorded computation.
    edit(dir, 'modifications/MP079.yaml', 'release: 2020-06', 'release: 2020-11');
    expect((await secrel(['rid', 'bump', '--as-of', '2020-01-17', '--repo', dir], { cwd: dir })).exitCode).toBe(0);
    edit(dir, 'modifications/MP079.yaml', 'release: 2020-11', 'release: 2020-06');

    const r = await secrel(['rid', 'bump', '--as-of', '2020-01-17', '--repo', dir], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2020-06: RID 1.1 → 1.2 (releases/2020-06.yaml)');
    expect(r.exitCode).toBe(0);
    const text = readFileSync(join(dir, 'releases/2020-06.yaml'), 'utf8');
    expect(text).toContain('  version: &current "1.2"');
    expect(text).toContain('    - version: "1.1"\n      date: 2020-01-10');
    const rid = (parse(text) as { rid: { history: { version: string }[] } }).rid;
    expect(rid.history.map((h) => h.version)).toEqual(['0.1', '0.2', '0.3', '1.0', '1.1', '1.2']);
    expect((await secrel(['validate', '--repo', dir])).exitCode).toBe(0);
  });
});
