// Unclear messages (issue 14, point 7): each hostile input gets one finding that says what is wrong in
// words a release manager knows, not what the validator or the file system happened to say.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel } from '../helpers/cli.js';

const copy = fixtureCopies();

async function validate(dir: string, file: string, text: string): Promise<string> {
  writeFileSync(join(dir, 'modifications', file), text);
  const r = await secrel(['validate', `modifications/${file}`], { cwd: dir });
  expect(r.exitCode).toBe(1);
  return r.stdout;
}

describe('messages for hostile input', () => {
  it('.inf, .nan and a number too large to hold: "must be a finite number", once each', async () => {
    const out = await validate(copy(), 'SECMP0100.yaml', 'id: SECMP0100\ntitle: t\ncosts:\n  dcc:\n    sit: .inf\n    uit: .nan\n    implementToLive: 1e400\n');
    expect(out).toContain(
      'SECMP0100.yaml:5:10 error SCHEMA\n    `costs.dcc.sit` must be a finite number, not infinity (`.inf`, or a number too large to hold); write it in digits',
    );
    expect(out).toContain(
      "SECMP0100.yaml:6:10 error SCHEMA\n    `costs.dcc.uit` must be a finite number, not `.nan` (YAML's not-a-number); write it in digits",
    );
    expect(out).toContain('SECMP0100.yaml:7:22 error SCHEMA\n    `costs.dcc.implementToLive` must be a finite number, not infinity');
    expect(out).not.toContain('not a number (`null`)');
    expect(out).toContain('3 errors, 0 warnings in 1 file');
  });

  it('a text cut at a comma inside { … } says to quote it, not only that a key is unknown (found in a fresh-data trial)', async () => {
    const text =
      'id: SECMP0100\ntitle: t\nimplementation:\n  revisions:\n    - { date: 2019-06-01, from: 2020-06, to: 2020-11, reason: DCC capacity, as agreed in May }\n';
    const out = await validate(copy(), 'SECMP0100.yaml', text);
    expect(out).toContain(
      'SECMP0100.yaml:5:77 error SCHEMA\n    unknown key `as agreed in May` in `implementation.revisions[0]`; it looks like the rest of a text cut at a comma: inside `{ … }` or `[ … ]` a comma ends the value, so put the whole text in quotes',
    );
  });

  it('a value quoted only in part, and a key set twice: where, what is wrong and the fix (found in a new-user trial)', async () => {
    const dir = copy();
    const partly = await validate(dir, 'SECMP0100.yaml', 'id: SECMP0100\ntitle: "Authority-led changes: GBCS" for post-quantum\nstatus: raised\n');
    expect(partly).toContain(
      'SECMP0100.yaml:2:38 error YAML\n    YAML syntax error: the " before `for post-quantum` closes the quoted value, so `for post-quantum` is outside the quotes, ' +
        `where YAML allows only a comment: quote the whole value, '"Authority-led changes: GBCS" for post-quantum'`,
    );
    const twice = await validate(dir, 'SECMP0100.yaml', 'id: SECMP0100\ntitle: t\nstatus: raised\ngovernance: authority\nstatus: approved\n');
    expect(twice).toContain(
      'SECMP0100.yaml:5:1 error YAML\n    duplicate key: `status` is already set at line 3, column 1, in this mapping: keep one of the two and remove the other',
    );
  });

  it('a list where one mapping belongs says which keys the mapping takes', async () => {
    const out = await validate(copy(), 'SECMP0100.yaml', 'id: SECMP0100\ntitle: t\ncosts:\n  secas:\n    - { days: 2, amount: 1000 }\n');
    expect(out).toContain('SECMP0100.yaml:5:5 error SCHEMA\n    `costs.secas` must be a mapping (keys: days, amount), not a list');
  });

  it('a release file that starts with a character YAML reserves: check and plan report it, not an internal error', async () => {
    const dir = copy();
    const file = join(dir, 'releases', '2020-06.yaml');
    writeFileSync(file, `@\u0001${readFileSync(file, 'utf8').slice(2)}`);
    const check = await secrel(['check', '--as-of', '2020-01-17'], { cwd: dir });
    expect(check).toMatchObject({ exitCode: 1, stderr: '' });
    expect(check.stdout).toContain('releases/2020-06.yaml:1:1 error YAML\n    YAML syntax error: Plain value cannot start with reserved character @');
    // plan exits 0 whatever the findings, and says first that a file was left out.
    const plan = await secrel(['plan', '--as-of', '2020-01-17'], { cwd: dir });
    expect(plan.exitCode).toBe(0);
    expect(plan.stderr).toContain('releases/2020-06.yaml:1:1 YAML: YAML syntax error: Plain value cannot start with reserved character @');
  });

  it('a negative amount names the value and the bound in words, not ">= 0"', async () => {
    const out = await validate(copy(), 'SECMP0100.yaml', 'id: SECMP0100\ntitle: t\ncosts:\n  dcc:\n    sit: -5\n');
    expect(out).toContain('`costs.dcc.sit` is `-5`, which is not allowed: it must be at least 0');
    expect(out).not.toContain('>=');
  });

  it('symbolic links that lead round to each other are called a loop, not a missing file', async () => {
    const dir = copy();
    symlinkSync('LOOP2.yaml', join(dir, 'modifications', 'LOOP1.yaml'));
    symlinkSync('LOOP1.yaml', join(dir, 'modifications', 'LOOP2.yaml'));
    const r = await secrel(['validate'], { cwd: dir });
    expect(r.stdout).toContain(
      'modifications/LOOP1.yaml:1:1 error YAML\n    this is a symbolic link in a loop (links that lead round to each other, or too many in a row); point it at a real file',
    );
    expect(r.stdout).not.toContain('does not exist');
  });

  it('one bad date and one refused tag are one finding each', async () => {
    const out = await validate(
      copy(),
      'SECMP0100.yaml',
      'id: SECMP0100\ntitle: t\nimplementation:\n  date: 2020-02-30\n  addedToScope: !!timestamp 2020-01-10\n',
    );
    expect(out).toContain('1 error, 0 warnings in 1 file');
    expect(out).toContain('the tag !!timestamp is not allowed');
    const date = await validate(copy(), 'SECMP0100.yaml', 'id: SECMP0100\ntitle: t\nimplementation:\n  date: 2020-02-30\n');
    expect(date).toContain('`implementation.date` is `2020-02-30`, which is not a real calendar date (YYYY-MM-DD)');
    expect(date).toContain('1 error, 0 warnings in 1 file');
  });

  it('a date in the wrong form is one finding that names the form, not also "not a real calendar date"', async () => {
    const out = await validate(copy(), 'SECMP0100.yaml', 'id: SECMP0100\ntitle: t\ndecision:\n  expected: 20/05/2027\n');
    expect(out).toContain('`decision.expected` is `20/05/2027`, which is not in the expected form, e.g. `2020-06-25`');
    expect(out).not.toContain('not a real calendar date');
    expect(out).toContain('1 error, 0 warnings in 1 file');
  });
});
