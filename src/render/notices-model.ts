// View models of the communication strategy's notices: the approval notice of a modification (COM-1),
// the 12-month and 6-month notices with cut-off dates and scope (COM-2), and the one-month notice (COM-3).
import { addDays, addMonths, formatLong, isWithin } from '../domain/dates.js';
import { dccImpact, impactOf } from '../domain/impact.js';
import { describeFreeze, freezeOn } from '../domain/freezes.js';
import type { Governance, Modification } from '../domain/model.js';
import { navigatorOf } from '../domain/release-navigator.js';
import { releaseFinder, type ReleaseView } from '../domain/releases.js';
import { lapsedDecision } from '../domain/rules/implementation.js';
import type { RepoModel } from '../domain/repository.js';
import { joinedBy } from '../domain/scope-on-date.js';
import { workingDaysImplementations } from '../domain/working-days-date.js';
import { releaseCutoffs, type Cutoffs } from './cutoffs.js';
import { safeUrl } from './escape.js';
import { impactsView, type ImpactList } from './rid-impacts.js';
import { scopeView, type ScopeView } from './rid-scope.js';

export interface NoticeRelease {
  id: string;
  name: string;
  date: string;
  typeLabel: string;
  system: boolean;
  url: string | null;
  ridVersion: string | null;
}

export interface ApprovalNotice {
  /** Null for a Working Days modification, which goes live on its own date rather than with a release. */
  release: NoticeRelease | null;
  /** A Working Days lead time: "10 Working Days following the end of the Self-Governance referral window on 24 March 2027". */
  workingDays: string | null;
  /** `userSystems`: it changes User Systems only (`systemImpact: user`), not the DCC's and not only documents. */
  modification: { id: string; title: string; summary: string | null; url: string | null; systemImpact: boolean; userSystems: boolean };
  /** "the Authority", "the Change Board", "the Panel"; null when the governance route is not recorded. */
  approvedBy: string | null;
  decisionDate: string | null;
  /** Self-Governance: the end of the referral window, when the Change Board's approval became final (null end: not recorded); null for any other route. */
  referralWindow: { end: string | null } | null;
  implementationDate: string;
  part: number | null;
  partCount: number;
  /** A modification delivered in parts: each other part, with the release it goes live in (SCP-6). */
  otherParts: { part: number; release: string; date: string | null }[];
  /** A Working Days date inside a change freeze (CAL-6): why the date cannot stand, for the notice to say. */
  freeze: string | null;
  /** Approved after every decision window (IMP-5): the sentence that says it has no valid date, which the notice gives instead of one. */
  noValidDate: string | null;
}

export interface ScopeNotice {
  release: NoticeRelease;
  months: number;
  noticeDate: string;
  cutoffs: Cutoffs;
  scope: ScopeView;
}

export interface OneMonthNotice {
  release: NoticeRelease;
  noticeDate: string;
  scope: ScopeView;
  parties: ImpactList[];
  /** Timetable events from the notice to the day before go-live (the go/no-go decision, say). */
  keyDates: { date: string; event: string }[];
}

// Who approves on each SEC route. Another code's Authority routes are the Authority's too; who decides its
// other routes (a Panel, a Party vote) is not named: the notice says "a decision was made to approve".
const APPROVERS: Readonly<Record<Governance, string> & Partial<Record<string, string>>> = {
  authority: 'the Authority',
  'authority-led': 'the Authority',
  'self-governance': 'the Change Board',
  'fast-track': 'the Panel',
};

/** A notice's facts about the modification it is about (approval, Working Days and revision notices alike). */
export function noticeModification(m: Modification): ApprovalNotice['modification'] {
  return { id: m.id, title: m.title, summary: m.summary ?? null, url: safeUrl(m.url), systemImpact: dccImpact(m), userSystems: impactOf(m) === 'user' };
}

function approverOf(config: RepoModel['config'], governance: string | undefined): string | null {
  if (!governance) return null;
  if (config.code === 'sec' || governance === 'authority' || governance === 'authority-led') return APPROVERS[governance] ?? null;
  return null;
}

