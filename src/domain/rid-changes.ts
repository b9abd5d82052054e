// RID changes in words: the versions a branch changes (`report pr`), each release whose version differs between
// the base and the branch or that RID-1 would bump on it, with why; and a history entry's changes as printed.
import type { Release } from './model.js';
import type { Entity } from './repository.js';
import type { BumpPlan } from './versioning.js';

export interface RidChange {
  release: string;
  file: string;
  /** The version at the base and on the branch (undefined: no RID). */
  base: string | undefined;
  branch: string | undefined;
  /** What `rid bump` would make of the branch, when it would move the version. */
  bump?: string;
  why: string[];
}

/**
 * From the base's releases and what RID-1 makes of each of the branch's (`plan`: its bump, absent with no
 * RID): the changes to review, and why (the pending bump's changes, else the branch's new history entries).
 */
export function ridChanges(before: readonly Entity<Release>[], outcomes: readonly { entity: Entity<Release>; plan?: BumpPlan }[]): RidChange[] {
  const was = new Map(before.map((r) => [r.id, r]));
  const rows: RidChange[] = [];
  for (const { entity, plan } of outcomes) {
    const old = was.get(entity.id)?.data.rid;
    const now = entity.data.rid;
    const pending = plan && plan.kind !== 'none' && plan.kind !== 'record' ? plan : undefined;
    if (old?.version === now?.version && !pending) continue;
    const why = pending ? pending.changes : newHistory(was.get(entity.id), entity);
    rows.push({
      release: entity.id,
      file: entity.file,
      base: old?.version,
      branch: now?.version,
      ...(pending?.to !== undefined ? { bump: pending.to } : {}),
      why,
    });
  }
  return rows;
}

/** The changes of the history entries the branch added to a release's RID. */
function newHistory(before: Entity<Release> | undefined, after: Entity<Release>): string[] {
  const known = new Set((before?.data.rid?.history ?? []).map((h) => h.version));
  return (after.data.rid?.history ?? []).filter((h) => !known.has(h.version)).map((h) => `${h.version}: ${historyChanges(h.changes)}`);
}

/**
 * A history entry's changes as the RID's Document History prints them: one text, or the list `rid bump`
 * writes, each item a sentence ("SECMP0310 added to the baselined systems scope. SECMP0311 removed …"),
 * as the Panel's own entries are ("Version baselined by the Panel to cover … the DCC Systems.").
 */
export function historyChanges(changes: string | readonly string[]): string {
  // `rid bump` writes one change as a text, several as a list: both read the same.
  return (typeof changes === 'string' ? [changes] : changes)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => (/[.!?]$/.test(c) ? c : `${c}.`))
    .join(' ');
}
