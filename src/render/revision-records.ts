// Notices of the Authority's revised implementation dates (IMP-6), each with the notices of the release the
// revision moved the modification to (a date of its own: with the Working Days notices). Which revisions have one
// is decided in src/domain/revision-notices.ts. One whose issue date (`notified`) is recorded is a record (COM-5):
// rendered from the repository as it stood that day, else from the commit that recorded the date, as approval
// notices are, so later edits to the modification do not rewrite it; until then a draft from the data now.
import { isValidIsoDate, type IsoDate } from '../domain/dates.js';
import { noticeModification, type ApprovalNotice } from './notices-model.js';
import type { Modification } from '../domain/model.js';
import { releaseFinder } from '../domain/releases.js';
import { modificationById, type Entity, type RepoModel } from '../domain/repository.js';
import { revisionNotices, sameRevision, type Revision } from '../domain/revision-notices.js';
import { safeUrl } from './escape.js';
import { recordKey, type NoticeSnapshots } from './notices-record.js';

/** Where a revision moved a modification from or to: a release and its go-live, or a date of its own. */
export interface RevisionPlace {
  release: { id: string; name: string; typeLabel: string; url: string | null } | null;
  date: IsoDate | null;
}

export interface RevisionNoticeView {
  modification: ApprovalNotice['modification'];
  /** The day of the approval the first revision supersedes (the decision); of the revision before, for a later one. */
  supersededApproval: IsoDate | null;
  decisionDate: IsoDate | null;
  /** The day the Authority agreed the new implementation date. */
  revisionDate: IsoDate;
  reason: string | null;
  from: RevisionPlace;
  to: RevisionPlace;
}

export interface RecordedRevision {
  /** The file name without `.md`: `revision-SECMP0311`; a second one for the same modification there adds its date. */
  key: string;
  modification: string;
  notice: RevisionNoticeView;
  /** The day it was issued; null for a draft. */
  issued: IsoDate | null;
}

/** Which `recorded` snapshot a revision notice reads (src/cli/notice-snapshots.ts makes them). */
export function revisionKey(modification: string, r: Pick<Revision, 'date' | 'to'>): string {
  return recordKey({ modification, revision: `${r.date} ${r.to}` });
}

/** The revision notices that go with release `release`'s notices; `release` undefined: those moving a modification to a date of its own. */
export function revisionRecords(model: RepoModel, release: string | undefined, snapshots: NoticeSnapshots): RecordedRevision[] {
  const out: RecordedRevision[] = [];
  for (const { m, revision, notified } of noticesByPlace(model).get(release ?? WORKING_DAYS) ?? []) {
    const issued = notified ?? null;
    const then = issued === null ? undefined : stateOn(snapshots, issued, m.id, revision);
    const notice = viewOf(then ?? { model, m }, revision);
    const base = `revision-${m.id}`;
    const key = out.some((r) => r.key === base) ? `${base}-${revision.date}` : base;
    out.push({ key, modification: m.id, notice, issued });
  }
  return out;
}

/** Where a revision moved a modification to a date of its own (the Working Days notices), as a key of noticesByPlace. */
const WORKING_DAYS = '';

// Per model, made once: every release's notices ask (a site: each of hundreds), and most modifications have no revision.
const byPlace = new WeakMap<RepoModel, Map<string, { m: Entity<Modification>; revision: Revision; notified: IsoDate | undefined }[]>>();

/** Each modification's revision notices, by the release the revision moved it to (WORKING_DAYS for a date of its own). */
function noticesByPlace(model: RepoModel): Map<string, { m: Entity<Modification>; revision: Revision; notified: IsoDate | undefined }[]> {
  let made = byPlace.get(model);
  if (made) return made;
  byPlace.set(model, (made = new Map()));
  for (const m of model.modifications) {
    for (const { revision, notified } of revisionNotices(m.data)) {
      const place = isValidIsoDate(revision.to) ? WORKING_DAYS : revision.to;
      (made.get(place) ?? made.set(place, []).get(place)!).push({ m, revision, notified });
    }
  }
  return made;
}

/** The model and the modification as its notice's day knew them: that day's commit, else the one that recorded the date; else none (the data now). */
function stateOn(snapshots: NoticeSnapshots, issued: IsoDate, id: string, r: Revision): { model: RepoModel; m: Entity<Modification> } | undefined {
  for (const model of [snapshots.onDate.get(issued), snapshots.recorded.get(revisionKey(id, r))]) {
    const m = model && modificationById(model, id);
    if (model && m?.data.implementation?.revisions?.some((x) => sameRevision(x, r))) return { model, m };
  }
  return undefined;
}

function viewOf({ model, m }: { model: RepoModel; m: Entity<Modification> }, revision: Revision): RevisionNoticeView {
  const d = m.data;
  const own = (d.implementation?.revisions ?? []).find((x) => sameRevision(x, revision)) ?? revision;
  // The revision before this one set the date it supersedes; for the first, the approval did.
  const before = (d.implementation?.revisions ?? [])
    .filter((x) => isValidIsoDate(x.date) && x.date < own.date)
    .reduce<Revision | undefined>((last, x) => (last === undefined || x.date >= last.date ? x : last), undefined);
  const find = releaseFinder(model);
  const place = (to: string): RevisionPlace => {
    if (isValidIsoDate(to)) return { release: null, date: to };
    const r = find(to);
    const url = safeUrl(model.releases.find((x) => x.id === to)?.data.url);
    return { release: { id: to, name: r?.name ?? to, typeLabel: r?.kindName ?? 'release', url }, date: r?.date ?? null };
  };
  return {
    modification: noticeModification(d),
    supersededApproval: before?.date ?? d.decision?.date ?? null,
    decisionDate: d.decision?.date ?? null,
    revisionDate: own.date,
    reason: own.reason?.trim() || null,
    from: place(own.from),
    to: place(own.to),
  };
}
