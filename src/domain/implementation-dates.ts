// A modification's implementation dates against a repository's releases (moved and ad-hoc ones included)
// or the default cycle: the releases listed far enough ahead, its holidays and change freezes, one answer.
import { findRelease, listReleases } from './calendar.js';
import type { IsoDate } from './dates.js';
import { implementationOptions, releaseHorizon, type ImplementationResult, type LeadTime } from './implementation.js';
import { releaseInputs } from './releases.js';
import type { RepoModel } from './repository.js';

/** What a modification's dates depend on: its lead time, its system impact, and what is known of the decision. */
export interface ImplementationRequest {
  leadTime: LeadTime;
  systemImpact: boolean;
  /** The expected (or actual) decision date. */
  decision?: IsoDate;
  /** Months only: the release named as the primary, instead of the earliest that fits. */
  release?: string;
  /** Working Days only: count from the end of the Self-Governance referral window (IMP-3). */
  selfGovernance?: { referralWindowEnd?: IsoDate };
}

/**
 * IMP-1..5 (and CAL-6 for a Working Days date) for one modification in `model`: the primary and fall-back
 * among the releases going live from the named release, the decision or `asOf`, far enough ahead for both.
 */
export function implementationDates(model: Pick<RepoModel, 'config' | 'releases'>, request: ImplementationRequest, asOf: IsoDate): ImplementationResult {
  const { holidays, freezes, cycle } = model.config;
  const base = {
    leadTime: request.leadTime,
    systemImpact: request.systemImpact,
    holidays,
    freezes,
    ...(request.decision ? { decision: request.decision } : {}),
  };
  if (request.leadTime.unit === 'working-days') {
    return implementationOptions({ ...base, releases: [], ...(request.selfGovernance ? { selfGovernance: request.selfGovernance } : {}) });
  }
  const files = releaseInputs(model);
  const anchor = request.decision ?? asOf;
  const start = request.release ? (findRelease(request.release, { cycle, files })?.date ?? anchor) : anchor;
  const { releases } = listReleases({ cycle, files, ...releaseHorizon(start, request.leadTime.amount) });
  return implementationOptions({ ...base, releases, asOf, ...(request.release ? { release: request.release } : {}) });
}
