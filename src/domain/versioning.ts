// The RID version state machine (RID-1): which part of the scope is baselined, what moved, the next version.
import type { BaselineCoverage, Rid, RidComputedFrom, RidHistoryEntry } from './model.js';
import { firstBumpOfDraft, firstBumpSinceBaseline, withHistory } from './versioning-first.js';

/** One scope item as versioning sees it: `SECMP0062#1`, and whether it impacts DCC Systems (unknown: undefined). */
export interface ScopeItem {
  key: string;
  systemImpact: boolean | undefined;
  /** When it joined the release's scope (`implementation.addedToScope`), if recorded. */
  addedToScope?: string;
}

export interface ScopeMovement {
  added: ScopeItem[];
  removed: ScopeItem[];
}

/** Where a release's RID version was computed from: the last `rid bump`, else the latest baseline. */
export interface ScopeReference {
  scope: readonly string[];
  /** The version that scope belongs to. */
  version: string;
  source: 'computedFrom' | 'baseline';
}

export type BumpKind = 'first' | 'major' | 'minor';

export interface Version {
  major: number;
  minor: number;
}

export function parseVersion(v: string): Version {
  const [major = '0', minor = '0'] = v.split('.');
  return { major: Number(major), minor: Number(minor) };
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x.major - y.major || x.minor - y.minor;
}

