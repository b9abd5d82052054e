// The peers secrel's `validate` is measured against, on the same modification files and the same schema:
// ajv-cli (JavaScript, one file at a time, no line numbers, no cross-file checks) and @sourcemeta/jsonschema
// (a native C++ validator). Both assert formats, as secrel does. Both are devDependencies; a peer that is
// not installed, or whose binary does not run on this platform, is left out with the reason printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';

/** ajv-cli validating `dir`/*.yaml (it expands the pattern itself) against `schema`, with ajv-formats. */
export function ajvCase(root, schema, dir) {
  const cli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  if (!existsSync(cli)) return { why: 'ajv-cli is not installed (run `npm install`)' };
  return {
    case: {
      key: 'ajv',
      name: 'ajv-cli validate (modifications)',
      argv: [cli, 'validate', '-s', schema, '-c', 'ajv-formats', '-d', join(dir, '*.yaml')],
      cwd: root,
    },
  };
}

/**
 * @sourcemeta/jsonschema's own binary, run directly (its npm launcher, `npm/cli.js`, would add a Node
 * start-up): the package ships one binary per platform in build/github-releases/ and picks one as here.
 */
function jsonschemaBinary(root) {
  const dir = join(root, 'node_modules', '@sourcemeta', 'jsonschema', 'build', 'github-releases');
  if (!existsSync(dir)) return { why: '@sourcemeta/jsonschema is not installed (run `npm install`)' };
  const os = platform() === 'win32' ? 'windows' : platform();
  const cpu = arch() === 'x64' ? 'x86_64' : arch();
  const musl = os === 'linux' && process.report?.getReport().header.glibcVersionRuntime === undefined;
  const bin = join(dir, `jsonschema-${os}-${cpu}${musl ? '-musl' : ''}${os === 'windows' ? '.exe' : ''}`);
  if (!existsSync(bin)) return { why: `@sourcemeta/jsonschema has no binary for ${os} ${cpu} here` };
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return { why: `@sourcemeta/jsonschema's binary does not run here: ${r.error?.message ?? r.stderr.trim()}` };
  return { bin, version: r.stdout.trim() };
}

/**
 * `jsonschema validate --format-assertion SCHEMA DIR`: every .yaml file of `dir` (it reads YAML itself,
 * as YAML 1.2), in its default (exhaustive) mode, which keeps error messages as secrel does.
 */
export function jsonschemaCase(root, schema, dir) {
  const found = jsonschemaBinary(root);
  if (!found.bin) return found;
  return {
    case: {
      key: 'jsonschema',
      name: `jsonschema ${found.version} validate (modifications)`,
      command: found.bin,
      args: ['validate', '--format-assertion', schema, dir],
      cwd: root,
    },
  };
}

/**
 * A copy of `dir`'s YAML files for ajv-cli, with bare dates quoted: ajv-cli reads YAML 1.1, where
 * `date: 2020-01-17` is a timestamp and fails `type: string`. The example writes dates bare; the generated
 * repositories quote them already and need no copy.
 */
export function quoteDatesCopy(dir, out) {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    writeFileSync(join(out, f), quoteDates(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

/** Bare ISO dates as values (`key: 2020-01-17`, `- 2020-01-17`, in flow collections too) quoted. */
export function quoteDates(text) {
  return text.replace(/([:\-,[{]\s+)(\d{4}-\d{2}-\d{2})(?=\s*(?:$|[,}\]#]))/gm, '$1"$2"');
}
