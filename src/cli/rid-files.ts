// Opening a repository to change RID records, and writing them (`rid bump`, `rid baseline`): all files or none.
import { join } from 'node:path';
import type { BaselineDecision } from '../domain/baseline.js';
import { notLoaded } from '../domain/findings.js';
import type { Release } from '../domain/model.js';
import type { Entity } from '../domain/repository.js';
import type { BumpPlan } from '../domain/versioning.js';
import { writeFilesAtomic, type PendingWrite } from '../repo/atomic.js';
import { changedMeanwhile } from '../repo/errors.js';
import type { Repository } from '../repo/load.js';
import { plannedYamlEdit, type YamlEdit } from '../repo/write.js';
import type { Context } from './context.js';
import { releaseFolders, sweepLeftovers } from './leftover-sweep.js';
import { openRepository } from './open.js';
import { printFindings } from './print.js';

/**
 * The work tree, or undefined (after printing why, exit 1) when a file could not be read: a scope computed
 * without it would be wrong, and a file with syntax errors is never rewritten.
 */
export async function openForRid(ctx: Context, command: string): Promise<Repository | undefined> {
  const repo = await openRepository(ctx);
  const broken = notLoaded(repo.findings);
  if (broken.length === 0) return repo;
  await printFindings(ctx, repo, broken, { checked: repo.files.length });
  ctx.io.stderr(`secrel: ${command} changed nothing: fix the errors above first (secrel validate shows them all)\n`);
  return undefined;
}

/** The edits that record a plan in the release file: version, history entry, what it was computed from. */
export function planEdits(plan: BumpPlan): YamlEdit[] {
  const edits: YamlEdit[] = [];
  if (plan.history) {
    edits.push({ op: 'set', path: ['rid', 'version'], value: plan.to });
    edits.push({ op: 'append', path: ['rid', 'history'], value: plan.history, after: 'baselines' });
  }
  edits.push({ op: 'set', path: ['rid', 'computedFrom'], value: plan.computedFrom });
  return edits;
}

/** The edits that record a baseline in the release file (the status after its date, type or id). */
export function baselineEdits(entity: Entity<Release>, b: Extract<BaselineDecision, { kind: 'baselined' }>): YamlEdit[] {
  const edits: YamlEdit[] = [];
  if (b.setVersion) edits.push({ op: 'set', path: ['rid', 'version'], value: b.baseline.version });
  edits.push({ op: 'append', path: ['rid', 'history'], value: b.history });
  if (b.setStatus)
    edits.push({
      op: 'set',
      path: ['status'],
      value: 'baselined',
      after: entity.data.date !== undefined ? 'date' : entity.data.type !== undefined ? 'type' : 'id',
    });
  edits.push(
    { op: 'append', path: ['rid', 'baselines'], value: b.baseline, after: 'version' },
    { op: 'set', path: ['rid', 'computedFrom'], value: b.computedFrom },
  );
  return edits;
}

/** Temporary files an interrupted write left in the release folders: removed, or with `dryRun` only reported. */
export async function sweepReleaseLeftovers(ctx: Context, repo: Repository, options: { dryRun: boolean; command: string }): Promise<void> {
  const folders = releaseFolders(
    repo.root,
    repo.config.paths.releases,
    repo.releases.map((r) => r.file),
  );
  await sweepLeftovers(ctx, repo.root, folders, options);
}

/** Computes the edits of several release files, then writes them all or none (a failure changes no file). */
export async function writeEdits(
  ctx: Context,
  repo: Repository,
  changes: readonly { entity: Entity<Release>; edits: readonly YamlEdit[] }[],
  command: string,
): Promise<void> {
  await sweepReleaseLeftovers(ctx, repo, { dryRun: false, command });
  const writes: PendingWrite[] = [];
  for (const { entity, edits } of changes) {
    // Compare-and-swap: the file must still hold what the decision was made from (the text of the version
    // read; readTexts gives none for a file edited since).
    const file = repo.files.find((f) => f.file === entity.file);
    if (file) await repo.readTexts([file]);
    if (file && file.text === undefined) throw changedMeanwhile(entity.file);
    const read = file?.text;
    const write = await plannedYamlEdit(join(repo.root, entity.file), edits, { flowKeys: ['scope'], ...(read === undefined ? {} : { expected: read }) });
    if (write) writes.push(write);
  }
  // A release file that is a link to another file in the repository is written through the link.
  await writeFilesAtomic(writes, { linksWithin: repo.root });
}
