// The semantic diff of two loaded repositories, per release: the release's own status (a cancellation first),
// go-live date, RID version, baselines and notices issued, then scope, status, date and cost changes, and what
// else the RID shows of the release (release-content-diff.ts).
import { systemsScope } from './impact.js';
import { findRelease } from './calendar.js';
import { breakdownPence, toPence, type Pence } from './money.js';
import type { BaselineCoverage, Modification, Release, RidBaseline } from './model.js';
import type { Entity, RepoModel } from './repository.js';
import { releaseInputs } from './releases.js';
import { changeRequestDiff } from './change-request-diff.js';
import { dependencyDiff } from './dependency-diff.js';
import { textChanges } from './modification-text-diff.js';
import { releaseContentChanges } from './release-content-diff.js';
import type { Change, CostField, DateField, NoticeField, ReleaseDiff } from './scope-change.js';
import { scopeByRelease, type ScopeEntry } from './scope.js';
import { describeChange, isCancellation } from './scope-diff-words.js';
import { baselineCoverage } from './versioning.js';
import { approvedWithoutNewRevision, isTurnedDown } from './status.js';

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

/** Every release with a change between `before` and `after`: a cancelled one first, then in release-id order; unscheduled changes last. */
export function diffRepositories(before: RepoModel, after: RepoModel): ReleaseDiff[] {
  const scopeBefore = scopeByRelease(before);
  const scopeAfter = scopeByRelease(after);
  const modsBefore = byId(before.modifications);
  const modsAfter = byId(after.modifications);
  const relBefore = byId(before.releases);
  const relAfter = byId(after.releases);
  const ids = [...new Set([...scopeBefore.keys(), ...scopeAfter.keys(), ...relBefore.keys(), ...relAfter.keys()])].sort();
  const out: ReleaseDiff[] = [];
  const scheduled = new Set<string>();
  const unreadable = { before: before.invalidIds, after: after.invalidIds };
  const crs = changeRequestDiff(before, after);
  const deps = dependencyDiff(before, after);
  for (const id of ids) {
    const was = scopeBefore.get(id) ?? [];
    const now = scopeAfter.get(id) ?? [];
    for (const e of [...was, ...now]) scheduled.add(e.modification.id);
    const releaseSide = unreadable.before.releases.has(id) ? 'before' : unreadable.after.releases.has(id) ? 'after' : undefined;
    const release: Change[] = releaseSide
      ? [{ kind: 'unreadable', side: releaseSide }]
      : releaseChanges(id, before, after, relBefore.get(id)?.data, relAfter.get(id)?.data);
    // The release's own status leads: a cancellation above everything else said about it.
    const changes = [
      ...release.filter((c) => c.kind === 'release-status'),
      ...scopeChanges(id, was, now, scopeBefore, scopeAfter, modsAfter, unreadable),
      ...release.filter((c) => c.kind !== 'release-status'),
    ];
    const removedForStatus = new Set(changes.flatMap((c) => (c.kind === 'removed' && c.status !== undefined ? [c.modification] : [])));
    const inScope = [...new Set([...was, ...now].map((e) => e.modification.id))].sort();
    for (const m of inScope) {
      changes.push(...partsChange(id, modsBefore.get(m)?.data, modsAfter.get(m)?.data, changes));
      changes.push(...modificationChanges(modsBefore.get(m)?.data, modsAfter.get(m)?.data).filter((c) => !(c.kind === 'status' && removedForStatus.has(m))));
    }
    changes.push(...(crs.byRelease.get(id) ?? []), ...(deps.get(id) ?? []));
    if (changes.length === 0) continue;
    const planned =
      findRelease(id, { cycle: after.config.cycle, files: releaseInputs(after) }) ??
      findRelease(id, { cycle: before.config.cycle, files: releaseInputs(before) });
    // What left was in the earlier scope, what joined is in the later one: each is baselined or not as its side was.
    const coverage = { before: baselineCoverage(relBefore.get(id)?.data.rid), after: baselineCoverage(relAfter.get(id)?.data.rid) };
    out.push(withLines({ release: id, ...(planned ? { name: planned.name } : {}), changes }, coverage));
  }
  const unscheduled = [...unscheduledChanges(modsBefore, modsAfter, scheduled, unreadable), ...crs.apart];
  if (unscheduled.length) out.push(withLines({ changes: unscheduled }));
  // A cancelled release leads the whole diff (stable: release-id order otherwise).
  const cancelled = (d: ReleaseDiff) => (d.changes.some(isCancellation) ? 0 : 1);
  return out.sort((a, b) => cancelled(a) - cancelled(b));
}

