// What an assumption changes (`plan --assume`): the same model with and without it, compared through the same
// rules `check` runs, so an answer is never different from what `check` says once the assumption is recorded.
import { compare, formatLong, isValidIsoDate, type IsoDate } from './dates.js';
import { compareFindings, type Finding } from './findings.js';
import { decisionWindow } from './decision-window.js';
import { parseLeadTime } from './implementation.js';
import { builtInMilestones } from './milestones.js';
import type { Assumption } from './assumptions.js';
import type { RepoModel } from './repository.js';
import { buildRuleContext, decisionOptions, type RuleContext } from './rules/context.js';
import { impactLookup, scopeItems } from './rules/rid.js';
import { diffRepositories } from './scope-diff.js';
import { scopeByRelease } from './scope.js';
import { baselineCoverage, baselinedMovement, isEmpty, nextVersion, scopeMovement } from './versioning.js';
import { addWorkingDays } from './working-days.js';
import { approvalFinal } from './rules/notices.js';
import { isTurnedDown } from './status.js';

export type WhatIfChange =
  /** Which release an assumed modification lands in, and through which window (IMP-1, IMP-5). */
  | { kind: 'lands'; modification: string; release: string; window: 'primary' | 'fallback' | 'none' | 'undated'; text: string }
  /** A scope, status or date change of a release, as `secrel diff` words it. */
  | { kind: 'release'; release?: string; text: string }
  /** The RID version the release would move to (RID-1). */
  | { kind: 'rid'; release: string; from: string; to: string; text: string }
  /** A notice that becomes due, or moves (COM-1..3). */
  | { kind: 'notice'; release?: string; modification?: string; date: IsoDate; text: string }
  /** A finding `check` would report only with the assumptions (`new`) or only without them (`resolved`). */
  | { kind: 'finding'; change: 'new' | 'resolved'; finding: Finding; text: string };

export interface WhatIfInput {
  before: RepoModel;
  after: RepoModel;
  assumptions: readonly Assumption[];
  asOf: IsoDate;
  findingsBefore: readonly Finding[];
  findingsAfter: readonly Finding[];
}

export function whatIf(input: WhatIfInput): WhatIfChange[] {
  const ctx = buildRuleContext(input.after, input.asOf);
  const out: WhatIfChange[] = [];
  for (const a of input.assumptions) if (a.target === 'modification') out.push(...landing(ctx, a.id));
  const diffs = diffRepositories(input.before, input.after);
  for (const d of diffs) {
    for (const line of d.lines) out.push(d.release ? { kind: 'release', release: d.release, text: `${d.release}: ${line}` } : { kind: 'release', text: line });
  }
  const changed = new Set(diffs.flatMap((d) => (d.release ? [d.release] : [])));
  out.push(...ridMoves(input.before, input.after, changed), ...notices(input, ctx), ...findingChanges(input.findingsBefore, input.findingsAfter));
  return out;
}

function landing(ctx: RuleContext, id: string): WhatIfChange[] {
  const m = ctx.model.modifications.find((x) => x.id === id)?.data;
  const releaseId = m?.implementation?.release;
  if (!m || !releaseId || isTurnedDown(m.status)) return [];
  const release = ctx.planned(releaseId);
  if (!release) return [];
  const lead = m.leadTime ? parseLeadTime(m.leadTime) : undefined;
  const expected = isValidIsoDate(m.decision?.expected) ? m.decision.expected : undefined;
  // An expected decision whose day has passed with none recorded comes today at the earliest (as suggest has it).
  const stale = !isValidIsoDate(m.decision?.date) && expected !== undefined && compare(expected, ctx.asOf) < 0;
  const decision = isValidIsoDate(m.decision?.date) ? m.decision.date : stale ? ctx.asOf : expected;
  const where = (r: typeof release) => `the ${r.name} (${r.id}, ${formatLong(r.date)})`;
  if (lead?.unit !== 'months' || !decision) {
    const why = lead?.unit !== 'months' ? 'no lead time in months, so no decision-by date' : 'no decision date yet';
    return [{ kind: 'lands', modification: id, release: release.id, window: 'undated', text: `${id} is in ${where(release)}: ${why}` }];
  }
  const { primary, fallback } = decisionOptions(ctx, release, m, lead.amount);
  const w = decisionWindow(decision, primary, fallback);
  const on = stale
    ? `a decision no earlier than today, ${formatLong(decision)} (it was expected on ${formatLong(expected!)}, which has passed with none recorded),`
    : `a decision on ${formatLong(decision)}`;
  if (w.window === 'primary') {
    return [
      {
        kind: 'lands',
        modification: id,
        release: release.id,
        window: 'primary',
        text: `${id} lands in ${where(release)}, its primary: ${on} is on or before its decision-by date, ${formatLong(primary.decisionBy)}`,
      },
    ];
  }
  if (w.window === 'fallback') {
    const f = w.option;
    return [
      {
        kind: 'lands',
        modification: id,
        release: f.release.id,
        window: 'fallback',
        text: `${id} lands in ${where(f.release)}, its fall-back: ${on} is after the ${release.name} decision-by date (${formatLong(primary.decisionBy)}) and on or before ${formatLong(f.decisionBy)}`,
      },
    ];
  }
  return [
    {
      kind: 'lands',
      modification: id,
      release: release.id,
      window: 'none',
      text: `${id} has no valid implementation date: ${on} is after every decision-by date (${release.name} ${formatLong(primary.decisionBy)}${fallback ? `, ${fallback.release.name} ${formatLong(fallback.decisionBy)}` : ''})`,
    },
  ];
}

