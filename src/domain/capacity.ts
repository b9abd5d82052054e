// Capacity (CAP-1): how much of a release's room its scope uses, against the config's optional limits.
import { breakdownPence, formatMoney, sumPence, toPence } from './money.js';
import type { Capacity } from './model.js';
import type { ScopeEntry } from './scope.js';

export interface CapacityUse {
  /** What is over (or, with `adding`, would be over) a limit, in words; empty when within every limit. */
  over: string[];
}

/**
 * The limits a release's scope exceeds. With `adding`, whether one more entry (a system-impacting one, with
 * that DCC cost in pounds) would exceed them: a release already at a limit is full.
 */
export function capacityUse(capacity: Capacity, scope: readonly ScopeEntry[], adding?: { systemImpact: boolean; dccCost?: number }): CapacityUse {
  const over: string[] = [];
  const system = scope.filter((e) => e.systemImpact).length + (adding?.systemImpact ? 1 : 0);
  const limit = capacity.systemModifications;
  if (limit !== undefined && system > limit && (!adding || adding.systemImpact)) {
    over.push(adding ? `it already holds ${system - 1} DCC-System-impacting modifications, the most it can hold (capacity.systemModifications: ${limit})`
      : `it holds ${system} DCC-System-impacting modifications, more than the ${limit} it can hold (capacity.systemModifications)`);
  }
  if (capacity.dccCost !== undefined) {
    // A modification in parts counts once, in the release of its first part.
    const counted = scope.filter((e) => e.part === undefined || e.part === Math.min(...(e.modification.data.parts ?? []).map((p) => p.part)));
    const cost = sumPence([...counted.map((e) => (e.modification.data.costs?.dcc ? breakdownPence(e.modification.data.costs.dcc) : 0)), adding?.dccCost ? toPence(adding.dccCost) : 0]);
    const max = toPence(capacity.dccCost);
    if (cost > max) over.push(`its modifications' DCC costs come to ${formatMoney(cost)}${adding ? ' with this one' : ''}, more than the ${formatMoney(max)} it can hold (capacity.dccCost)`);
  }
  return { over };
}
