// The RID view model: everything the Release Implementation Document says about one release, computed
// from the domain, so the templates only loop and test conditions (RID-3; the June 2020 RID is the model).
import { compare, max } from '../domain/dates.js';
import { movedWhenAgreedLate, releaseFinder, type ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { releaseCutoffs, type Cutoffs } from './cutoffs.js';
import { safeUrl } from './escape.js';
import type { GlossaryEntry } from './glossary.js';
import { changesDccSystems } from '../domain/scope.js';
import { historyChanges } from '../domain/rid-changes.js';
import { acceptanceView, type AcceptanceView } from './rid-acceptance.js';
import { costsView, type CostsView } from './rid-costs.js';
import { impactsView, type ImpactsView } from './rid-impacts.js';
import { scopeView, type ScopeView } from './rid-scope.js';
import { timetableView, type TimetableView } from './rid-timetable.js';
import { waitingForView, type WaitingForRow } from './waiting-for.js';
import { dependencyLookup } from '../domain/dependencies.js';
import { releaseWaits } from '../domain/release-waits.js';

export interface RidInput {
  model: RepoModel;
  view: ReleaseView;
  /** `Section A` → `Definitions and Interpretation` (config `documentTitles`). */
  documentTitles: Readonly<Record<string, string>>;
}

export interface ReleaseHeader {
  id: string;
  name: string;
  date: string;
  weekday: string;
  system: boolean;
  typeLabel: string;
  adhoc: boolean;
  status: string | null;
  /** Gone live: status `live`, or a go-live date before the document's date (not cancelled). The RID then speaks in the past. */
  live: boolean;
  url: string | null;
  moved: boolean;
  scheduledDate: string | null;
  dateReason: string | null;
}

export interface RidView {
  title: string;
  release: ReleaseHeader;
  version: string | null;
  /** The date of the latest version history entry. */
  documentDate: string | null;
  cutoffs: Cutoffs;
  scope: ScopeView;
  /** The scope's dependencies not done yet (DEP-1). */
  waitingFor: WaitingForRow[];
  impacts: ImpactsView;
  timetable: TimetableView;
  testing: {
    system: boolean;
    tadToTag: string | null;
    tadPublished: string | null;
    tadToTagDue: string | null;
    tadPublishedDue: string | null;
    notes: string | null;
  };
  costs: CostsView;
  acceptance: AcceptanceView;
  history: { version: string; date: string; changes: string }[];
  /** Filled in by the second rendering pass, from the acronyms the first pass used. */
  glossary: GlossaryEntry[];
}

export function ridView({ model, view, documentTitles }: RidInput): RidView {
  const { planned, entity, scope } = view;
  const data = entity?.data;
  const system = planned.type === 'system';
  // An ad-hoc release agreed after a milestone's day has it due by a later one (the TAD by go-live), as check has it.
  const milestones = movedWhenAgreedLate(view.milestones, data?.agreed);
  const milestone = (id: string) => milestones.find((m) => m.id === id)?.date ?? null;
  const history = (data?.rid?.history ?? []).map((h) => ({
    version: h.version,
    date: h.date,
    changes: historyChanges(h.changes),
  }));
  const version = data?.rid?.version ?? history[history.length - 1]?.version ?? null;
  // The current version's latest date: a baseline re-issues the version it records, on the meeting's day (a
  // later date in the history belongs to another version: RID-1 warns).
  const documentDate = latestDate(history.filter((h) => h.version === version)) ?? latestDate(history);
  const status = data?.status ?? planned.status;
  const find = releaseFinder(model);
  return {
    title: `${model.config.codeName} Release Implementation Document — ${planned.name}`,
    release: {
      id: planned.id,
      name: planned.name,
      date: planned.date,
      weekday: planned.weekday,
      system,
      // The code's own kind: "System Release" for the SEC, "Scheduled Release" for DCUSA.
      typeLabel: planned.kindName,
      adhoc: planned.adhoc,
      status: status ? `${status.charAt(0).toUpperCase()}${status.slice(1)}` : null,
      live: status === 'live' || (status !== 'cancelled' && !planned.cancelled && documentDate !== null && compare(planned.date, documentDate) < 0),
      url: safeUrl(data?.url),
      moved: planned.moved,
      scheduledDate: planned.scheduledDate ?? null,
      dateReason: planned.dateReason ?? null,
    },
    version,
    documentDate,
    cutoffs: releaseCutoffs(view),
    scope: scopeView(model, planned.id, entity, scope),
    // As of the version's date: a dependency expected before it and not done by then is overdue, not "in time".
    waitingFor: waitingForView(
      view,
      documentDate && view.dependencies.length > 0 ? releaseWaits(planned.date, view.scope, dependencyLookup(model), documentDate) : view.dependencies,
    ),
    impacts: impactsView(scope, model.config.partyCategories, documentTitles),
    timetable: timetableView(view),
    testing: {
      system,
      tadToTag: data?.tad?.toTag ?? null,
      tadPublished: data?.tad?.published ?? null,
      tadToTagDue: milestone('tad-to-tag'),
      tadPublishedDue: milestone('tad-published'),
      notes: data?.tad?.notes ?? null,
    },
    costs: costsView(scope, data?.costs, (id) => find(id)?.name ?? id),
    acceptance: acceptanceView(model.config, data, {
      date: planned.date,
      system,
      cancelled: planned.cancelled === true,
      hasScope: scope.length > 0 || view.changeRequests.length > 0,
      changesDccSystems: changesDccSystems(scope, view.changeRequests),
    }),
    history,
    glossary: [],
  };
}

/** The latest date among history rows, or null when there are none. */
function latestDate(rows: readonly { date: string }[]): string | null {
  const [first, ...rest] = rows;
  return first ? max(first.date, ...rest.map((h) => h.date)) : null;
}
