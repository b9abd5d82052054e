// Issued notices are records (COM-5): once its issue date is recorded, a notice is rendered from the
// repository as it stood that day (a git snapshot); when that day's commit does not know it yet (the data was
// typed in after the notice went out), as it stood in the commit that recorded its issue date; else (no git)
// from what the data records about that day.
import { isValidIsoDate, type IsoDate } from '../domain/dates.js';
import { ridAsOf } from '../domain/rid-as-of.js';
import { releaseView, type ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { scopeOnDate } from '../domain/scope-on-date.js';
import { scopeByRelease, type ScopeEntry } from '../domain/scope.js';

/** What git history says of the issued notices (src/cli/notice-snapshots.ts makes it). */
export interface NoticeSnapshots {
  /** The repository at the last commit on or before each issue date, for the dates git history can answer. */
  onDate: ReadonlyMap<IsoDate, RepoModel>;
  /**
   * For a notice that its issue day's commit does not know (the approval, or the release, typed in later): the
   * repository at the first commit that recorded its issue date, by `recordKey`.
   */
  recorded: ReadonlyMap<string, RepoModel>;
}

/**
 * Which notice a `recorded` snapshot is for: a modification's approval notice, the notice of one of its revisions
 * (`revision`: its date and where it moved it, revision-records.ts), or a release's notice (`sixMonth` …).
 */
export function recordKey(notice: { modification: string; revision?: string } | { release: string; field: string }): string {
  if ('release' in notice) return `${notice.field} ${notice.release}`;
  return notice.revision === undefined ? `approval ${notice.modification}` : `revision ${notice.modification} ${notice.revision}`;
}

/** One snapshot for the day given, nothing recorded: how a notice is read from one known state of the repository. */
export function snapshotOn(date: IsoDate, model: RepoModel): NoticeSnapshots {
  return { onDate: new Map([[date, model]]), recorded: new Map() };
}

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
 * commit that recorded the notice (`key`), when it knows the release; else from the data now. With
 * `modification`, the scope holds only that modification's entries (its approval notice needs no others). Either way keeping only what the data records as true that day: modifications added to the scope
 * by then (when `addedToScope` says), approved unless decided later, and the RID version its history had reached.
 */
export function releaseOnDate(
  model: RepoModel,
  view: ReleaseView,
  date: IsoDate,
  snapshots: NoticeSnapshots,
  o: { key?: string; modification?: string } = {},
): RecordedRelease {
  // The snapshot, still read by the dates it records: data typed in ahead of its events (committed before them)
  // must not put in a notice what had not happened on its issue date. Then the commit that recorded the notice.
  for (const snapshot of [snapshots.onDate.get(date), o.key === undefined ? undefined : snapshots.recorded.get(o.key)]) {
    const then = snapshot && snapshotView(snapshot, view.planned.id);
    if (!snapshot || !then || (then.entity === undefined && then.scope.length === 0)) continue;
    // One modification's notice reads only its entries: not the whole scope once per notice.
    const own = o.modification === undefined ? then : { ...then, scope: then.scope.filter((e) => e.modification.id === o.modification) };
    return recordedOn(snapshot, own, date);
  }
  return recordedOn(model, view, date);
}

/** `view` as its data records it on `date`: the scope then (scopeOnDate) and the RID version its history had reached. */
function recordedOn(model: RepoModel, view: ReleaseView, date: IsoDate): RecordedRelease {
  const scope = scopeOnDate(model, view.planned.id, view.scope, date);
  const data = view.entity?.data;
  return { model, view: { ...view, scope }, ridVersion: data?.rid ? (ridAsOf(data, date).version ?? null) : null };
}

// A snapshot's release views, each made once, from one pass over its scope: every notice issued that day asks
// for its release's.
const snapshotViews = new WeakMap<RepoModel, { scope: Map<string, ScopeEntry[]>; views: Map<string, ReleaseView | undefined> }>();

function snapshotView(snapshot: RepoModel, id: string): ReleaseView | undefined {
  let made = snapshotViews.get(snapshot);
  if (!made) snapshotViews.set(snapshot, (made = { scope: scopeByRelease(snapshot), views: new Map() }));
  if (!made.views.has(id)) made.views.set(id, releaseView(snapshot, id, made.scope));
  return made.views.get(id);
}
