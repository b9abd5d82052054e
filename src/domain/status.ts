// What a modification's status means, decided once: approved (approved, or implemented since), turned
// down (rejected or withdrawn), and decided (either).
import type { Modification, ModificationStatus } from './model.js';

/** Approved by the Panel, Change Board or Authority (and perhaps implemented since). */
export function isApproved(status: ModificationStatus | undefined): boolean {
  return status === 'approved' || status === 'implemented';
}

/** Rejected or withdrawn: it will never be in a release. */
export function isTurnedDown(status: ModificationStatus | undefined): boolean {
  return status === 'rejected' || status === 'withdrawn';
}

/** Decided one way or the other: no decision is awaited. */
export function isDecided(status: ModificationStatus | undefined): boolean {
  return isApproved(status) || isTurnedDown(status);
}

/**
 * Approved before and after with no new Authority revision on record: only the Authority revises an approved
 * implementation date (IMP-6), so a move between the two needs one. `then` is an earlier revision's data, unchecked.
 */
export function approvedWithoutNewRevision(then: Partial<Modification> | null | undefined, now: Modification): boolean {
  const count = (m: Partial<Modification>) => (Array.isArray(m.implementation?.revisions) ? m.implementation.revisions.length : 0);
  return !!then && isApproved(then.status) && isApproved(now.status) && count(now) <= count(then);
}
