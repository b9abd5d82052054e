// The Panel's baseline of a RID (RID-1): given the release's state, what `secrel rid baseline` records, or why not.
import { compare, isValidIsoDate, type IsoDate } from './dates.js';
import type { BaselineCoverage, Release, RidBaseline, RidComputedFrom, RidHistoryEntry } from './model.js';
import type { ReleaseType } from './cycle.js';
import { joinedBy } from './scope-on-date.js';
import { baselineCoverage, compareVersions, coveredKeys, parseVersion, planBump, type ScopeItem } from './versioning.js';

/** The history entry each baseline adds. */
export const BASELINED: Record<BaselineCoverage, string> = {
  systems: 'Version baselined by the Panel to cover the scope of the release on the DCC Systems.',
  all: 'Version baselined by the Panel to cover the full scope of the release.',
};

/** What versioning knows of a release: its scope, the hash of what its version is computed from, which items impact DCC Systems. */
export interface VersionInputs {
  scope: ScopeItem[];
  inputs: string;
  /** See BumpInput.legacyInputs. */
  legacyInputs?: readonly string[];
  impactOf(key: string): boolean | undefined;
  /** See BumpInput.whyMoved. */
  whyMoved?(key: string): string | undefined;
  /** When an item joined the scope, if recorded: a baseline dated earlier does not cover it. */
  addedToScope?(key: string): string | undefined;
}

/** The scope on `date`: what joined later by its `addedToScope` is not in it yet (a version dated then cannot list it). */
export function scopeOn(state: Pick<VersionInputs, 'scope' | 'addedToScope'>, date: IsoDate): ScopeItem[] {
  return state.scope.filter((i) => joinedBy(state.addedToScope?.(i.key), date));
}

export interface BaselineRequest {
  /** The release file's data. */
  release: Release;
  /** The release as the calendar has it (its moved date, a cancellation), if it knows it. */
  planned?: { type: ReleaseType; date: IsoDate; cancelled?: boolean };
  /** The Panel meeting's date. */
  date: IsoDate;
  /** `--covers`, if given. */
  covers?: BaselineCoverage;
  /** Versioning's inputs for the release with this data (the baseline may set its status), in its repository. */
  inputsOf(release: Release): VersionInputs;
}

/** What the baseline does: refused (and why), already recorded, or the records to write. */
export type BaselineDecision =
  | { kind: 'cancelled' }
  | { kind: 'after-go-live'; goLive: IsoDate }
  | { kind: 'narrower'; latest: RidBaseline }
  | { kind: 'before-latest'; latest: RidBaseline }
  /** The version the baseline records has a history entry dated after the meeting: a line dated then would run the history backwards. */
  | {
      kind: 'before-version';
      version: string;
      entry: RidHistoryEntry;
      index: number;
      /** A line of an earlier version dated after the meeting too: redating `entry` to the meeting would put it before that one. */
      earlier?: RidHistoryEntry;
    }
  | { kind: 'unversioned'; version: string; changes: string[] }
  | { kind: 'already'; baseline: RidBaseline }
  | {
      kind: 'baselined';
      baseline: RidBaseline;
      history: RidHistoryEntry;
      /** A draft 0.x becomes 1.0: the version is set too. */
      setVersion: boolean;
      /** A planned release (or one with no status) becomes baselined; one in testing or live stays there. */
      setStatus: boolean;
      computedFrom: RidComputedFrom;
      /** The release's data as the baseline leaves it (for the findings the Panel should know of). */
      release: Release;
      /** In the covered scope now, but joined after the meeting: not in this baseline (a change after it). */
      joinedLater: string[];
    };

/**
 * RID-1's baseline. A cancelled release, a date after go-live, before the latest baseline or before the
 * history's line for the version it records, and a systems baseline after one of all the scope are refused; a draft becomes 1.0; a baselined RID with changes in no
 * version yet must be bumped first; the same baseline twice is recorded once.
 */
