// The RID's costs section as data, in exact pence: each DCC System-impacting modification's breakdown
// (CST-1) with the totals secrel computes, the release's forecast and actual, and SECAS costs.
import type { DccCosts, ReleaseCosts } from '../domain/model.js';
import { COST_HEADINGS, sumPence, toPence, type CostHeading, type Pence } from '../domain/money.js';
import type { ScopeEntry } from '../domain/scope.js';
import { orderScope } from './rid-scope.js';

/** Column headings as the June 2020 RID's cost table writes them. */
const TABLE_LABELS: Readonly<Record<CostHeading, string>> = {
  designBuildPit: 'Design, Build & PIT',
  sit: 'SIT',
  uit: 'UIT',
  implementToLive: 'Implement to Live',
  oneOffOperational: 'One-off operational',
  ongoingOperational: 'Ongoing operational',
  systemCapacityTesting: 'System Capacity Testing',
};

const OPERATIONAL: readonly CostHeading[] = ['oneOffOperational', 'ongoingOperational'];

export interface CostsView {
  headings: string[];
  rows: { id: string; cells: (Pence | null)[]; total: Pence }[];
  totals: Pence[];
  grandTotal: Pence;
  hasBreakdown: boolean;
  /** DCC System-impacting modifications in scope whose file has no DCC costs yet. */
  withoutCosts: string[];
  /** Later parts of a modification delivered in parts: its costs are counted once, with its first part. */
  costedElsewhere: { id: string; part: number; firstPart: number; releaseName: string }[];
  /** DCC System-impacting modifications (or parts) in scope. */
  systemModificationCount: number;
  statedTotal: Pence | null;
  statedTotalDiffers: boolean;
  operationalCosts: boolean;
  release: {
    rows: { label: string; forecast: Pence | null; actual: Pence | null; variance: Pence | null }[];
    forecastTotal: Pence | null;
    actualTotal: Pence | null;
    varianceTotal: Pence | null;
  } | null;
  actualReported: string | null;
  secas: { activity: string; days: number | null; amount: Pence }[];
  secasTotal: Pence | null;
  notes: string | null;
}

const pence = (v: number | undefined): Pence | null => (typeof v === 'number' ? toPence(v) : null);
const nonZero = (v: number | undefined) => typeof v === 'number' && v !== 0;

/**
 * A modification's DCC costs are for the whole change, and parts carry none of their own: they are counted
 * once, in the release of its first part, so a release total never includes another release's costs.
 */
export function costsView(entries: readonly ScopeEntry[], costs: ReleaseCosts | undefined, releaseName: (id: string) => string): CostsView {
  const costedElsewhere: CostsView['costedElsewhere'] = [];
  const seen = new Set<string>();
  const mods = orderScope(entries).filter((e) => e.systemImpact).flatMap((e) => {
    const m = e.modification.data;
    if (seen.has(m.id)) return [];
    seen.add(m.id);
    const first = [...(m.parts ?? [])].sort((a, b) => a.part - b.part)[0];
    if (first && e.part !== undefined && first.part !== e.part) {
      costedElsewhere.push({ id: m.id, part: e.part, firstPart: first.part, releaseName: releaseName(first.release) });
      return [];
    }
    return [m];
  });
  const withCosts = mods.filter((m) => m.costs?.dcc !== undefined);
  const breakdowns = withCosts.map((m) => ({ id: m.id, dcc: m.costs!.dcc! }));
  // The implementation headings always; operational and capacity testing only where someone has a cost.
  const shown = COST_HEADINGS.filter((h) => ['designBuildPit', 'sit', 'uit', 'implementToLive'].includes(h) || breakdowns.some((b) => nonZero(b.dcc[h])));
  const rows = breakdowns.map((b) => {
    const cells = shown.map((h) => pence(b.dcc[h]));
    return { id: b.id, cells, total: sumPence(COST_HEADINGS.map((h) => pence(b.dcc[h]) ?? 0)) };
  });
  const totals = shown.map((_, i) => sumPence(rows.map((r) => r.cells[i] ?? 0)));
  const grandTotal = sumPence(rows.map((r) => r.total));
  const statedTotal = pence(costs?.statedTotal);
  const anyOperational = (c: DccCosts | undefined) => OPERATIONAL.some((h) => nonZero(c?.[h]));
  const secas = (costs?.secas ?? []).map((s) => ({ activity: s.activity ?? 'SECAS effort', days: s.days ?? null, amount: toPence(s.amount) }));
  return {
    headings: shown.map((h) => TABLE_LABELS[h]),
    rows,
    totals,
    grandTotal,
    hasBreakdown: rows.length > 0,
    withoutCosts: mods.filter((m) => m.costs?.dcc === undefined).map((m) => m.id),
    costedElsewhere,
    systemModificationCount: mods.length + costedElsewhere.length,
    statedTotal,
    statedTotalDiffers: statedTotal !== null && rows.length > 0 && statedTotal !== grandTotal,
    operationalCosts: breakdowns.some((b) => anyOperational(b.dcc)) || anyOperational(costs?.forecast) || anyOperational(costs?.actual),
    release: releaseCosts(costs),
    actualReported: costs?.actualReported ?? null,
    secas,
    secasTotal: secas.length > 0 ? sumPence(secas.map((s) => s.amount)) : null,
    notes: costs?.notes ?? null,
  };
}

function releaseCosts(costs: ReleaseCosts | undefined): CostsView['release'] {
  const { forecast, actual } = costs ?? {};
  if (!forecast && !actual) return null;
  const headings = COST_HEADINGS.filter((h) => forecast?.[h] !== undefined || actual?.[h] !== undefined);
  const rows = headings.map((h) => {
    const f = pence(forecast?.[h]);
    const a = pence(actual?.[h]);
    return { label: TABLE_LABELS[h], forecast: f, actual: a, variance: f !== null && a !== null ? a - f : null };
  });
  const total = (c: DccCosts | undefined) => (c ? sumPence(COST_HEADINGS.map((h) => pence(c[h]) ?? 0)) : null);
  const forecastTotal = total(forecast);
  const actualTotal = total(actual);
  return {
    rows,
    forecastTotal,
    actualTotal,
    varianceTotal: forecastTotal !== null && actualTotal !== null ? actualTotal - forecastTotal : null,
  };
}
