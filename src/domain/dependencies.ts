// Dependencies (DEP-1): what a modification waits on, when each is needed for a release, and whether it is done in time.
import { addDays, addMonths, compare, isValidIsoDate, type IsoDate } from './dates.js';
import { parseLeadTime } from './implementation.js';
import type { ChangeRequestRecord, DependencyKind, DependencyNeed, Modification } from './model.js';
import { EveryId, type Entity, type PathSegment, type RepoModel } from './repository.js';
import { releaseFinder } from './releases.js';
import { isTurnedDown } from './status.js';
import { closest, editDistance } from './text.js';

export interface Dependency {
  id: string;
  kind: DependencyKind;
  needed: DependencyNeed;
  lead?: string;
  /** Where the entry is in the modification file. */
  path: PathSegment[];
}

/** Every `dependsOn` entry in its long form: a short id is a Change Request when it starts `CR`, needed before go-live. */
export function dependenciesOf(m: Modification): Dependency[] {
  return (m.dependsOn ?? []).map((entry, i) => {
    const long = typeof entry === 'string' ? { id: entry } : entry;
    const dep: Dependency = {
      id: long.id,
      kind: long.kind ?? (/^CR/i.test(long.id) ? 'change-request' : 'modification'),
      needed: long.needed ?? 'before-go-live',
      path: typeof entry === 'string' ? ['dependsOn', i] : ['dependsOn', i, 'id'],
    };
    if (long.lead !== undefined) dep.lead = long.lead;
    return dep;
  });
}

export const NEED_WORDS: Record<DependencyNeed, string> = {
  'before-development': 'before development',
  'before-testing': 'before testing',
  'before-go-live': 'before go-live',
};

const LEAD = /^(\d{1,3})(m|w|d)$/;

/** The last date a dependency can be done for a modification going live on `goLive`, and why that date. */
export function neededBy(goLive: IsoDate, dep: Dependency, modificationLeadTime?: string): { date: IsoDate; reason: string } {
  const lead = dep.lead === undefined ? undefined : LEAD.exec(dep.lead);
  if (lead) {
    const n = Number(lead[1]);
    const date = lead[2] === 'm' ? addMonths(goLive, -n) : addDays(goLive, -n * (lead[2] === 'w' ? 7 : 1));
    return { date, reason: `${dep.lead} before go-live` };
  }
  if (dep.needed === 'before-go-live') return { date: goLive, reason: 'by go-live' };
  if (dep.needed === 'before-testing') return { date: addMonths(goLive, -6), reason: 'testing starts 6 months before go-live' };
  const own = modificationLeadTime ? parseLeadTime(modificationLeadTime) : undefined;
  if (own?.unit === 'months') return { date: addMonths(goLive, -own.amount), reason: `development starts ${own.amount} months before go-live, the lead time` };
  return { date: addMonths(goLive, -12), reason: 'development starts 12 months before go-live, when the systems scope is set' };
}

export type DependencyState =
  /** Done, or expected, on or before the date it is needed. */
  | { state: 'in-time'; done: boolean; date?: IsoDate }
  /** Done, or expected, after the date it is needed. */
  | { state: 'late'; done: boolean; date: IsoDate }
  /** Cancelled, rejected or withdrawn: it will never be done. */
  | { state: 'cancelled'; what: string }
  /**
   * No date yet, or not recorded at all. `action` is what to do when it is more than recording the date once
   * known; `unrecorded` marks a modification id that names no modification (a REF error says so).
   */
  | {
      state: 'unknown';
      why: string;
      action?: string;
      unrecorded?: boolean;
      /** Recorded, not done, and with no date yet: once the date it is needed has passed, it cannot be in time. */
      pending?: boolean;
      /** Not recorded, but an id that is recorded is one slip away: likelier a typo than a Change Request nobody recorded. */
      typo?: boolean;
    };

/** When each dependency is (expected to be) done, looked up once per repository. */
export interface DependencyLookup {
  /** The dependency's state against the date it is needed. */
  status(dep: Dependency, neededBy: IsoDate): DependencyState;
  /** The date it is (expected to be) done, if known, and whether it is done already. */
  when(dep: Dependency): {
    date?: IsoDate;
    done: boolean;
    cancelled?: string;
    unknown?: string;
    action?: string;
    unrecorded?: boolean;
    pending?: boolean;
    typo?: boolean;
  };
}

/** A dependency whose file exists but does not load, or whose folder cannot be read: when it is done is unknown until that is fixed. */
function notLoaded(id: string, ids: ReadonlySet<string>, folder: string) {
  return ids instanceof EveryId
    ? ({ done: false, unknown: `the ${folder} folder cannot be read`, action: 'fix the error reported for the folder' } as const)
    : ({ done: false, unknown: `${id} does not load (its file has errors)`, action: 'fix the errors reported in that file' } as const);
}

