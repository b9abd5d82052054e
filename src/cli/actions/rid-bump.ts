// Runs `secrel rid bump`: RID-1 for every release, a history entry per change, written without losing a byte.
import { workTreeTop } from '../../repo/git.js';
import type { RidBumpOptions } from '../commands/rid.js';
import type { Context } from '../context.js';
import { withWriteLock } from '../lock.js';
import { releaseFileOption } from '../release-option.js';
import { formatRidMarkdown, noFileLine, noRidLine } from '../report/rid-markdown.js';
import { openForRid, planEdits, sweepReleaseLeftovers, writeEdits } from '../rid-files.js';
import { detailsSince, detailsSinceRecorded } from '../rid-details-since.js';
import { releasesWithoutFile, ridOutcomes, type RidOutcome } from '../rid-versions.js';

export async function action(ctx: Context, opts: RidBumpOptions): Promise<number> {
  // A dry run writes nothing and needs no lock; a real run reads, decides and writes under it.
  return opts.dryRun ? bump(ctx, opts) : withWriteLock(ctx, 'rid bump', () => bump(ctx, opts));
}

async function bump(ctx: Context, opts: RidBumpOptions): Promise<number> {
  const repo = await openForRid(ctx, 'rid bump');
  if (!repo) return 1;
  const named = opts.release === undefined ? undefined : releaseFileOption(repo, opts.release);
  const given = (details: ReadonlyMap<string, string[]>) => ridOutcomes(repo, { asOf: ctx.asOf, details, ...(named ? { named } : {}) });
  let outcomes = given(opts.since === undefined ? new Map() : await detailsSince(ctx, repo, opts.since));
  if (opts.since === undefined) {
    // No --since: what changed since each new version's basis was recorded, when git knows that commit.
    const bumped = outcomes.flatMap(({ entity, plan }) => (plan?.kind === 'major' || plan?.kind === 'minor' ? [entity.id] : []));
    if (bumped.length > 0 && (await inGit(repo.root))) outcomes = given(await detailsSinceRecorded(ctx, repo, bumped));
  }
  const dryRun = opts.dryRun === true;
  if (!dryRun) {
    await writeEdits(
      ctx,
      repo,
      outcomes.flatMap(({ entity, plan }) => (plan && plan.kind !== 'none' ? [{ entity, edits: planEdits(plan) }] : [])),
      'rid bump',
    );
  } else {
    await sweepReleaseLeftovers(ctx, repo, { dryRun: true, command: 'rid bump' });
  }
  const displayPath = (file: string) => ctx.displayPath(repo.root, file);
  const unfiled = opts.release === undefined ? releasesWithoutFile(repo) : [];
  ctx.io.stdout(
    ctx.format === 'json'
      ? formatJson(outcomes, dryRun)
      : ctx.format === 'markdown'
        ? formatRidMarkdown(outcomes, { dryRun, displayPath, unfiled, releasesFolder: repo.config.paths.releases })
        : formatText(ctx, repo.root, outcomes, dryRun, unfiled, repo.config.paths.releases),
  );
  return 0;
}

async function inGit(root: string): Promise<boolean> {
  return (await workTreeTop(root)) !== undefined;
}

function formatText(ctx: Context, root: string, outcomes: readonly RidOutcome[], dryRun: boolean, unfiled: readonly string[], folder: string): string {
  const lines: string[] = dryRun ? ['Dry run: no file is changed.'] : [];
  const untracked: string[] = [];
  for (const { entity, plan } of outcomes) {
    const release = entity.id;
    const where = ctx.displayPath(root, entity.file);
    if (!plan) untracked.push(release);
    else if (plan.kind === 'none') lines.push(`${release}: RID ${plan.from} unchanged`);
    else if (plan.kind === 'record')
      lines.push(`${release}: RID ${plan.from} unchanged; ${dryRun ? 'would record' : 'recorded'} what it was computed from in ${where}`);
    else if (plan.from === plan.to)
      lines.push(
        `${release}: RID ${plan.to} (raised by hand) ${dryRun ? 'would be recorded' : 'recorded'} in ${where}`,
        ...plan.changes.map((c) => `  - ${c}`),
      );
    else {
      const what = plan.kind === 'first' ? `RID ${plan.to}, first draft` : `RID ${plan.from} ${dryRun ? 'would become' : '→'} ${plan.to}`;
      lines.push(`${ctx.chalk.bold(`${release}: ${what}`)} (${where})`, ...plan.changes.map((c) => `  - ${c}`));
    }
  }
  if (untracked.length) lines.push(noRidLine(untracked, (id) => id));
  if (unfiled.length) lines.push(noFileLine(unfiled, (id) => id, folder));
  return lines.length ? `${lines.join('\n')}\n` : 'No release files.\n';
}

function formatJson(outcomes: readonly RidOutcome[], dryRun: boolean): string {
  const releases = outcomes.map(({ entity: { id: release, file }, plan }) =>
    plan
      ? {
          release,
          file,
          kind: plan.kind,
          from: plan.from ?? null,
          to: plan.to ?? null,
          changes: plan.changes,
          computedFrom: plan.computedFrom,
          written: !dryRun && plan.kind !== 'none',
        }
      : { release, file, kind: 'untracked', from: null, to: null, changes: [], written: false },
  );
  return `${JSON.stringify({ dryRun, releases }, null, 2)}\n`;
}
