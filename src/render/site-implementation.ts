// A modification's implementation date as its web page states it (COM-4): targeted, then approved, with the
// Policy's wording (IMP-2), the Working Days form (IMP-3), parts (SCP-6), retargets and revisions (IMP-6).
import { dccImpact } from '../domain/impact.js';
import { listReleases, type PlannedRelease } from '../domain/calendar.js';
import { addMonths, formatLong, formatWithWeekday, isValidIsoDate } from '../domain/dates.js';
import { implementationOptions, releaseHorizon } from '../domain/implementation.js';
import type { Modification } from '../domain/model.js';
import { navigatorOf } from '../domain/release-navigator.js';
import { recordedFallback } from '../domain/release-eligibility.js';
import { releaseInputs } from '../domain/releases.js';
import { lapsedDecision } from '../domain/rules/implementation.js';
import type { RepoModel } from '../domain/repository.js';
import { inRelease, workingDaysDate } from '../domain/working-days-date.js';
import { isApproved, isDecided, isTurnedDown } from '../domain/status.js';

export interface ReleaseLink {
  name: string;
  /** Null when the site has no page for it. */
  href: string | null;
  date: string | null;
}

export interface ImplementationView {
  /** One sentence: where the modification stands. */
  statement: string;
  /** The Policy's lines for a targeted modification (IMP-2), or the Working Days sentence (IMP-3). */
  wording: string[];
  fallback: ReleaseLink | null;
  parts: { part: number; release: ReleaseLink; summary: string | null }[];
  revisions: { date: string; from: ReleaseLink; to: ReleaseLink; reason: string | null }[];
  retargets: { date: string; from: ReleaseLink; to: ReleaseLink | null; reason: string | null }[];
}

export type FindPlanned = (id: string) => PlannedRelease | undefined;

/** A release id or a date, as a link to the release's page when the site has one. */
export function releaseLink(idOrDate: string, find: FindPlanned, pages: ReadonlySet<string>, root: string): ReleaseLink {
  const planned = find(idOrDate);
  if (planned) return { name: planned.name, href: pages.has(planned.id) ? `${root}releases/${planned.id}.html` : null, date: planned.date };
  return { name: isValidIsoDate(idOrDate) ? formatLong(idOrDate) : idOrDate, href: null, date: isValidIsoDate(idOrDate) ? idOrDate : null };
}

function wordingFor(model: RepoModel, m: Modification, release: PlannedRelease): { lines: string[]; fallbackId?: string } {
  if (!m.leadTime) return { lines: [] };
  const releases = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), ...releaseHorizon(release.date) }).releases;
  const decision = m.decision?.date ?? m.decision?.expected;
  const windowEnd = m.decision?.referralWindowEnd;
  const result = implementationOptions({
    leadTime: m.leadTime,
    systemImpact: dccImpact(m),
    release: release.id,
    releases,
    holidays: model.config.holidays,
    ...(decision ? { decision } : {}),
    // Self-Governance counts Working Days from the end of the referral window (IMP-3).
    ...(m.governance === 'self-governance' ? { selfGovernance: windowEnd ? { referralWindowEnd: windowEnd } : {} } : {}),
  });
  if (result.form === 'working-days') return { lines: [result.date ? `${result.sentence}: ${formatWithWeekday(result.date)}.` : `${result.sentence}.`] };
  const lines = [...result.lines];
  // A decision expected after the primary's decision-by date closes that window: the page does not present it as open.
  const expected = m.decision?.date ? undefined : m.decision?.expected;
  if (result.primary && isValidIsoDate(expected) && expected > result.primary.decisionBy) {
    lines[0] = lines[0]!.replace(/(; or|\.)$/, ` (closed: the decision is expected on ${formatLong(expected)}, after this date)$1`);
  }
  return result.fallback ? { lines, fallbackId: result.fallback.release.id } : { lines };
}

/** The decision-by date of the release a targeted modification names, when its expected decision comes after it. */
function closedBy(m: Modification, release: PlannedRelease): string | undefined {
  const months = m.leadTime ? /^(\d{1,4})m$/.exec(m.leadTime.trim())?.[1] : undefined;
  const expected = m.decision?.expected;
  if (!months || m.decision?.date || !isValidIsoDate(expected)) return undefined;
  const by = addMonths(release.date, -Number(months));
  return expected > by ? by : undefined;
}

