// Finding releases from a repository's files and cycle: a release by id, and the releases after one that
// could take a modification. What the rules read (RuleContext) and what documents need without a rule run.
import { findRelease, listReleases, type PlannedRelease } from './calendar.js';
import { addDays, parseIsoDate, type IsoDate } from './dates.js';
import { releaseHorizon } from './implementation.js';
import { existedOn, isEligibleRelease } from './release-eligibility.js';
import { releaseInputs } from './releases.js';
import type { RepoModel } from './repository.js';

export interface ReleaseNavigator {
  /** Any release by id: its file (the first, if two claim it), else the cycle. */
  planned(id: string): PlannedRelease | undefined;
  /**
   * Releases that could take a modification (IMP-4) going live after `id`, within three years, in date
   * order: those that existed on `day` (default: the navigator's own day), since one agreed later was no option then.
   */
  eligibleAfter(id: string, systemImpact: boolean, day?: IsoDate): readonly PlannedRelease[];
}

// One navigator per list of release files and cycle, for documents (no day of their own): a RID or a notice per release asks.
const navigators = new WeakMap<object, { cycle: object; nav: ReleaseNavigator }>();

/** The navigator of `model` with no day of its own (each caller says which day, if any): made once per model. */
export function navigatorOf(model: Pick<RepoModel, 'releases' | 'config'>): ReleaseNavigator {
  const known = navigators.get(model.releases);
  if (known && known.cycle === model.config.cycle) return known.nav;
  const nav = releaseNavigator(model);
  navigators.set(model.releases, { cycle: model.config.cycle, nav });
  return nav;
}

export function releaseNavigator(model: Pick<RepoModel, 'releases' | 'config'>, asOf?: IsoDate): ReleaseNavigator {
  const cycle = model.config.cycle;
  const inputs = releaseInputs(model);
  const byId = new Map<string, PlannedRelease>();
  inputs.forEach((input) => {
    // Each file placed on its own: a file the calendar cannot place (bad id, no date) is no release.
    if (byId.has(input.id)) return;
    const placed = findRelease(input.id, { cycle, files: [input] });
    if (placed) byId.set(input.id, placed);
  });
  const cycleOnly = new Map<string, PlannedRelease | undefined>();
  const planned = (id: string): PlannedRelease | undefined => {
    const known = byId.get(id);
    if (known) return known;
    if (!cycleOnly.has(id)) cycleOnly.set(id, findRelease(id, { cycle }));
    return cycleOnly.get(id);
  };
  // Memoised per release, so asking for every modification costs one calendar listing per distinct release.
  const later = new Map<string, PlannedRelease[]>();
  const eligibleAfter = (id: string, systemImpact: boolean, day: IsoDate | undefined = asOf): readonly PlannedRelease[] => {
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
    return list.filter((r) => isEligibleRelease(r, systemImpact) && existedOn(r, day));
  };
  return { planned, eligibleAfter };
}
