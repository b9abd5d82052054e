// The DCC costs one scope entry brings to its release (CST-1): the whole modification's, or for a modification
// delivered in parts, each part's own (`parts[].costs.dcc`) when the file costs its parts. Without part costs
// the whole modification's costs are counted once, with its first part, so no release counts them twice.
import type { DccCosts } from './model.js';
import type { PathSegment } from './repository.js';
import type { ScopeEntry } from './scope.js';

export type EntryCosts =
  /** Costed in this release: `dcc` undefined when the file records none yet; `path` is where they belong. */
  | { dcc: DccCosts | undefined; path: PathSegment[]; elsewhere?: undefined }
  /** A later part of a modification costed whole: its costs are counted with that first part. */
  | { elsewhere: { part: number; release: string } };

/** Whether a modification delivered in parts records costs per part. */
export function costsByPart(entry: ScopeEntry): boolean {
  return (entry.modification.data.parts ?? []).some((p) => p.costs !== undefined);
}

export function entryCosts(entry: ScopeEntry): EntryCosts {
  const m = entry.modification.data;
  const parts = m.parts ?? [];
  if (entry.part === undefined || parts.length === 0) return { dcc: m.costs?.dcc, path: ['costs', 'dcc'] };
  if (costsByPart(entry)) {
    const index = parts.findIndex((p) => p.part === entry.part);
    return { dcc: parts[index]?.costs?.dcc, path: ['parts', index, 'costs', 'dcc'] };
  }
  const first = [...parts].sort((a, b) => a.part - b.part)[0]!;
  return first.part === entry.part ? { dcc: m.costs?.dcc, path: ['costs', 'dcc'] } : { elsewhere: { part: first.part, release: first.release } };
}
