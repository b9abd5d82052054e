// A repository's template overrides can read the view model and call secrel's helpers, nothing else: no
// prototype (`constructor.constructor`, `__proto__`), no console output, no code. Each attempt fails with
// exit 1 at its line and column, and no document is written. YAML keys named `__proto__` never pollute.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/cli.js';
import { secrelInProcess } from '../helpers/in-process.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function repoWithTemplate(source: string, name = 'rid.md.hbs'): string {
  const { dir, cleanup } = copyFixture('minimal');
  cleanups.push(cleanup);
  mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
  writeFileSync(join(dir, 'templates', name), source);
  return dir;
}

const ATTEMPTS: [template: string, message: string][] = [
  ['{{constructor.constructor}}', 'templates/rid.md.hbs:1:3: "constructor.constructor" reaches into JavaScript objects (constructor)'],
  ['{{__proto__}}', 'templates/rid.md.hbs:1:3: "__proto__" reaches into JavaScript objects (__proto__)'],
  ['{{release.name.constructor.constructor}}', 'templates/rid.md.hbs:1:3: "release.name.constructor.constructor" reaches into JavaScript objects'],
  ['{{@root.constructor}}', 'templates/rid.md.hbs:1:3: "@root.constructor" reaches into JavaScript objects'],
  ['{{this.[__proto__].polluted}}', 'templates/rid.md.hbs:1:3: "this.__proto__.polluted" reaches into JavaScript objects'],
  ['x\n{{lookup this "constructor"}}', 'templates/rid.md.hbs:2:1: {{lookup}} of "constructor" reaches into JavaScript objects'],
  ['{{#with (lookup release "__proto__")}}{{this}}{{/with}}', '{{lookup}} of "__proto__" reaches into JavaScript objects'],
  ['{{toString}}', '"toString" reaches into JavaScript objects'],
  ['{{log "written to the console"}}', 'templates/rid.md.hbs:1:1: {{log}} is not available in secrel templates'],
  ['{{helperMissing}}', '{{helperMissing}} is not available in secrel templates'],
  ['{{release.name.length}}', 'templates/rid.md.hbs:1:3: "release.name.length" asks for a field of a value that is text or a number'],
];

describe('template overrides cannot reach prototypes or run code', () => {
  it.each(ATTEMPTS)('%s', async (template, message) => {
    const dir = repoWithTemplate(`${template}\n`);
    const r = await secrelInProcess(['render', 'rid', '--repo', dir], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    // Nothing printed by the template itself, and no document written.
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('the same checks hold in an HTML template and in a partial', async () => {
    const html = repoWithTemplate('<p>{{constructor.constructor "return process"}}</p>\n', 'rid.html.hbs');
    const r1 = await secrelInProcess(['render', 'rid', '--repo', html], { cwd: html });
    expect(r1.exitCode).toBe(1);
    expect(r1.stderr).toContain('templates/rid.html.hbs:1:6: "constructor.constructor" reaches into JavaScript objects');
    const partial = repoWithTemplate('## Costs\n{{costs.__proto__}}\n', 'partials/rid-costs.md.hbs');
    const r2 = await secrelInProcess(['render', 'rid', '--repo', partial], { cwd: partial });
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toContain('templates/partials/rid-costs.md.hbs:2:3: "costs.__proto__" reaches into JavaScript objects');
  });

  it('a harmless override still renders', async () => {
    const dir = repoWithTemplate('# {{release.name}}\n\n{{#each scope.approved}}- {{id}}\n{{/each}}');
    const r = await secrelInProcess(['render', 'rid', '--repo', dir], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

describe('YAML keys named __proto__ and constructor', () => {
  it("never change any object's prototype, in the files or in the config", async () => {
    const { dir, cleanup } = copyFixture('minimal');
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'secrel.config.yaml'), 'documentTitles:\n  __proto__: { polluted: yes }\n  constructor: Constructor\n  Section A: Definitions\n');
    writeFileSync(join(dir, 'modifications/PROTO.yaml'), 'id: PROTO\ntitle: x\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n');
    for (const args of [['validate'], ['check'], ['plan', '--as-of', '2020-06-01'], ['render', '--check'], ['rid', 'bump', '--dry-run']]) {
      const r = await secrelInProcess([...args, '--repo', dir], { cwd: dir });
      expect([0, 1], args.join(' ')).toContain(r.exitCode);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('prototype names as ordinary values', () => {
  it('an acceptance set named constructor is an unknown set (GL-1), and a document named toString has no title', async () => {
    const { dir, cleanup } = copyFixture('minimal');
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'secrel.config.yaml'), 'documentTitles:\n  Section A: Definitions and Interpretation\n');
    const release = join(dir, 'releases/2021-02.yaml');
    writeFileSync(release, `${readFileSync(release, 'utf8')}acceptance:\n  set: constructor\n`);
    const mod = join(dir, 'modifications/DEMO001.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('documents:\n', 'documents:\n  - toString\n  - constructor\n'));
    const check = await secrelInProcess(['check', '--repo', dir, '--format', 'json', '--as-of', '2020-06-01'], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain('Acceptance criteria set \\"constructor\\" is not defined');
    const render = await secrelInProcess(['render', 'rid', '--repo', dir], { cwd: dir });
    expect(render.stderr).toBe('');
    expect(render.exitCode).toBe(0);
    const md = readFileSync(join(dir, 'out/rid/2021-02.md'), 'utf8');
    expect(md).toContain('- toString\n');
    expect(md).not.toMatch(/\[object Object\]|function|native code/);
  });
});