export function noticeRelease(view: ReleaseView): NoticeRelease {
  const data = view.entity?.data;
  const system = view.planned.type === 'system';
  return {
    id: view.planned.id,
    name: view.planned.name,
    date: view.planned.date,
    typeLabel: view.planned.kindName,
    system,
    url: safeUrl(data?.url),
    ridVersion: data?.rid?.version ?? null,
  };
}

/**
 * One approval notice per approved modification (or part) in the release's scope. The model names the releases
 * of a modification's other parts: one decision approved them all, and each part's notice says where the rest go.
 * `on`: the day the notice stands on (its issue date), so that a part added to the scope since is not counted.
 */
export function approvalNotices(view: ReleaseView, model: RepoModel, on?: string): ApprovalNotice[] {
  const release = noticeRelease(view);
  const find = releaseFinder(model);
  const nav = navigatorOf(model);
  return view.scope
    .filter((e) => e.status === 'approved')
    .map((e) => {
      const m = e.modification.data;
      const parts = (m.parts ?? []).filter((p) => on === undefined || joinedBy(p.addedToScope ?? m.implementation?.addedToScope, on));
      return {
        release,
        workingDays: null,
        modification: noticeModification(m),
        approvedBy: approverOf(model.config, m.governance),
        decisionDate: m.decision?.date ?? null,
        referralWindow: referralWindowOf(m),
        implementationDate: (e.part === undefined ? m.implementation?.date : undefined) ?? view.planned.date,
        part: e.part ?? null,
        partCount: parts.length,
        otherParts: (e.part === undefined ? [] : parts)
          .filter((p) => p.part !== e.part)
          .map((p) => {
            const r = find(p.release);
            return { part: p.part, release: r?.name ?? p.release, date: r?.date ?? null };
          }),
        freeze: null,
        noValidDate: (e.part === undefined ? lapsedDecision(nav, m) : undefined) ?? null,
      };
    });
}

/** The approval notices of the Working Days modifications that go live on their own date (IMP-3, COM-1). */
export function workingDaysApprovalNotices(model: RepoModel): ApprovalNotice[] {
  const byId = new Map(model.modifications.map((m) => [m.id, m.data]));
  return workingDaysImplementations(model.modifications, model.config.holidays).flatMap((w) => {
    const m = byId.get(w.id)!;
    if (w.date === undefined) return [];
    const from =
      w.recorded || !w.start
        ? ''
        : ` (${w.start.kind === 'decision' ? 'the decision' : 'the end of the Self-Governance referral window, when the approval became final,'} on ${formatLong(w.start.date)})`;
    return [
      {
        release: null,
        workingDays: `${w.sentence}${from}`,
        modification: noticeModification(m),
        approvedBy: approverOf(model.config, m.governance),
        decisionDate: m.decision?.date ?? null,
        referralWindow: referralWindowOf(m),
        implementationDate: w.date,
        part: null,
        partCount: 0,
        otherParts: [],
        freeze: freezeNote(model, w.date),
        noValidDate: null,
      },
    ];
  });
}

function referralWindowOf(m: Modification): ApprovalNotice['referralWindow'] {
  return m.governance === 'self-governance' ? { end: m.decision?.referralWindowEnd ?? null } : null;
}

function freezeNote(model: RepoModel, date: string): string | null {
  const f = freezeOn(model.config.freezes, date);
  return f ? `${formatLong(date)} is inside the change freeze ${describeFreeze(f)}, when nothing may be implemented (CAL-6): the date has to change` : null;
}

export function scopeNotice(model: RepoModel, view: ReleaseView, months: 12 | 6): ScopeNotice {
  return {
    release: noticeRelease(view),
    months,
    noticeDate: addMonths(view.planned.date, -months),
    cutoffs: releaseCutoffs(view),
    scope: scopeView(model, view.planned.id, view.entity, view.scope),
  };
}

export function oneMonthNotice(model: RepoModel, view: ReleaseView): OneMonthNotice {
  const noticeDate = addMonths(view.planned.date, -1);
  return {
    release: noticeRelease(view),
    noticeDate,
    scope: scopeView(model, view.planned.id, view.entity, view.scope),
    parties: impactsView(view.scope, model.config.partyCategories, {}).parties,
    keyDates: view.milestones
      .filter((m) => m.kind === 'event' && isWithin(m.date, noticeDate, addDays(view.planned.date, -1)))
      .map((m) => ({ date: m.date, event: m.label })),
  };
}
