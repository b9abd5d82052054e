// `secrel diff` for DCC Change Requests: a Change Request's status or dates changing moves DEP-1's verdict for
// every modification waiting on it, so the diff names the change in each release that waits on it (its scope
// depends on it, or its file lists it alongside), on either side; one nobody waits on is listed apart.
import { dependenciesOf } from './dependencies.js';
import type { ChangeRequestRecord } from './model.js';
import type { RepoModel } from './repository.js';
import { scopeByRelease } from './scope.js';

export type ChangeRequestField = 'status' | 'expected' | 'done' | 'recorded' | 'deleted';

export interface ChangeRequestChange {
  kind: 'change-request';
  id: string;
  field: ChangeRequestField;
  from?: string;
  to?: string;
  /** A status change to done: the day it was done, when recorded with it. */
  on?: string;
  /** Listed for a release that waited on it before the change but no longer does: no amendment to its RID. */
  noLongerWaited?: true;
}

/** Each changed Change Request's changes, by id, in id order. */
function changesById(before: RepoModel, after: RepoModel): Map<string, ChangeRequestChange[]> {
  const was = new Map((before.changeRequests ?? []).map((c) => [c.id, c.data]));
  const now = new Map((after.changeRequests ?? []).map((c) => [c.id, c.data]));
  const out = new Map<string, ChangeRequestChange[]>();
  for (const id of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const list = compare(id, was.get(id), now.get(id), before, after);
    if (list.length > 0) out.set(id, list);
  }
  return out;
}

function compare(
  id: string,
  was: ChangeRequestRecord | undefined,
  now: ChangeRequestRecord | undefined,
  before: RepoModel,
  after: RepoModel,
): ChangeRequestChange[] {
  // A file that does not load on one side is not a Change Request recorded or deleted: it is not compared.
  if (!was || !now) {
    if (before.invalidIds.changeRequests?.has(id) || after.invalidIds.changeRequests?.has(id)) return [];
    return [
      was ? { kind: 'change-request', id, field: 'deleted' } : { kind: 'change-request', id, field: 'recorded', ...(now?.status ? { to: now.status } : {}) },
    ];
  }
  const out: ChangeRequestChange[] = [];
  // Done, and the day recorded with it: one change, "CR1057 done on 10 January 2020".
  const doneOn = now.status === 'done' && was.status !== 'done' && was.done === undefined ? now.done : undefined;
  for (const field of ['status', 'expected', 'done'] as const) {
    const [from, to] = [was[field], now[field]];
    if (from === to || (field === 'done' && doneOn !== undefined)) continue;
    out.push({
      kind: 'change-request',
      id,
      field,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(field === 'status' && doneOn ? { on: doneOn } : {}),
    });
  }
  return out;
}

/** The releases that wait on each Change Request in `model`: their scope depends on it, or their file lists it. */
function waitingReleases(model: RepoModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (cr: string, release: string) => (out.get(cr) ?? out.set(cr, new Set()).get(cr)!).add(release);
  for (const [release, entries] of scopeByRelease(model)) {
    for (const e of entries) for (const d of dependenciesOf(e.modification.data)) if (d.kind === 'change-request') add(d.id, release);
  }
  for (const r of model.releases) for (const c of r.data.changeRequests ?? []) add(c.id, r.id);
  return out;
}

/** The Change Request changes between two revisions: by release that waits on them, and those no release waits on. */
export function changeRequestDiff(before: RepoModel, after: RepoModel): { byRelease: Map<string, ChangeRequestChange[]>; apart: ChangeRequestChange[] } {
  const changes = changesById(before, after);
  const byRelease = new Map<string, ChangeRequestChange[]>();
  const apart: ChangeRequestChange[] = [];
  if (changes.size === 0) return { byRelease, apart };
  const [was, now] = [waitingReleases(before), waitingReleases(after)];
  for (const [id, list] of changes) {
    const releases = [...new Set([...(was.get(id) ?? []), ...(now.get(id) ?? [])])];
    if (releases.length === 0) apart.push(...list);
    for (const r of releases) {
      const still = now.get(id)?.has(r) === true;
      (byRelease.get(r) ?? byRelease.set(r, []).get(r)!).push(...(still ? list : list.map((c): ChangeRequestChange => ({ ...c, noLongerWaited: true }))));
    }
  }
  return { byRelease, apart };
}
