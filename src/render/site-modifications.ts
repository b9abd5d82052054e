// The site's modifications: a page per modification and the Modifications Register's rows (COM-4).
import { impactLabel, impactOf as impactKind } from '../domain/impact.js';
import { findRelease } from '../domain/calendar.js';
import type { Modification } from '../domain/model.js';
import type { NamedId } from '../domain/presets.js';
import { ownValue } from '../domain/records.js';
import { navigatorOf } from '../domain/release-navigator.js';
import { releaseInputs } from '../domain/releases.js';
import { lapsedDecision } from '../domain/rules/implementation.js';
import type { Entity, RepoModel } from '../domain/repository.js';
import { scopeEntriesOf } from '../domain/scope.js';
import { inRelease, workingDaysDate, workingDaysImplementations } from '../domain/working-days-date.js';
import { prose } from './helpers.js';
import { safeUrl } from './escape.js';
import { implementationView, releaseLink, type FindPlanned, type ImplementationView, type ReleaseLink } from './site-implementation.js';
import { isTurnedDown } from '../domain/status.js';

export const modificationPath = (id: string) => `modifications/${id}.html`;

const STATUS: Record<string, string> = {
  raised: 'Raised',
  development: 'Development Stage',
  refinement: 'Refinement Process',
  report: 'Report Phase',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  implemented: 'Implemented',
};
const DCC_AREAS: Record<string, string> = {
  csp: 'Communications Service Providers',
  dsp: 'Data Service Provider',
  governance: 'Governance',
  operations: 'Operations',
  security: 'Security',
  other: 'Other',
};
export const NOT_RECORDED = 'Not recorded';

/** A value, its label, and how the register sorts it (empty: not recorded, sorted last). */
export interface Labelled {
  key: string;
  label: string;
  sort: string;
}

const NONE: Labelled = { key: 'none', label: NOT_RECORDED, sort: '' };
const ORDER = Object.keys(STATUS);

export const statusOf = (m: Modification): Labelled =>
  m.status ? { key: m.status, label: STATUS[m.status] ?? m.status, sort: String(ORDER.indexOf(m.status) + 10) } : NONE;
/** A modification's governance route, named as its code names it (the config's `governanceRoutes`, else the preset's). */
export const governanceOf = (m: Modification, routes: readonly NamedId[]): Labelled => {
  if (!m.governance) return NONE;
  const label = routes.find((r) => r.id === m.governance)?.name ?? m.governance;
  return { key: m.governance, label, sort: label };
};
export const impactOf = (m: Modification): Labelled => {
  if (m.systemImpact === undefined) return NONE;
  const impact = impactKind(m);
  const label = impactLabel(impact);
  return { key: impact === 'dcc' ? 'yes' : impact === 'user' ? 'user' : 'no', label, sort: label };
};

/** Every status, governance route and impact in the order the register's filters list them. */
export const STATUS_KEYS = ORDER;

export interface SiteContext {
  model: RepoModel;
  find: FindPlanned;
  /** Releases that have a page. */
  pages: ReadonlySet<string>;
}

export function siteContext(model: RepoModel, pages: ReadonlySet<string>): SiteContext {
  const files = releaseInputs(model);
  return { model, pages, find: (id) => findRelease(id, { cycle: model.config.cycle, files }) };
}

export interface InRelease extends ReleaseLink {
  id: string;
  part: number | null;
  /** "part 1, approved", or "targeted". */
  role: string;
}

/** The releases a modification is in: one per part, else its release (the fall-back shows on its page). */
function releasesOf(ctx: SiteContext, m: Entity<Modification>, root: string): InRelease[] {
  return scopeEntriesOf(m).map((e) => ({
    id: e.release,
    ...releaseLink(e.release, ctx.find, ctx.pages, root),
    part: e.part ?? null,
    role: `${e.part === undefined ? '' : `part ${e.part}, `}${e.status === 'approved' ? 'approved' : 'targeted'}`,
  }));
}

export interface RegisterRow {
  id: string;
  href: string;
  title: string;
  status: Labelled;
  governance: Labelled;
  impact: Labelled;
  releases: InRelease[];
  releaseKeys: string;
  /** For sorting by release: the first release's go-live date (a Working Days modification's own date), or empty. */
  goLive: string;
  /** A Working Days modification with no release: the date it goes live on once decided (IMP-3). */
  ownDate: { date: string | null; sentence: string } | null;
  /** The implementation date in each release, or its own (Policy section 9); none for a rejected or withdrawn one. */
  implementation: { date: string; part: number | null; approved: boolean }[];
  /** Its page on the SEC website. */
  url: string | null;
  /** Lower-case text the register's search box matches. */
  search: string;
}

/**
 * The date it goes live in each of its releases: an explicit `implementation.date` (not for parts), else the
 * release's go-live; a Working Days modification in no release, its own date once it has one.
 */