export function decideBaseline(req: BaselineRequest): BaselineDecision {
  const { release, planned, date } = req;
  const rid = release.rid;
  const baselines = rid?.baselines ?? [];
  const latest = baselines[baselines.length - 1];
  if (planned?.cancelled || release.status === 'cancelled') return { kind: 'cancelled' };
  if (planned && compare(date, planned.date) > 0) return { kind: 'after-go-live', goLive: planned.date };
  const covers = req.covers ?? (planned?.type === 'system' && !latest ? 'systems' : 'all');
  if (covers === 'systems' && baselineCoverage(rid) === 'all') return { kind: 'narrower', latest: latest! };
  if (latest && compare(date, latest.date) < 0) return { kind: 'before-latest', latest };
  if (latest && latest.date === date && latest.covers === covers) return { kind: 'already', baseline: latest };
  const draft = !rid?.version || parseVersion(rid.version).major === 0;
  const version = draft ? '1.0' : rid!.version!;
  const previous = lineBefore(rid?.history ?? [], version);
  if (previous && compare(date, previous.entry.date) < 0) {
    const earlier = (rid?.history ?? []).find(
      (h) => VERSION.test(h.version) && isValidIsoDate(h.date) && compareVersions(h.version, previous.entry.version) < 0 && compare(date, h.date) < 0,
    );
    return { kind: 'before-version', version, ...previous, ...(earlier ? { earlier } : {}) };
  }

  // The status the baseline sets is part of the release's inputs: what the version is computed from includes it.
  const setStatus = release.status === undefined || release.status === 'planned';
  const state = req.inputsOf(setStatus ? { ...release, status: 'baselined' } : release);
  // The scope on the meeting's date: what joined later (a baseline recorded late) is a change after it.
  const scope = scopeOn(state, date);
  const plan = planBump({
    rid,
    scope,
    inputs: state.inputs,
    ...(state.legacyInputs ? { legacyInputs: state.legacyInputs } : {}),
    impactOf: state.impactOf,
    ...(state.whyMoved ? { whyMoved: state.whyMoved } : {}),
    date,
  });
  if (!draft && (plan.kind === 'major' || plan.kind === 'minor')) return { kind: 'unversioned', version: rid!.version!, changes: plan.changes };
  const baseline: RidBaseline = { version, date, covers, scope: coveredKeys(covers, scope) };
  // Every baseline is a version the Panel approved, so each (a re-baseline too) has its line in the history.
  const history: RidHistoryEntry = { version, date, changes: BASELINED[covers] };
  const recorded: Release = {
    ...release,
    ...(setStatus ? { status: 'baselined' as const } : {}),
    rid: { ...rid, version, baselines: [...baselines, baseline], history: [...(rid?.history ?? []), history] },
  };
  const inBaseline = new Set(baseline.scope);
  const joinedLater = coveredKeys(covers, state.scope).filter((k) => !inBaseline.has(k));
  return {
    kind: 'baselined',
    baseline,
    history,
    setVersion: draft,
    setStatus,
    computedFrom: { ...plan.computedFrom, version },
    release: recorded,
    joinedLater,
  };
}

/**
 * The history line a new line for `version` follows, as check's RID-1 orders the history: the last line
 * of the highest version not above it (a `rid bump` that made this version, or a draft's last version).
 */
function lineBefore(history: readonly RidHistoryEntry[], version: string): { entry: RidHistoryEntry; index: number } | undefined {
  let found: { entry: RidHistoryEntry; index: number } | undefined;
  history.forEach((entry, index) => {
    if (!VERSION.test(entry.version) || !isValidIsoDate(entry.date) || compareVersions(entry.version, version) > 0) return;
    if (!found || compareVersions(entry.version, found.entry.version) >= 0) found = { entry, index };
  });
  return found;
}

const VERSION = /^[0-9]+\.[0-9]+$/;
