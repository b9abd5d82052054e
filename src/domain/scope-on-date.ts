// A release's scope as the data records it on a day: what had joined (addedToScope), approved unless its
// decision is dated later (an approval with no date recorded stands: nothing says it came later), and where a
// recorded move (a re-target, an Authority revision) after that day says it was. For a replay (plan --as-of
// in the past) and for a notice issued before the data was in git.
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { Modification } from './model.js';
import type { Entity, RepoModel } from './repository.js';
import { scopeEntriesOf, type ScopeEntry } from './scope.js';

/** The scope of `release` on `date`, from its scope now (`scope`) and the model's recorded moves, by key. */
export function scopeOnDate(model: Pick<RepoModel, 'modifications'>, release: string, scope: readonly ScopeEntry[], date: IsoDate): ScopeEntry[] {
  const here = new Set(scope.map((e) => e.modification.id));
  // A recorded move (re-target or Authority revision) after that day says where it was then: here, or not.
  const left = (movedFrom(model).get(release) ?? []).flatMap((m) => (!here.has(m.id) && moveAfter(m.data, date)?.from === release ? thenHere(m, release) : []));
  return [...scope.filter((e) => joinedBy(e.addedToScope, date) && (moveAfter(e.modification.data, date)?.from ?? release) === release), ...left]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => (e.status === 'approved' && !decidedBy(e.modification.data.decision?.date, date) ? { ...e, status: 'targeted' as const } : e));
}

/** In the scope on `date` by its `addedToScope`: joined by then, or no valid date recorded (nothing says it came later). */
export function joinedBy(addedToScope: string | undefined, date: IsoDate): boolean {
  return addedToScope === undefined || !isValidIsoDate(addedToScope) || compare(addedToScope, date) <= 0;
}

// The modifications with a recorded move away from each release, per list of modifications: one pass, not one
// per issued notice (10,000 notices over 10,000 modifications was most of a site's time).
const movers = new WeakMap<object, Map<string, Entity<Modification>[]>>();

function movedFrom(model: Pick<RepoModel, 'modifications'>): Map<string, Entity<Modification>[]> {
  let byRelease = movers.get(model.modifications);
  if (byRelease) return byRelease;
  byRelease = new Map();
  for (const m of model.modifications) {
    const from = new Set([...(m.data.implementation?.retargets ?? []), ...(m.data.implementation?.revisions ?? [])].map((r) => r.from));
    for (const f of from) if (typeof f === 'string') (byRelease.get(f) ?? byRelease.set(f, []).get(f)!).push(m);
  }
  movers.set(model.modifications, byRelease);
  return byRelease;
}

/** The first recorded move of a whole modification's target after `date`, re-target or revision. */
function moveAfter(m: Modification, date: IsoDate): { from: string } | undefined {
  if ((m.parts ?? []).length > 0) return undefined;
  const moves = [...(m.implementation?.retargets ?? []), ...(m.implementation?.revisions ?? [])].filter(
    (r) => isValidIsoDate(r.date) && compare(r.date, date) > 0 && typeof r.from === 'string',
  );
  return moves.sort((a, b) => compare(a.date, b.date))[0];
}

/** A modification moved away since, as it stood in `release` before the move (when it joined is not known). */
function thenHere(m: Entity<Modification>, release: string): ScopeEntry[] {
  const [now] = scopeEntriesOf(m);
  if (!now) return [];
  const { addedToScope: _added, exception: _exception, ...rest } = now;
  return [{ ...rest, release }];
}

function decidedBy(decided: string | undefined, date: IsoDate): boolean {
  return decided === undefined || (isValidIsoDate(decided) && compare(decided, date) <= 0);
}
