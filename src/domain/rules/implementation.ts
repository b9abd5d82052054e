// Implementation-date rules: a decision after the fall-back window leaves no valid date (IMP-5); an
// Authority-approved revision supersedes the original date, both stay in the record, and Parties are told (IMP-6).
import { compare, isValidIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { NO_VALID_DATE, decisionWindow, type DecisionWindow } from '../decision-window.js';
import { parseLeadTime } from '../implementation.js';
import type { Modification } from '../model.js';
import { findingAt, type Entity } from '../repository.js';
import type { PlannedRelease } from '../calendar.js';
import type { ReleaseNavigator } from '../release-navigator.js';
import { decisionOptions, type DecisionOption, type Rule, type RuleContext } from './context.js';
import { passedDecisionBy } from './decision-by.js';
import { eligibleFallback } from './fallback.js';
import { workingDaysDate, type WorkingDaysDate } from '../working-days-date.js';
import { fieldFinding, long } from './support.js';
import { revisionNoticeFindings } from './revision-notice.js';
import { isApproved } from '../status.js';

export const decisionAfterWindow: Rule = {
  id: 'IMP-5',
  title: 'a decision to approve falls within the window of the release the modification names',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const f = decisionFinding(ctx, m);
      if (f) out.push(f);
    }
    return out;
  },
};

/** IMP-5's reading of an approved modification's decision against the windows of the release it names (decisionOptions'). */
interface DecisionReading extends ReturnType<typeof decisionOptions> {
  decided: string;
  release: PlannedRelease;
  window: DecisionWindow<DecisionOption>;
}

/** Undefined when IMP-5 has nothing to say: not approved, no decision date or months lead time, a revision since, or no such release. */
function readDecision(nav: ReleaseNavigator, m: Modification): DecisionReading | undefined {
  const { decision, implementation: impl, leadTime } = m;
  const decided = decision?.date;
  if (!isApproved(m.status) || !isValidIsoDate(decided) || !impl?.release || !leadTime) return undefined;
  const lead = parseLeadTime(leadTime);
  if (lead?.unit !== 'months') return undefined; // A Working Days lead time counts from the decision: it has no window.
  // An Authority-approved revision after the decision gives the modification its new, valid date (IMP-6).
  if ((impl.revisions ?? []).some((r) => isValidIsoDate(r.date) && compare(r.date, decided) >= 0)) return undefined;
  const release = nav.planned(impl.release);
  if (!release || release.cancelled) return undefined;
  const options = decisionOptions(nav, release, m, lead.amount);
  return { decided, release, ...options, window: decisionWindow(decided, options.primary, options.fallback) };
}

/** Why the windows were missed, or undefined when the decision fell in one. */
function closedWindows(r: DecisionReading): string | undefined {
  if (r.window.window !== 'none') return undefined;
  return r.fallback
    ? `the fall-back window closed on ${long(r.fallback.decisionBy)} (${r.fallback.release.name})`
    : `the decision-by date for the ${r.release.name} was ${long(r.primary.decisionBy)} and there is no fall-back`;
}

/**
 * IMP-5 for documents: when a modification was approved after every window, the sentence that says so
 * ("Approved on …, but the fall-back window closed on …: it has no valid implementation date …"), so that a
 * notice, the RID and the site give it no date it does not have.
 */
export function lapsedDecision(nav: ReleaseNavigator, m: Modification): string | undefined {
  const r = readDecision(nav, m);
  const closed = r && closedWindows(r);
  return closed && `Approved on ${long(r.decided)}, but ${closed}: it has ${NO_VALID_DATE} (IMP-5).`;
}

/** Why the fall-back is not the one the file names ('; its recorded fall-back, the …, is a Documentation Release, …'), or ''. */
function passedOverWords(r: DecisionReading): string {
  const p = r.passedOver;
  return p ? `; its recorded fall-back, the ${p.release.name} (${p.release.id}), ${p.ineligible}, so the fall-back is the next release that may hold it` : '';
}

function decisionFinding(ctx: RuleContext, m: Entity<Modification>): Finding | undefined {
  const r = readDecision(ctx, m.data);
  if (!r || compare(r.decided, r.primary.decisionBy) <= 0) return undefined;
  const { release, decided, window } = r;
  const impl = m.data.implementation!;
  const ids = { modification: m.id, release: release.id };
  if (window.window === 'fallback') {
    const fb = window.option.release;
    return findingAt(
      m,
      ['implementation', 'release'],
      'IMP-5',
      'warning',
      `${m.id} was approved on ${long(decided)}, after the decision-by date for the ${release.name} (${long(r.primary.decisionBy)}), ` +
        `so the fall-back applies${passedOverWords(r)}: set implementation.release to ${fb.id} (${long(fb.date)}, ${fb.name}), or, if the Authority approved ` +
        `a revised date keeping it in the ${release.name}, record that under implementation.revisions (IMP-6)` +
        // A scope exception (SCP-2) lets it into the scope after the cut-off; the date still follows the decision.
        (impl.exception?.trim() ? `; the scope exception recorded lets it into the scope after the cut-off, but does not change its implementation date` : ''),
      ids,
    );
  }
  return findingAt(
    m,
    ['decision', 'date'],
    'IMP-5',
    'error',
    `${m.id} was approved on ${long(decided)}, but ${closedWindows(r)!}${passedOverWords(r)}: it has ${NO_VALID_DATE}; ` +
      'record that under implementation.revisions',
    ids,
  );
}

