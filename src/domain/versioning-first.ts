// The first `rid bump` on a RID that never recorded what its version was computed from (RID-1): against its
// latest baseline, or, never baselined, against the dates its scope records joining.
import { compare, isValidIsoDate } from './dates.js';
import type { RidComputedFrom } from './model.js';
import { joinedBy } from './scope-on-date.js';
import {
  baselineCoverage,
  compareVersions,
  describeMovement,
  inBaselinedPart,
  isEmpty,
  nextVersion,
  scopeLine,
  type BumpInput,
  type BumpKind,
  type BumpPlan,
  type ScopeItem,
  type ScopeMovement,
  type ScopeReference,
} from './versioning.js';

/**
 * The first `rid bump` on a RID that never recorded what it was computed from: the latest baseline's scope is
 * the reference, so drift since the baseline is bumped, not silently adopted. A baseline of the systems scope
 * lists only that part; an item outside it that joined the scope (`addedToScope`) on or before the baseline was
 * in that version. A version already raised past what the drift needs stands (undefined: record it).
 */
export function firstBumpSinceBaseline(input: BumpInput, reference: ScopeReference, movement: ScopeMovement, baselined: ScopeMovement): BumpPlan | undefined {
  const { rid } = input;
  const coverage = baselineCoverage(rid);
  const latest = rid?.baselines?.at(-1);
  const before = (i: ScopeItem) =>
    !inBaselinedPart(coverage, i.systemImpact) && i.addedToScope !== undefined && latest !== undefined && compare(i.addedToScope, latest.date) <= 0;
  const drift: ScopeMovement = { added: movement.added.filter((i) => !before(i)), removed: movement.removed };
  if (isEmpty(drift)) return undefined;
  const kind: BumpKind = isEmpty(baselined) ? 'minor' : 'major';
  const to = nextVersion(reference.version, kind);
  const version = rid!.version!;
  if (compareVersions(version, to) >= 0) return undefined;
  // Minor versions made since the baseline may already hold the drift outside the baselined part.
  const described = compareVersions(version, reference.version) > 0 ? baselined : drift;
  const changes = [...describeMovement(coverage, described, input.whyMoved), ...(input.details ?? [])];
  const plan: BumpPlan = { kind, from: version, to, changes, computedFrom: { version: to, scope: input.scope.map((i) => i.key).sort(), inputs: input.inputs } };
  return rid?.history?.some((h) => h.version === to) ? plan : withHistory(plan, input.date);
}

export function withHistory(plan: BumpPlan, date: string): BumpPlan {
  // Each a sentence of the RID's Document History: "Forecast DCC cost set to …", not "forecast DCC cost …".
  const lines = plan.changes.map((c) => `${c.charAt(0).toUpperCase()}${c.slice(1)}`);
  return { ...plan, changes: lines, history: { version: plan.to!, date, changes: lines.length === 1 ? lines[0]! : lines } };
}

/**
 * A draft never baselined, with no record of its scope: what joined after the version's date (`addedToScope`
 * later than its history entry) was not in it, so it makes the next minor version rather than being adopted.
 */
export function firstBumpOfDraft(input: BumpInput, version: string, at: (v: string) => RidComputedFrom): BumpPlan | undefined {
  const dates = (input.rid?.history ?? []).filter((h) => h.version === version && isValidIsoDate(h.date)).map((h) => h.date);
  const since = dates.sort(compare).at(-1);
  const later = since ? input.scope.filter((i) => !joinedBy(i.addedToScope, since)) : [];
  if (later.length === 0) return undefined;
  const to = nextVersion(version, 'minor');
  const changes = [...later.map((i) => scopeLine(i, undefined, 'added to')), ...(input.details ?? [])];
  const plan: BumpPlan = { kind: 'minor', from: version, to, changes, computedFrom: at(to) };
  return input.rid?.history?.some((h) => h.version === to) ? plan : withHistory(plan, input.date);
}
