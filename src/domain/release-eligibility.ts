// Which releases can take a modification: one of the right kind (IMP-4) that existed on the day in question;
// and whether the fall-back a modification's file names is such a release.
import type { PlannedRelease } from './calendar.js';
import { compare, type IsoDate } from './dates.js';
import { dccImpact } from './impact.js';
import type { Modification } from './model.js';

/**
 * IMP-4: why `release` may not hold a modification, as the rest of a sentence about it ("is cancelled"), or
 * undefined when it may: a DCC-System-impacting modification needs a System Release; documentation-only
 * (or User Systems only) fits any release that is not cancelled.
 */
export function ineligibility(release: PlannedRelease, systemImpact: boolean): string | undefined {
  if (release.cancelled === true) return 'is cancelled';
  if (systemImpact && release.type !== 'system') return `is a ${release.kindName}, which holds no DCC-System-impacting modification`;
  return undefined;
}

/** IMP-4: a DCC-System-impacting modification needs a System Release; documentation-only fits any. */
export function isEligibleRelease(release: PlannedRelease, systemImpact: boolean): boolean {
  return ineligibility(release, systemImpact) === undefined;
}

/** The fall-back a modification's file names (`implementation.fallback`), placed, and why it may not hold it (IMP-4). */
export interface RecordedFallback {
  release: PlannedRelease;
  /** Set when it may not hold the modification: "is a Documentation Release, which holds …". */
  ineligible?: string;
}

/**
 * The fall-back `m`'s file names, when the calendar knows it. IMP-1's fall-back is the next *eligible* release,
 * so every answer that would send the modification there first asks `ineligible`: when it is set, the fall-back
 * is the next release that may hold it, and the recorded one is an IMP-4 error.
 */
export function recordedFallback(
  planned: (id: string) => PlannedRelease | undefined,
  m: Pick<Modification, 'implementation' | 'systemImpact'>,
): RecordedFallback | undefined {
  const id = m.implementation?.fallback;
  const release = id === undefined ? undefined : planned(id);
  if (!release) return undefined;
  const ineligible = ineligibility(release, dccImpact(m));
  return ineligible === undefined ? { release } : { release, ineligible };
}

/**
 * Whether a release existed on `day`: one the Panel agreed to create later (an ad-hoc release, `agreed`) was
 * nobody's primary, fall-back or next release then, so no date worked out for that day names it.
 */
export function existedOn(release: Pick<PlannedRelease, 'agreed'>, day: IsoDate | undefined): boolean {
  return day === undefined || release.agreed === undefined || compare(release.agreed, day) <= 0;
}
