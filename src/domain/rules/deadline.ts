// The one judgement every deadline rule and the plan share about a deadline a release file records (done,
// late, overdue, due soon, not yet due, not applicable), and the findings it gives; the deadlines are in deadline-specs.ts.
import { compare, diffDays, isValidIsoDate, type IsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import type { Release } from '../model.js';
import { changesDccSystems, type ScopeEntry } from '../scope.js';
import type { ReleaseFacts, RuleContext } from './context.js';
import { dotted, dueOn, fieldFinding, long, relative, valueAt } from './support.js';
import type { HolidayCalendar } from '../holidays.js';
import { DEADLINES, type DeadlineSpec } from './deadline-specs.js';

/** A deadline not yet met warns this many days ahead. */
export const DUE_SOON_DAYS = 30;

/** `not-applicable`: due before the release was agreed (only `releaseDeadline` says so). */
export type DeadlineState = 'done' | 'late' | 'overdue' | 'due-soon' | 'not-due' | 'not-applicable';

export interface DeadlineStatus {
  state: DeadlineState;
  due: IsoDate;
  /** The recorded date (absent for a `presence` deadline or when nothing is recorded). */
  recorded?: IsoDate;
  /** Due by this later milestone (DeadlineSpec.whenAgreedLate): the Panel agreed to create the release after the Policy's day. */
  agreedLate?: string;
}

/**
 * The state of one deadline as of `asOf`. A date recorded after `asOf` had not happened yet on that day,
 * so it counts as not recorded: `--as-of` shows what was known then.
 */
export function deadlineState(due: IsoDate, recorded: IsoDate | boolean | undefined, asOf: IsoDate): DeadlineStatus {
  if (recorded === true) return { state: 'done', due };
  if (typeof recorded === 'string' && compare(recorded, asOf) <= 0) {
    return { state: compare(recorded, due) > 0 ? 'late' : 'done', due, recorded };
  }
  if (compare(asOf, due) > 0) return { state: 'overdue', due };
  return { state: diffDays(asOf, due) <= DUE_SOON_DAYS ? 'due-soon' : 'not-due', due };
}

/** What the release file records for a deadline: a valid date, `true` for a present `presence` field, or nothing. */
export function recordedFor(spec: DeadlineSpec, release: Release): IsoDate | boolean | undefined {
  const value = valueAt(release, spec.path);
  if (spec.firstDate || spec.covering) {
    const list = Array.isArray(value) ? (value as ({ date?: unknown; covers?: unknown } | undefined)[]) : [];
    const first = (spec.covering ? list.find((b) => b?.covers === spec.covering) : list[0])?.date;
    return isValidIsoDate(first) ? first : undefined;
  }
  if (spec.presence) return value !== undefined && value !== null ? true : undefined;
  return isValidIsoDate(value) ? value : undefined;
}

/**
 * The status of a deadline for a release, or undefined when it does not apply: a TAD for a Documentation
 * Release, anything of a cancelled release, every deadline of a release with nothing in scope (these
 * obligations only scope creates), and the DCC's cost deadlines of a release that changes no DCC System,
 * unless the file records the date late: a recorded breach stays one.
 */
export function releaseDeadline(spec: DeadlineSpec, facts: ReleaseFacts, asOf: IsoDate): DeadlineStatus | undefined {
  const milestone = facts.due.get(spec.milestone);
  if (milestone === undefined || facts.planned.cancelled) return undefined;
  // A first baseline made early (by as-of) brings the deadline forward to its day.
  const first = spec.byFirstBaseline ? facts.entity.data.rid?.baselines?.[0]?.date : undefined;
  let due = isValidIsoDate(first) && compare(first, milestone) < 0 && compare(first, asOf) <= 0 ? first : milestone;
  const recorded = recordedFor(spec, facts.entity.data);
  const applies = deadlineApplies(spec, facts.hasScope, facts.scope, facts.changeRequests);
  let agreedLate: string | undefined;
  if (beforeAgreed(facts.entity.data, due)) {
    const later = dueWhenAgreedLate(spec, (id) => facts.due.get(id), facts.entity.data);
    if (later !== undefined) [due, agreedLate] = [later.date, later.milestone];
    else if (recorded === undefined) return applies ? { state: 'not-applicable', due } : undefined;
    // Done after a day that came before the release existed: not late.
    else return applies ? { state: 'done', due } : undefined;
  }
  const status = deadlineState(due, recorded, asOf);
  if (!applies && status.state !== 'late') return undefined;
  return agreedLate ? { ...status, agreedLate } : status;
}

/**
 * The day a deadline that fell before the Panel agreed to create the release is due instead, and the milestone
 * that gives it: the first of the later milestones the spec names (DeadlineSpec.whenAgreedLate) that is not
 * before the agreement too. `dueOf` gives a milestone's day by its id. Undefined: the deadline has no later
 * day (not applicable).
 */
export function dueWhenAgreedLate(
  spec: DeadlineSpec,
  dueOf: (milestone: string) => IsoDate | undefined,
  release: Pick<Release, 'agreed'>,
): { date: IsoDate; milestone: string } | undefined {
  for (const milestone of spec.whenAgreedLate ?? []) {
    const date = dueOf(milestone);
    if (date !== undefined && !beforeAgreed(release, date)) return { date, milestone };
  }
  return undefined;
}

/** Why a deadline moved (DeadlineStatus.agreedLate), after the Policy's words: by which later milestone it is due instead. */
const DUE_INSTEAD: Readonly<Record<string, string>> = {
  'full-baseline': 'by the time the whole scope is set, 6 months before go-live',
  'tad-published': 'by the day the TAD is to be published, 6 months before go-live',
  'go-live': 'before go-live at the latest',
};

/**
 * A deadline that fell before the Panel agreed to create the release (`agreed`: an ad-hoc release agreed after
 * its 12-month point) could never be met: it is not applicable, rather than an error nobody can fix.
 */
export function beforeAgreed(release: Pick<Release, 'agreed'>, due: IsoDate): boolean {
  return isValidIsoDate(release.agreed) && compare(due, release.agreed) < 0;
}

/**
 * Whether a deadline applies to a release's scope: none does with nothing in scope; the DCC's cost deadlines
 * (CST-3, CST-4) only when the scope changes DCC Systems, not for a System Release holding only documentation changes.
 */
export function deadlineApplies(spec: DeadlineSpec, hasScope: boolean, scope: readonly ScopeEntry[], changeRequests: readonly unknown[]): boolean {
  return hasScope && (!spec.dccChange || changesDccSystems(scope, changeRequests)) && (!spec.documentationScope || scope.some((e) => !e.systemsScope));
}

/** How to record something in a release's file: for a release with no file yet, first create it. */
export function recordIn(facts: Pick<ReleaseFacts, 'entity' | 'hasFile'>, what: string): string {
  return facts.hasFile ? what : `${what} in a new file ${facts.entity.file} (id: ${facts.entity.id}; the release has no file yet)`;
}

/** Findings for every deadline of one rule over every release file: late → error, overdue → error, due soon → warning, not applicable (before `agreed`) → info. */
export function deadlineFindings(ctx: RuleContext, rule: string): Finding[] {
  const out: Finding[] = [];
  for (const spec of DEADLINES.filter((d) => d.rule === rule)) {
    for (const facts of ctx.releases) {
      const status = releaseDeadline(spec, facts, ctx.asOf);
      const message = status && deadlineMessage(spec, status, ctx.asOf, facts, ctx.model.config.holidays);
      if (!status || !message) continue;
      const late = status.state === 'late' ? lateVerdict(facts.entity.data.lateReported, spec.lateKey ?? dotted(spec.path)) : undefined;
      const severity = status.state === 'due-soon' ? 'warning' : status.state === 'not-applicable' ? 'info' : (late?.severity ?? 'error');
      out.push(
        fieldFinding(facts.entity, status.state === 'not-applicable' ? ['agreed'] : spec.path, spec.rule, severity, message, { release: facts.entity.id }),
      );
    }
  }
  return out;
}

function deadlineMessage(spec: DeadlineSpec, s: DeadlineStatus, asOf: IsoDate, facts: ReleaseFacts, holidays: HolidayCalendar): string | undefined {
  const due = dueOn(s.due, holidays);
  const field = dotted(spec.path);
  const name = facts.planned.name;
  const record = spec.how ? spec.how(facts) : recordIn(facts, spec.presence ? `add it under ${field}` : `record its date in ${field}`);
  const policy = s.agreedLate
    ? `${spec.policy}, which fell before the Panel agreed to create the release, so ${DUE_INSTEAD[s.agreedLate] ?? `by its ${s.agreedLate} milestone`}`
    : spec.policy;
  const what = `${spec.subject} for the ${name} (${policy})`;
  // A date recorded after as-of counts as not done yet (deadlineState): say so, not "is not recorded".
  const later = recordedFor(spec, facts.entity.data);
  const notYet =
    typeof later === 'string' && compare(later, asOf) > 0
      ? `${field} records ${long(later)}, after ${long(asOf)}, so it counts as not done yet: correct the date if it is done, else leave it out until it is`
      : undefined;
  switch (s.state) {
    case 'late': {
      const late = lateVerdict(facts.entity.data.lateReported, spec.lateKey ?? field);
      return `${what} is recorded on ${long(s.recorded!)}, after it was due on ${due}${late.severity === 'error' ? ':' : ';'} ${late.words}`;
    }
    case 'overdue':
      return notYet ? `${what} was due on ${due}; ${notYet}` : `${what} was due on ${due} and is not recorded: ${record} when it is done`;
    case 'due-soon':
      return `${what} is due on ${due}, ${relative(asOf, s.due)}: ${notYet ?? `${record} when it is done`}`;
    case 'not-applicable':
      return `${what} is not applicable: it fell on ${long(s.due)}, before the Panel agreed to create the release on ${long(facts.entity.data.agreed!)} (as \`agreed\` records), so it could not be met; nothing to do`;
    default:
      return undefined;
  }
}

/**
 * What a deadline met late calls for: reporting the breach to the Panel (an error until `lateReported` records the
 * day it was, keyed by the late date's field), then nothing (an info). `words` end the finding's message, after its own punctuation.
 */
export function lateVerdict(record: Readonly<Record<string, unknown>> | undefined, field: string): { severity: 'error' | 'info'; words: string } {
  const date = record && Object.hasOwn(record, field) ? record[field] : undefined;
  return isValidIsoDate(date)
    ? { severity: 'info', words: `the breach was reported to the Panel on ${long(date)} (lateReported): nothing to do` }
    : {
        severity: 'error',
        words: `if the date is right, report the breach to the Panel, then record the day you did (\`lateReported: { ${field}: YYYY-MM-DD }\`)`,
      };
}