function statementFor(m: Modification, current: ReleaseLink | null, explicitDate: string | undefined): string {
  const when = explicitDate ? formatWithWeekday(explicitDate) : current?.date ? formatWithWeekday(current.date) : null;
  const where = current ? `the ${current.name}` : 'no release yet';
  switch (m.status) {
    case 'rejected':
      return 'Rejected: it will not be implemented.';
    case 'withdrawn':
      // Withdrawn after Parties were told of its approval (COM-4: the page keeps the date they were given).
      return isValidIsoDate(m.notices?.approval)
        ? `Withdrawn after its approval: it will not be implemented. The notice of its approval, issued on ${formatLong(m.notices.approval)}, ` +
            `gave ${current ? `implementation in ${where}${when ? ` on ${when}` : ''}` : 'an implementation date'}.`
        : 'Withdrawn: it will not be implemented.';
    case 'implemented':
      return current ? `Implemented in ${where}${when ? ` on ${when}` : ''}.` : 'Implemented.';
    case 'approved':
      return current ? `Approved for implementation in ${where}${when ? ` on ${when}` : ''}.` : 'Approved; no implementation release is recorded yet.';
    default:
      return current ? `Targeted at ${where}${when ? `, going live on ${when}` : ''}; not yet approved.` : 'Not yet targeted at a release.';
  }
}

export function implementationView(model: RepoModel, m: Modification, find: FindPlanned, pages: ReadonlySet<string>, root: string): ImplementationView {
  const link = (id: string) => releaseLink(id, find, pages, root);
  const impl = m.implementation;
  const parts = (m.parts ?? []).map((p) => ({ part: p.part, release: link(p.release), summary: p.summary ?? null }));
  const current = impl?.release ? link(impl.release) : null;
  const view: ImplementationView = {
    statement: parts.length > 0 ? `Delivered in ${parts.length} parts, each in its own release.` : statementFor(m, current, impl?.date),
    wording: [],
    // Withdrawn or rejected, it goes live nowhere: no fall-back either.
    fallback: impl?.fallback && !isTurnedDown(m.status) ? link(impl.fallback) : null,
    parts,
    revisions: (impl?.revisions ?? []).map((r) => ({ date: r.date, from: link(r.from), to: link(r.to), reason: r.reason ?? null })),
    retargets: (impl?.retargets ?? []).map((r) => ({ date: r.date, from: link(r.from), to: r.to ? link(r.to) : null, reason: r.reason ?? null })),
  };
  const own = inRelease(m) ? undefined : ownDate(model, m);
  if (own) Object.assign(view, own);
  const lapsed = current && parts.length === 0 ? lapsedDecision(navigatorOf(model), m) : undefined;
  if (lapsed && current) view.statement = `${lapsed} Its file still names the ${current.name}.`;
  const planned = impl?.release ? find(impl.release) : undefined;
  const decided = isDecided(m.status);
  const closed = planned && parts.length === 0 && !decided ? closedBy(m, planned) : undefined;
  if (closed && planned) {
    // A recorded fall-back that may not hold it (IMP-4) is no fall-back: the page does not send it there.
    const named = recordedFallback(find, m);
    const fb = named?.ineligible
      ? ` it needs a later release (its recorded fall-back, the ${named.release.name}, ${named.ineligible})`
      : view.fallback
        ? ` the fall-back (${view.fallback.name}) applies unless the decision comes sooner`
        : ' it needs a later release';
    view.statement =
      `Targeted at the ${planned.name}, but its decision is expected on ${formatLong(m.decision!.expected!)}, ` +
      `after that release's decision-by date (${formatLong(closed)}):${fb}.`;
  }
  if (planned && parts.length === 0 && !decided) {
    const { lines, fallbackId } = wordingFor(model, m, planned);
    // The Policy's lines name the next eligible release as the fall-back; a file naming another says otherwise.
    if (!impl?.fallback || impl.fallback === fallbackId) view.wording = lines;
  }
  return view;
}

/**
 * A Working Days lead time with no release: the modification goes live on a date of its own, counted from
 * the decision (Self-Governance: from the end of the referral window), IMP-3. The file's implementation.date wins.
 */
function ownDate(model: RepoModel, m: Modification): Pick<ImplementationView, 'statement' | 'wording'> | undefined {
  const wd = workingDaysDate(m, model.config.holidays);
  if (!wd || isTurnedDown(m.status)) return undefined;
  const recorded = m.implementation?.date;
  const date = isValidIsoDate(recorded) ? recorded : wd.date;
  const from = wd.start
    ? ` (${wd.start.kind === 'decision' ? 'the decision' : 'the end of the Self-Governance referral window'} on ${formatLong(wd.start.date)})`
    : '';
  if (!date) {
    const decided = isApproved(m.status);
    return {
      statement: decided
        ? `Approved: it goes live ${wd.sentence}, on its own date rather than with a release; the date follows once ${m.governance === 'self-governance' ? 'the end of the referral window' : 'the decision date'} is recorded.`
        : `Not yet decided: if approved, it goes live ${wd.sentence}, on its own date rather than with a release.`,
      wording: [`${wd.sentence}.`],
    };
  }
  const when = formatWithWeekday(date);
  return {
    statement:
      m.status === 'implemented'
        ? `Implemented on ${when}, ${wd.sentence}${from}.`
        : `Approved for implementation on ${when}, ${wd.sentence}${from}, on its own date rather than with a release.`,
    wording: [`${wd.sentence}: ${when}.`],
  };
}
