// An unknown key names the keys allowed where it is, also inside a shared definition ($ref): a DCC cost
// heading under `costs.dcc` once listed the modification file's top-level keys.
// A value of a oneOf of lists (words, or true/false) is told all of them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel } from '../helpers/cli.js';

const copies = fixtureCopies();

describe('unknown keys', () => {
  it.each([
    [
      'costs.dcc',
      'costs:\n  dcc: { design: 1200 }\n',
      'unknown key `design` in `costs.dcc`; allowed here: designBuildPit, sit, uit, implementToLive, oneOffOperational, ongoingOperational, systemCapacityTesting, total',
    ],
    [
      'parts[].costs.dcc',
      'parts:\n  - { part: 1, release: 2020-11, costs: { dcc: { build: 5 } } }\n',
      'unknown key `build` in `parts[0].costs.dcc`; allowed here: designBuildPit, sit, uit, implementToLive, oneOffOperational, ongoingOperational, systemCapacityTesting, total',
    ],
  ])('under %s lists the headings allowed there', async (_where, yaml, message) => {
    const dir = copies();
    writeFileSync(join(dir, 'modifications', 'MP999.yaml'), `id: MP999\ntitle: Costed\n${yaml}`);
    const r = await secrel(['validate', '--repo', dir, '--format', 'json']);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { message: string }) => f.message)).toContain(message);
  });
});

describe('a value of the wrong form', () => {
  it('names every allowed value when the schema allows words or true/false (systemImpact)', async () => {
    const dir = copies();
    writeFileSync(join(dir, 'modifications', 'MP999.yaml'), 'id: MP999\ntitle: Impact\nsystemImpact: fals3\n');
    const r = await secrel(['validate', '--repo', dir, '--format', 'json']);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { message: string }) => f.message)).toContain(
      '`systemImpact` is `fals3`, which is not one of: dcc, user, none, true, false; did you mean `false`?',
    );
  });
});
