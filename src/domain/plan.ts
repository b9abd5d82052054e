// The plan view model: where each release stands as of a date, what is due next and what breaks the Policy.
// Pure data, the same for the text layout and for `--format json`.
import type { ScopeEntry } from './scope.js';
import { compare, diffDays, type IsoDate } from './dates.js';
import { SEVERITY_ORDER, sortFindings, summarise, type Finding } from './findings.js';
import type { Milestone } from './milestones.js';
import type { Release } from './model.js';
import { movedWhenAgreedLate, withScope, type ReleaseView } from './releases.js';
import { findingsByRelease } from './release-groups.js';
import { planGoNoGo, type PlanGoNoGo } from './plan-go-no-go.js';
import { workingDaysItems, type PlanWorkingDays } from './plan-working-days.js';
import { EveryId, type RepoModel } from './repository.js';
import { beforeAgreed, deadlineApplies, deadlineState, recordedFor } from './rules/deadline.js';
import { DEADLINE_BY_MILESTONE } from './rules/deadline-specs.js';
import { dependencyLookup, type DependencyLookup } from './dependencies.js';
import { releaseWaits, type ReleaseWait } from './release-waits.js';
import { scopeOnDate } from './scope-on-date.js';
import { ridAsOf, type PlanRid } from './rid-as-of.js';

/** How many milestones still to come a release lists (overdue ones are listed as well, all of them). */
export const NEXT_MILESTONES = 5;

export interface PlanScopeItem {
  /** `SECMP0053`, or `SECMP0062#1` for one part. */
  key: string;
  modification: string;
  part?: number;
  title: string;
  /** `implemented` once the modification is recorded live; otherwise its scope status. */
  status: 'approved' | 'targeted' | 'implemented';
  impact: 'system' | 'user' | 'documentation';
  /** Added after its cut-off with the Panel's rationale (SCP-2). */
  exception: boolean;
  addedToScope?: IsoDate;
}

export interface PlanMilestone {
  id: string;
  label: string;
  date: IsoDate;
  /** Days from the as-of date: negative when past. */
  days: number;
  state: 'overdue' | 'upcoming';
  rule?: string;
}

export interface PlanRelease<F extends Finding = Finding> {
  id: string;
  name: string;
  date: IsoDate;
  weekday: string;
  type: 'system' | 'documentation';
  /** The code's kind of release when it is not the rule set's name (the BSC's `standard`). */
  kind?: string;
  adhoc: boolean;
  status?: string;
  cancelled: boolean;
  /** The repository-relative release file; absent for a release only the cycle knows. */
  file?: string;
  /** Its release file is there but does not load (a YAML or schema error): what it records is unknown. */
  fileDoesNotLoad?: true;
  moved: boolean;
  scheduledDate?: IsoDate;
  dateReason?: string;
  /** Days from the as-of date to go-live: negative once it has gone live. */
  daysToGoLive: number;
  rid?: PlanRid;
  scope: PlanScopeItem[];
  /** The modifications folder cannot be read: `scope` is what is known (nothing), not what there is. */
  scopeUnknown?: true;
  changeRequests: { id: string; title: string }[];
  /** Dependencies of the scope not done as of the plan's date (DEP-1). */
  waitingFor: ReleaseWait[];
  milestones: PlanMilestone[];
  /** GL-3: where the acceptance criteria stand, from six weeks before go-live (or once any is assessed). */
  goNoGo?: PlanGoNoGo;
  findings: F[];
  summary: { errors: number; warnings: number; infos: number };
}

export interface PlanView<F extends Finding = Finding> {
  asOf: IsoDate;
  from: IsoDate;
  to: IsoDate;
  releases: PlanRelease<F>[];
  /** Approved or targeted modifications with a Working Days lead time (IMP-3): their own dates, in date order (undated last). */
  workingDays: PlanWorkingDays[];
  summary: {
    releases: number;
    errors: number;
    warnings: number;
    infos: number;
    /** Findings about files or releases outside the window, and how many of them are errors. */
    otherFindings: number;
    otherErrors: number;
  };
}

export interface PlanInput {
  asOf: IsoDate;
  from: IsoDate;
  to: IsoDate;
  views: readonly ReleaseView[];
  /** Every finding (load, reference and rules): each goes to the release it is about. */
  findings: readonly Finding[];
}

export function buildPlan(model: RepoModel, input: PlanInput): PlanView {
  const byRelease = findingsByRelease(model, input.findings);
  const lookup = dependencyLookup(model);
  const releases = input.views.map((now) => {
    // The scope as the data records it on --as-of: a replay does not show what joined or was approved since.
    const v = withScope(model, now, scopeOnDate(model, now.planned.id, now.scope, input.asOf));
    const r = planRelease(v, input.asOf, byRelease.get(v.planned.id) ?? [], lookup, !v.entity && model.invalidIds.releases.has(v.planned.id));
    const goNoGo = planGoNoGo(model, v, input.asOf);
    return { ...r, ...(goNoGo ? { goNoGo } : {}), ...(model.invalidIds.modifications instanceof EveryId ? { scopeUnknown: true as const } : {}) };
  });
  const shown = releases.flatMap((r) => r.findings);
  const counts = summarise(shown);
  return {
    asOf: input.asOf,
    from: input.from,
    to: input.to,
    releases,
    workingDays: workingDaysItems(model, input.asOf, input),
    summary: {
      releases: releases.length,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      otherFindings: input.findings.length - shown.length,
      otherErrors: summarise(input.findings).errors - counts.errors,
    },
  };
}