export function dependencyLookup(
  model: Pick<RepoModel, 'modifications' | 'releases' | 'config' | 'changeRequests'> & Partial<Pick<RepoModel, 'invalidIds'>>,
): DependencyLookup {
  const crs = new Map<string, Entity<ChangeRequestRecord>>();
  for (const c of model.changeRequests ?? []) if (!crs.has(c.id)) crs.set(c.id, c);
  const mods = new Map<string, Entity<Modification>>();
  for (const m of model.modifications) if (!mods.has(m.id)) mods.set(m.id, m);
  const find = releaseFinder(model);
  const folder = model.config.paths.changeRequests;

  const when: DependencyLookup['when'] = (dep) => {
    if (dep.kind === 'change-request') {
      const cr = crs.get(dep.id)?.data;
      if (!cr && model.invalidIds?.changeRequests?.has(dep.id)) return notLoaded(dep.id, model.invalidIds.changeRequests, folder);
      if (!cr) {
        // A typo of a recorded one (CR1075 for CR1057) is likelier than an unrecorded Change Request.
        const guess = closest(dep.id, [...crs.keys()]);
        // One slip (a digit changed, two swapped) is likely a typo; two edits (CR1090, CR1100) may be another CR.
        const slip = guess !== undefined && editDistance(dep.id.toLowerCase(), guess.toLowerCase()) <= 1;
        const add = `add ${folder}/${dep.id}.yaml with its status and expected date`;
        return guess
          ? { done: false, unknown: `${dep.id} is not recorded`, action: `did you mean ${guess}? If not, ${add}`, ...(slip ? { typo: true } : {}) }
          : { done: false, unknown: `${dep.id} is not recorded`, action: add };
      }
      if (cr.status === 'cancelled') return { done: false, cancelled: `${dep.id} is cancelled` };
      if (cr.status === 'done') return isValidIsoDate(cr.done) ? { done: true, date: cr.done } : { done: true };
      if (isValidIsoDate(cr.expected)) return { done: false, date: cr.expected };
      return { done: false, unknown: `${dep.id} has no expected date yet (${folder}/${dep.id}.yaml)`, pending: true };
    }
    const m = mods.get(dep.id)?.data;
    if (!m && model.invalidIds?.modifications.has(dep.id)) return notLoaded(dep.id, model.invalidIds.modifications, model.config.paths.modifications);
    if (!m) {
      return {
        done: false,
        unknown: `${dep.id} is not a modification of this repository`,
        action: 'correct the id, or remove the dependency',
        unrecorded: true,
      };
    }
    if (isTurnedDown(m.status)) return { done: false, cancelled: `${dep.id} is ${m.status}` };
    const dates = (m.parts?.length ? m.parts.map((p) => p.release) : [m.implementation?.release]).map((id) => (id ? find(id)?.date : undefined));
    const date = isValidIsoDate(m.implementation?.date)
      ? m.implementation.date
      : dates.every((d): d is IsoDate => d !== undefined) && dates.length > 0
        ? dates.reduce((a, b) => (compare(a, b) >= 0 ? a : b))
        : undefined;
    if (!date)
      return m.status === 'implemented'
        ? { done: true, unknown: `${dep.id} targets no release yet` }
        : { done: false, unknown: `${dep.id} targets no release yet`, pending: true };
    return { done: m.status === 'implemented', date };
  };

  const status: DependencyLookup['status'] = (dep, by) => {
    const w = when(dep);
    if (w.cancelled) return { state: 'cancelled', what: w.cancelled };
    if (w.date === undefined) {
      if (w.done) return { state: 'in-time', done: true };
      const unknown: DependencyState = { state: 'unknown', why: w.unknown ?? `${dep.id} has no date` };
      if (w.action !== undefined) unknown.action = w.action;
      if (w.unrecorded) unknown.unrecorded = true;
      if (w.pending) unknown.pending = true;
      if (w.typo) unknown.typo = true;
      return unknown;
    }
    return compare(w.date, by) <= 0 ? { state: 'in-time', done: w.done, date: w.date } : { state: 'late', done: w.done, date: w.date };
  };

  return { status, when };
}

/**
 * Not done, and the day it is needed (`by`) is before `asOf`: late, whatever `status` says, with no date yet
 * or with one it did not keep. The one place DEP-1's "late as of a day" is decided: check, plan and suggest.
 */
export function missedAsOf(s: DependencyState, by: IsoDate, asOf: IsoDate): boolean {
  if (compare(by, asOf) >= 0) return false;
  return (s.state === 'unknown' && s.pending === true) || (s.state === 'in-time' && !s.done);
}

/**
 * Expected in time, not recorded done, and its expected day is before `asOf`: the date is stale, not a promise
 * (DEP-1 warns, and errs once the day it is needed has passed too, which `missedAsOf` tells).
 */
export function overdueAsOf(s: DependencyState, asOf: IsoDate): s is Extract<DependencyState, { state: 'in-time' }> & { date: IsoDate } {
  return s.state === 'in-time' && !s.done && s.date !== undefined && compare(s.date, asOf) < 0;
}
