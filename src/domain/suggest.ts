// `secrel suggest`: the earliest release a modification (or a proposal described on the command line) can make,
// each earlier candidate with why not, judged by the Policy's checks and by the same rules `check` runs.
import { listReleases, type PlannedRelease } from './calendar.js';
import { compare, formatLong, isValidIsoDate, parseIsoDate, type IsoDate } from './dates.js';
import { dependencyLookup, type Dependency } from './dependencies.js';
import type { Finding } from './findings.js';
import { describeFreeze, freezeOn } from './freezes.js';
import { decisionByDate, implementationOptions, parseLeadTime, releaseHorizon } from './implementation.js';
import { existedOn, isEligibleRelease } from './release-eligibility.js';
import type { Modification, TechSpec } from './model.js';
import { modelFindings } from './plan-assuming.js';
import { releaseInputs } from './releases.js';
import type { Entity, RepoModel } from './repository.js';
import { buildRuleContext } from './rules/context.js';
import { andList } from './text.js';
import { scopeCutOff } from './rules/scope.js';
import { techSpecChanges } from './rules/tech-specs.js';
import { addWorkingDays } from './working-days.js';
import { capacityUse } from './capacity.js';
import { impactOf, type Impact } from './impact.js';
import { breakdownPence } from './money.js';
import { scopeByRelease } from './scope.js';
import { withProposal } from './suggest-placement.js';
import { ownDate } from './suggest-own-date.js';
import { judgeDependencies } from './suggest-dependencies.js';

export interface Proposal {
  /** The modification's id, or `PROPOSAL` for one described on the command line. */
  id: string;
  /** Set when the modification is recorded in the repository. */
  recorded: boolean;
  impact: Impact; // `dcc` needs a System Release; `dcc` and `user` take the 12-month systems cut-off (SCP-1)
  leadTime?: string;
  techSpecs: TechSpec[];
  /** The decision date (made or expected); the search starts here, else at `asOf`. */
  decision?: IsoDate;
  /** An expected decision date (`decision.expected`) that passed with no decision: judged from `asOf` instead. */
  expectedDecisionPassed?: IsoDate;
  dependsOn: Dependency[];
  /** Its standalone DCC cost in pounds, for the capacity check. */
  dccCost?: number;
  /** Where a recorded modification is now: in that release, its own addedToScope and exception count. */
  current?: { release: string; addedToScope?: IsoDate; exception?: string };
}

export interface Obstacle {
  rule: string;
  text: string;
  /** The Panel could lift it by approving an exception (a scope cut-off passed). */
  exception?: boolean;
}

export interface Candidate {
  id: string;
  name: string;
  date: IsoDate;
  type: string;
  obstacles: Obstacle[];
  /** Things to watch that do not stop it (a dependency whose date is unknown). */
  caveats: string[];
}

export interface Suggestion {
  proposal: Proposal;
  /** Where the search starts: the decision while it is still to come, else `asOf` (releases already live are no candidates). */
  from: IsoDate;
  horizon: IsoDate;
  /** Every candidate in date order up to and including the first that works. */
  candidates: Candidate[];
  earliest?: Candidate & { wording: string[]; fallback?: { id: string; name: string; date: IsoDate } };
  /** An earlier release that works if the Panel approves an exception. */
  withException?: Candidate;
  /**
   * A Working Days lead time (IMP-3): the date it goes live on its own, counted from the decision (or `asOf`),
   * with the freeze it falls in (CAL-6), if any. The releases are then only the choice of bundling it with one.
   */
  ownDate?: { date: IsoDate; workingDays: number; from: IsoDate; after: 'decision' | 'referral-window-end' | 'as-of'; freeze?: string };
}

/**
 * The proposal for a recorded modification: its own data, with `decision` overriding its dates. A decision
 * still expected on a day before `asOf` cannot come before today: the releases are judged from `asOf`.
 */