function withLines(d: Omit<ReleaseDiff, 'lines'>, coverage?: { before?: BaselineCoverage | undefined; after?: BaselineCoverage | undefined }): ReleaseDiff {
  return { ...d, lines: d.changes.map((c) => describeChange(c, c.kind === 'removed' ? coverage?.before : coverage?.after)) };
}

type Unreadable = Record<'before' | 'after', RepoModel['invalidIds']>;

function scopeChanges(
  id: string,
  was: ScopeEntry[],
  now: ScopeEntry[],
  before: Map<string, ScopeEntry[]>,
  after: Map<string, ScopeEntry[]>,
  modsAfter: Map<string, Entity<Modification>>,
  unreadable: Unreadable,
): Change[] {
  const wasKeys = new Set(was.map((e) => e.key));
  const nowKeys = new Set(now.map((e) => e.key));
  const releaseOf = (scope: Map<string, ScopeEntry[]>, key: string) => [...scope].find(([r, list]) => r !== id && list.some((e) => e.key === key))?.[0];
  const out: Change[] = [];
  // A modification whose file does not load on the other side looks added or removed; it is unknown.
  const notKnown = new Set<string>();
  const unknownOn = (side: 'before' | 'after', m: string): boolean => {
    if (!unreadable[side].modifications.has(m)) return false;
    if (!notKnown.has(m)) out.push({ kind: 'unreadable', modification: m, side });
    notKnown.add(m);
    return true;
  };
  for (const e of now) {
    if (wasKeys.has(e.key) || unknownOn('before', e.modification.id)) continue;
    const c: Change = { kind: 'added', key: e.key, modification: e.modification.id, systemImpact: e.systemsScope, status: e.modification.data.status };
    const from = releaseOf(before, e.key);
    if (from) c.movedFrom = from;
    // Approved before and after, moved with no new Authority revision on record: only the Authority revises
    // an approved implementation date (IMP-6), so the move needs one.
    const then = from ? before.get(from)?.find((x) => x.key === e.key)?.modification.data : undefined;
    if (approvedWithoutNewRevision(then, e.modification.data)) c.unrevised = true;
    out.push(c);
  }
  for (const e of was) {
    if (nowKeys.has(e.key) || unknownOn('after', e.modification.id)) continue;
    const still = modsAfter.get(e.modification.id);
    const c: Change = { kind: 'removed', key: e.key, modification: e.modification.id, systemImpact: still ? systemsScope(still.data) : e.systemsScope };
    const to = releaseOf(after, e.key);
    if (to) c.movedTo = to;
    // Rejected or withdrawn: say why it left, once, instead of a separate status line.
    const status = still?.data.status;
    if (status !== e.modification.data.status && isTurnedDown(status)) c.status = status;
    out.push(c);
  }
  return out;
}

function releaseChanges(id: string, before: RepoModel, after: RepoModel, was: Release | undefined, now: Release | undefined): Change[] {
  const out: Change[] = [];
  const place = (m: RepoModel) => findRelease(id, { cycle: m.config.cycle, files: releaseInputs(m) });
  const statusOf = (m: RepoModel, data: Release | undefined) => data?.status ?? (place(m)?.cancelled ? 'cancelled' : undefined);
  const status = { from: statusOf(before, was), to: statusOf(after, now) };
  if (status.from !== status.to) out.push({ kind: 'release-status', ...status });
  const from = place(before)?.date;
  const to = place(after)?.date;
  if (from !== to) out.push({ kind: 'date', field: 'go-live', from, to });
  // The dates the RID's timetable and the rules record as done (TST-1, GL-2, CST-4).
  const dates: [DateField, (r: Release | undefined) => string | undefined][] = [
    ['tad.toTag', (r) => r?.tad?.toTag],
    ['tad.published', (r) => r?.tad?.published],
    ['acceptance.evidenceSubmitted', (r) => r?.acceptance?.evidenceSubmitted],
    ['costs.actualReported', (r) => r?.costs?.actualReported],
  ];
  for (const [field, get] of dates) if (get(was) !== get(now)) out.push({ kind: 'date', field, from: get(was), to: get(now) });
  if (was?.rid?.version !== now?.rid?.version) out.push({ kind: 'rid-version', from: was?.rid?.version, to: now?.rid?.version });
  out.push(...baselineChanges(was?.rid?.baselines ?? [], now?.rid?.baselines ?? []));
  for (const notice of ['twelveMonth', 'sixMonth', 'oneMonth'] as const) pushNotice(out, undefined, notice, was?.notices?.[notice], now?.notices?.[notice]);
  for (const field of ['forecast', 'actual'] as const) {
    pushCost(out, undefined, field, pence(was?.costs?.[field], breakdownPence), pence(now?.costs?.[field], breakdownPence));
  }
  pushCost(out, undefined, 'statedTotal', pence(was?.costs?.statedTotal, toPence), pence(now?.costs?.statedTotal, toPence));
  out.push(...releaseContentChanges(was, now));
  return out;
}

