// Capacity (CAP-1): how much of a release's room its scope uses, against the config's optional limits.
import { breakdownPence, formatMoney, sumPence, toPence } from './money.js';
import type { Capacity } from './model.js';
import { entryCosts } from './entry-costs.js';
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
    over.push(
      adding
        ? `it already holds ${system - 1} DCC-System-impacting modifications, the most it can hold (capacity.systemModifications: ${limit})`
        : `it holds ${system} DCC-System-impacting modifications, more than the ${limit} it can hold (capacity.systemModifications)`,
    );
  }
  if (capacity.dccCost !== undefined) {
    // A part counts its own costs; a modification costed whole counts once, in the release of its first part.
    const costs = scope.map(entryCosts).map((c) => (c.elsewhere || !c.dcc ? 0 : breakdownPence(c.dcc)));
    const cost = sumPence([...costs, adding?.dccCost ? toPence(adding.dccCost) : 0]);
    const max = toPence(capacity.dccCost);
    if (cost > max)
      over.push(
        `its modifications' DCC costs come to ${formatMoney(cost)}${adding ? ' with this one' : ''}, more than the ${formatMoney(max)} it can hold (capacity.dccCost)`,
      );
  }
  return { over };
}
