// The RID's costs section as data, in exact pence: each DCC System-impacting modification's breakdown
// (CST-1) with the totals secrel computes, the release's forecast and actual, and SECAS costs.
import type { DccCosts, ReleaseCosts } from '../domain/model.js';
import { COST_HEADINGS, sumPence, toPence, type CostHeading, type Pence } from '../domain/money.js';
import { costsByPart, entryCosts } from '../domain/entry-costs.js';
import type { ScopeEntry } from '../domain/scope.js';
import { andList } from '../domain/text.js';
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
  /** The first part of such a modification, here: its row holds the whole modification's costs, the later parts' too. */
  costedWhole: { id: string; part: number; laterParts: string }[];
  /** DCC System-impacting modifications (or parts) in scope. */
  systemModificationCount: number;
  statedTotal: Pence | null;
  statedTotalDiffers: boolean;
  operationalCosts: boolean;
  /** Modifications whose breakdown leaves an operational heading out: unknown, not "no impact" (CST-1 warns). */
  operationalUnrecorded: string[];
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
 * Each DCC System-impacting modification (or part) in scope with its DCC costs: a part costed on its own
 * (`parts[].costs`) in its release, else the whole modification's costs once, with its first part (entryCosts).
 */
export function costsView(entries: readonly ScopeEntry[], costs: ReleaseCosts | undefined, releaseName: (id: string) => string): CostsView {
  const costedElsewhere: CostsView['costedElsewhere'] = [];
  const costedWhole: CostsView['costedWhole'] = [];
  const seen = new Set<string>();
  const costed: { id: string; dcc: DccCosts | undefined }[] = [];
  for (const e of orderScope(entries).filter((x) => x.systemImpact)) {
    const c = entryCosts(e);
    const id = e.part !== undefined && costsByPart(e) ? `${e.modification.id} part ${e.part}` : e.modification.id;
    if (seen.has(id)) continue;
    seen.add(id);
    if (c.elsewhere) costedElsewhere.push({ id: e.modification.id, part: e.part!, firstPart: c.elsewhere.part, releaseName: releaseName(c.elsewhere.release) });
    else costed.push({ id, dcc: c.dcc });
    const later =
      e.part !== undefined && !c.elsewhere && !costsByPart(e)
        ? (e.modification.data.parts ?? []).filter((p) => p.part !== e.part).sort((a, b) => a.part - b.part)
        : [];
    if (later.length > 0 && !c.elsewhere && c.dcc)
      costedWhole.push({
        id: e.modification.id,
        part: e.part!,
        laterParts: `${andList(later.map((p) => `part ${p.part} (in the ${releaseName(p.release)})`))} ${later.length === 1 ? 'adds' : 'add'} none there`,
      });
  }
  const breakdowns = costed.filter((b): b is { id: string; dcc: DccCosts } => b.dcc !== undefined);
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
  const secas = [
    ...(costs?.secas ?? []).map((s) => ({ activity: s.activity ?? 'SECAS effort', days: s.days ?? null, amount: toPence(s.amount) })),
    ...modificationSecas(entries),
  ];
  return {
    headings: shown.map((h) => TABLE_LABELS[h]),
    rows,
    totals,
    grandTotal,
    hasBreakdown: rows.length > 0,
    withoutCosts: costed.filter((b) => b.dcc === undefined).map((b) => b.id),
    costedElsewhere,
    costedWhole,
    systemModificationCount: costed.length + costedElsewhere.length,
    statedTotal,
    statedTotalDiffers: statedTotal !== null && rows.length > 0 && statedTotal !== grandTotal,
    operationalCosts: breakdowns.some((b) => anyOperational(b.dcc)) || anyOperational(costs?.forecast) || anyOperational(costs?.actual),
    operationalUnrecorded: breakdowns.filter((b) => OPERATIONAL.some((h) => b.dcc[h] === undefined)).map((b) => b.id),
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

/** Each modification's own SECAS effort (`costs.secas`), once: with its first part when it is delivered in parts. */
function modificationSecas(entries: readonly ScopeEntry[]): CostsView['secas'] {
  const seen = new Set<string>();
  return orderScope(entries).flatMap((e) => {
    const m = e.modification.data;
    const first = (m.parts ?? []).reduce<number | undefined>((a, p) => (a === undefined || p.part < a ? p.part : a), undefined);
    const s = m.costs?.secas;
    if (seen.has(m.id) || s?.amount === undefined || (e.part !== undefined && e.part !== first)) return [];
    seen.add(m.id);
    return [{ activity: `Implementing ${m.id}`, days: s.days ?? null, amount: toPence(s.amount) }];
  });
}
