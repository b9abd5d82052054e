// Releases as the commands see them: the calendar's date and type, the file (if any), the milestones
// and the scope, for every release in a range.
import { findRelease, listReleases, releaseLookup, type PlannedRelease, type ReleaseInput } from './calendar.js';
import { addMonths, diffDays, isValidIsoDate, monthName, type IsoDate } from './dates.js';
import { parseReleaseId } from './cycle.js';
import { closest } from './text.js';
import { builtInMilestones, releaseMilestones, type Milestone, type MilestoneProblem } from './milestones.js';
import type { Release } from './model.js';
import { dependencyLookup, type DependencyLookup } from './dependencies.js';
import { dependencyMilestones, releaseWaits, type ReleaseWait } from './release-waits.js';
import type { Entity, RepoModel } from './repository.js';
import { changeRequestsAlongside, scopeByRelease, type ChangeRequestAlongside, type ScopeEntry } from './scope.js';
import { deadlineApplies, dueWhenAgreedLate } from './rules/deadline.js';
import { DEADLINE_BY_MILESTONE } from './rules/deadline-specs.js';

export interface ReleaseView {
  planned: PlannedRelease;
  /** The release file, when there is one (a release the cycle schedules may have none yet). */
  entity?: Entity<Release>;
  milestones: Milestone[];
  milestoneProblems: MilestoneProblem[];
  scope: ScopeEntry[];
  /** The DCC Change Requests implemented alongside: those the file lists, then those recorded with `releases:` naming it. */
  changeRequests: ChangeRequestAlongside[];
  /** Every dependency of the scope (DEP-1), done or not, earliest needed first. */
  dependencies: ReleaseWait[];
}

export function releaseInputs(model: Pick<RepoModel, 'releases'>): ReleaseInput[] {
  return model.releases.map((r) => ({ ...(r.data as ReleaseInput), id: r.id }));
}

// One finder per list of release files and cycle: the notices ask for one per approval notice (10,000 at scale).
const finders = new WeakMap<object, { cycle: object; find: (id: string) => PlannedRelease | undefined }>();

/** Finds releases by id (file, else cycle) as `findRelease` does, each placed once however often asked for. */
export function releaseFinder(model: Pick<RepoModel, 'releases' | 'config'>): (id: string) => PlannedRelease | undefined {
  const known = finders.get(model.releases);
  if (known && known.cycle === model.config.cycle) return known.find;
  const find = releaseLookup({ cycle: model.config.cycle, files: releaseInputs(model) });
  finders.set(model.releases, { cycle: model.config.cycle, find });
  return find;
}

/**
 * Why an id names no release, in the words every command uses (`--release`, `--assume`, impl-date):
 * what the id should look like, or that neither a file nor the cycle has it, with the nearest id on file.
 */
export function unknownRelease(model: Pick<RepoModel, 'releases' | 'config'>, id: string): { reason: string; hint: string } {
  const parsed = parseReleaseId(id);
  if (!parsed)
    return { reason: 'that is not a release ID', hint: 'write YYYY-MM (2020-06), or YYYY-MM-suffix for a second release in a month (2022-07-mp200)' };
  const folder = model.config.paths.releases;
  const months = [...new Set(model.config.cycle.entries.map((e) => e.month))].sort((a, b) => a - b).map(monthName);
  const cycle = months.length
    ? `the ${model.config.codeName} cycle schedules releases in ${months.join(', ')}`
    : `the ${model.config.codeName} cycle schedules none`;
  const guess =
    nearestRelease(model, parsed.year, parsed.month) ??
    closest(
      id,
      model.releases.map((r) => r.id),
    );
  return {
    reason: `no file in ${folder}/ has that ID, and ${cycle}`,
    hint: guess
      ? `did you mean ${guess}? (\`secrel calendar ${parsed.year}\` lists that year's releases)`
      : `\`secrel calendar ${parsed.year}\` lists that year's releases; pass one of their IDs`,
  };
}

/**
 * The release (file or cycle) going live nearest the middle of the month an unknown id names, within two
 * months of it: 2028-11 for 2028-12 when November is the cycle's, not 2028-02 because it is one digit away.
 */
