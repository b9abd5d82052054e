// Issued notices are records (COM-5): once its issue date is recorded, a notice is rendered from the
// repository as it stood that day (a git snapshot), else from what the data records about that day.
import { compare, isValidIsoDate, type IsoDate } from '../domain/dates.js';
import { ridAsOf } from '../domain/plan.js';
import { releaseView, type ReleaseView } from '../domain/releases.js';
import type { Entity, RepoModel } from '../domain/repository.js';
import type { Modification } from '../domain/model.js';
import { scopeEntriesOf, type ScopeEntry } from '../domain/scope.js';

/** The repository at the last commit on or before each issue date, for the dates git history can answer. */
export type NoticeSnapshots = ReadonlyMap<IsoDate, RepoModel>;

export interface RecordedRelease {
  model: RepoModel;
  view: ReleaseView;
  /** The RID version as it stood that day, when the recorded data (not a snapshot) says it. */
  ridVersion?: string | null;
}

/** The issue date recorded for a notice, or undefined while it is a draft. */
export function issueDate(value: unknown): IsoDate | undefined {
  return isValidIsoDate(value) ? value : undefined;
}

/**
 * A release as it stood on `date`: from the snapshot when git has one that knows the release (its file, or
 * a modification targeting it: a repository whose data was entered after the notice went out, on top of a
 * commit that held none of it, knows nothing of that day and must not render an empty scope); else from the
 * data now, keeping only what it records as true that day: modifications added to the scope by then (when
 * `addedToScope` says), approved only if decided by then, and the RID version its history had reached.
 */
export function releaseOnDate(model: RepoModel, view: ReleaseView, date: IsoDate, snapshots: NoticeSnapshots): RecordedRelease {
  const snapshot = snapshots.get(date);
  const then = snapshot && snapshotView(snapshot, view.planned.id);
  if (snapshot && then && (then.entity !== undefined || then.scope.length > 0)) return { model: snapshot, view: then };
  const by = (d: string | undefined) => d === undefined || !isValidIsoDate(d) || compare(d, date) <= 0;
  const id = view.planned.id;
  const here = new Set(view.scope.map((e) => e.modification.id));
  // A recorded move (re-target or Authority revision) after that day says where it was then: here, or not.
  const left = (movedFrom(model).get(id) ?? []).flatMap((m) => (!here.has(m.id) && moveAfter(m.data, date)?.from === id ? thenHere(m, id) : []));
  const scope = [...view.scope.filter((e) => by(e.addedToScope) && (moveAfter(e.modification.data, date)?.from ?? id) === id), ...left]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => (e.status === 'approved' && !decidedBy(e.modification.data.decision?.date, date) ? { ...e, status: 'targeted' as const } : e));
  const data = view.entity?.data;
  return { model, view: { ...view, scope }, ridVersion: data?.rid ? (ridAsOf(data, date).version ?? null) : null };
}

// A snapshot's release views, each made once: every notice issued that day asks for its release's.
const snapshotViews = new WeakMap<RepoModel, Map<string, ReleaseView | undefined>>();

function snapshotView(snapshot: RepoModel, id: string): ReleaseView | undefined {
  let views = snapshotViews.get(snapshot);
  if (!views) snapshotViews.set(snapshot, (views = new Map()));
  if (!views.has(id)) views.set(id, releaseView(snapshot, id));
  return views.get(id);
}

// The modifications with a recorded move away from each release, per list of modifications: one pass, not one
// per issued notice (10,000 notices over 10,000 modifications was most of a site's time).
const movers = new WeakMap<object, Map<string, Entity<Modification>[]>>();

function movedFrom(model: RepoModel): Map<string, Entity<Modification>[]> {
  let byRelease = movers.get(model.modifications);
  if (byRelease) return byRelease;
  byRelease = new Map();
  for (const m of model.modifications) {
    const from = new Set([...(m.data.implementation?.retargets ?? []), ...(m.data.implementation?.revisions ?? [])].map((r) => r.from));
    for (const f of from) if (typeof f === 'string') (byRelease.get(f) ?? byRelease.set(f, []).get(f)!).push(m);
  }
  movers.set(model.modifications, byRelease);
  return byRelease;
}

/** The first recorded move of a whole modification's target after `date`, re-target or revision. */
function moveAfter(m: Modification, date: IsoDate): { from: string } | undefined {
  if ((m.parts ?? []).length > 0) return undefined;
  const moves = [...(m.implementation?.retargets ?? []), ...(m.implementation?.revisions ?? [])].filter(
    (r) => isValidIsoDate(r.date) && compare(r.date, date) > 0 && typeof r.from === 'string',
  );
  return moves.sort((a, b) => compare(a.date, b.date))[0];
}

/** A modification moved away since, as it stood in `release` before the move (when it joined is not known). */
function thenHere(m: Entity<Modification>, release: string): ScopeEntry[] {
  const [now] = scopeEntriesOf(m);
  if (!now) return [];
  const { addedToScope: _added, exception: _exception, ...rest } = now;
  return [{ ...rest, release }];
}

function decidedBy(decided: string | undefined, date: IsoDate): boolean {
  return isValidIsoDate(decided) && compare(decided, date) <= 0;
}
