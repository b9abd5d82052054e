// Cost rules: a DCC breakdown per system-impacting modification (CST-1), stated totals equal their parts in
// exact pence (CST-2), the Forecast Release Cost at the first baseline (CST-3), the actual cost report (CST-4).
import { compare, isValidIsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { breakdownPence, COST_HEADINGS, REQUIRED_COST_HEADINGS, formatMoney, isWholePence, toPence } from '../money.js';
import { costsByPart, entryCosts } from '../entry-costs.js';
import type { DccCosts } from '../model.js';
import type { Entity, PathSegment } from '../repository.js';
import type { Rule } from './context.js';
import { deadlineFindings } from './deadline.js';
import { placedEntries, scopeCutOff } from './scope.js';
import { dotted, fieldFinding, valueAt } from './support.js';

export const costBreakdown: Rule = {
  id: 'CST-1',
  title: 'each DCC-System-impacting modification in a System Release has its DCC costs broken down',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    // Earliest release first, so a modification delivered in parts is reported once, on its first part.
    const placed = placedEntries(ctx).sort((a, b) => compare(a.release.date, b.release.date));
    for (const { entry: e, release } of placed) {
      const m = e.modification;
      const costs = entryCosts(e);
      // A part costed on its own is checked in its own release; a modification costed whole, once.
      const key = e.part !== undefined && costsByPart(e) ? e.key : m.id;
      if (costs.elsewhere || !e.systemImpact || release.type !== 'system' || seen.has(key)) continue;
      // Costs are due in the Modification Report, and in the RID once the systems scope is set.
      if (e.status !== 'approved' && compare(ctx.asOf, scopeCutOff(release.date, true)) <= 0) continue;
      seen.add(key);
      const ids = { modification: m.id, release: release.id };
      const { dcc, path } = costs;
      const field = dotted(path);
      const what = key === m.id ? m.id : `Part ${e.part} of ${m.id}`;
      const headings = REQUIRED_COST_HEADINGS.map((h) => h as string).join(', ');
      if (!dcc) {
        out.push(
          fieldFinding(
            m,
            path,
            'CST-1',
            'warning',
            `${what} impacts DCC Systems but has no DCC cost breakdown: add ${field} (${headings}; 0 where there is no cost)`,
            ids,
          ),
        );
        continue;
      }
      const missing = REQUIRED_COST_HEADINGS.filter((h) => dcc[h] === undefined);
      if (missing.length > 0) {
        out.push(
          fieldFinding(
            m,
            path,
            'CST-1',
            'warning',
            `${what}'s DCC cost breakdown lacks ${missing.join(', ')}: record every heading, 0 where there is no cost`,
            { ...ids, where: 'key' },
          ),
        );
      }
    }
    return out;
  },
};

export const statedTotals: Rule = {
  id: 'CST-2',
  title: 'a stated total equals the sum of its parts, to the penny',
  check(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.model.modifications) {
      const release = m.data.implementation?.release ?? m.data.parts?.[0]?.release;
      const ids = release ? { modification: m.id, release } : { modification: m.id };
      const f = totalFinding(m, ['costs', 'dcc'], ['costs', 'dcc', 'total'], `${m.id}'s stated DCC cost total`, ids);
      if (f) out.push(f);
      (m.data.parts ?? []).forEach((p, i) => {
        const base = ['parts', i, 'costs', 'dcc'];
        const pf = totalFinding(m, base, [...base, 'total'], `The stated DCC cost total of part ${p.part} of ${m.id}`, {
          modification: m.id,
          release: p.release,
        });
        if (pf) out.push(pf);
      });
    }
    for (const m of ctx.model.modifications)
      out.push(...subPennyFindings(m, ['costs'], { modification: m.id }), ...subPennyFindings(m, ['parts'], { modification: m.id }));
    for (const { entity, hasFile } of ctx.releases) {
      const ids = { release: entity.id };
      if (hasFile) out.push(...subPennyFindings(entity, ['costs'], ids));
      for (const kind of ['forecast', 'actual'] as const) {
        const f = totalFinding(entity, ['costs', kind], ['costs', kind, 'total'], `The stated ${kind} total`, ids);
        if (f) out.push(f);
      }
      const f = totalFinding(entity, ['costs', 'forecast'], ['costs', 'statedTotal'], "The RID's stated total", ids);
      if (f) out.push(f);
    }
    return out;
  },
};

/** Every amount under `path` with more than two decimals: money is exact, so it is an error, never rounded (CST-2). */
function subPennyFindings(entity: Entity<unknown>, path: PathSegment[], ids: { release?: string; modification?: string }): Finding[] {
  const out: Finding[] = [];
  const walk = (node: unknown, at: PathSegment[]): void => {
    if (typeof node === 'number') {
      if (Number.isFinite(node) && !isWholePence(node) && at[at.length - 1] !== 'days') {
        out.push(
          fieldFinding(
            entity,
            at,
            'CST-2',
            'error',
            `${dotted(at)} is ${String(node)}, which has more than two decimals: money is exact to the penny and secrel never rounds it: write the amount the Modification Report states, in pounds and pence`,
            ids,
          ),
        );
      }
    } else if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
  };
  walk(valueAt(entity.data, path), path);
  return out;
}

/** An error when the total at `totalPath` differs from the sum of the breakdown at `breakdownPath` (if both are there). */
function totalFinding(
  entity: Entity<unknown>,
  breakdownPath: PathSegment[],
  totalPath: PathSegment[],
  what: string,
  ids: { release?: string; modification?: string },
): Finding | undefined {
  const breakdown = valueAt(entity.data, breakdownPath) as DccCosts | undefined;
  const stated = valueAt(entity.data, totalPath);
  if (!breakdown || typeof stated !== 'number' || !COST_HEADINGS.some((h) => typeof breakdown[h] === 'number')) return undefined;
  const sum = breakdownPence(breakdown);
  const total = toPence(stated);
  if (sum === total) return undefined;
  const by = formatMoney(Math.abs(sum - total));
  return fieldFinding(
    entity,
    totalPath,
    'CST-2',
    'error',
    `${what} (${dotted(totalPath)}) is ${formatMoney(total)} but the breakdown (${dotted(breakdownPath)}) sums to ` +
      `${formatMoney(sum)} (${by} ${sum > total ? 'more' : 'less'}): correct the total or the breakdown`,
    ids,
  );
}

export const forecastCost: Rule = {
  id: 'CST-3',
  title: 'the Forecast Release Cost is recorded when a System Release is first baselined, 12 months before go-live',
  check: (ctx) => deadlineFindings(ctx, 'CST-3'),
};

export const actualCostReport: Rule = {
  id: 'CST-4',
  title: 'the actual cost report, with variance against forecast, comes within 3 months after go-live',
  check(ctx) {
    const out = deadlineFindings(ctx, 'CST-4');
    for (const { entity, planned } of ctx.releases) {
      const reported = entity.data.costs?.actualReported;
      if (planned.type !== 'system' || !isValidIsoDate(reported) || compare(reported, ctx.asOf) > 0 || entity.data.costs?.actual) continue;
      out.push(
        fieldFinding(
          entity,
          ['costs', 'actualReported'],
          'CST-4',
          'warning',
          `The actual cost report for the ${planned.name} is recorded, but not the actual costs: add costs.actual with the forecast's headings so the variance shows`,
          { release: entity.id },
        ),
      );
    }
    return out;
  },
};

export const COST_RULES: readonly Rule[] = [costBreakdown, statedTotals, forecastCost, actualCostReport];
