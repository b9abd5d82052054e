// What RID-1 makes of each release now (`rid bump`, `rid baseline`, `report pr`): its scope, the hash of
// what its version is computed from, and the bump that follows.
import { createHash } from 'node:crypto';
import { scopeOn, type VersionInputs } from '../domain/baseline.js';
import type { ChangeRequestRecord, Modification, Release } from '../domain/model.js';
import { dependenciesOf, dependencyLookup, type DependencyLookup } from '../domain/dependencies.js';
import { modificationDependencyFacts } from '../domain/dependency-facts.js';
import type { Entity } from '../domain/repository.js';
import { releaseFinder } from '../domain/releases.js';
import { impactLookup, scopeItems } from '../domain/rules/rid.js';
import { movedInFrom, scopeByRelease, whyLeft, type ScopeEntry } from '../domain/scope.js';
import { canonicalInputs, hasParts, legacyCanonicalInputs } from '../domain/canonical-inputs.js';
import { planBump, type BumpPlan } from '../domain/versioning.js';
import type { Repository } from '../repo/load.js';

/** What versioning needs to know about one release now. */
export interface ReleaseState extends VersionInputs {
  entity: Entity<Release>;
}

export function releaseStates(repo: Repository): Map<string, ReleaseState> {
  const scope = scopeByRelease(repo);
  const context: StateContext = {
    impactOf: impactLookup(repo),
    byId: new Map(repo.modifications.map((m) => [m.id, m.data])),
    crs: new Map((repo.changeRequests ?? []).map((c) => [c.id, c.data])),
    lookup: dependencyLookup(repo),
  };
  return new Map(repo.releases.map((entity) => [entity.id, releaseState(entity, scope.get(entity.id) ?? [], context)]));
}

interface StateContext {
  impactOf: (key: string) => boolean | undefined;
  byId: ReadonlyMap<string, Modification>;
  crs: ReadonlyMap<string, ChangeRequestRecord>;
  lookup: DependencyLookup;
}

function releaseState(entity: Entity<Release>, entries: readonly ScopeEntry[], { impactOf, byId, crs, lookup }: StateContext): ReleaseState {
  const mods = [...new Map(entries.map((e) => [e.modification.id, e.modification.data])).values()];
  const waitsOn = new Set(mods.flatMap((m) => dependenciesOf(m).flatMap((d) => (d.kind === 'change-request' ? [d.id] : []))));
  const hash = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
  const waitedCrs = [...waitsOn].flatMap((id) => crs.get(id) ?? []);
  const dependencies = modificationDependencyFacts(mods, lookup);
  const inputs = hash(canonicalInputs(entity.data, mods, waitedCrs, dependencies));
  // Hashed as older secrels did: before notices were left out, before the modifications waited on were in, and
  // before the parts in other releases were.
  const parted = hasParts(mods);
  const legacyInputs = [
    hash(legacyCanonicalInputs(entity.data, mods)),
    ...(dependencies.length ? [hash(canonicalInputs(entity.data, mods, waitedCrs, [], { otherParts: false }))] : []),
    ...(parted ? [hash(canonicalInputs(entity.data, mods, waitedCrs, dependencies, { otherParts: false }))] : []),
  ];
  const whyMoved = (key: string) => movedWhy(byId.get(key.split('#')[0]!), key, entity.id);
  const added = new Map(entries.map((e) => [e.key, e.addedToScope]));
  return {
    entity,
    scope: scopeItems(entries),
    inputs,
    legacyInputs,
    impactOf,
    whyMoved,
    addedToScope: (key: string) => added.get(key),
  };
}

/** Why a modification (or part) is no longer in `release`, or where one now in it came from, in the history entry's words. */
function movedWhy(m: Modification | undefined, key: string, release: string): string | undefined {
  if (!m) return undefined;
  const why = whyLeft(m, key, release);
  if (why) return 'turnedDown' in why ? why.turnedDown : `moved to ${why.movedTo}`;
  const from = movedInFrom(m, release);
  return from && `moved from ${from}`;
}

/**
 * Releases whose scope is set (a modification targets them) with no release file yet, so no RID: the calendar
 * places them, and their RID is due all the same. A file that does not load is left to its own error.
 */
export function releasesWithoutFile(repo: Repository): string[] {
  const filed = new Set(repo.releases.map((r) => r.id));
  const placeable = releaseFinder(repo);
  return [...scopeByRelease(repo).keys()].filter((id) => !filed.has(id) && !repo.invalidIds.releases.has(id) && placeable(id) !== undefined).sort();
}

/** What `rid bump` decides for one release (also what `report pr` shows). */
export interface RidOutcome {
  entity: Entity<Release>;
  /** None for a release whose file has no rid block (and was not named). */
  plan?: BumpPlan;
}

/** RID-1 for every release with a RID (or just `named`, which may start one), in release-id order. */
export function ridOutcomes(repo: Repository, o: { asOf: string; details: ReadonlyMap<string, string[]>; named?: Entity<Release> }): RidOutcome[] {
  const states = releaseStates(repo);
  const outcomes: RidOutcome[] = [];
  for (const entity of [...repo.releases].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (o.named && entity !== o.named) continue;
    if (!entity.data.rid && !o.named) {
      outcomes.push({ entity });
      continue;
    }
    const s = states.get(entity.id)!;
    const plan = planBump({
      rid: entity.data.rid,
      // The version is dated --as-of: what joined the scope after that day is a change for a later version.
      scope: scopeOn(s, o.asOf),
      inputs: s.inputs,
      legacyInputs: s.legacyInputs,
      impactOf: s.impactOf,
      ...(s.whyMoved ? { whyMoved: s.whyMoved } : {}),
      date: o.asOf,
      details: o.details.get(entity.id) ?? [],
    });
    outcomes.push({ entity, plan });
  }
  return outcomes;
}
