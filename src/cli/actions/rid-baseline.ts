// Runs `secrel rid baseline`: records the Panel's baseline of a release's RID (RID-1): read the release,
// ask the domain what the baseline does (src/domain/baseline.ts), then write it or say why not.
import { decideBaseline, type BaselineDecision } from '../../domain/baseline.js';
import { findRelease } from '../../domain/calendar.js';
import { formatLong } from '../../domain/dates.js';
import type { Release, RidBaseline } from '../../domain/model.js';
import { findingAt, type Entity } from '../../domain/repository.js';
import { findingsByRelease } from '../../domain/release-groups.js';
import { releaseInputs } from '../../domain/releases.js';
import { everyFinding } from '../../domain/every-finding.js';
import { itemName } from '../../domain/versioning.js';
import { UsageError } from '../../repo/errors.js';
import type { Repository } from '../../repo/load.js';
import type { RidBaselineOptions } from '../commands/rid.js';
import type { Context } from '../context.js';
import { withWriteLock } from '../lock.js';
import { place } from '../print.js';
import { releaseFileOption } from '../release-option.js';
import { baselineEdits, openForRid, writeEdits } from '../rid-files.js';
import { releaseStates } from '../rid-versions.js';

export async function action(ctx: Context, opts: RidBaselineOptions): Promise<number> {
  return withWriteLock(ctx, 'rid baseline', () => baseline(ctx, opts));
}

async function baseline(ctx: Context, { id, date, covers }: RidBaselineOptions): Promise<number> {
  const repo = await openForRid(ctx, 'rid baseline');
  if (!repo) return 1;
  const entity = releaseFileOption(repo, id);
  const planned = findRelease(id, { cycle: repo.config.cycle, files: releaseInputs(repo) });
  const withData = (data: Release): Repository => ({ ...repo, releases: repo.releases.map((r) => (r === entity ? { ...r, data } : r)) });
  const decision = decideBaseline({
    release: entity.data,
    date,
    ...(planned ? { planned } : {}),
    ...(covers ? { covers } : {}),
    inputsOf: (data) => releaseStates(withData(data)).get(id)!,
  });
  if (decision.kind === 'already') return report(ctx, id, decision.baseline, false);
  if (decision.kind === 'unversioned') {
    ctx.io.stderr(
      `secrel: ${id} has changes since RID ${decision.version} that are in no version yet (${decision.changes.join('; ')}).\n` +
        `  Run \`secrel rid bump --release ${id} --as-of ${date}\` first (dated the day of the meeting, so the RID's history stays in order), then record the baseline of the version it makes.\n`,
    );
    return 1;
  }
  if (decision.kind === 'before-version') throw await backwards(ctx, repo, entity, decision, date);
  if (decision.kind !== 'baselined') throw refusal(decision, id, date);
  warnOfErrors(ctx, withData(decision.release), id);
  await writeEdits(ctx, repo, [{ entity, edits: baselineEdits(entity, decision) }], 'rid baseline');
  if (decision.joinedLater.length > 0) {
    const which = decision.joinedLater.map(itemName).join(', ');
    ctx.io.stderr(
      `secrel: note: ${which} joined the scope after ${formatLong(date)}, so this baseline does not cover ${decision.joinedLater.length === 1 ? 'it' : 'them'}: ` +
        `a change to the baselined scope, which \`secrel rid bump\` records in the next integer version\n`,
    );
  }
  return report(ctx, id, decision.baseline, true);
}

/** Why the baseline is refused, in the words of the command line (exit 2). */
function refusal(d: Extract<BaselineDecision, { kind: 'cancelled' | 'after-go-live' | 'narrower' | 'before-latest' }>, id: string, date: string): UsageError {
  switch (d.kind) {
    case 'cancelled':
      return new UsageError(
        `${id} is cancelled: the Panel does not baseline the RID of a cancelled release`,
        'if the release is going ahead after all, change its status first',
      );
    case 'after-go-live':
      return new UsageError(
        `--date ${date} is after the go-live of ${id} (${d.goLive}): a RID is baselined before its release goes live`,
        'check the date of the Panel meeting',
      );
    case 'narrower':
      return new UsageError(
        `the RID of ${id} already has a baseline covering all of its scope (${d.latest.date})`,
        'a later baseline covers all of it too: use --covers all',
      );
    case 'before-latest':
      return new UsageError(
        `--date ${date} is before the latest baseline of ${id} (${d.latest.date})`,
        'baselines are recorded oldest first; check the date of the Panel meeting',
      );
  }
}

/** A baseline dated before the history's line for its version: where that line is, and the two ways out (exit 2). */
async function backwards(
  ctx: Context,
  repo: Repository,
  entity: Entity<Release>,
  d: Extract<BaselineDecision, { kind: 'before-version' }>,
  date: string,
): Promise<UsageError> {
  const [at] = await place(repo, [findingAt(entity, ['rid', 'history', d.index, 'date'], 'RID-1', 'error', '')]);
  const where = `${ctx.displayPath(repo.root, entity.file)}:${at!.line}:${at!.column}`;
  const line = d.entry.version === d.version ? `RID ${d.version}'s line` : `the line of RID ${d.entry.version} (the version before ${d.version})`;
  return new UsageError(
    `${where}: --date ${date} is before ${line} in the RID's history (${formatLong(d.entry.date)}): recording the baseline of RID ${d.version} on ${formatLong(date)} after it would make the history run backwards, so nothing was written`,
    d.earlier
      ? // Redating the line would put it before an earlier version's: the history says no such RID existed on that day.
        `RID ${d.earlier.version}'s line is dated ${formatLong(d.earlier.date)}, after ${formatLong(date)} too, so the history says the RID was not written yet on that day: check the date of the Panel meeting (or, if those lines are misdated, correct them in date order first)`
      : `if the Panel met on ${date}, that line was dated after the meeting: set its date to ${date} (or undo that \`secrel rid bump\` and run \`secrel rid bump --release ${entity.id} --as-of ${date}\`), then run this again; otherwise check the date of the Panel meeting`,
  );
}

/** The Panel may baseline a RID with open problems, but should know it is doing so (`repo`: as the baseline leaves it). */
function warnOfErrors(ctx: Context, repo: Repository, id: string): void {
  const errors = (findingsByRelease(repo, everyFinding(repo, ctx.asOf)).get(id) ?? []).filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const rulesHit = [...new Set(errors.map((f) => f.rule))].sort().join(', ');
  ctx.io.stderr(
    `secrel: warning: ${id} has ${errors.length === 1 ? '1 error' : `${errors.length} errors`} as of ${ctx.asOf} (${rulesHit}); the baseline is recorded, but the Panel should know what is open.\n` +
      `  \`secrel check --release ${id} --as-of ${ctx.asOf}\` lists them\n`,
  );
}

function report(ctx: Context, id: string, b: RidBaseline, written: boolean): number {
  if (ctx.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ release: id, baseline: b, written }, null, 2)}\n`);
    return 0;
  }
  const part = b.covers === 'systems' ? 'the systems scope' : 'all of its scope';
  const scope = b.scope?.length ? b.scope.map(itemName).join(', ') : 'nothing in scope';
  const verb = written ? 'baselined' : 'already baselined';
  ctx.io.stdout(`${id}: RID ${b.version} ${verb} on ${formatLong(b.date)}, covering ${part}: ${scope}\n`);
  return 0;
}
