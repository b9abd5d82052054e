// The RID's scope section as data: approved and targeted modifications (and parts), DCC Change Requests
// alongside, Technical Specification versions, risks.
import type { PlannedRelease } from '../domain/calendar.js';
import { addMonths, formatLong, isValidIsoDate } from '../domain/dates.js';
import { dependenciesOf, NEED_WORDS } from '../domain/dependencies.js';
import type { Modification, Release } from '../domain/model.js';
import { decisionByDate, parseLeadTime } from '../domain/implementation.js';
import { releaseFinder } from '../domain/releases.js';
import type { Entity, RepoModel } from '../domain/repository.js';
import { changeRequestsAlongside, type ScopeEntry } from '../domain/scope.js';
import { navigatorOf, type ReleaseNavigator } from '../domain/release-navigator.js';
import { lapsedDecision } from '../domain/rules/implementation.js';
import { scopeCutOff } from '../domain/rules/scope.js';
import { safeUrl } from './escape.js';

export interface PartView {
  part: number;
  releaseId: string;
  releaseName: string;
  thisRelease: boolean;
  summary: string | null;
}

export interface ScopeItemView {
  id: string;
  /** `SECMP0062#1` for a part, else the id. */
  key: string;
  title: string;
  summary: string | null;
  url: string | null;
  approved: boolean;
  systemImpact: boolean;
  /** It changes User Systems but not the DCC's (`systemImpact: user`): the 12-month systems cut-off is its own too. */
  userSystemImpact: boolean;
  part: number | null;
  /** Every part of a modification delivered in parts (empty otherwise). */
  parts: PartView[];
  partCount: number;
  addedToScope: string | null;
  /** The Panel's rationale for adding it after the cut-off (SCP-2). */
  exception: string | null;
  decisionDate: string | null;
  /** What a reader must not miss: no valid date (IMP-5), a closed decision window (IMP-1), an addition after the cut-off with no exception (SCP-2). */
  caveat: string | null;
  /** Targeted with a lead time in months: the last day a decision to approve makes this release (IMP-1). */
  decisionBy: string | null;
  /** What it waits on, in words: "CR1057 and CR1047 (DCC Change Requests), before development". */
  dependsOn: string | null;
}

export interface ScopeView {
  approved: ScopeItemView[];
  targeted: ScopeItemView[];
  approvedCount: number;
  targetedCount: number;
  changeRequests: { id: string; title: string; summary: string | null }[];
  changeRequestCount: number;
  techSpecs: { document: string; version: string; validFrom: string | null; previousVersion: string | null; previousValidTo: string | null }[];
  risks: { summary: string; mitigation: string | null; owner: string | null }[];
  notes: string | null;
}

