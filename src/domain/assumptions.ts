// What-if assumptions (`plan --assume`): changes to the data that are not written anywhere, applied to the
// loaded model in memory before the rules run, exactly as recording them in the files would change it.
import { isValidIsoDate, type IsoDate } from './dates.js';
import { dependenciesOf } from './dependencies.js';
import type { ChangeRequestRecord, ChangeRequestStatus, Modification, ModificationStatus, Release } from './model.js';
import { releaseFinder, unknownRelease } from './releases.js';
import type { Entity, RepoModel } from './repository.js';
import { closest } from './text.js';

export type Assumption =
  | {
      text: string;
      target: 'modification';
      id: string;
      set: { status?: ModificationStatus; decisionDate?: IsoDate; decisionExpected?: IsoDate; release?: string; addedToScope?: IsoDate };
    }
  | { text: string; target: 'release'; id: string; set: { date?: IsoDate; cancelled?: true } }
  | { text: string; target: 'change-request'; id: string; set: { status?: ChangeRequestStatus; done?: IsoDate; expected?: IsoDate } };

export interface AssumptionProblem {
  message: string;
  hint: string;
}

const MOD_STATUSES: readonly ModificationStatus[] = ['raised', 'development', 'refinement', 'report', 'approved', 'rejected', 'withdrawn', 'implemented'];
const CR_STATUSES: readonly ChangeRequestStatus[] = ['planned', 'in-progress', 'done', 'cancelled'];
const RELEASE_ID = /^\d{4}-(0[1-9]|1[0-2])(-[a-z0-9][a-z0-9-]*)?$/;

const FORMS_HINT =
  'write ID=CHANGE, for example MP104=approved@2026-12-10, MP104=release:2027-11, MP104=withdrawn, 2027-06=date:2027-07-01 or CR1047=done@2027-03-31';

/**
 * One `--assume` value, checked against the repository: what it changes, or why it cannot be read. Moving a
 * modification to another release (`release:`) also records that it joins that release's scope on `asOf`,
 * as the release manager would, so a cut-off already passed shows as the exception it needs (SCP-2).
 */
export function parseAssumption(text: string, model: RepoModel, asOf: IsoDate): Assumption | AssumptionProblem {
  const eq = text.indexOf('=');
  const id = eq > 0 ? text.slice(0, eq).trim() : '';
  const change = eq > 0 ? text.slice(eq + 1).trim() : '';
  if (!id || !change) return { message: `--assume ${text} is not ID=CHANGE`, hint: FORMS_HINT };
  const target = targetOf(id, model);
  if (!target) {
    const { modifications, releases, changeRequests } = model.invalidIds;
    if (modifications.has(id) || releases.has(id) || changeRequests?.has(id))
      return {
        message: `--assume ${text}: the file of ${id} does not load, so there is nothing to change`,
        hint: 'fix it first: `secrel validate` says where',
      };
    const ids = [...model.modifications.map((m) => m.id), ...model.releases.map((r) => r.id), ...(model.changeRequests ?? []).map((c) => c.id)];
    const guess = closest(id, ids);
    return {
      message: `--assume ${text} names nothing: ${id} is not a modification, release or Change Request of this repository`,
      hint: guess ? `did you mean ${guess}=${change}? Else ${FORMS_HINT}` : FORMS_HINT,
    };
  }
  const bad = (expected: string): AssumptionProblem => ({
    message: `--assume ${text}: "${change}" is not a change secrel can make to ${target === 'change-request' ? 'Change Request' : `a ${target}`} ${id}`,
    hint: `write ${expected}`,
  });
  const [word, arg] = splitChange(change);
  if (arg !== undefined && !isValidIsoDate(arg) && word !== 'release')
    return { message: `--assume ${text}: ${arg} is not a calendar date`, hint: 'write dates as YYYY-MM-DD, e.g. 2026-12-10' };

  if (target === 'modification') {
    if (word === 'release' && arg !== undefined) {
      if (!releaseFinder(model)(arg)) {
        const { reason, hint } = unknownRelease(model, arg);
        return { message: `--assume ${text}: there is no release ${arg}: ${reason}`, hint };
      }
      if ((model.modifications.find((m) => m.id === id)?.data.parts ?? []).length > 0)
        return { message: `--assume ${text}: ${id} is delivered in parts`, hint: 'a modification in parts names a release per part; edit its file instead' };
      const current = model.modifications.find((m) => m.id === id)?.data.implementation?.release;
      return { text, target, id, set: current === arg ? { release: arg } : { release: arg, addedToScope: asOf } };
    }
    if (word === 'expected' && arg !== undefined) return { text, target, id, set: { decisionExpected: arg } };
    const status = MOD_STATUSES.find((s) => s === word);
    if (status && (arg === undefined || status === 'approved' || status === 'rejected')) {
      return { text, target, id, set: arg === undefined ? { status } : { status, decisionDate: arg } };
    }
    return bad(`${id}=approved@YYYY-MM-DD, ${id}=release:YYYY-MM, ${id}=expected:YYYY-MM-DD or ${id}=<status> (${MOD_STATUSES.join(', ')})`);
  }
  if (target === 'release') {
    if (word === 'date' && arg !== undefined) return { text, target, id, set: { date: arg } };
    if (word === 'cancelled' && arg === undefined) return { text, target, id, set: { cancelled: true } };
    return bad(`${id}=date:YYYY-MM-DD or ${id}=cancelled`);
  }
  if (word === 'expected' && arg !== undefined) return { text, target, id, set: { expected: arg } };
  const status = CR_STATUSES.find((s) => s === word);
  if (status && (arg === undefined || status === 'done')) return { text, target, id, set: arg === undefined ? { status } : { status, done: arg } };
  return bad(`${id}=done@YYYY-MM-DD, ${id}=expected:YYYY-MM-DD or ${id}=<status> (${CR_STATUSES.join(', ')})`);
}

