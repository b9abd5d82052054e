// The documents `secrel render` makes (RID, notices, site, paper), rendered in memory from a repository with
// the work tree's templates (the user's overrides first): for `render`, which writes them, and `report pr`,
// which compares the base's with the branch's.
import { basename } from 'node:path';
import type { SecrelConfig } from '../domain/model.js';
import { releaseView, type ReleaseView } from '../domain/releases.js';
import { scopeByRelease } from '../domain/scope.js';
import { UsageError } from '../repo/errors.js';
import { folderInRepository } from '../repo/inside.js';
import type { Repository } from '../repo/load.js';
import { NO_SNAPSHOTS } from '../render/approval-records.js';
import { noticeSnapshotsOf } from './notice-snapshots.js';
import { codeVocabulary } from '../render/vocabulary.js';
import { createEngine, type Engine } from '../render/engine.js';
import { readOverrides } from '../render/overrides.js';
import type { OutputFile, TargetEntry } from '../render/targets.js';
import type { Context } from './context.js';
import { releaseOption } from './release-option.js';

/**
 * The documents of `targets`, rendered in memory from `repo` with the templates of the work tree (the
 * user's overrides first): nothing is written. Throws TemplateError for a broken template.
 */
export async function renderDocuments(
  ctx: Context,
  repo: Repository,
  targets: readonly TargetEntry[],
  o: DocumentOptions = {},
): Promise<(OutputFile & { target: string })[]> {
  const out: (OutputFile & { target: string })[] = [];
  for await (const f of documentStream(ctx, repo, targets, o)) out.push(f);
  return out;
}

interface DocumentOptions {
  releases?: ReleaseView[];
  release?: string;
  meeting?: string | undefined;
  quiet?: boolean;
}

/**
 * renderDocuments one document at a time, target after target, each made when it is asked for: `render`
 * writes each and lets it go, so no large site sits in memory whole.
 */
export async function* documentStream(
  ctx: Context,
  repo: Repository,
  targets: readonly TargetEntry[],
  o: DocumentOptions = {},
): AsyncGenerator<OutputFile & { target: string }> {
  const releases = o.releases ?? selectReleases(repo, undefined);
  const engine = await templateEngine(ctx, repo);
  for (const file of o.quiet ? [] : engine.unused) {
    ctx.io.stderr(
      `secrel: warning: ${file} has the name of no built-in template and is not under partials/, so nothing uses it\n  run \`secrel render --help\` for the template names\n`,
    );
  }
  const loaded = await Promise.all(targets.map((t) => t.load()));
  const documentTitles = (repo.configFile?.data as SecrelConfig | undefined)?.documentTitles ?? {};
  const meeting = o.meeting;
  // The notices, and the site's pages of them, render an issued notice as it was issued (COM-5).
  const noticeSnapshots = targets.some((t) => t.name === 'notices' || t.name === 'site') ? await noticeSnapshotsOf(repo) : NO_SNAPSHOTS;
  for (const [i, t] of loaded.entries()) {
    const target = targets[i]!.name;
    for await (const f of t.render({
      model: repo,
      releases,
      noticeSnapshots,
      ...(o.release !== undefined ? { release: o.release } : {}),
      documentTitles,
      engine,
      meeting,
      asOf: ctx.asOf,
      repositoryName: basename(repo.root),
    }))
      yield { ...f, target };
  }
}

/** The template engine: the built-in templates, under the user's overrides in the configured folder. */
export async function templateEngine(ctx: Context, repo: Repository): Promise<Engine> {
  const templates = await configuredFolder(repo, 'templates', 'read templates from');
  return createEngine(await readOverrides(templates, (file) => ctx.displayPath(repo.root, file)), codeVocabulary(repo.config));
}

/** A folder the config names, refused when it leads outside the repository (the schema refuses `..`). */
export async function configuredFolder(repo: Repository, key: 'templates' | 'output', verb: string): Promise<string> {
  const { path, problem } = await folderInRepository(repo.root, repo.config[key]);
  if (problem) {
    throw new UsageError(
      `secrel.config.yaml \`${key}\`: ${problem}; secrel does not ${verb} a folder outside the repository`,
      key === 'output'
        ? 'render elsewhere with --out DIR (a folder given on the command line may be anywhere), or fix the config'
        : 'keep the templates in a folder inside the repository',
    );
  }
  return path;
}

/** One release when asked; else every release with a file that is not cancelled, in go-live order. */
export function selectReleases(repo: Repository, id: string | undefined): ReleaseView[] {
  if (id !== undefined) {
    const view = releaseView(repo, releaseOption(repo, id).id);
    if (!view) throw new Error(`release ${id} was found but has no view`);
    return [view];
  }
  const scope = scopeByRelease(repo); // once, not once per release
  // Every release file, and every release a modification targets that has none yet: its RID and notices
  // are due all the same (an obligation follows from the release existing, not from its file).
  const ids = [...new Set([...repo.releases.map((r) => r.id), ...[...scope.keys()].filter((id) => (scope.get(id) ?? []).length > 0)])];
  return ids
    .map((id) => releaseView(repo, id, scope))
    .filter((v): v is ReleaseView => v !== undefined && v.planned.cancelled !== true)
    .sort((a, b) => (a.planned.date < b.planned.date ? -1 : a.planned.date > b.planned.date ? 1 : a.planned.id < b.planned.id ? -1 : 1));
}