const baselineKey = (b: RidBaseline) => `${b.version}|${b.date}|${b.covers}`;

function baselineChanges(was: readonly RidBaseline[], now: readonly RidBaseline[]): Change[] {
  const before = new Set(was.map(baselineKey));
  const after = new Set(now.map(baselineKey));
  const change = (b: RidBaseline, c: 'added' | 'removed'): Change => ({ kind: 'baseline', change: c, version: b.version, date: b.date, covers: b.covers });
  return [
    ...now.filter((b) => !before.has(baselineKey(b))).map((b) => change(b, 'added')),
    ...was.filter((b) => !after.has(baselineKey(b))).map((b) => change(b, 'removed')),
  ];
}

function pushNotice(out: Change[], modification: string | undefined, notice: NoticeField, from: string | undefined, to: string | undefined): void {
  if (from === to) return;
  out.push(modification ? { kind: 'notice', modification, notice, from, to } : { kind: 'notice', notice, from, to });
}

function modificationChanges(was: Modification | undefined, now: Modification | undefined): Change[] {
  if (!was || !now) return [];
  const id = now.id;
  const out: Change[] = [];
  // A decision recorded with its outcome is one change: "MP142 approved on 10 January 2020".
  const decided = was.status !== now.status && (now.status === 'approved' || now.status === 'rejected') && !was.decision?.date ? now.decision?.date : undefined;
  if (was.status !== now.status) out.push({ kind: 'status', modification: id, from: was.status, to: now.status, ...(decided ? { on: decided } : {}) });
  const dates: [DateField, (m: Modification) => string | undefined][] = [
    ['decision.expected', (m) => m.decision?.expected],
    ['decision.date', (m) => m.decision?.date],
    ['decision.referralWindowEnd', (m) => m.decision?.referralWindowEnd],
    ['implementation.date', (m) => m.implementation?.date],
  ];
  for (const [field, get] of dates) {
    if (get(was) !== get(now) && !(field === 'decision.date' && decided)) out.push({ kind: 'date', modification: id, field, from: get(was), to: get(now) });
  }
  pushCost(out, id, 'dcc', pence(was.costs?.dcc, breakdownPence), pence(now.costs?.dcc, breakdownPence));
  pushCost(out, id, 'secas', pence(was.costs?.secas?.amount, toPence), pence(now.costs?.secas?.amount, toPence));
  pushNotice(out, id, 'approval', was.notices?.approval, now.notices?.approval);
  out.push(...textChanges(was, now));
  return out;
}

/**
 * The number of parts a modification is delivered in changed, while this release's own share of it did not
 * (a part added to or dropped from another release): this release's RID says "delivered in N parts".
 */
function partsChange(release: string, was: Modification | undefined, now: Modification | undefined, changes: readonly Change[]): Change[] {
  if (!was || !now) return [];
  const from = was.parts?.length ?? 0;
  const to = now.parts?.length ?? 0;
  if (from === to || changes.some((c) => (c.kind === 'added' || c.kind === 'removed') && c.modification === now.id)) return [];
  const elsewhere = (now.parts ?? [])
    .filter((p) => p.release !== release)
    .map((p) => ({ part: p.part, release: p.release }))
    .sort((a, b) => a.part - b.part);
  return [{ kind: 'parts', modification: now.id, from, to, elsewhere }];
}

function unscheduledChanges(
  before: Map<string, Entity<Modification>>,
  after: Map<string, Entity<Modification>>,
  scheduled: Set<string>,
  unreadable: Unreadable,
): Change[] {
  const out: Change[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (scheduled.has(id)) continue;
    const was = before.get(id)?.data;
    const now = after.get(id)?.data;
    if (!was && now)
      out.push(
        unreadable.before.modifications.has(id)
          ? { kind: 'unreadable', modification: id, side: 'before' }
          : { kind: 'recorded', modification: id, status: now.status },
      );
    else if (was && !now)
      out.push(unreadable.after.modifications.has(id) ? { kind: 'unreadable', modification: id, side: 'after' } : { kind: 'deleted', modification: id });
    else out.push(...modificationChanges(was, now));
  }
  return out;
}

function pence<T>(value: T | undefined, toP: (v: T) => Pence): Pence | undefined {
  return value === undefined ? undefined : toP(value);
}

function pushCost(out: Change[], modification: string | undefined, field: CostField, from: Pence | undefined, to: Pence | undefined): void {
  if (from === to) return;
  out.push(modification ? { kind: 'cost', modification, field, from, to } : { kind: 'cost', field, from, to });
}
