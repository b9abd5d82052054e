// Which approval notices a release has (COM-5). An issued approval notice is a record of what Parties were
// told on its issue date: it stays with the release it named that day, as it was, whatever happened since
// (an Authority revision or a re-target moved the modification, it was withdrawn, a part was added), and
// it covers the parts the modification had then. What the scope holds approved now with no such record
// here is a draft: a part added since, a modification moved in since by a re-target; one the Authority moved in
// since by a revision after its approval notice went out has the revision's notice instead (revision-records.ts).
import type { IsoDate } from '../domain/dates.js';
import type { Modification } from '../domain/model.js';
import type { ReleaseView } from '../domain/releases.js';
import type { Entity, RepoModel } from '../domain/repository.js';
import { scopeEntriesOf, type ScopeEntry } from '../domain/scope.js';
import { joinedBy } from '../domain/scope-on-date.js';
import { isTurnedDown } from '../domain/status.js';
import { revisedInto } from '../domain/revision-notices.js';
import { approvalNotices, type ApprovalNotice } from './notices-model.js';
import { issueDate, recordKey, releaseOnDate, snapshotOn, type NoticeSnapshots } from './notices-record.js';

/** No git snapshots: one value for every caller, so the per-model look-up below is made once (a site asks per release). */
export const NO_SNAPSHOTS: NoticeSnapshots = { onDate: new Map(), recorded: new Map() };

export interface ReleaseApproval {
  notice: ApprovalNotice;
  /** The day it was issued; null for a draft. */
  issued: IsoDate | null;
}

/** The release's approval notices, issued and draft, in scope order (by modification id, then part). */
export function releaseApprovals(model: RepoModel, view: ReleaseView, snapshots: NoticeSnapshots): ReleaseApproval[] {
  const release = view.planned.id;
  const out: ReleaseApproval[] = [];
  const recorded = new Set<string>();
  for (const m of issuedHere(model, snapshots).get(release) ?? []) {
    const issued = issueDate(m.data.notices?.approval)!;
    // Only this modification's entries are taken back to that day: one entry, not the whole scope once per
    // notice, which grows with the square of the scope.
    const own = { ...view, scope: view.scope.filter((e) => e.modification.id === m.id) };
    const key = recordKey({ modification: m.id });
    const approvedThen = (s: NoticeSnapshots) => {
      const at = releaseOnDate(model, own, issued, s, { key, modification: m.id });
      return approvalNotices(at.view, at.model, issued).filter((n) => n.modification.id === m.id);
    };
    // That day's snapshot; else (the approval typed in after the notice went out: that day's commit has it
    // undecided) the commit that recorded the notice, so later edits to its text do not rewrite it; else
    // (no git) what the data records about that day.
    let then = approvedThen(snapshots);
    const atRecording = snapshots.recorded.get(key);
    if (then.length === 0 && atRecording) then = approvedThen(snapshotOn(issued, atRecording));
    if (then.length === 0 && (snapshots.onDate.size > 0 || atRecording)) then = approvedThen(NO_SNAPSHOTS);
    // Withdrawn or rejected since: the notice went out, so it was approved then.
    if (then.length === 0 && isTurnedDown(m.data.status)) then = approvalNotices({ ...view, scope: entriesThen(m, release, issued) }, model, issued);
    for (const notice of then) {
      out.push({ notice, issued });
      recorded.add(keyOf(notice));
    }
  }
  // Moved here by the Authority after its approval notice went out: the revision's notice tells Parties (revision-records.ts), not a second approval notice.
  const revised = (id: string) => {
    const m = byId(model).get(id);
    return m !== undefined && revisedInto(m.data).has(release);
  };
  for (const notice of approvalNotices(view, model)) if (!recorded.has(keyOf(notice)) && !revised(notice.modification.id)) out.push({ notice, issued: null });
  return out.sort((a, b) => compareKeys(keyOf(a.notice), keyOf(b.notice)));
}

/**
 * The releases an issued approval notice may have named (now, by a recorded move, or by that day's snapshot):
 * one with no file and no scope left (every modification moved out) still keeps its issued notices (COM-5).
 */
export function releasesWithIssuedApprovals(model: RepoModel, snapshots: NoticeSnapshots): string[] {
  return [...issuedHere(model, snapshots).keys()].sort();
}

const keyOf = (n: ApprovalNotice) => (n.part === null ? n.modification.id : `${n.modification.id}#${n.part}`);
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A turned-down modification's entries in `release` as they stood, approved, on `date`. */
function entriesThen(m: Entity<Modification>, release: string, date: IsoDate): ScopeEntry[] {
  return approvedEntries(m).filter((e) => e.release === release && joinedBy(e.addedToScope, date));
}

/** A modification's scope entries as if it were approved: where its notice, if issued, named it, whatever its status now. */
function approvedEntries(m: Entity<Modification>): ScopeEntry[] {
  return scopeEntriesOf({ ...m, data: { ...m.data, status: 'approved' as const } });
}

// Per model and snapshots, made once: a site asks for every release's.
const memo = new WeakMap<RepoModel, { snapshots: NoticeSnapshots; byRelease: Map<string, Entity<Modification>[]> }>();

/**
 * The modifications with an issued approval notice, by each release it may have named on its issue date: where
 * they are now (withdrawn ones too), where a recorded move took them from, and where that day's snapshot had them.
 */
function issuedHere(model: RepoModel, snapshots: NoticeSnapshots): Map<string, Entity<Modification>[]> {
  const known = memo.get(model);
  if (known?.snapshots === snapshots) return known.byRelease;
  const byRelease = new Map<string, Entity<Modification>[]>();
  for (const m of model.modifications) {
    const issued = issueDate(m.data.notices?.approval);
    if (!issued) continue;
    const releases = new Set(releasesOf(m));
    const impl = m.data.implementation;
    for (const move of [...(impl?.retargets ?? []), ...(impl?.revisions ?? [])]) if (typeof move.from === 'string') releases.add(move.from);
    for (const snapshot of [snapshots.onDate.get(issued), snapshots.recorded.get(recordKey({ modification: m.id }))]) {
      const before = snapshot && byId(snapshot).get(m.id);
      if (before) for (const r of releasesOf(before)) releases.add(r);
    }
    for (const r of releases) (byRelease.get(r) ?? byRelease.set(r, []).get(r)!).push(m);
  }
  memo.set(model, { snapshots, byRelease });
  return byRelease;
}

/** Every release a modification's entries name, whatever its status. */
function releasesOf(m: Entity<Modification>): string[] {
  return approvedEntries(m).map((e) => e.release);
}

const ids = new WeakMap<RepoModel, Map<string, Entity<Modification>>>();

function byId(model: RepoModel): Map<string, Entity<Modification>> {
  let map = ids.get(model);
  if (!map) ids.set(model, (map = new Map(model.modifications.map((m) => [m.id, m]))));
  return map;
}