function nearestRelease(model: Pick<RepoModel, 'releases' | 'config'>, year: number, month: number): string | undefined {
  const mid = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-15`;
  const near = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), from: addMonths(mid, -2), to: addMonths(mid, 2) }).releases;
  return near.sort((a, b) => Math.abs(diffDays(mid, a.date)) - Math.abs(diffDays(mid, b.date)) || (a.date < b.date ? -1 : 1))[0]?.id;
}

/**
 * The milestones to list for a release (its page, the calendar and its feed): every one, less a timeline event
 * that is the go-live itself ("Release go-live" on the go-live date), which would list go-live twice beside
 * the built-in one. The RID's timetable keeps the row: there it is the only go-live line.
 */
export function listedMilestones(view: Pick<ReleaseView, 'milestones' | 'planned' | 'entity' | 'scope' | 'changeRequests'>): Milestone[] {
  // A built-in deadline that fell before the Panel agreed to create the release (an ad-hoc one) never applied.
  const agreed = view.entity?.data.agreed;
  const before = (m: Milestone) => m.kind !== 'event' && m.kind !== 'dependency' && isValidIsoDate(agreed) && m.date < agreed;
  // A deadline its scope does not call for (a cost deadline of a release that changes no DCC System, a full-scope
  // baseline of a scope all set at the systems cut-off): no milestone of it, as plan and check have it.
  const costless = (m: Milestone) => {
    const spec = DEADLINE_BY_MILESTONE.get(m.id);
    return spec !== undefined && (spec.dccChange === true || spec.documentationScope === true) && !deadlineApplies(spec, true, view.scope, view.changeRequests);
  };
  return movedWhenAgreedLate(view.milestones, agreed).filter(
    (m) => !before(m) && !costless(m) && !(m.kind === 'event' && m.date === view.planned.date && /\bgo[- ]?live\b/i.test(m.label)),
  );
}

/**
 * `milestones`, with those that fell before the Panel agreed to create the release (`agreed`) and are due by a
 * later milestone instead (DeadlineSpec.whenAgreedLate: the RID's baselines, the cost forecast, the TAD) moved to
 * that milestone's day, as check has them; in date order.
 */
export function movedWhenAgreedLate(milestones: readonly Milestone[], agreed: string | undefined): Milestone[] {
  if (!isValidIsoDate(agreed)) return [...milestones];
  const dueOf = (id: string) => milestones.find((x) => x.id === id)?.date;
  const moved = milestones.map((m) => {
    const spec = DEADLINE_BY_MILESTONE.get(m.id);
    const to = spec && m.date < agreed ? dueWhenAgreedLate(spec, dueOf, { agreed }) : undefined;
    return to ? { ...m, date: to.date } : m;
  });
  return moved.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every release going live in [from, to] (both inclusive), with its milestones and scope. */
export function releaseViews(model: RepoModel, range: { from: IsoDate; to: IsoDate }, scope = scopeByRelease(model)): ReleaseView[] {
  const files = releaseInputs(model);
  const byId = new Map(model.releases.map((r) => [r.id, r]));
  const { releases } = listReleases({ cycle: model.config.cycle, files, from: range.from, to: range.to });
  const deps = lazyLookup(model);
  return releases.map((planned) => view(model, planned, byId.get(planned.id), scope.get(planned.id) ?? [], deps));
}

/** One release by id (file or cycle), or undefined when neither knows it. */
export function releaseView(model: RepoModel, id: string, scope = scopeByRelease(model)): ReleaseView | undefined {
  const planned = findRelease(id, { cycle: model.config.cycle, files: releaseInputs(model) });
  if (!planned) return undefined;
  return view(
    model,
    planned,
    model.releases.find((r) => r.id === id),
    scope.get(id) ?? [],
    lazyLookup(model),
  );
}

/** `v` with another scope (a replay's, as of an earlier day): what it waits on, and those milestones, follow the scope. */
export function withScope(model: RepoModel, v: ReleaseView, scope: ScopeEntry[]): ReleaseView {
  const same = scope.length === v.scope.length && scope.every((e, i) => e.key === v.scope[i]!.key);
  return same ? { ...v, scope } : view(model, v.planned, v.entity, scope, lazyLookup(model));
}

/** The dependency lookup, built only if a release in view has a scope that depends on something. */
function lazyLookup(model: RepoModel): () => DependencyLookup {
  let lookup: DependencyLookup | undefined;
  return () => (lookup ??= dependencyLookup(model));
}

function view(model: RepoModel, planned: PlannedRelease, entity: Entity<Release> | undefined, scope: ScopeEntry[], deps: () => DependencyLookup): ReleaseView {
  const { milestones: own, problems } = releaseMilestones({
    release: { date: planned.date, type: planned.type },
    timeline: entity?.data.timeline ?? [],
    holidays: model.config.holidays,
  });
  // The day each dependency of the scope is needed by (DEP-1), among the release's own milestones.
  const dependencies =
    planned.cancelled || !scope.some((e) => (e.modification.data.dependsOn ?? []).length > 0) ? [] : releaseWaits(planned.date, scope, deps());
  // One recorded as done is no deadline any more: not on the calendar, the page or the plan's milestones.
  const needs = dependencyMilestones(dependencies.filter((w) => !w.done)).map((m): Milestone => ({ ...m, kind: 'dependency', rule: 'DEP-1' }));
  // First among those of its day, as the built-in cut-offs are.
  const cut = planned.type !== 'system' && scope.some((e) => e.systemsScope) ? [userSystemsCutoff(planned.date)] : [];
  const milestones = needs.length || cut.length ? [...cut, ...own, ...needs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) : own;
  const changeRequests = changeRequestsAlongside(model, planned.id, entity?.data);
  const v: ReleaseView = { planned, milestones, milestoneProblems: problems, scope, changeRequests, dependencies };
  if (entity) v.entity = entity;
  return v;
}

/**
 * The systems scope cut-off of a Documentation Release that holds a change to User Systems: the Policy types a
 * release by its DCC System impact (section 3) but sets a scope cut-off by DCC-or-User System impact (section
 * 5), so that change's scope is set 12 months before go-live all the same, as SCP-2 checks it.
 */
function userSystemsCutoff(goLive: IsoDate): Milestone {
  return builtInMilestones({ date: goLive, type: 'system' }).find((m) => m.id === 'systems-cutoff')!;
}
