// Install routes that work without the npm registry (secrel is not published), tried as a user runs
// them, from a fresh clone with a release tag: a tarball from `npm pack`, a tarball npm builds from the
// git URL, and `npx` from the git URL. Each installs into a temporary prefix.
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { INSTALL_TESTS, TAG, VERSION, run, taggedClone, type Clone } from './clone.js';

const TARBALL = `secrel-${VERSION}.tgz`;

/** The installed command works: version, and a real validate of the 2020 fixture. */
async function expectWorks(bin: string): Promise<void> {
  expect((await run(bin, ['--version'])).stdout.trim()).toBe(VERSION);
  const v = await run(bin, ['validate', '--repo', join(FIXTURES, 'sec-2020')]);
  expect(v.stdout).toMatch(/files checked, no problems found/);
  expect(v.exitCode).toBe(0);
}

describe.runIf(INSTALL_TESTS)('install routes (full tier, or SECREL_INSTALL_TESTS=1)', { timeout: 600_000 }, () => {
  let clone: Clone;
  beforeAll(async () => {
    clone = await taggedClone();
  }, 60_000);
  afterAll(() => clone?.cleanup());

  it('npm pack output installs globally and runs with no build step', async () => {
    // This repository as built by `npm test` (pre-commit.test.ts packs a fresh clone, prepare and all).
    const out = join(clone.tmp, 'tarball');
    mkdirSync(out);
    const pack = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT });
    expect(pack.exitCode, pack.stderr).toBe(0);
    expect(pack.stdout).toBe(TARBALL);
    const prefix = join(clone.tmp, 'from-tarball');
    const global = await run('npm', ['install', '--global', '--prefix', prefix, join(out, TARBALL)]);
    expect(global.exitCode, global.stderr).toBe(0);
    const pkg = join(prefix, 'lib', 'node_modules', 'secrel');
    expect(existsSync(join(pkg, 'dist', 'main.js'))).toBe(true);
    // Only the runtime dependencies: nothing to build with, so nothing was built.
    expect(existsSync(join(pkg, 'node_modules', 'esbuild'))).toBe(false);
    await expectWorks(join(prefix, 'bin', 'secrel'));

    // The schema folder an editor setting names (README "Editors"): `$(npm root --global)/secrel/schemas`
    // for a global install, `node_modules/secrel/schemas` in a project that installs secrel itself.
    const root = (await run('npm', ['root', '--global', '--prefix', prefix])).stdout;
    const globalSchemas = await run(join(prefix, 'bin', 'secrel'), ['schemas']);
    expect(globalSchemas.stdout.split('\n')[0]).toBe(`The JSON Schemas of secrel 0.1.0 are in ${join(root, 'secrel', 'schemas')}:`);
    expect(existsSync(join(root, 'secrel', 'schemas', 'release.schema.json'))).toBe(true);
    const project = join(clone.tmp, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"private": true}\n');
    const local = await run('npm', ['install', '--save-dev', join(out, TARBALL)], { cwd: project });
    expect(local.exitCode, local.stderr).toBe(0);
    const localSchemas = await run('npx', ['--no-install', 'secrel', 'schemas'], { cwd: project });
    expect(localSchemas.stdout.split('\n')[0]).toBe(
      `The JSON Schemas of secrel 0.1.0 are in ${join(realpathSync(project), 'node_modules', 'secrel', 'schemas')}:`,
    );
  });

  it('npm pack git+URL#tag builds a tarball from the git repository, which installs globally', async () => {
    const out = join(clone.tmp, 'packed');
    mkdirSync(out); // npm pack writes nothing, and says nothing, when --pack-destination is missing
    const pack = await run('npm', ['pack', '--silent', '--pack-destination', out, `git+${clone.url}#${TAG}`], { cwd: clone.tmp });
    expect(pack.exitCode, pack.stderr).toBe(0);
    expect(pack.stdout.trim()).toBe(TARBALL);
    const prefix = join(clone.tmp, 'from-git');
    const global = await run('npm', ['install', '--global', '--prefix', prefix, join(out, TARBALL)]);
    expect(global.exitCode, global.stderr).toBe(0);
    await expectWorks(join(prefix, 'bin', 'secrel'));
  });

  it('npx --yes --package git+URL#tag secrel runs it', async () => {
    const r = await run('npx', ['--yes', '--package', `git+${clone.url}#${TAG}`, 'secrel', '--version'], { cwd: clone.tmp });
    expect(r.stdout.trim(), r.stderr).toBe(VERSION);
  });
});
