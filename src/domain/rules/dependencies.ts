// DEP-1: a modification's dependencies (DCC Change Requests, other modifications) must be done in time for its release.
import { itemName } from '../versioning.js';
import { compare } from '../dates.js';
import { dependenciesOf, dependencyLookup, missedAsOf, overdueAsOf, neededBy, NEED_WORDS, type Dependency, type DependencyLookup } from '../dependencies.js';
import type { Finding } from '../findings.js';
import type { ScopeEntry } from '../scope.js';
import type { PlannedRelease } from '../calendar.js';
import type { Rule, RuleContext } from './context.js';
import { fieldFinding, long } from './support.js';
import { moveWords, nextOpenRelease } from './next-release.js';
import { placedEntries } from './scope.js';

export const dependencyInTime: Rule = {
  id: 'DEP-1',
  title: "a modification's dependencies are done in time for its release",
  check(ctx) {
    const lookup = dependencyLookup(ctx.model);
    const out: Finding[] = [];
    for (const { entry, release } of placedEntries(ctx)) {
      const m = entry.modification.data;
      // Once it is live, what it waited on is history.
      if (m.status === 'implemented' || compare(release.date, ctx.asOf) < 0) continue;
      for (const dep of dependenciesOf(m)) {
        const f = dependencyFinding(ctx, lookup, entry, release, dep);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

function dependencyFinding(ctx: RuleContext, lookup: DependencyLookup, e: ScopeEntry, release: PlannedRelease, dep: Dependency): Finding | undefined {
  const need = neededBy(release.date, dep, e.modification.data.leadTime);
  const s = lookup.status(dep, need.date);
  // Expected in time, but that day has passed and it is not recorded done: the date is stale, not a promise;
  // and once the day it was needed has passed too, it is late unless it was done.
  if (overdueAsOf(s, ctx.asOf)) {
    const needPassed = missedAsOf(s, need.date, ctx.asOf);
    return fieldFinding(
      e.modification,
      dep.path,
      'DEP-1',
      needPassed ? 'error' : 'warning',
      `${itemName(e.key)} in the ${release.name} needs ${dep.id} ${NEED_WORDS[dep.needed]} (by ${long(need.date)}: ${need.reason}); it was expected on ${long(s.date)}, ` +
        `which has passed${needPassed ? ', as has the day it was needed' : ''}, and it is not recorded as done: record it as done if it is, else its new expected date` +
        (needPassed ? ` and move ${itemName(e.key)} to a later release` : ''),
      { modification: e.modification.id, release: release.id },
    );
  }
  if (s.state === 'in-time') return undefined;
  const ids = { modification: e.modification.id, release: release.id };
  const what = `${itemName(e.key)} in the ${release.name} needs ${dep.id} ${NEED_WORDS[dep.needed]} (by ${long(need.date)}: ${need.reason})`;
  if (s.state === 'unknown') {
    // An id that names no modification is a REF error (a typo or a rename), reported there once.
    if (s.unrecorded) return undefined;
    // Not done, no date, and the day it was needed is gone: whatever its date turns out to be, it is late.
    if (missedAsOf(s, need.date, ctx.asOf))
      return fieldFinding(
        e.modification,
        dep.path,
        'DEP-1',
        'error',
        `${what}, but ${s.why} and is not done, and ${long(need.date)} has passed, so it cannot be in time: move ${itemName(e.key)} to a later release ` +
          `once ${dep.id} has a date, or record ${dep.id} as done if it was`,
        ids,
      );
    return fieldFinding(
      e.modification,
      dep.path,
      'DEP-1',
      s.typo ? 'error' : 'warning',
      `${what}, but ${s.why}, so secrel cannot tell whether it is done in time: ${s.action ?? 'record the date once it is known'}`,
      ids,
    );
  }
  if (s.state === 'cancelled') {
    return fieldFinding(e.modification, dep.path, 'DEP-1', 'error', `${what}, but ${s.what}: remove the dependency or re-plan ${itemName(e.key)}`, ids);
  }
  const m = e.modification.data;
  const fits = nextOpenRelease(ctx, m, release.id, (r) => compare(s.date, neededBy(r.date, dep, m.leadTime).date) <= 0);
  const instead = moveWords(m, e.key, fits, 'the first release it is in time for');
  return fieldFinding(
    e.modification,
    dep.path,
    'DEP-1',
    'error',
    `${what}, but ${dep.id} ${s.done ? 'was done' : 'is expected'} on ${long(s.date)}: ${instead}, or bring ${dep.id} forward`,
    ids,
  );
}

export const DEPENDENCY_RULES: readonly Rule[] = [dependencyInTime];