export function isAssumption(a: Assumption | AssumptionProblem): a is Assumption {
  return 'target' in a;
}

/** `approved@2026-12-10` → ['approved', '2026-12-10']; `release:2027-11` → ['release', '2027-11']. */
function splitChange(change: string): [string, string | undefined] {
  const m = /^([a-z-]+)(?:[@:](.+))?$/.exec(change);
  return m ? [m[1]!, m[2]?.trim()] : [change, undefined];
}

function targetOf(id: string, model: RepoModel): Assumption['target'] | undefined {
  if (model.modifications.some((m) => m.id === id)) return 'modification';
  if ((model.changeRequests ?? []).some((c) => c.id === id)) return 'change-request';
  if (model.modifications.some((m) => dependenciesOf(m.data).some((d) => d.kind === 'change-request' && d.id === id))) return 'change-request';
  if (RELEASE_ID.test(id) && releaseFinder(model)(id)) return 'release';
  return undefined;
}

/** The model as if the assumptions were recorded, in order; the input is left untouched. */
export function applyAssumptions<M extends RepoModel>(model: M, assumptions: readonly Assumption[]): M {
  let modifications = [...model.modifications];
  let releases = [...model.releases];
  let changeRequests = [...(model.changeRequests ?? [])];
  for (const a of assumptions) {
    if (a.target === 'modification') {
      modifications = modifications.map((m) => (m.id === a.id ? { ...m, data: patchModification(m.data, a.set) } : m));
    } else if (a.target === 'release') {
      const patch = (data: Release): Release => ({
        ...data,
        ...(a.set.date ? { date: a.set.date } : {}),
        ...(a.set.cancelled ? { status: 'cancelled' as const } : {}),
      });
      if (releases.some((r) => r.id === a.id)) releases = releases.map((r) => (r.id === a.id ? { ...r, data: patch(r.data) } : r));
      else releases = [...releases, newEntity(a.id, `${model.config.paths.releases}/${a.id}.yaml`, patch({ id: a.id }))];
    } else {
      const patch = (data: ChangeRequestRecord): ChangeRequestRecord => ({ ...data, ...a.set });
      if (changeRequests.some((c) => c.id === a.id)) changeRequests = changeRequests.map((c) => (c.id === a.id ? { ...c, data: patch(c.data) } : c));
      else changeRequests = [...changeRequests, newEntity(a.id, `${model.config.paths.changeRequests}/${a.id}.yaml`, patch({ id: a.id, title: a.id }))];
    }
  }
  return { ...model, modifications, releases, changeRequests };
}

function patchModification(data: Modification, set: Extract<Assumption, { target: 'modification' }>['set']): Modification {
  const out: Modification = { ...data };
  if (set.status) out.status = set.status;
  if (set.decisionDate || set.decisionExpected) {
    out.decision = {
      ...data.decision,
      ...(set.decisionDate ? { date: set.decisionDate } : {}),
      ...(set.decisionExpected ? { expected: set.decisionExpected } : {}),
    };
  }
  if (set.release) {
    const { fallback, ...implementation } = data.implementation ?? {};
    // A recorded fall-back no later than the new target was the old target's: the release manager would drop it.
    const keep = fallback !== undefined && fallback > set.release;
    out.implementation = {
      ...implementation,
      ...(keep ? { fallback } : {}),
      release: set.release,
      ...(set.addedToScope ? { addedToScope: set.addedToScope } : {}),
    };
  }
  return out;
}

/** An entity the assumption creates: it has no file yet, so a finding about it points at its first line. */
function newEntity<T>(id: string, file: string, data: T): Entity<T> {
  return { id, file, data };
}