export function proposalOf(m: Entity<Modification>, dependsOn: Dependency[], asOf: IsoDate, decision?: IsoDate): Proposal {
  const d = m.data;
  const expected = isValidIsoDate(d.decision?.expected) ? d.decision.expected : undefined;
  const stale = decision === undefined && !isValidIsoDate(d.decision?.date) && expected !== undefined && compare(expected, asOf) < 0;
  const when = decision ?? (isValidIsoDate(d.decision?.date) ? d.decision.date : stale ? undefined : expected);
  const impl = d.implementation;
  const current = impl?.release
    ? {
        release: impl.release,
        ...(impl.addedToScope ? { addedToScope: impl.addedToScope } : {}),
        ...(impl.exception?.trim() ? { exception: impl.exception } : {}),
      }
    : undefined;
  const dccCost = d.costs?.dcc ? breakdownPence(d.costs.dcc) / 100 : undefined;
  return {
    id: m.id,
    recorded: true,
    ...(dccCost !== undefined ? { dccCost } : {}),
    impact: impactOf(d),
    ...(d.leadTime ? { leadTime: d.leadTime } : {}),
    techSpecs: d.techSpecs ?? [],
    ...(when ? { decision: when } : {}),
    ...(stale ? { expectedDecisionPassed: expected } : {}),
    dependsOn,
    ...(current ? { current } : {}),
  };
}

export function suggest(model: RepoModel, proposal: Proposal, asOf: IsoDate): Suggestion {
  // A decision already made leaves the releases that went live since out: the search starts today.
  const from = proposal.decision && compare(proposal.decision, asOf) > 0 ? proposal.decision : asOf;
  const { to: horizon } = releaseHorizon(from);
  const listed = listReleases({ cycle: model.config.cycle, files: releaseInputs(model), from, to: horizon }).releases;
  const base = withProposal(model, proposal, undefined, asOf);
  const before = new Set(modelFindings(base, asOf, []).map(key));
  const lookup = dependencyLookup(base);
  // From here on the proposal is in `base`, recorded or not.
  const inBase: Proposal = { ...proposal, recorded: true };
  const candidates: Candidate[] = [];
  let withException: Candidate | undefined;
  const own = ownDate(model, proposal, asOf);
  const extra = own ? { ownDate: own } : {};
  for (const r of listed) {
    const c = judge(base, before, inBase, r, asOf, lookup);
    candidates.push(c);
    if (c.obstacles.length === 0) {
      const impl = implementationOptions({
        leadTime: proposal.leadTime ?? '0m',
        systemImpact: proposal.impact === 'dcc',
        release: r.id,
        releases: listed,
        holidays: model.config.holidays,
        asOf,
        ...(proposal.decision ? { decision: proposal.decision } : {}),
      });
      const fb = impl.form === 'months' && proposal.leadTime ? impl.fallback?.release : undefined;
      // A Working Days lead time's sentence is its own date (given first), not this release's: no IMP-2 wording here.
      const wording = proposal.leadTime && impl.form === 'months' ? impl.lines : [];
      const earliest = { ...c, wording, ...(fb ? { fallback: { id: fb.id, name: fb.name, date: fb.date } } : {}) };
      return { proposal, from, horizon, candidates, earliest, ...(withException ? { withException } : {}), ...extra };
    }
    if (!withException && c.obstacles.every((o) => o.exception)) withException = c;
  }
  return { proposal, from, horizon, candidates, ...(withException ? { withException } : {}), ...extra };
}

