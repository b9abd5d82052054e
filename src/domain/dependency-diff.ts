// `secrel diff` for the modifications a release's scope waits on: when one's expected date or state changes
// (its release moved, it was implemented, withdrawn), the RID's "Waiting for" changes, so the diff names it
// under each release that waits on it on both sides, and `rid bump --since` words it in the history.
import { dependencyLookup } from './dependencies.js';
import { modificationDependencyFacts, type DependencyFacts } from './dependency-facts.js';
import type { RepoModel } from './repository.js';
import { scopeByRelease } from './scope.js';

export interface DependencyChange {
  kind: 'dependency';
  /** The modification waited on. */
  id: string;
  from: DependencyFacts;
  to: DependencyFacts;
}

/** Per release, what each modification its scope waits on (before and after) shows differently after. */
function factsByRelease(model: RepoModel): Map<string, Map<string, DependencyFacts>> {
  const lookup = dependencyLookup(model);
  const out = new Map<string, Map<string, DependencyFacts>>();
  for (const [release, entries] of scopeByRelease(model)) {
    const facts = modificationDependencyFacts([...new Set(entries.map((e) => e.modification.data))], lookup);
    if (facts.length) out.set(release, new Map(facts.map((f) => [f.id, f])));
  }
  return out;
}

const same = (a: DependencyFacts, b: DependencyFacts) => a.date === b.date && a.done === b.done && a.cancelled === b.cancelled && a.unknown === b.unknown;

/** The changes, by release: only dependencies waited on on both sides (one that starts or stops being waited on is its modification's edit). */
export function dependencyDiff(before: RepoModel, after: RepoModel): Map<string, DependencyChange[]> {
  const [was, now] = [factsByRelease(before), factsByRelease(after)];
  const out = new Map<string, DependencyChange[]>();
  for (const [release, facts] of now) {
    const earlier = was.get(release);
    const changes = [...facts.values()].flatMap((to) => {
      const from = earlier?.get(to.id);
      return from && !same(from, to) ? [{ kind: 'dependency' as const, id: to.id, from, to }] : [];
    });
    if (changes.length) out.set(release, changes);
  }
  return out;
}