/** Drafts count 0.1, 0.2 …; a baselined-scope change makes the next integer, anything else the next minor. */
export function nextVersion(current: string | undefined, kind: BumpKind): string {
  if (current === undefined || kind === 'first') return '0.1';
  const { major, minor } = parseVersion(current);
  return kind === 'major' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

/**
 * What the Panel has baselined: the latest baseline's coverage (`rid baseline` refuses a systems baseline
 * after an `all` one, so the latest is also the widest). Undefined while the RID is a draft.
 */
export function baselineCoverage(rid: Rid | undefined): BaselineCoverage | undefined {
  const list = rid?.baselines ?? [];
  return list[list.length - 1]?.covers;
}

/**
 * Whether an item falls in the baselined part. Before the documentation baseline only the systems scope
 * is fixed, so a documentation-only addition is a minor amendment (the June 2020 RID's 1.0 → 1.1). An item
 * whose modification is gone entirely (impact unknown) counts as baselined: better a bump too many than none.
 */
export function inBaselinedPart(coverage: BaselineCoverage | undefined, systemImpact: boolean | undefined): boolean {
  if (coverage === undefined) return false;
  return coverage === 'all' || systemImpact !== false;
}

/** The covered part of a scope, as a baseline records it. */
export function coveredKeys(coverage: BaselineCoverage, scope: readonly ScopeItem[]): string[] {
  return scope.filter((i) => inBaselinedPart(coverage, i.systemImpact)).map((i) => i.key);
}

/** The version the recorded `computedFrom` belongs to (a record without one is, by the schema, the current version's). */
export function recordedVersion(rid: Rid): string | undefined {
  return rid.computedFrom?.version ?? rid.version;
}

/** What the current version was computed from: the last `rid bump`'s record, else the latest baseline's scope. */
export function scopeReference(rid: Rid | undefined): ScopeReference | undefined {
  if (!rid) return undefined;
  const recorded = recordedVersion(rid);
  if (rid.computedFrom?.scope && recorded !== undefined) return { scope: rid.computedFrom.scope, version: recorded, source: 'computedFrom' };
  const latest = (rid.baselines ?? []).at(-1);
  if (latest?.scope) return { scope: latest.scope, version: latest.version, source: 'baseline' };
  return undefined;
}

/** Items added to and removed from the scope since `before`; `impactOf` knows modifications no longer in scope. */
export function scopeMovement(before: readonly string[], current: readonly ScopeItem[], impactOf: (key: string) => boolean | undefined): ScopeMovement {
  const was = new Set(before);
  const now = new Set(current.map((i) => i.key));
  return {
    added: current.filter((i) => !was.has(i.key)),
    removed: [...was]
      .filter((k) => !now.has(k))
      .sort()
      .map((key) => ({ key, systemImpact: impactOf(key) })),
  };
}

export function baselinedMovement(coverage: BaselineCoverage | undefined, m: ScopeMovement): ScopeMovement {
  const keep = (i: ScopeItem) => inBaselinedPart(coverage, i.systemImpact);
  return { added: m.added.filter(keep), removed: m.removed.filter(keep) };
}

export function isEmpty(m: ScopeMovement): boolean {
  return m.added.length === 0 && m.removed.length === 0;
}

/** `SECMP0062#1` → `SECMP0062 part 1`, as a reader says it. */
export function itemName(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : `${key.slice(0, hash)} part ${key.slice(hash + 1)}`;
}

/** One scope item's move in words; `reason` (moved, rejected) goes in the same brackets as any other note. */
export function scopeLine(i: ScopeItem, coverage: BaselineCoverage | undefined, verb: 'added to' | 'removed from', reason?: string): string {
  const baselined = inBaselinedPart(coverage, i.systemImpact);
  const where = baselined ? (coverage === 'systems' ? 'the baselined systems scope' : 'the baselined scope') : 'the scope';
  const notes = [...(!baselined && coverage === 'systems' ? ['documentation only: outside the systems baseline'] : []), ...(reason ? [reason] : [])];
  return `${itemName(i.key)} ${verb} ${where}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** The words for a scope movement. */
export function describeMovement(coverage: BaselineCoverage | undefined, m: ScopeMovement, whyMoved?: (key: string) => string | undefined): string[] {
  return [
    ...m.added.map((i) => scopeLine(i, coverage, 'added to', whyMoved?.(i.key))),
    ...m.removed.map((i) => scopeLine(i, coverage, 'removed from', whyMoved?.(i.key))),
  ];
}

export interface BumpInput {
  rid: Rid | undefined;
  /** The release's scope now. */
  scope: readonly ScopeItem[];
  /** The hash of the release's inputs now (see `canonicalInputs`). */
  inputs: string;
  /**
   * The same inputs hashed as older secrels did (before notices were left out, `legacyCanonicalInputs`; before
   * the modifications waited on were in): a RID computed from one of them needs no new version.
   */
  legacyInputs?: readonly string[];
  impactOf(key: string): boolean | undefined;
  /** Why an item left the scope (`withdrawn`, `moved to 2021-06`), or where one that joined came from (`moved from 2021-02`), when it is known. */
  whyMoved?(key: string): string | undefined;
  /** The history entry's date (`--as-of`). */
  date: string;
  /** Words for changes other than scope movements (from `--since REF`), if known. */
  details?: readonly string[];
}

export interface BumpPlan {
  /** `record`: the version stands, only what it was computed from is written down (first run on a RID). */
  kind: BumpKind | 'record' | 'none';
  from?: string;
  to?: string;
  changes: string[];
  history?: RidHistoryEntry;
  computedFrom: RidComputedFrom;
}

const AMENDED = 'Amended the release details or the details of modifications in its scope.';

/** RID-1 for one release: what its next version is, and why, given what the current one was computed from. */
export function planBump(input: BumpInput): BumpPlan {
  const { rid } = input;
  const scope = input.scope.map((i) => i.key).sort();
  const at = (version: string): RidComputedFrom => ({ version, scope, inputs: input.inputs });
  const version = rid?.version;
  if (version === undefined) {
    const changes = [scope.length ? `First draft; scope: ${scope.map(itemName).join(', ')}.` : 'First draft.'];
    return withHistory({ kind: 'first', to: '0.1', changes, computedFrom: at('0.1') }, input.date);
  }
  const coverage = baselineCoverage(rid);
  const reference = scopeReference(rid);
  const movement = reference ? scopeMovement(reference.scope, input.scope, input.impactOf) : { added: [], removed: [] };
  const baselined = baselinedMovement(coverage, movement);
  const record: BumpPlan = { kind: 'record', from: version, to: version, changes: [], computedFrom: at(version) };
  if (reference?.source === 'baseline') return firstBumpSinceBaseline(input, reference, movement, baselined) ?? record;
  if (rid?.computedFrom?.scope === undefined || rid.computedFrom.inputs === undefined) {
    // Nothing recorded yet: the version stands for what is there now, unless the baselined scope moved, or
    // (never baselined) the scope records joining after the version's date.
    if (!reference) return firstBumpOfDraft(input, version, at) ?? record;
    if (isEmpty(baselined) || parseVersion(version).major > parseVersion(reference.version).major) return record;
  } else if (isEmpty(movement) && (rid.computedFrom.inputs === input.inputs || input.legacyInputs?.includes(rid.computedFrom.inputs))) {
    // Computed from the same inputs; hashed an older way, the new hash is recorded.
    return rid.computedFrom.inputs === input.inputs ? { kind: 'none', from: version, to: version, changes: [], computedFrom: rid.computedFrom } : record;
  }
  const kind: BumpKind = isEmpty(baselined) ? 'minor' : 'major';
  const basis = reference?.version ?? version;
  let to = nextVersion(basis, kind);
  // Someone already raised the version by hand for this change: keep it, never bump twice.
  if (compareVersions(version, to) > 0) to = version;
  // Against a baseline's list only the covered part is known, so only that part is described.
  const described = reference?.source === 'computedFrom' ? movement : baselined;
  const changes = [...describeMovement(coverage, described, input.whyMoved), ...(input.details ?? [])];
  if (changes.length === 0) changes.push(AMENDED);
  const plan: BumpPlan = { kind, from: version, to, changes, computedFrom: at(to) };
  // A history entry written by hand for that version stays the only one.
  return rid?.history?.some((h) => h.version === to) ? plan : withHistory(plan, input.date);
}

/** The RID-2 check: the baselined scope moved but the integer version did not. Undefined when all is well. */
export function unbumpedScopeChange(
  rid: Rid | undefined,
  scope: readonly ScopeItem[],
  impactOf: (key: string) => boolean | undefined,
): (ScopeMovement & { reference: ScopeReference }) | undefined {
  const coverage = baselineCoverage(rid);
  const reference = scopeReference(rid);
  if (!rid?.version || !coverage || !reference) return undefined;
  const moved = baselinedMovement(coverage, scopeMovement(reference.scope, scope, impactOf));
  if (isEmpty(moved) || parseVersion(rid.version).major > parseVersion(reference.version).major) return undefined;
  return { ...moved, reference };
}
