// Issued notices are records (COM-5): once its issue date is recorded, a notice is rendered from the
// repository as it stood that day (a git snapshot), else from what the data records about that day.
import { isValidIsoDate, type IsoDate } from '../domain/dates.js';
import { ridAsOf } from '../domain/rid-as-of.js';
import { releaseView, type ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { scopeOnDate } from '../domain/scope-on-date.js';

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
 * data now. Either way keeping only what the data records as true that day: modifications added to the scope
 * by then (when `addedToScope` says), approved unless decided later, and the RID version its history had reached.
 */
export function releaseOnDate(model: RepoModel, view: ReleaseView, date: IsoDate, snapshots: NoticeSnapshots): RecordedRelease {
  const snapshot = snapshots.get(date);
  const then = snapshot && snapshotView(snapshot, view.planned.id);
  // The snapshot, still read by the dates it records: data typed in ahead of its events (committed before them)
  // must not put in a notice what had not happened on its issue date.
  if (snapshot && then && (then.entity !== undefined || then.scope.length > 0)) return recordedOn(snapshot, then, date);
  return recordedOn(model, view, date);
}

/** `view` as its data records it on `date`: the scope then (scopeOnDate) and the RID version its history had reached. */
function recordedOn(model: RepoModel, view: ReleaseView, date: IsoDate): RecordedRelease {
  const scope = scopeOnDate(model, view.planned.id, view.scope, date);
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
