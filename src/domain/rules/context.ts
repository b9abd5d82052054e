// What every rule reads: the repository indexed once (every release that exists, scope per release, the calendar).
import { findRelease, type PlannedRelease } from '../calendar.js';
import { compare, isValidIsoDate, type IsoDate } from '../dates.js';
import { builtInMilestones } from '../milestones.js';
import type { Modification, Release } from '../model.js';
import { releaseInputs } from '../releases.js';
import type { Entity, RepoModel } from '../repository.js';
import { changeRequestsAlongside, scopeByRelease, type ChangeRequestAlongside, type ScopeEntry } from '../scope.js';
import type { Finding } from '../findings.js';
import { decisionByDate } from '../implementation.js';
import { releaseNavigator, type ReleaseNavigator } from '../release-navigator.js';
import { dccImpact } from '../impact.js';
import { recordedFallback, type RecordedFallback } from '../release-eligibility.js';

/**
 * A release that exists (it has a file, or a modification targets it), placed on the calendar, with the
 * Policy's dates for it. A release with no file gets a stand-in entity at the path its file would have, so
 * every finding about it names the file to create.
 */
export interface ReleaseFacts {
  entity: Entity<Release>;
  planned: PlannedRelease;
  /** False: no release file yet (the entity is the stand-in). */
  hasFile: boolean;
  /** Something is in scope (a modification or a DCC Change Request): the obligations only scope creates apply. */
  hasScope: boolean;
  /** Built-in milestone dates by milestone id (`tad-to-tag` → `2019-09-25`). */
  due: ReadonlyMap<string, IsoDate>;
  scope: readonly ScopeEntry[];
  /** The DCC Change Requests alongside (changeRequestsAlongside): the file's, and those recorded naming the release. */
  changeRequests: readonly ChangeRequestAlongside[];
}

export interface RuleContext {
  model: RepoModel;
  asOf: IsoDate;
  /**
   * Every release file the calendar can place, cancelled ones included (rules skip those), then every release
   * with no file that a modification targets (a scheduled one, or an id the cycle knows).
   */
  releases: readonly ReleaseFacts[];
  scope: ReadonlyMap<string, ScopeEntry[]>;
  /** The release file with this id (the first, if two files claim it). */
  fileOf(id: string): ReleaseFacts | undefined;
  planned: ReleaseNavigator['planned'];
  /** As ReleaseNavigator's, existing on `asOf` unless another day is given. */
  eligibleAfter: ReleaseNavigator['eligibleAfter'];
  /** The stand-in entity for a release with no file: `releases/<id>.yaml`, every field at its first line. */
  standIn(id: string): Entity<Release>;
}

export interface Rule {
  /** The SPEC's rule ID, e.g. `SCP-2`. */
  id: string;
  /** One line: what the rule checks. */
  title: string;
  check(ctx: RuleContext): Finding[];
}

export function buildRuleContext(model: RepoModel, asOf: IsoDate): RuleContext {
  const cycle = model.config.cycle;
  const scope = scopeByRelease(model);
  const inputs = releaseInputs(model);
  const releases: ReleaseFacts[] = [];
  const files = new Map<string, ReleaseFacts>();
  const releasesDir = model.config.paths.releases;
  const standIn = (id: string): Entity<Release> => ({ id, file: `${releasesDir}/${id}.yaml`, data: { id } });
  const facts = (entity: Entity<Release>, planned: PlannedRelease, hasFile: boolean): ReleaseFacts => {
    const inScope = scope.get(entity.id) ?? [];
    const changeRequests = changeRequestsAlongside(model, entity.id, entity.data);
    const hasScope = inScope.length > 0 || changeRequests.length > 0;
    const due = new Map(builtInMilestones(planned).map((m) => [m.id, m.date]));
    return { entity, planned, hasFile, hasScope, due, scope: inScope, changeRequests };
  };
  model.releases.forEach((entity, i) => {
    // Each file placed on its own: a file the calendar cannot place (bad id, no date) has no dates to check.
    const planned = findRelease(entity.id, { cycle, files: [inputs[i]!] });
    if (!planned) return;
    const f = facts(entity, planned, true);
    releases.push(f);
    if (!files.has(entity.id)) files.set(entity.id, f);
  });
  // A release exists when the cycle says so, not when a file does: one a modification targets has every obligation.
  const fileIds = new Set(model.releases.map((r) => r.id));
  for (const id of [...scope.keys()].sort()) {
    // A file that does not load is not "no file yet": its own error says what to fix, and what it records is unknown.
    if (fileIds.has(id) || model.invalidIds.releases.has(id)) continue;
    const planned = findRelease(id, { cycle });
    if (planned) releases.push(facts(standIn(id), planned, false));
  }

  const { planned, eligibleAfter } = releaseNavigator(model, asOf);

  return { model, asOf, releases, scope, fileOf: (id) => files.get(id), planned, eligibleAfter, standIn };
}

/** A release with the last day a decision can be received for it (IMP-1). */
export interface DecisionOption {
  release: PlannedRelease;
  decisionBy: IsoDate;
}

/**
 * IMP-1: a modification's windows for the release it targets: the primary, and the fall-back its file
 * names or else the first later release it is eligible for whose decision-by date is after the primary's.
 * A named fall-back that may not hold it (IMP-4) is passed over (`passedOver`, with why), as IMP-1 has the next eligible one.
 */
export function decisionOptions(
  nav: ReleaseNavigator,
  release: PlannedRelease,
  m: Modification,
  leadMonths: number,
): { primary: DecisionOption; fallback?: DecisionOption; passedOver?: Required<RecordedFallback> } {
  const primary = { release, decisionBy: decisionByDate(release.date, leadMonths) };
  const named = recordedFallback(nav.planned, m);
  const passedOver = named?.ineligible !== undefined ? { passedOver: { release: named.release, ineligible: named.ineligible } } : {};
  // The fall-back as it stood at the decision: a release agreed after it was none.
  const day = isValidIsoDate(m.decision?.date) ? m.decision.date : undefined;
  const fb =
    (named && !named.ineligible ? named.release : undefined) ??
    nav.eligibleAfter(release.id, dccImpact(m), day).find((r) => compare(decisionByDate(r.date, leadMonths), primary.decisionBy) > 0);
  return fb ? { primary, fallback: { release: fb, decisionBy: decisionByDate(fb.date, leadMonths) }, ...passedOver } : { primary, ...passedOver };
}
