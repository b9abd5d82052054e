// What a release waits on (DEP-1), as plan, the RID and the release page list it: each dependency of its scope
// not done as of a day, the earliest day it is needed, and whether it can still be in time.
import { compare, type IsoDate } from './dates.js';
import { dependenciesOf, missedAsOf, NEED_WORDS, neededBy, overdueAsOf, type DependencyLookup, type DependencyState } from './dependencies.js';
import type { DependencyKind, DependencyNeed, Modification } from './model.js';
import type { Entity } from './repository.js';

/** What a release waits on, as of a day: a dependency's state, or 'overdue' when its expected date has passed undone. */
export type WaitState = DependencyState['state'] | 'overdue';

/** Each dependency state in words, for every report and document. */
export const WAIT_STATE_WORDS: Record<WaitState, string> = {
  'in-time': 'in time',
  overdue: 'overdue, not recorded done',
  late: 'late',
  unknown: 'date unknown',
  cancelled: 'cancelled',
};

/** One thing a release waits on: a dependency of its scope that is not done as of the plan's date. */
export interface ReleaseWait {
  id: string;
  kind: DependencyKind;
  needed: DependencyNeed;
  /** The earliest date any of `for` needs it. */
  neededBy: IsoDate;
  /** The scope keys that wait on it. */
  for: string[];
  state: WaitState;
  /** Done already (on `date`, when recorded). */
  done: boolean;
  /** When it is expected (or was done), if known. */
  date?: IsoDate;
}

/** What a release's scope waits on as of `asOf` (without it: everything it depends on), one line per dependency, earliest needed first. */
export function releaseWaits(
  goLive: IsoDate,
  scope: readonly { key: string; modification: Entity<Modification> }[],
  lookup: DependencyLookup,
  asOf?: IsoDate,
): ReleaseWait[] {
  const byId = new Map<string, ReleaseWait>();
  for (const e of scope) {
    for (const dep of dependenciesOf(e.modification.data)) {
      const w = lookup.when(dep);
      if (asOf !== undefined && w.done && (w.date === undefined || compare(w.date, asOf) <= 0)) continue;
      const by = neededBy(goLive, dep, e.modification.data.leadTime).date;
      const found = lookup.status(dep, by);
      const s: { state: WaitState } =
        w.done || asOf === undefined ? found : missedAsOf(found, by, asOf) ? { state: 'late' } : overdueAsOf(found, asOf) ? { state: 'overdue' } : found;
      const key = `${dep.kind}:${dep.id}`;
      const seen = byId.get(key);
      if (!seen) {
        const wait: ReleaseWait = { id: dep.id, kind: dep.kind, needed: dep.needed, neededBy: by, for: [e.key], state: s.state, done: w.done };
        if (w.date !== undefined) wait.date = w.date;
        byId.set(key, wait);
        continue;
      }
      if (!seen.for.includes(e.key)) seen.for.push(e.key);
      // The earliest need sets the line: it is the one that decides whether the release can wait.
      if (compare(by, seen.neededBy) < 0) Object.assign(seen, { neededBy: by, needed: dep.needed, state: s.state });
    }
  }
  return [...byId.values()].sort((a, b) => compare(a.neededBy, b.neededBy) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A release's dependency milestones for the calendar: the day each dependency is needed by, for what. */
export function dependencyMilestones(waits: readonly ReleaseWait[]): { id: string; label: string; date: IsoDate }[] {
  return waits.map((w) => ({
    id: `needs-${w.id.toLowerCase()}`,
    label: `${w.id} needed ${NEED_WORDS[w.needed]} of ${w.for.join(', ')}`,
    date: w.neededBy,
  }));
}
