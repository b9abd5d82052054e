// The built CLI's `main(argv, io)`, for running it in-process (the fuzzer, the test suite). Kept apart from
// fuzz-lib.mjs so a test that only runs commands does not load fast-check.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The CLI's `main(argv, io)`, from whatever bundle bin/secrel.js launches (its file name belongs to the
 * build, so it is read from the launcher rather than assumed).
 */
export async function loadMain() {
  const launcher = readFileSync(join(ROOT, 'bin', 'secrel.js'), 'utf8');
  const spec = /\bmain\b[^;]*?(?:from\s*|require\(\s*)['"]([^'"]+)['"]/.exec(launcher)?.[1] ?? '../dist/main.js';
  const mod = await import(pathToFileURL(resolve(ROOT, 'bin', spec)).href);
  // An ES module exports `main`; a CommonJS one has it on its exports (the default export here).
  return mod.main ?? mod.default?.main;
}