/** Errors first; within a severity, the stable file-and-position order (again once the CLI placed them). */
export function planOrder<F extends Finding>(findings: readonly F[]): F[] {
  return sortFindings(findings).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function planRelease(v: ReleaseView, asOf: IsoDate, findings: readonly Finding[], lookup: DependencyLookup, unloaded: boolean): PlanRelease {
  const p = v.planned;
  const data = v.entity?.data;
  // Errors first; within a severity, the stable file-and-position order.
  const sorted = planOrder(findings);
  const counts = summarise(sorted);
  const rid = data?.rid ? ridAsOf(data, asOf) : undefined;
  // A replay of a day before the first baseline: the release was not baselined yet, whatever its file says now.
  const status = p.status === 'baselined' && (data?.rid?.baselines ?? []).length > 0 && !rid?.lastBaseline ? 'planned' : p.status;
  return {
    id: p.id,
    name: p.name,
    date: p.date,
    weekday: p.weekday,
    type: p.type,
    ...(p.kind !== p.type ? { kind: p.kind } : {}),
    adhoc: p.adhoc,
    ...(status !== undefined ? { status } : {}),
    cancelled: p.cancelled === true,
    ...(v.entity ? { file: v.entity.file } : {}),
    ...(unloaded ? { fileDoesNotLoad: true as const } : {}),
    moved: p.moved,
    ...(p.scheduledDate !== undefined ? { scheduledDate: p.scheduledDate } : {}),
    ...(p.dateReason !== undefined ? { dateReason: p.dateReason.trim() } : {}),
    daysToGoLive: diffDays(asOf, p.date),
    ...(rid ? { rid } : {}),
    scope: scopeItems(v),
    changeRequests: v.changeRequests.map((c) => ({ id: c.id, title: c.title })),
    waitingFor: p.cancelled ? [] : releaseWaits(p.date, v.scope, lookup, asOf),
    // A file that does not load records nothing known: no deadline is called overdue on its account.
    milestones: p.cancelled ? [] : nextMilestones(v, hasScope(v) && !unloaded ? (data ?? { id: p.id }) : undefined, asOf),
    findings: sorted,
    summary: { errors: counts.errors, warnings: counts.warnings, infos: counts.infos },
  };
}

/** The systems scope first (it is set first, 12 months out), then documentation-only; by key within each. */
function scopeItems(v: ReleaseView): PlanScopeItem[] {
  const rank = (e: ScopeEntry) => (e.systemImpact ? 0 : e.systemsScope ? 1 : 2);
  const entries = [...v.scope].sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map((e) => ({
    key: e.key,
    modification: e.modification.id,
    ...(e.part !== undefined ? { part: e.part } : {}),
    title: e.modification.data.title,
    status: e.modification.data.status === 'implemented' ? 'implemented' : e.status,
    impact: e.systemImpact ? 'system' : e.systemsScope ? 'user' : 'documentation',
    exception: Boolean(e.exception?.trim()),
    ...(e.addedToScope !== undefined ? { addedToScope: e.addedToScope } : {}),
  }));
}

/** A modification or a DCC Change Request in scope: the obligations only scope creates apply (the rules' `hasScope`). */
function hasScope(v: ReleaseView): boolean {
  return v.scope.length > 0 || v.changeRequests.length > 0;
}

/**
 * Overdue milestones (a deadline of the release, passed and not recorded), then the next few still to come.
 * Go-live itself is left out: the release's own line shows it. A release with something in scope has its
 * deadlines with or without a file (no file records nothing, so a passed one is overdue); one with nothing
 * in scope (`data` undefined) has none: only its cut-offs and the timeline's events are listed.
 */
function nextMilestones(v: Pick<ReleaseView, 'milestones' | 'scope' | 'changeRequests'>, data: Release | undefined, asOf: IsoDate): PlanMilestone[] {
  const overdue: PlanMilestone[] = [];
  const upcoming: PlanMilestone[] = [];
  for (const m of movedWhenAgreedLate(v.milestones, data?.agreed)) {
    if (m.id === 'go-live') continue;
    // A deadline that does not apply (the DCC's costs of a release that changes no DCC System, or any of
    // them with nothing in scope: nothing to notify, test, cost or accept) is no milestone of it.
    const spec = DEADLINE_BY_MILESTONE.get(m.id);
    if (spec && (!data || !deadlineApplies(spec, true, v.scope, v.changeRequests))) continue;
    const state = milestoneState(m, data, asOf);
    if (state === 'done' || state === 'passed') continue;
    const item: PlanMilestone = { id: m.id, label: m.label, date: m.date, days: diffDays(asOf, m.date), state };
    if (m.rule) item.rule = m.rule;
    (state === 'overdue' ? overdue : upcoming).push(item);
  }
  return [...overdue, ...upcoming.slice(0, NEXT_MILESTONES)];
}

function milestoneState(m: Milestone, data: Release | undefined, asOf: IsoDate): 'done' | 'passed' | 'overdue' | 'upcoming' {
  const spec = DEADLINE_BY_MILESTONE.get(m.id);
  if (data && spec) {
    const recorded = recordedFor(spec, data);
    // Due before the release was agreed: not applicable, so neither overdue nor to come.
    if (recorded === undefined && beforeAgreed(data, m.date)) return 'passed';
    const s = deadlineState(m.date, recorded, asOf).state;
    return s === 'done' || s === 'late' ? 'done' : s === 'overdue' ? 'overdue' : 'upcoming';
  }
  return compare(m.date, asOf) < 0 ? 'passed' : 'upcoming';
}