function implementationDates(
  model: RepoModel,
  m: Modification,
  releases: readonly InRelease[],
  ownDate: RegisterRow['ownDate'],
): RegisterRow['implementation'] {
  // Rejected or withdrawn, or approved after every decision window (IMP-5): no date it does not have.
  if (m.status === 'rejected' || m.status === 'withdrawn' || lapsedDecision(navigatorOf(model), m) !== undefined) return [];
  if (releases.length === 0) return ownDate?.date ? [{ date: ownDate.date, part: null, approved: m.status === 'approved' || m.status === 'implemented' }] : [];
  return releases.flatMap((r) => {
    const date = (r.part === null ? m.implementation?.date : undefined) ?? r.date;
    return date ? [{ date, part: r.part, approved: r.role.endsWith('approved') }] : [];
  });
}

export function registerRow(ctx: SiteContext, m: Entity<Modification>): RegisterRow {
  const releases = releasesOf(ctx, m, '');
  const status = statusOf(m.data);
  const ownDate = ownDateOf(ctx, m);
  return {
    id: m.id,
    href: modificationPath(m.id),
    title: m.data.title,
    status,
    governance: governanceOf(m.data, ctx.model.config.governanceRoutes),
    impact: impactOf(m.data),
    releases,
    releaseKeys: releases.map((r) => r.id).join(' '),
    goLive: releases.map((r) => r.date ?? '').sort()[0] ?? ownDate?.date ?? '',
    ownDate,
    implementation: implementationDates(ctx.model, m.data, releases, ownDate),
    url: safeUrl(m.data.url),
    search: [m.id, m.data.title, m.data.summary ?? '', ...releases.map((r) => r.name)].join(' ').toLowerCase(),
  };
}

/** The register's date for a Working Days modification in no release: computed once approved, else its lead time. */
function ownDateOf(ctx: SiteContext, m: Entity<Modification>): RegisterRow['ownDate'] {
  const closed = isTurnedDown(m.data.status);
  if (closed || inRelease(m.data)) return null;
  const approved = workingDaysImplementations([m], ctx.model.config.holidays)[0];
  if (approved) return { date: approved.date ?? null, sentence: approved.sentence };
  const wd = workingDaysDate(m.data, ctx.model.config.holidays);
  return wd ? { date: null, sentence: wd.sentence } : null;
}

export interface ModificationPage {
  title: string;
  root: string;
  id: string;
  name: string;
  summary: string | null;
  url: string | null;
  status: Labelled;
  governance: Labelled;
  impact: Labelled;
  techSpecs: string | null;
  leadTime: string | null;
  decision: { expected: string | null; date: string | null; referralWindowEnd: string | null };
  dependsOn: string | null;
  implementation: ImplementationView;
  releases: InRelease[];
  parties: { name: string; text: string }[];
  dcc: { name: string; text: string }[];
  hasImpacts: boolean;
  otherCodes: string | null;
  documents: string | null;
  notes: string | null;
}

function leadTimeLabel(text: string | undefined): string | null {
  const match = text ? /^(\d+)(m|wd)$/.exec(text) : null;
  if (!match) return text ?? null;
  const n = Number(match[1]);
  return match[2] === 'm' ? `${n} ${n === 1 ? 'month' : 'months'}` : `${n} Working ${n === 1 ? 'Day' : 'Days'}`;
}

export function modificationPage(ctx: SiteContext, m: Entity<Modification>): ModificationPage {
  const root = '../';
  const d = m.data;
  const impacts = d.impacts;
  const otherCodes = impacts?.otherCodes;
  const parties = ctx.model.config.partyCategories.flatMap((c) => {
    const text = impacts?.parties?.[c.id as keyof NonNullable<typeof impacts.parties>];
    return text ? [{ name: c.name, text }] : [];
  });
  const dcc = Object.entries(impacts?.dcc ?? {}).map(([area, text]) => ({ name: ownValue(DCC_AREAS, area) ?? area, text: text ?? '' }));
  return {
    title: `${m.id}: ${d.title}`,
    root,
    id: m.id,
    name: d.title,
    summary: d.summary ?? null,
    url: safeUrl(d.url),
    status: statusOf(d),
    governance: governanceOf(d, ctx.model.config.governanceRoutes),
    impact: impactOf(d),
    techSpecs: d.techSpecs ? (d.techSpecs.length > 0 ? prose(d.techSpecs) : 'None') : null,
    leadTime: leadTimeLabel(d.leadTime),
    decision: { expected: d.decision?.expected ?? null, date: d.decision?.date ?? null, referralWindowEnd: d.decision?.referralWindowEnd ?? null },
    dependsOn: d.dependsOn && d.dependsOn.length > 0 ? prose(d.dependsOn.map((e) => (typeof e === 'string' ? e : e.id))) : null,
    implementation: implementationView(ctx.model, d, ctx.find, ctx.pages, root),
    releases: releasesOf(ctx, m, root),
    parties,
    dcc,
    hasImpacts: parties.length > 0 || dcc.length > 0,
    otherCodes: otherCodes === undefined ? null : otherCodes.length > 0 ? prose(otherCodes) : 'None',
    documents: d.documents && d.documents.length > 0 ? prose(d.documents) : null,
    notes: d.notes ?? null,
  };
}
