// What the calendar feed needs beyond the milestones: for each release, the latest date the data records
// a change to it on (its events' DTSTAMP, instead of a fixed 1970), taken from the records themselves
// (RID versions and baselines, decisions, re-targets and revisions of its modifications), never the clock.
import type { IsoDate } from './dates.js';
import type { ReleaseWithMilestones } from './ics.js';
import type { RepoModel } from './repository.js';
import { listedMilestones, type ReleaseView } from './releases.js';

/** Where each modification is in the list, by its id and by each release it was re-targeted from. */
interface FeedIndex {
  byId: Map<string, number[]>;
  retargetedFrom: Map<string, number[]>;
}

function feedIndex(modifications: RepoModel['modifications']): FeedIndex {
  const index: FeedIndex = { byId: new Map(), retargetedFrom: new Map() };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const at = map.get(key);
    if (at) at.push(i);
    else map.set(key, [i]);
  };
  modifications.forEach((m, i) => {
    add(index.byId, m.id, i);
    for (const r of m.data.implementation?.retargets ?? []) add(index.retargetedFrom, r.from, i);
  });
  return index;
}

/**
 * The latest recorded date of a change to the release or its scope; undefined when nothing is dated. Only
 * the modifications that concern the release are visited (in their order in the list), found through
 * `index`, not every modification once per release.
 */
export function releaseStamp(
  model: Pick<RepoModel, 'modifications'>,
  view: ReleaseView,
  index: FeedIndex = feedIndex(model.modifications),
): IsoDate | undefined {
  const id = view.planned.id;
  const dates: IsoDate[] = [];
  const rid = view.entity?.data.rid;
  for (const h of rid?.history ?? []) dates.push(h.date);
  for (const b of rid?.baselines ?? []) dates.push(b.date);
  const inScope = new Set(view.scope.map((e) => e.modification.id));
  const concerned = new Set<number>(index.retargetedFrom.get(id) ?? []);
  for (const m of inScope) for (const i of index.byId.get(m) ?? []) concerned.add(i);
  for (const i of [...concerned].sort((a, b) => a - b)) {
    const m = model.modifications[i]!;
    const impl = m.data.implementation;
    if (inScope.has(m.id)) {
      if (m.data.decision?.date !== undefined) dates.push(m.data.decision.date);
      for (const r of impl?.revisions ?? []) dates.push(r.date);
    }
    for (const r of impl?.retargets ?? []) if (r.from === id || inScope.has(m.id)) dates.push(r.date);
  }
  return dates.length === 0 ? undefined : dates.reduce((a, b) => (b > a ? b : a));
}

/**
 * The feed's input for a set of releases: milestones with each release's stamp. A release nothing dated
 * is recorded for (one the cycle schedules, without a file) takes the latest stamp of the others.
 */
export function feedItems(model: Pick<RepoModel, 'modifications'>, views: readonly ReleaseView[]): ReleaseWithMilestones[] {
  const index = feedIndex(model.modifications);
  const stamps = views.map((v) => releaseStamp(model, v, index));
  const latest = stamps.reduce<IsoDate | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined);
  return views.map((v, i) => {
    const stamp = stamps[i] ?? latest;
    const milestones = listedMilestones(v);
    return stamp === undefined ? { release: v.planned, milestones } : { release: v.planned, milestones, stamp };
  });
}
