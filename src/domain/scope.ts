// The scope of each release: the (modification, part) pairs that target it, approved or targeted (SCP-6).
import { dccImpact, systemsScope } from './impact.js';
import type { Modification, ModificationStatus, Release } from './model.js';
import type { Entity, PathSegment, RepoModel } from './repository.js';
import { isApproved, isTurnedDown } from './status.js';
import { compare, isValidIsoDate } from './dates.js';

export type ScopeStatus = 'approved' | 'targeted';

export interface ScopeEntry {
  /** `SECMP0062` or, for one part of a modification delivered in parts, `SECMP0062#1`. */
  key: string;
  modification: Entity<Modification>;
  release: string;
  part?: number;
  status: ScopeStatus;
  /** Impacts DCC Systems: needs a System Release (the release type follows it). */
  systemImpact: boolean;
  /** Impacts DCC or User Systems: its scope is set 12 months before go-live (the cut-off follows it). */
  systemsScope: boolean;
  addedToScope?: string;
  /** The Panel's rationale for adding it after the cut-off (SCP-2). */
  exception?: string;
  /** Where the release is named in the file: a finding about this entry points here. */
  releasePath: PathSegment[];
}

export function scopeStatus(status: ModificationStatus | undefined): ScopeStatus | undefined {
  if (isTurnedDown(status)) return undefined;
  return isApproved(status) ? 'approved' : 'targeted';
}

/** The scope entries one modification contributes: one per part, or one for the whole. */
export function scopeEntriesOf(m: Entity<Modification>): ScopeEntry[] {
  const status = scopeStatus(m.data.status);
  if (!status) return [];
  const impl = m.data.implementation;
  const systemImpact = dccImpact(m.data);
  const systemsCut = systemsScope(m.data);
  const parts = m.data.parts ?? [];
  if (parts.length > 0) {
    return parts.map((p, i) => {
      const e: ScopeEntry = {
        key: `${m.id}#${p.part}`,
        modification: m,
        release: p.release,
        part: p.part,
        status,
        systemImpact,
        systemsScope: systemsCut,
        releasePath: ['parts', i, 'release'],
      };
      const added = p.addedToScope ?? impl?.addedToScope;
      if (added !== undefined) e.addedToScope = added;
      const exception = p.exception ?? impl?.exception;
      if (exception !== undefined) e.exception = exception;
      return e;
    });
  }
  if (!impl?.release) return [];
  const e: ScopeEntry = {
    key: m.id,
    modification: m,
    release: impl.release,
    status,
    systemImpact,
    systemsScope: systemsCut,
    releasePath: ['implementation', 'release'],
  };
  // Moved here by a recorded re-target or revision: it joined this scope that day at the earliest, whatever an
  // `addedToScope` left from its old release says (else a late move would pass the cut-off unseen, SCP-2).
  const movedIn = movedInOn(impl, impl.release);
  const added = movedIn && (!isValidIsoDate(impl.addedToScope) || compare(movedIn, impl.addedToScope) > 0) ? movedIn : impl.addedToScope;
  if (added !== undefined) e.addedToScope = added;
  if (impl.exception !== undefined) e.exception = impl.exception;
  return [e];
}

/**
 * What the entry delivers, in words: its part's own summary, else the modification's. Read from the data when
 * a page shows it, not kept on the entry: the checks that build every scope have no use for a summary, and
 * the lean copy validate loads has none (src/domain/validate-reads.ts).
 */
export function entrySummary(e: ScopeEntry): string | undefined {
  // A part's entry is named at ['parts', its index, 'release'].
  const at = e.part === undefined ? undefined : e.releasePath[1];
  const part = typeof at === 'number' ? e.modification.data.parts?.[at] : undefined;
  return part?.summary ?? e.modification.data.summary;
}

/** The latest recorded move (re-target or Authority revision) that brought a whole modification into `release`. */
function moveIn(impl: NonNullable<Modification['implementation']>, release: string): { date: string; from: string } | undefined {
  // Nearly every modification has never moved: no lists to build for it.
  if (!impl.retargets?.length && !impl.revisions?.length) return undefined;
  const moves = [...(impl.retargets ?? []), ...(impl.revisions ?? [])].filter((r) => isValidIsoDate(r.date));
  const last = moves.sort((a, b) => compare(a.date, b.date)).at(-1);
  return last && last.from !== release && (last.to === undefined || last.to === release) ? { date: last.date, from: last.from } : undefined;
}

function movedInOn(impl: NonNullable<Modification['implementation']>, release: string): string | undefined {
  return moveIn(impl, release)?.date;
}

/** The release a whole modification now in `release` was moved from, by its latest recorded move. */
export function movedInFrom(m: Modification, release: string): string | undefined {
  return m.implementation?.release === release && !(m.parts ?? []).length && m.implementation ? moveIn(m.implementation, release)?.from : undefined;
}

/** Every release's scope in one pass over the modifications, sorted by key within a release. */
export function scopeByRelease(model: Pick<RepoModel, 'modifications'>): Map<string, ScopeEntry[]> {
  const out = new Map<string, ScopeEntry[]>();
  for (const m of model.modifications) {
    for (const e of scopeEntriesOf(m)) {
      const list = out.get(e.release);
      if (list) list.push(e);
      else out.set(e.release, [e]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}

/**
 * The DCC Change Requests implemented alongside a release: those its file lists, then those recorded in
 * change-requests/ that name it (`releases: [2028-11]`), each once.
 */
export interface ChangeRequestAlongside {
  id: string;
  title: string;
  summary: string | null;
}

export function changeRequestsAlongside(model: Pick<RepoModel, 'changeRequests'>, releaseId: string, data: Release | undefined): ChangeRequestAlongside[] {
  const listed = (data?.changeRequests ?? []).map((c) => ({ id: c.id, title: c.title, summary: c.summary ?? null }));
  const ids = new Set(listed.map((c) => c.id));
  const recorded = (model.changeRequests ?? [])
    .filter((c) => !ids.has(c.id) && (c.data.releases ?? []).includes(releaseId))
    .map((c) => ({ id: c.id, title: c.data.title, summary: c.data.summary ?? null }));
  return [...listed, ...recorded];
}

/**
 * The release changes DCC Systems: a DCC-System-impacting modification in scope, or a DCC Change Request
 * alongside. Without, the DCC tests and costs nothing (its testing and security criteria, the Forecast
 * Release Cost and the actual cost report do not apply), whatever the release's type.
 */
export function changesDccSystems(scope: readonly Pick<ScopeEntry, 'systemImpact'>[], changeRequests: readonly unknown[] | undefined): boolean {
  return scope.some((e) => e.systemImpact) || (changeRequests ?? []).length > 0;
}

/**
 * Why a scope item (`SECMP0062` or `SECMP0062#2`) is no longer in `release`: its modification was turned down
 * (withdrawn, rejected), or it (or that part) now targets another release; undefined when neither is recorded.
 */
export function whyLeft(m: Modification, key: string, release: string): { turnedDown: ModificationStatus } | { movedTo: string } | undefined {
  if (isTurnedDown(m.status) && m.status !== undefined) return { turnedDown: m.status };
  const part = key.split('#')[1];
  const now = part === undefined ? m.implementation?.release : m.parts?.find((p) => String(p.part) === part)?.release;
  return now !== undefined && now !== release ? { movedTo: now } : undefined;
}