/** Approved before targeted, DCC System-impacting before documentation-only, then by id and part. */
export function orderScope(entries: readonly ScopeEntry[]): ScopeEntry[] {
  const rank = (e: ScopeEntry) => (e.status === 'approved' ? 0 : 2) + (e.systemImpact ? 0 : 1);
  return [...entries].sort((a, b) => rank(a) - rank(b) || cmp(a.modification.id, b.modification.id) || (a.part ?? 0) - (b.part ?? 0));
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function scopeView(model: RepoModel, releaseId: string, release: Entity<Release> | undefined, entries: readonly ScopeEntry[]): ScopeView {
  const find = releaseFinder(model);
  const nav = navigatorOf(model);
  const data = release?.data;
  const items = orderScope(entries).map((e) => itemView(find, e, nav, data?.agreed));
  const changeRequests = changeRequestsAlongside(model, releaseId, data);
  return {
    approved: items.filter((i) => i.approved),
    targeted: items.filter((i) => !i.approved),
    approvedCount: items.filter((i) => i.approved).length,
    targetedCount: items.filter((i) => !i.approved).length,
    changeRequests,
    changeRequestCount: changeRequests.length,
    techSpecs: (data?.techSpecs ?? []).map((t) => ({
      document: t.document,
      version: t.version,
      validFrom: t.validFrom ?? null,
      previousVersion: t.previousVersion ?? null,
      previousValidTo: t.previousValidTo ?? null,
    })),
    risks: (data?.risks ?? []).map((r) => ({ summary: r.summary, mitigation: r.mitigation ?? null, owner: r.owner ?? null })),
    notes: data?.notes ?? null,
  };
}

function itemView(find: (id: string) => PlannedRelease | undefined, e: ScopeEntry, nav: ReleaseNavigator, agreed: string | undefined): ScopeItemView {
  const m: Modification = e.modification.data;
  const cutOff = effectiveCutOff(find(e.release), e, agreed);
  const parts = (m.parts ?? []).map((p) => ({
    part: p.part,
    releaseId: p.release,
    releaseName: find(p.release)?.name ?? p.release,
    thisRelease: p.release === e.release,
    summary: p.summary ?? null,
  }));
  return {
    id: m.id,
    key: e.key,
    title: m.title,
    summary: m.summary ?? null,
    url: safeUrl(m.url),
    approved: e.status === 'approved',
    systemImpact: e.systemImpact,
    userSystemImpact: !e.systemImpact && e.systemsScope,
    part: e.part ?? null,
    parts,
    partCount: parts.length,
    addedToScope: e.addedToScope ?? null,
    exception: exceptionShown(find(e.release), e, agreed),
    decisionDate: m.decision?.date ?? null,
    caveat: (e.part === undefined ? lapsedDecision(nav, m) : undefined) ?? caveatFor(find(e.release), e, cutOff),
    decisionBy: decisionByOf(find(e.release), e),
    dependsOn: dependsOnWords(m),
  };
}

/** (After IMP-5's lapsed decision, which comes first.) A targeted modification whose expected decision misses the release's decision-by date; a breach of the cut-off. */
function caveatFor(release: PlannedRelease | undefined, e: ScopeEntry, cutOff: string | undefined): string | null {
  if (!release || cutOff === undefined) return null;
  const m = e.modification.data;
  if (isValidIsoDate(e.addedToScope) && e.addedToScope > cutOff && !e.exception?.trim()) {
    return `Added to the scope on ${formatLong(e.addedToScope)}, after the cut-off (${formatLong(cutOff)}), with no exception recorded: a breach of the scope cut-off (SCP-2).`;
  }
  const months = m.leadTime ? /^(\d{1,4})m$/.exec(m.leadTime.trim())?.[1] : undefined;
  const expected = m.decision?.expected;
  if (e.status === 'targeted' && e.part === undefined && months && !m.decision?.date && isValidIsoDate(expected)) {
    const by = addMonths(release.date, -Number(months));
    if (expected > by)
      return `Its decision is expected on ${formatLong(expected)}, after this release's decision-by date (${formatLong(by)}): unless it comes sooner it falls to its fall-back release.`;
  }
  return null;
}

/** `dependsOn` in words for the RID, one clause per kind of dependency and when it is needed. */
export function dependsOnWords(m: Modification): string | null {
  const deps = dependenciesOf(m);
  if (deps.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const d of deps) {
    const k = `${d.kind === 'change-request' ? (deps.filter((x) => x.kind === 'change-request').length > 1 ? 'DCC Change Requests' : 'DCC Change Request') : 'modification'}|${NEED_WORDS[d.needed]}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(d.id);
  }
  const and = (ids: string[]) => (ids.length < 2 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`);
  return [...groups]
    .map(([k, ids]) => {
      const [kind, need] = k.split('|');
      return `${and(ids)} (${kind === 'modification' ? (ids.length > 1 ? 'modifications' : 'modification') : kind}), needed ${need}`;
    })
    .join('; ');
}

function decisionByOf(release: PlannedRelease | undefined, e: ScopeEntry): string | null {
  const lead = e.modification.data.leadTime ? parseLeadTime(e.modification.data.leadTime) : undefined;
  return release && e.status !== 'approved' && lead?.unit === 'months' ? decisionByDate(release.date, lead.amount) : null;
}

/**
 * The Panel's exception for an entry added after its cut-off, as the documents show it ("added after the
 * cut-off, as an exception"): only when it was added after it (or when is not recorded); one recorded for an
 * addition in time, as into an ad-hoc release by the day it was agreed, would say what did not happen.
 */
export function exceptionShown(release: PlannedRelease | undefined, e: ScopeEntry, agreed: string | undefined): string | null {
  const cutOff = effectiveCutOff(release, e, agreed);
  const late = !isValidIsoDate(e.addedToScope) || cutOff === undefined || e.addedToScope > cutOff;
  return late ? (e.exception ?? null) : null;
}

/** The entry's scope cut-off (SCP-1), or the day the Panel agreed to create the release when that came later (SCP-2 counts from it). */
function effectiveCutOff(release: PlannedRelease | undefined, e: ScopeEntry, agreed: string | undefined): string | undefined {
  if (!release) return undefined;
  const cutOff = scopeCutOff(release.date, e.systemsScope);
  return isValidIsoDate(agreed) && agreed > cutOff ? agreed : cutOff;
}
