// `secrel schemas`: where the installed package keeps its JSON Schemas, and `--out DIR` to refresh the
// copies `secrel init` made: the shipped bytes, written only where they differ, saying what it wrote.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'secrel-schemas-'));
  temps.push(d);
  return d;
};
const SHIPPED = readdirSync(join(ROOT, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort();

describe('secrel schemas', () => {
  it('refreshes the copies init made: only the stale one is written, and a second run writes nothing', async () => {
    const dir = scratch();
    expect((await secrel(['init', 'repo', '--as-of', '2027-01-15'], { cwd: dir })).exitCode).toBe(0);
    const schemas = join(dir, 'repo', '.secrel', 'schemas');
    for (const f of SHIPPED) expect(readFileSync(join(schemas, f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'schemas', f), 'utf8'));

    // An older secrel's copy (here: one description changed); the others stay as init wrote them.
    const old = readFileSync(join(schemas, 'release.schema.json'), 'utf8').replace('"title": "SEC Release"', '"title": "Release (old)"');
    expect(old).not.toBe(readFileSync(join(ROOT, 'schemas', 'release.schema.json'), 'utf8'));
    writeFileSync(join(schemas, 'release.schema.json'), old);
    const past = new Date('2020-01-01T00:00:00Z');
    for (const f of SHIPPED) utimesSync(join(schemas, f), past, past);

    const r = await secrel(['schemas', '--out', '.secrel/schemas'], { cwd: join(dir, 'repo') });
    expect(r).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: `updated .secrel/schemas/release.schema.json\n${SHIPPED.length} schemas of secrel 0.1.0 in .secrel/schemas: 1 written, ${SHIPPED.length - 1} unchanged`,
    });
    expect(readFileSync(join(schemas, 'release.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas', 'release.schema.json'), 'utf8'));
    for (const f of SHIPPED.filter((f) => f !== 'release.schema.json')) expect(statSync(join(schemas, f)).mtime, f).toEqual(past);
    expect(readdirSync(schemas).sort()).toEqual(SHIPPED); // no temporary file left beside them

    const again = await secrel(['schemas', '--out', '.secrel/schemas'], { cwd: join(dir, 'repo') });
    expect(again.stdout).toBe(`${SHIPPED.length} schemas in .secrel/schemas already match secrel 0.1.0: nothing written`);
  });

  it('creates the folder when missing, and reports each file as JSON', async () => {
    const dir = scratch();
    const r = await secrel(['schemas', '--out', 'editor/schemas', '--format', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: '0.1.0',
      out: 'editor/schemas',
      files: SHIPPED.map((f) => ({ path: `editor/schemas/${f}`, state: 'created' })),
    });
    for (const f of SHIPPED) expect(readFileSync(join(dir, 'editor', 'schemas', f), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas', f), 'utf8'));
  });

  it("without --out names the installed package's schemas folder, for an editor setting", async () => {
    const r = await secrel(['schemas']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `The JSON Schemas of secrel 0.1.0 are in ${join(ROOT, 'schemas')}:`,
      ...SHIPPED.map((f) => `  ${f}`),
      'Copy them into a repository with: secrel schemas --out .secrel/schemas',
    ]);
  });

  it('a folder it cannot write is a clear error, exit 2, and nothing is half-written', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'taken'), 'a file, not a folder');
    const r = await secrel(['schemas', '--out', 'taken'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^secrel: .*taken.* in `secrel schemas`/);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('a file, not a folder');
  });
});