function judge(
  base: RepoModel,
  before: ReadonlySet<string>,
  p: Proposal,
  r: PlannedRelease,
  asOf: IsoDate,
  lookup: ReturnType<typeof dependencyLookup>,
): Candidate {
  const obstacles: Obstacle[] = [];
  const caveats: string[] = [];
  const c: Candidate = { id: r.id, name: r.name, date: r.date, type: r.type, obstacles, caveats };
  if (!isEligibleRelease(r, p.impact === 'dcc')) {
    obstacles.push(
      r.cancelled ? { rule: 'IMP-4', text: 'it is cancelled' } : { rule: 'SCP-3', text: 'a Documentation Release holds no DCC-System-impacting modification' },
    );
    return c;
  }
  const from = p.decision ?? asOf;
  if (!existedOn(r, from)) {
    obstacles.push({
      rule: 'IMP-1',
      text: `the Panel agreed to create it on ${formatLong(r.agreed!)}, after ${p.decision ? 'the decision' : 'today'} (${formatLong(from)}): no implementation date set then could name it`,
    });
    return c;
  }
  const lead = p.leadTime ? parseLeadTime(p.leadTime) : undefined;
  if (lead?.unit === 'months') {
    const by = decisionByDate(r.date, lead.amount);
    if (compare(by, from) < 0)
      obstacles.push({
        rule: 'IMP-1',
        text: `its decision-by date for a ${p.leadTime} lead time, ${formatLong(by)}, is before ${p.decision ? 'the decision' : 'today'} (${formatLong(from)})`,
      });
  } else if (lead) {
    const earliest = addWorkingDays(from, lead.amount, base.config.holidays);
    if (compare(r.date, earliest) < 0)
      obstacles.push({ rule: 'IMP-3', text: `${lead.amount} Working Days after ${formatLong(from)} is ${formatLong(earliest)}, after its go-live` });
  }
  const cutOff = scopeCutOff(r.date, p.impact !== 'none');
  const here = p.current?.release === r.id ? p.current : undefined;
  const joins = here?.addedToScope ?? (here ? undefined : asOf);
  if (joins !== undefined && compare(joins, cutOff) > 0 && !here?.exception)
    obstacles.push({
      rule: 'SCP-2',
      exception: true,
      text: `its ${p.impact !== 'none' ? 'systems' : 'documentation-only'} scope cut-off passed on ${formatLong(cutOff)}: it needs an exception the Panel approves`,
    });
  const scope = scopeByRelease(base).get(r.id) ?? [];
  for (const text of capacityUse(
    base.config.capacity,
    scope.filter((e) => e.modification.id !== p.id),
    { systemImpact: p.impact === 'dcc', ...(p.dccCost !== undefined ? { dccCost: p.dccCost } : {}) },
  ).over) {
    obstacles.push({ rule: 'CAP-1', text: `capacity reached: ${text}` });
  }
  const freeze = freezeOn(base.config.freezes, r.date);
  if (freeze) obstacles.push({ rule: 'CAL-6', text: `it goes live inside the change freeze ${describeFreeze(freeze)}` });
  if (p.techSpecs.length > 0 && r.type === 'system') {
    const ctx = buildRuleContext(base, asOf);
    const year = parseIsoDate(r.date).year;
    const others = listReleases({ cycle: base.config.cycle, files: releaseInputs(base), from: `${year}-01-01`, to: `${year}-12-31` }).releases.filter(
      (o) =>
        o.id !== r.id &&
        o.type === 'system' &&
        !o.cancelled &&
        [...techSpecChanges(ctx, o.id).values()].some((by) => by.some((k) => k.split('#')[0] !== p.id) || by.length === 0),
    );
    // A preference, not a bar (check warns): the Panel weighs efficiency, urgency and cost against it.
    if (others.length > 0)
      caveats.push(
        `SCP-4: DUIS, GBCS or the Technical Specifications already change in the ${andList(others.map((o) => o.name))}; the Panel will endeavour ` +
          'to limit such changes to one System Release a year, weighing the efficiency, urgency and cost of each proposal',
      );
  }
  judgeDependencies(p.dependsOn, p.leadTime, r, asOf, lookup, c);
  if (obstacles.length > 0) return c;
  // The same rules `check` runs, with the proposal placed in this release: any new error about it stops it too.
  const placed = withProposal(base, p, r.id, asOf);
  for (const f of modelFindings(placed, asOf, [])) {
    const fresh = f.severity === 'error' && f.modification === p.id && !PLACEMENT_FREE.has(f.rule) && !before.has(key(f));
    if (fresh) obstacles.push({ rule: f.rule, text: f.message });
  }
  return c;
}

// About the modification in any release, so no choice of release mends them (COM-1: the approval notice is due from the decision).
const PLACEMENT_FREE: ReadonlySet<string> = new Set(['COM-1']);

function key(f: Finding): string {
  return [f.rule, f.severity, f.file, f.release ?? '', f.modification ?? '', f.message].join('\u0000');
}
