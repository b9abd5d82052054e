// Opens the user's repository for a command: find it, read it from the chosen source, check references.
// Every command opens it here: `openRepository` for the commands that work on the whole repository,
// `openReleaseModel` for the date commands (calendar, impl-date), which also work with no repository.
import { resolveConfig } from '../domain/config.js';
import { PRESETS } from '../domain/presets.js';
import { referenceFindings } from '../domain/references.js';
import type { RepoModel } from '../domain/repository.js';
import { openedChecks } from '../domain/validate-checks.js';
import { CONFIG_FILE, findRepository } from '../repo/discover.js';
import { UsageError } from '../repo/errors.js';
import { loadRepository, type Repository } from '../repo/load.js';
import { indexSource, revisionSource, workTreeSource, type FileSource } from '../repo/source.js';
import { codeOption } from './code-option.js';
import type { Context } from './context.js';
import { printFindings } from './print.js';
import { plural } from './report/findings.js';

export interface OpenOptions {
  /** Read the git index instead of the work tree. */
  staged?: boolean;
  /** Read a verified commit instead of the work tree. */
  commit?: string;
  /**
   * For `validate`, which runs its own list (validateChecks, src/domain/validate-checks.ts) on what the lean
   * copy of the cache keeps (LoadOptions.lean): the files only, no cross-file checks yet.
   */
  validate?: boolean;
}

export async function openRepository(ctx: Context, opts: OpenOptions = {}): Promise<Repository> {
  const root = await findRepository(ctx.io.cwd, ctx.repoOption);
  const source = opts.staged ? await indexSource(root) : opts.commit ? await revisionSource(root, opts.commit) : workTreeSource(root);
  const watched = ctx.memo && !opts.commit ? ctx.memo.watch(root, source, opts.staged === true) : source;
  const repo = await loadRepository(root, watched, { cache: ctx.cache, lean: opts.validate === true });
  if (!opts.validate) repo.findings.push(...openedChecks(repo, ctx.today, ctx.asOf));
  return repo;
}

/**
 * A revision or the work tree read for comparing or dating (diff, the date commands): its files through the
 * cache (unless --no-cache), then the references between them. Not the dates recorded after today: the date
 * commands must not stop for them.
 */
export async function read(ctx: Context, root: string, source: FileSource): Promise<Repository> {
  const repo = await loadRepository(root, source, { cache: ctx.cache });
  repo.findings.push(...referenceFindings(repo));
  return repo;
}

export type ReleaseModel = { model: RepoModel; root?: string; exit?: undefined } | { exit: number };

/** The repository the user means, or undefined when there is none here and they named none. */
async function locateRepository(ctx: Context): Promise<string | undefined> {
  if (ctx.repoOption !== undefined) return findRepository(ctx.io.cwd, ctx.repoOption);
  try {
    return await findRepository(ctx.io.cwd);
  } catch (err) {
    if (err instanceof UsageError) return undefined;
    throw err;
  }
}

/**
 * The releases a date command works from: the repository's (moved and ad-hoc releases included) or,
 * with no repository, the default cycle. Errors elsewhere in the repository do not matter here; errors
 * in the config or a release file do (the answer could be wrong), so those are printed and exit 1.
 */
export async function openReleaseModel(ctx: Context, code?: string): Promise<ReleaseModel> {
  const preset = codeOption(code);
  const root = await locateRepository(ctx);
  if (root === undefined) {
    const which = preset ? `the ${PRESETS[preset].codeName} preset's release cycle` : 'the default release cycle';
    ctx.io.stderr(`secrel: no repository here; using ${which} and bank holidays (pass --repo DIR for a repository's own)\n`);
    const empty = { modifications: new Set<string>(), releases: new Set<string>() };
    const config = resolveConfig({}, preset);
    if (config.cycle.entries.length === 0) {
      ctx.io.stderr(
        `secrel: the ${config.codeName} preset has no public go-live day rule, so it schedules no release: give the dates in secrel.config.yaml (\`cycle\`) or in release files\n`,
      );
    }
    return { model: { config, modifications: [], releases: [], invalidIds: empty } };
  }
  const repo = await read(ctx, root, workTreeSource(root));
  if (preset && preset !== repo.config.code) {
    throw new UsageError(
      `--code ${preset}: this repository is for the ${repo.config.codeName} (code: ${repo.config.code} in ${CONFIG_FILE})`,
      'leave out --code inside a repository, or change `code` in its config',
    );
  }
  const errors = repo.findings.filter((f) => f.severity === 'error');
  const releasesDir = `${repo.config.paths.releases}/`;
  const blocking = errors.filter((f) => f.file === CONFIG_FILE || f.file.startsWith(releasesDir));
  if (blocking.length > 0) {
    const exit = await printFindings(ctx, repo, blocking, { checked: repo.files.length });
    ctx.io.stderr(`secrel: the release dates depend on ${CONFIG_FILE} and ${releasesDir}; fix the errors above and run again\n`);
    return { exit };
  }
  if (errors.length > 0) {
    ctx.io.stderr(`secrel: note: ${plural(errors.length, 'error')} in other files (run \`secrel validate\`); the release dates do not depend on them\n`);
  }
  return { model: repo, root };
}
