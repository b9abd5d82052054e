// Runs `secrel rid baseline`: records the Panel's baseline of a release's RID (RID-1).
import { findRelease } from '../../domain/calendar.js';
import { compare, formatLong } from '../../domain/dates.js';
import type { BaselineCoverage, RidBaseline, RidHistoryEntry } from '../../domain/model.js';
import { findingsByRelease } from '../../domain/plan.js';
import { releaseInputs } from '../../domain/releases.js';
import { runRules } from '../../domain/rules/index.js';
import { baselineCoverage, coveredKeys, itemName, parseVersion, planBump } from '../../domain/versioning.js';
import { UsageError } from '../../repo/errors.js';
import type { Repository } from '../../repo/load.js';
import type { YamlEdit } from '../../repo/write.js';
import { dateOption, type Context } from '../context.js';
import { withWriteLock } from '../lock.js';
import { releaseFileOption } from '../release-option.js';
import { openForRid, releaseStates, writeEdits } from './rid-bump.js';

const BASELINED: Record<BaselineCoverage, string> = {
  systems: 'Version baselined by the Panel to cover the scope of the release on the DCC Systems.',
  all: 'Version baselined by the Panel to cover the full scope of the release.',
};

export async function action(ctx: Context, args: Record<string, unknown>): Promise<number> {
  const id = String(args.id);
  const date = String(args.date);
  dateOption('--date', date, '2019-10-11');
  return withWriteLock(ctx, 'rid baseline', () => baseline(ctx, id, date, args));
}

async function baseline(ctx: Context, id: string, date: string, args: Record<string, unknown>): Promise<number> {
  const repo = await openForRid(ctx, 'rid baseline');
  if (!repo) return 1;
  const entity = releaseFileOption(repo, id);
  const rid = entity.data.rid;
  const baselines = rid?.baselines ?? [];
  const latest = baselines[baselines.length - 1];
  const planned = findRelease(id, { cycle: repo.config.cycle, files: releaseInputs(repo) });
  const type = planned?.type;
  if (planned?.cancelled || entity.data.status === 'cancelled') {
    throw new UsageError(`${id} is cancelled: the Panel does not baseline the RID of a cancelled release`, 'if the release is going ahead after all, change its status first');
  }
  if (planned && compare(date, planned.date) > 0) {
    throw new UsageError(`--date ${date} is after the go-live of ${id} (${planned.date}): a RID is baselined before its release goes live`, 'check the date of the Panel meeting');
  }
  const covers = (args.covers as BaselineCoverage | undefined) ?? (type === 'system' && !latest ? 'systems' : 'all');

  if (covers === 'systems' && baselineCoverage(rid) === 'all') {
    throw new UsageError(`the RID of ${id} already has a baseline covering all of its scope (${latest!.date})`, 'a later baseline covers all of it too: use --covers all');
  }
  if (latest && compare(date, latest.date) < 0) {
    throw new UsageError(`--date ${date} is before the latest baseline of ${id} (${latest.date})`, 'baselines are recorded oldest first; check the date of the Panel meeting');
  }
  if (latest && latest.date === date && latest.covers === covers) {
    return report(ctx, id, latest, false);
  }

  // The status the baseline sets is part of the release's inputs: what the version is computed from includes it.
  const setStatus = entity.data.status === undefined || entity.data.status === 'planned';
  const after = setStatus ? { ...repo, releases: repo.releases.map((r) => (r === entity ? { ...r, data: { ...r.data, status: 'baselined' as const } } : r)) } : repo;
  const state = releaseStates(after).get(id)!;
  const plan = planBump({ rid, scope: state.scope, inputs: state.inputs, impactOf: state.impactOf, date });
  const draft = !rid?.version || parseVersion(rid.version).major === 0;
  if (!draft && (plan.kind === 'major' || plan.kind === 'minor')) {
    ctx.io.stderr(
      `secrel: ${id} has changes since RID ${rid!.version} that are in no version yet (${plan.changes.join('; ')}).\n` +
        `  Run \`secrel rid bump --release ${id}\` first, then record the baseline of the version it makes.\n`,
    );
    return 1;
  }
  const version = draft ? '1.0' : rid!.version!;
  const baseline: RidBaseline = { version, date, covers, scope: coveredKeys(covers, state.scope) };
  // Every baseline is a version the Panel approved, so each (a re-baseline too) has its line in the history.
  const history: RidHistoryEntry = { version, date, changes: BASELINED[covers] };
  const edits: YamlEdit[] = [];
  if (draft) edits.push({ op: 'set', path: ['rid', 'version'], value: version });
  edits.push({ op: 'append', path: ['rid', 'history'], value: history });
  // The release is baselined now; a release already in testing or live stays there.
  if (setStatus) edits.push({ op: 'set', path: ['status'], value: 'baselined', after: entity.data.date !== undefined ? 'date' : entity.data.type !== undefined ? 'type' : 'id' });
  edits.push({ op: 'append', path: ['rid', 'baselines'], value: baseline, after: 'version' }, { op: 'set', path: ['rid', 'computedFrom'], value: { ...plan.computedFrom, version } });
  const recorded = { ...entity.data, ...(setStatus ? { status: 'baselined' as const } : {}), rid: { ...rid, version, baselines: [...baselines, baseline], history: [...(rid?.history ?? []), history] } };
  warnOfErrors(ctx, { ...repo, releases: repo.releases.map((r) => (r === entity ? { ...r, data: recorded } : r)) }, id);
  await writeEdits(ctx, repo, [{ entity, edits }], 'rid baseline');
  return report(ctx, id, baseline, true);
}

/** The Panel may baseline a RID with open problems, but should know it is doing so (`repo`: as the baseline leaves it). */
function warnOfErrors(ctx: Context, repo: Repository, id: string): void {
  const errors = (findingsByRelease(repo, [...repo.findings, ...runRules(repo, { asOf: ctx.asOf })]).get(id) ?? []).filter((f) => f.severity === 'error');
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
