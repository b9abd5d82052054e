// What a modification's status means, decided once: approved (approved, or implemented since), turned
// down (rejected or withdrawn), and decided (either).
import type { ModificationStatus } from './model.js';

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
