// Which Authority revisions of an approved implementation date have a notice to Parties, decided once for the
// check (IMP-6), the notices and the site. The Policy: "If the Authority agree to the new implementation date,
// it will automatically supersede the original date. The Panel will inform Parties of the Authority's decision
// as soon as reasonably practical." A revision counts once the modification is approved and the revision is not
// dated before the decision (IMP-6 warns about those: they are re-targets). Its notice is wanted for the latest
// revision (the date that stands) and kept for any whose issue date `notified` records (an issued notice is a
// record, COM-5); a superseded revision nobody was told of needs no notice now: the latest one gives the date.
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { Modification } from './model.js';
import { isApproved, isTurnedDown } from './status.js';

export type Revision = NonNullable<NonNullable<Modification['implementation']>['revisions']>[number];

export interface RevisionNotice {
  revision: Revision;
  /** Its place in `implementation.revisions`, for a finding's path. */
  index: number;
  /** The latest revision: the implementation date that stands. */
  latest: boolean;
  /** The day its notice was issued, as recorded; undefined while it is a draft. */
  notified: IsoDate | undefined;
}

/**
 * The revisions of `m` that have a notice, oldest first. Withdrawn or rejected since: only the notices issued
 * (they went out; they stay a record), no draft.
 */
export function revisionNotices(m: Modification): RevisionNotice[] {
  const turnedDown = isTurnedDown(m.status);
  if (!isApproved(m.status) && !turnedDown) return [];
  const decided = m.decision?.date;
  const counted = (m.implementation?.revisions ?? [])
    .map((revision, index) => ({ revision, index }))
    .filter(({ revision: r }) => isValidIsoDate(r.date) && !(isValidIsoDate(decided) && compare(r.date, decided) < 0))
    .sort((a, b) => compare(a.revision.date, b.revision.date) || a.index - b.index);
  return counted
    .map(({ revision, index }, i) => ({
      revision,
      index,
      latest: i === counted.length - 1,
      notified: isValidIsoDate(revision.notified) ? revision.notified : undefined,
    }))
    .filter((n) => n.notified !== undefined || (n.latest && !turnedDown));
}

/** What identifies a revision across commits (its index may change): the day the Authority agreed it and where it moved the modification. */
export function sameRevision(a: Pick<Revision, 'date' | 'from' | 'to'>, b: Pick<Revision, 'date' | 'from' | 'to'>): boolean {
  return a.date === b.date && a.from === b.from && a.to === b.to;
}

/**
 * The releases whose approval draft a revision notice replaces: where a revision with a notice moved `m` to,
 * once its approval notice was issued (it named the release of that day; the revision notice tells Parties of the
 * move). With no approval notice issued, COM-1's notice is still owed and its draft stays.
 */
export function revisedInto(m: Modification): ReadonlySet<string> {
  if (!isValidIsoDate(m.notices?.approval)) return new Set();
  return new Set(revisionNotices(m).map((n) => n.revision.to));
}