/**
 * RID-1: a release the assumptions change moves to the next integer version when its baselined scope moves,
 * else (another scope, status or date change) to the next minor version.
 */
function ridMoves(before: RepoModel, after: RepoModel, changed: ReadonlySet<string>): WhatIfChange[] {
  const was = scopeByRelease(before);
  const now = scopeByRelease(after);
  const impactOf = impactLookup(after);
  const out: WhatIfChange[] = [];
  for (const r of after.releases) {
    const version = r.data.rid?.version;
    if (!version || !changed.has(r.id)) continue;
    const movement = scopeMovement(
      (was.get(r.id) ?? []).map((e) => e.key),
      scopeItems(now.get(r.id) ?? []),
      impactOf,
    );
    const coverage = baselineCoverage(r.data.rid);
    const major = !isEmpty(baselinedMovement(coverage, movement));
    const to = nextVersion(version, major ? 'major' : 'minor');
    out.push({
      kind: 'rid',
      release: r.id,
      from: version,
      to,
      text: `${r.id}: RID ${version} would move to ${to} (${major ? 'the baselined scope changes' : isEmpty(movement) ? 'a change that leaves its scope as it is' : 'a change outside the baselined scope'})`,
    });
  }
  return out;
}

const NOTICE_IDS = new Set(['notice-12m', 'notice-6m', 'notice-1m']);

function notices(input: WhatIfInput, ctx: RuleContext): WhatIfChange[] {
  const out: WhatIfChange[] = [];
  for (const a of input.assumptions) {
    if (a.target === 'modification' && a.set.status === 'approved' && a.set.decisionDate) {
      // As COM-1 counts it: for Self-Governance from the end of the referral window, once that is recorded.
      const m = input.after.modifications.find((x) => x.id === a.id)?.data;
      const final = m ? approvalFinal(m) : { date: a.set.decisionDate, what: 'the decision' };
      if (!final) {
        out.push({
          kind: 'notice',
          modification: a.id,
          date: a.set.decisionDate,
          text: `The notice of ${a.id}'s approval and implementation date is due 1 Working Day after the end of its Self-Governance referral window (COM-1): record decision.referralWindowEnd`,
        });
        continue;
      }
      const due = addWorkingDays(final.date, 1, input.after.config.holidays);
      const after = final.what === 'the decision' ? 'the decision' : 'the end of the Self-Governance referral window';
      out.push({
        kind: 'notice',
        modification: a.id,
        date: due,
        text: `The notice of ${a.id}'s approval and implementation date is due on ${formatLong(due)} (1 Working Day after ${after}, COM-1)`,
      });
    }
    if (a.target === 'release' && a.set.date) {
      const r = ctx.planned(a.id);
      if (!r) continue;
      for (const m of builtInMilestones(r)) {
        if (NOTICE_IDS.has(m.id) && compare(m.date, input.asOf) >= 0)
          out.push({ kind: 'notice', release: r.id, date: m.date, text: `${r.id}: the ${m.label} is now due on ${formatLong(m.date)}` });
      }
    }
  }
  return out;
}

/** Not the release a finding is grouped under: the same words about a modification that moved are not news. */
function findingKey(f: Finding): string {
  return [f.rule, f.severity, f.file, f.modification ?? '', f.message].join('\u0000');
}

/**
 * Findings compared by what they say, not where: a field an assumption adds has no line in the file yet. The
 * same words in several files (SCP-4 in each release it names) are one line naming the files; an info that
 * goes away (a deadline no longer "not applicable") is no news, and is not listed.
 */
function findingChanges(before: readonly Finding[], after: readonly Finding[]): WhatIfChange[] {
  const { added, resolved } = compareFindings(before, after, findingKey);
  const out: WhatIfChange[] = [];
  const lines = (change: 'new' | 'resolved', list: readonly Finding[]) => {
    const groups = new Map<string, Finding[]>();
    for (const f of list) {
      const key = [f.rule, f.severity, f.message].join('\u0000');
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const [, [f, ...more]] of groups) {
      const where = more.length ? ` (${[f!, ...more].map((x) => x.file).join(', ')})` : '';
      const exception = f!.rule === 'SCP-2' && f!.severity === 'error' ? ' (an exception the Panel would need to approve)' : '';
      out.push({ kind: 'finding', change, finding: f!, text: `${change} ${f!.severity} ${f!.rule}${exception}${where}: ${f!.message}` });
    }
  };
  lines('new', added);
  lines(
    'resolved',
    resolved.filter((f) => f.severity !== 'info'),
  );
  return out;
}
