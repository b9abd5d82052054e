// Releases as the commands see them: the calendar's date and type, the file (if any), the milestones
// and the scope, for every release in a range.
import { findRelease, listReleases, releaseLookup, type PlannedRelease, type ReleaseInput } from './calendar.js';
import type { IsoDate } from './dates.js';
import { releaseMilestones, type Milestone, type MilestoneProblem } from './milestones.js';
import type { Release } from './model.js';
import type { Entity, RepoModel } from './repository.js';
import { scopeByRelease, type ScopeEntry } from './scope.js';

export interface ReleaseView {
  planned: PlannedRelease;
  /** The release file, when there is one (a release the cycle schedules may have none yet). */
  entity?: Entity<Release>;
  milestones: Milestone[];
  milestoneProblems: MilestoneProblem[];
  scope: ScopeEntry[];
}

export function releaseInputs(model: Pick<RepoModel, 'releases'>): ReleaseInput[] {
  return model.releases.map((r) => ({ ...(r.data as ReleaseInput), id: r.id }));
}

/** Finds releases by id (file, else cycle) as `findRelease` does, each placed once however often asked for. */
export function releaseFinder(model: Pick<RepoModel, 'releases' | 'config'>): (id: string) => PlannedRelease | undefined {
  return releaseLookup({ cycle: model.config.cycle, files: releaseInputs(model) });
}

/** Every release going live in [from, to] (both inclusive), with its milestones and scope. */
export function releaseViews(model: RepoModel, range: { from: IsoDate; to: IsoDate }, scope = scopeByRelease(model)): ReleaseView[] {
  const files = releaseInputs(model);
  const byId = new Map(model.releases.map((r) => [r.id, r]));
  const { releases } = listReleases({ cycle: model.config.cycle, files, from: range.from, to: range.to });
  return releases.map((planned) => view(model, planned, byId.get(planned.id), scope.get(planned.id) ?? []));
}

/** One release by id (file or cycle), or undefined when neither knows it. */
export function releaseView(model: RepoModel, id: string, scope = scopeByRelease(model)): ReleaseView | undefined {
  const planned = findRelease(id, { cycle: model.config.cycle, files: releaseInputs(model) });
  if (!planned) return undefined;
  return view(model, planned, model.releases.find((r) => r.id === id), scope.get(id) ?? []);
}

function view(model: RepoModel, planned: PlannedRelease, entity: Entity<Release> | undefined, scope: ScopeEntry[]): ReleaseView {
  const { milestones, problems } = releaseMilestones({
    release: { date: planned.date, type: planned.type },
    timeline: entity?.data.timeline ?? [],
    holidays: model.config.holidays,
  });
  const v: ReleaseView = { planned, milestones, milestoneProblems: problems, scope };
  if (entity) v.entity = entity;
  return v;
}
