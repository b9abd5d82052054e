// What a release's RID shows of the modifications its scope waits on ("Waiting for": when each is expected
// or was done, and whether it can be done at all): part of RID-1's inputs, and what `diff` compares of them.
import { dependenciesOf, type Dependency, type DependencyLookup } from './dependencies.js';
import type { Modification } from './model.js';

export interface DependencyFacts {
  id: string;
  /** The day it is expected (its release's go-live, or its own date), or was done. */
  date: string | null;
  done: boolean;
  /** Withdrawn or rejected: it will never be done. */
  cancelled: boolean;
  /** Not known (no release yet, not recorded, or its file does not load). */
  unknown: boolean;
}

/** The modifications `mods` wait on, in id order, each as the RID's "Waiting for" sees it. */
export function modificationDependencyFacts(mods: readonly Modification[], lookup: DependencyLookup): DependencyFacts[] {
  const deps = new Map<string, Dependency>();
  for (const m of mods) for (const d of dependenciesOf(m)) if (d.kind === 'modification' && !deps.has(d.id)) deps.set(d.id, d);
  return [...deps.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => {
      const w = lookup.when(d);
      return { id: d.id, date: w.date ?? null, done: w.done, cancelled: w.cancelled !== undefined, unknown: w.unknown !== undefined };
    });
}