export const revisedDates: Rule = {
  id: 'IMP-6',
  title: 'an Authority-approved revised date supersedes the original, the record keeps both, and Parties are told of it',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) out.push(...revisionFindings(m), ...revisionNoticeFindings(ctx, m));
    return out;
  },
};

function revisionFindings(m: Entity<Modification>): Finding[] {
  const impl = m.data.implementation;
  const revisions = (impl?.revisions ?? []).map((r, index) => ({ r, index })).filter(({ r }) => isValidIsoDate(r.date));
  if (!impl || revisions.length === 0) return [];
  const ids = impl.release ? { modification: m.id, release: impl.release } : { modification: m.id };
  const out: Finding[] = [];
  if (!isApproved(m.data.status)) {
    out.push(
      findingAt(
        m,
        ['implementation', 'revisions'],
        'IMP-6',
        'warning',
        `${m.id} is not approved, yet records Authority-approved revisions of its implementation date: ` +
          'record a change of target before the decision under implementation.retargets instead',
        { ...ids, where: 'key' },
      ),
    );
    return out;
  }
  const decided = m.data.decision?.date;
  const ordered = [...revisions].sort((a, b) => compare(a.r.date, b.r.date) || a.index - b.index);
  ordered.forEach(({ r, index }, i) => {
    if (isValidIsoDate(decided) && compare(r.date, decided) < 0) {
      out.push(
        findingAt(
          m,
          ['implementation', 'revisions', index, 'date'],
          'IMP-6',
          'warning',
          `The revision dated ${long(r.date)} is before the decision (${long(decided)}): the Authority revises approved dates only; ` +
            'move a change of target before the decision to implementation.retargets',
          ids,
        ),
      );
    }
    const previous = ordered[i - 1];
    if (previous && previous.r.to !== r.from) {
      out.push(
        findingAt(
          m,
          ['implementation', 'revisions', index, 'from'],
          'IMP-6',
          'warning',
          `This revision moves ${m.id} from ${r.from}, but the revision before it (${long(previous.r.date)}) moved it to ${previous.r.to}: ` +
            'keep every revision in the record, in order, each starting where the last one ended',
          ids,
        ),
      );
    }
  });
  const latest = ordered[ordered.length - 1]!.r;
  const isDate = isValidIsoDate(latest.to);
  const current = isDate ? impl.date : impl.release;
  // A modification delivered in parts names its releases per part: the whole-modification check does not apply.
  if ((m.data.parts ?? []).length === 0 && current !== latest.to) {
    const field = isDate ? 'date' : 'release';
    out.push(
      fieldFinding(
        m,
        ['implementation', field],
        'IMP-6',
        'error',
        `The Authority's latest revision (${long(latest.date)}) moved ${m.id} to ${latest.to}, which supersedes the original, ` +
          `but implementation.${field} says ${current ?? 'nothing'}: set implementation.${field} to ${latest.to} and keep the revision in the record`,
        ids,
      ),
    );
  }
  return out;
}

export const workingDaysDateRule: Rule = {
  id: 'IMP-3',
  title: 'a Working Days lead time gives the implementation date, counted from the decision (Self-Governance: the end of the referral window)',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const wd = workingDaysDate(m.data, ctx.model.config.holidays, ctx.asOf);
      const inOne = wd && inReleaseFinding(ctx, m, wd);
      if (inOne) out.push(inOne);
      const recorded = m.data.implementation?.date;
      // An Authority-approved revision supersedes the computed date (IMP-6 checks it).
      if (!wd?.date || !wd.start || !isValidIsoDate(recorded) || recorded === wd.date || (m.data.implementation?.revisions ?? []).length > 0) continue;
      const from = wd.start.kind === 'decision' ? 'the decision' : 'the end of the Self-Governance referral window';
      out.push(
        findingAt(
          m,
          ['implementation', 'date'],
          'IMP-3',
          'error',
          `${m.id}'s implementation.date is ${long(recorded)}, but ${wd.sentence} (${from} on ${long(wd.start.date)}) is ${long(wd.date)}: ` +
            `set implementation.date to ${wd.date}, or record the Authority's revision under implementation.revisions`,
          { modification: m.id },
        ),
      );
    }
    return out;
  },
};

/**
 * A Working Days modification placed in a release has two implementation dates: its own, counted from the
 * decision, and the release's go-live. secrel goes by the release (its scope, notices and pages say so);
 * the warning says which two dates disagree and how to make the record say one.
 */
function inReleaseFinding(ctx: RuleContext, m: Entity<Modification>, wd: WorkingDaysDate): Finding | undefined {
  const id = m.data.implementation?.release ?? m.data.parts?.[0]?.release;
  const release = id === undefined ? undefined : ctx.planned(id);
  if (!release || !wd.date || !wd.start || wd.date === release.date) return undefined;
  const from = wd.start.kind === 'decision' ? 'the decision' : 'the end of the Self-Governance referral window';
  return findingAt(
    m,
    ['leadTime'],
    'IMP-3',
    'warning',
    `${m.id} has a ${m.data.leadTime} lead time, which implements it on ${long(wd.date)} (${wd.sentence}: ${from} on ${long(wd.start.date)}), ` +
      `but it is in the ${release.name}, going live on ${long(release.date)}: secrel goes by the release. If the release is right, give the ` +
      `lead time the Modification Report sets for it (a months lead time such as 3m); if the Working Days date is, take it out of the release (implementation.release)`,
    { modification: m.id, release: release.id },
  );
}

export const IMPLEMENTATION_RULES: readonly Rule[] = [passedDecisionBy, workingDaysDateRule, eligibleFallback, decisionAfterWindow, revisedDates];
