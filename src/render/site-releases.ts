// The site's releases: which releases get a page, and what the index, the release pages and the register
// say about each (content, cut-off dates, milestones, the link to its RID).
import { compare, isValidIsoDate } from '../domain/dates.js';
import type { Milestone } from '../domain/milestones.js';
import { listedMilestones, releaseView, type ReleaseView } from '../domain/releases.js';
import type { RepoModel } from '../domain/repository.js';
import { entrySummary, scopeByRelease } from '../domain/scope.js';
import { safeUrl } from './escape.js';
import { exceptionShown, orderScope } from './rid-scope.js';
import { waitingForView, type WaitingForRow } from './waiting-for.js';

/**
 * Every release a page links to: each release file, and each release a modification names (target, fall-back,
 * part, retarget, revision) that only the cycle knows. A revision's date (not a release) finds no release.
 */
export function siteReleases(model: RepoModel): ReleaseView[] {
  const scope = scopeByRelease(model);
  const ids = new Set(model.releases.map((r) => r.id));
  for (const m of model.modifications) {
    const impl = m.data.implementation;
    for (const id of [
      impl?.release,
      impl?.fallback,
      ...(m.data.parts ?? []).map((p) => p.release),
      ...(impl?.retargets ?? []).flatMap((r) => [r.from, r.to]),
      ...(impl?.revisions ?? []).flatMap((r) => [r.from, r.to]),
    ]) {
      if (id) ids.add(id);
    }
  }
  const views = [...ids].map((id) => releaseView(model, id, scope)).filter((v): v is ReleaseView => v !== undefined);
  return views.sort((a, b) => compare(a.planned.date, b.planned.date) || (a.planned.id < b.planned.id ? -1 : 1));
}

export const releasePath = (id: string) => `releases/${id}.html`;
export const ridPath = (id: string) => `rid/${id}.html`;
export const noticesPath = (id: string) => `notices/${id}.html`;

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** What every page says about a release when it names it. */
export interface ReleaseSummary {
  id: string;
  name: string;
  date: string;
  href: string;
  typeLabel: string;
  system: boolean;
  status: string | null;
  /** A release file exists (else only the cycle knows the release). */
  hasFile: boolean;
  cancelled: boolean;
  adhoc: boolean;
  scopeCount: number;
  approvedCount: number;
  targetedCount: number;
  /** A cut-off's date; null, with `…Na`, for one that fell before the Panel agreed to create the release (`agreed`). */
  systemsCutoff: string | null;
  documentationCutoff: string | null;
  systemsCutoffNa: boolean;
  documentationCutoffNa: boolean;
  agreed: string | null;
}

export function releaseSummary(view: ReleaseView, root: string): ReleaseSummary {
  const p = view.planned;
  const status = view.entity?.data.status ?? p.status;
  // A cut-off the calendar does not list never applied (it fell before the release was agreed): n/a, as there.
  const listed = new Set(listedMilestones(view).map((m) => m.id));
  const cutoff = (id: string) => (listed.has(id) ? (view.milestones.find((m) => m.id === id)?.date ?? null) : null);
  const na = (id: string) => !listed.has(id) && view.milestones.some((m) => m.id === id);
  const agreed = view.entity?.data.agreed;
  return {
    id: p.id,
    name: p.name,
    date: p.date,
    href: `${root}${releasePath(p.id)}`,
    typeLabel: p.kindName,
    system: p.type === 'system',
    status: status ? capital(status) : null,
    hasFile: view.entity !== undefined,
    cancelled: p.cancelled === true,
    adhoc: p.adhoc,
    scopeCount: view.scope.length,
    approvedCount: view.scope.filter((e) => e.status === 'approved').length,
    targetedCount: view.scope.filter((e) => e.status === 'targeted').length,
    systemsCutoff: cutoff('systems-cutoff'),
    documentationCutoff: cutoff('documentation-cutoff'),
    systemsCutoffNa: na('systems-cutoff'),
    documentationCutoffNa: na('documentation-cutoff'),
    agreed: isValidIsoDate(agreed) ? agreed : null,
  };
}

export interface ScopeRow {
  key: string;
  label: string;
  href: string;
  title: string;
  summary: string | null;
  approved: boolean;
  systemImpact: boolean;
  addedToScope: string | null;
  exception: string | null;
}

export interface ReleasePage {
  title: string;
  root: string;
  release: ReleaseSummary;
  weekday: string;
  moved: boolean;
  scheduledDate: string | null;
  dateReason: string | null;
  url: string | null;
  rid: { href: string; version: string | null } | null;
  /** The release's notices page: how many notices, how many issued. */
  notices: { href: string; count: number; issued: number } | null;
  /** DCC Release Notes, when recorded (`releaseNotes`). */
  releaseNotes: { href: string; title: string; published: string | null } | null;
  scope: ScopeRow[];
  scopeCount: number;
  changeRequests: { id: string; title: string; summary: string | null }[];
  /** The scope's dependencies not done yet (DEP-1). */
  waitingFor: WaitingForRow[];
  milestones: { date: string; label: string; rule: string | null; cutoff: boolean }[];
  notes: string | null;
}

export function releasePage(view: ReleaseView, hasRid: boolean, notices?: { notices: readonly unknown[]; issuedCount: number }): ReleasePage {
  const root = '../';
  const p = view.planned;
  const data = view.entity?.data;
  const scope = orderScope(view.scope).map((e): ScopeRow => ({
    key: e.key,
    label: e.part === undefined ? e.modification.id : `${e.modification.id} part ${e.part}`,
    href: `${root}modifications/${e.modification.id}.html`,
    title: e.modification.data.title,
    summary: entrySummary(e) ?? null,
    approved: e.status === 'approved',
    systemImpact: e.systemImpact,
    addedToScope: e.addedToScope ?? null,
    exception: exceptionShown(p, e, data?.agreed),
  }));
  return {
    title: p.name,
    root,
    release: releaseSummary(view, root),
    weekday: p.weekday,
    moved: p.moved,
    scheduledDate: p.scheduledDate ?? null,
    dateReason: p.dateReason ?? null,
    url: safeUrl(data?.url),
    rid: hasRid ? { href: `${root}${ridPath(p.id)}`, version: data?.rid?.version ?? null } : null,
    notices: notices ? { href: `${root}${noticesPath(p.id)}`, count: notices.notices.length, issued: notices.issuedCount } : null,
    releaseNotes: releaseNotesLink(data?.releaseNotes),
    scope,
    scopeCount: scope.length,
    changeRequests: view.changeRequests,
    waitingFor: waitingForView(view),
    milestones: listedMilestones(view).map((m: Milestone) => ({ date: m.date, label: m.label, rule: m.rule ?? null, cutoff: m.kind === 'cutoff' })),
    notes: data?.notes ?? null,
  };
}

function releaseNotesLink(notes: { url: string; title?: string; published?: string } | undefined): ReleasePage['releaseNotes'] {
  const href = safeUrl(notes?.url);
  return notes && href ? { href, title: notes.title ?? 'DCC Release Notes', published: notes.published ?? null } : null;
}
