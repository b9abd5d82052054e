// What every rule reads: the repository indexed once (every release that exists, scope per release, the calendar).
import { findRelease, listReleases, type PlannedRelease } from '../calendar.js';
import { addDays, parseIsoDate, type IsoDate } from '../dates.js';
import { builtInMilestones } from '../milestones.js';
import type { Modification, Release } from '../model.js';
import { releaseInputs } from '../releases.js';
import type { Entity, RepoModel } from '../repository.js';
import { changeRequestsAlongside, scopeByRelease, type ChangeRequestAlongside, type ScopeEntry } from '../scope.js';
import type { Finding } from '../findings.js';
import { decisionByDate, releaseHorizon } from '../implementation.js';
import { existedOn, isEligibleRelease } from '../release-eligibility.js';
import { dccImpact } from '../impact.js';
import { compare } from '../dates.js';

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
  /** Any release by id: its file, else the cycle. */
  planned(id: string): PlannedRelease | undefined;
  /** Releases that could take a modification (IMP-4) going live after `id`, within three years, in date order: those that exist as of `asOf`. */
  eligibleAfter(id: string, systemImpact: boolean): readonly PlannedRelease[];
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
  const byId = new Map<string, PlannedRelease>();
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
    if (!byId.has(entity.id)) byId.set(entity.id, planned);
  });
  // A release exists when the cycle says so, not when a file does: one a modification targets has every obligation.
  const fileIds = new Set(model.releases.map((r) => r.id));
  for (const id of [...scope.keys()].sort()) {
    if (fileIds.has(id)) continue;
    const planned = findRelease(id, { cycle });
    if (planned) releases.push(facts(standIn(id), planned, false));
  }

  const cycleOnly = new Map<string, PlannedRelease | undefined>();
  const planned = (id: string): PlannedRelease | undefined => {
    const known = byId.get(id);
    if (known) return known;
    if (!cycleOnly.has(id)) cycleOnly.set(id, findRelease(id, { cycle }));
    return cycleOnly.get(id);
  };

  // Memoised per release, so asking for every modification costs one calendar listing per distinct release.
  const later = new Map<string, PlannedRelease[]>();
  const eligibleAfter = (id: string, systemImpact: boolean): readonly PlannedRelease[] => {
    const from = planned(id);
    if (!from) return [];
    let list = later.get(id);
    if (!list) {
      // Year 9997 and later would run off the end of the calendar (9999-12-31).
      list =
        parseIsoDate(from.date).year > 9996
          ? []
          : listReleases({ cycle, files: inputs, ...releaseHorizon(addDays(from.date, 1)) }).releases.filter((r) => r.id !== id);
      later.set(id, list);
    }
    return list.filter((r) => isEligibleRelease(r, systemImpact) && existedOn(r, asOf));
  };

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
 */
export function decisionOptions(
  ctx: RuleContext,
  release: PlannedRelease,
  m: Modification,
  leadMonths: number,
): { primary: DecisionOption; fallback?: DecisionOption } {
  const primary = { release, decisionBy: decisionByDate(release.date, leadMonths) };
  const named = m.implementation?.fallback ? ctx.planned(m.implementation.fallback) : undefined;
  const fb = named ?? ctx.eligibleAfter(release.id, dccImpact(m)).find((r) => compare(decisionByDate(r.date, leadMonths), primary.decisionBy) > 0);
  return fb ? { primary, fallback: { release: fb, decisionBy: decisionByDate(fb.date, leadMonths) } } : { primary };
}
