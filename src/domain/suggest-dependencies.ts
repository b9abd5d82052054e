// DEP-1 in `secrel suggest`: for one candidate release, each dependency that cannot be done in time (an
// obstacle) or whose date cannot be trusted yet (a caveat), in the words `check` uses.
import type { PlannedRelease } from './calendar.js';
import { formatLong, type IsoDate } from './dates.js';
import { missedAsOf, neededBy, NEED_WORDS, overdueAsOf, type Dependency, type DependencyLookup } from './dependencies.js';
import type { Candidate } from './suggest.js';

/** Adds to `c` what `dependsOn` says of release `r` as of `asOf`: late, cancelled or missed stops it; unknown or overdue is a caveat. */
export function judgeDependencies(
  dependsOn: readonly Dependency[],
  leadTime: string | undefined,
  r: PlannedRelease,
  asOf: IsoDate,
  lookup: DependencyLookup,
  c: Pick<Candidate, 'obstacles' | 'caveats'>,
): void {
  const { obstacles, caveats } = c;
  for (const dep of dependsOn) {
    const need = neededBy(r.date, dep, leadTime);
    const s = lookup.status(dep, need.date);
    const what = `${dep.id} is needed ${NEED_WORDS[dep.needed]} (by ${formatLong(need.date)}: ${need.reason})`;
    if (s.state === 'late') obstacles.push({ rule: 'DEP-1', text: `${what}, but ${s.done ? 'was done' : 'is expected'} on ${formatLong(s.date)}` });
    else if (s.state === 'cancelled') obstacles.push({ rule: 'DEP-1', text: `${what}, but ${s.what}` });
    else if (missedAsOf(s, need.date, asOf))
      obstacles.push({
        rule: 'DEP-1',
        text:
          s.state === 'unknown'
            ? `${what}, but ${s.why} and is not done, and that day has passed`
            : `${what}, but it is not recorded as done, and that day has passed${s.state === 'in-time' && s.date !== undefined ? ` (it was expected on ${formatLong(s.date)})` : ''}`,
      });
    // Expected in time, but that day has gone by undone: check warns, and the date is no promise.
    else if (overdueAsOf(s, asOf))
      caveats.push(
        `DEP-1: ${what}; it was expected on ${formatLong(s.date)}, which has passed, and it is not recorded as done: record it, or its new expected date`,
      );
    else if (s.state === 'unknown') caveats.push(`${what}; ${s.action === undefined ? s.why : `${s.why}: ${s.action}`}`);
  }
}
