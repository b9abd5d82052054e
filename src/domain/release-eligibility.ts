// Which releases can take a modification: one of the right kind (IMP-4) that existed on the day in question.
import type { PlannedRelease } from './calendar.js';
import { compare, type IsoDate } from './dates.js';

/** IMP-4: a DCC-System-impacting modification needs a System Release; documentation-only fits any. */
export function isEligibleRelease(release: PlannedRelease, systemImpact: boolean): boolean {
  return release.cancelled !== true && (!systemImpact || release.type === 'system');
}

/**
 * Whether a release existed on `day`: one the Panel agreed to create later (an ad-hoc release, `agreed`) was
 * nobody's primary, fall-back or next release then, so no date worked out for that day names it.
 */
export function existedOn(release: Pick<PlannedRelease, 'agreed'>, day: IsoDate | undefined): boolean {
  return day === undefined || release.agreed === undefined || compare(release.agreed, day) <= 0;
}
