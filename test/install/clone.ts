// The install tests' starting point: a fresh clone of this repository's HEAD with a release tag, as
// a user would install from, and temporary prefixes so nothing outside the temporary folder is touched.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type Options } from 'execa';
import { ROOT } from '../helpers/cli.js';
import { FULL } from '../helpers/tier.js';

/**
 * Install tests are slow (each route runs a full `npm install` of secrel's development dependencies
 * and a build): they run in the full tier (SECREL_TESTS=full, as `.ci/run` sets; test/helpers/tier.ts),
 * or alone with SECREL_INSTALL_TESTS=1, and are skipped by the ordinary `npm test`.
 */
export const INSTALL_TESTS = FULL || process.env.SECREL_INSTALL_TESTS === '1';

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const TAG = `v${VERSION}`;

export interface Clone {
  /** The temporary folder everything goes in. */
  tmp: string;
  /** The clone (committed HEAD only: uncommitted changes are not in it). */
  src: string;
  /** `file://` URL of the clone, as a user's git URL. */
  url: string;
  cleanup(): void;
}

/** npm's settings for these tests: its own cache folder's defaults, no audit or funding requests, no colour. */
export const NPM_ENV = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

export async function run(file: string, args: readonly string[], opts: Options = {}) {
  const r = await execa(file, args, { reject: false, stdin: 'ignore', ...opts, env: { ...NPM_ENV, ...(opts.env ?? {}) } });
  return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 };
}

export async function taggedClone(): Promise<Clone> {
  const tmp = mkdtempSync(join(tmpdir(), 'secrel-install-'));
  const src = join(tmp, 'secrel');
  await execa('git', ['clone', '--quiet', '--no-hardlinks', ROOT, src]);
  await execa('git', ['-C', src, 'tag', '--force', TAG]);
  return { tmp, src, url: `file://${src}`, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
