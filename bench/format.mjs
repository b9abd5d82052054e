// How the benchmarks print: one table per repository, the growth lines, the budgets. Pure: strings in,
// strings out.

export const thousands = (n) => n.toLocaleString('en-GB');

const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => (x === undefined ? '—' : `${x.toFixed(0)} MB`);

/**
 * A table of measured rows: median and range of the timed runs, peak RSS of the first run, and the
 * median as a multiple of each reference's (`refs`: [{ label, row }], rows absent are left out); below
 * 1 is faster than the reference.
 */
export function formatRows(rows, refs) {
  const present = refs.filter((r) => r.row);
  const head = ['case', 'median', 'min–max', 'peak RSS', ...present.map((r) => `÷ ${r.label}`)];
  const body = rows.map((row) => [
    row.name,
    ms(row.median),
    `${row.min.toFixed(0)}–${row.max.toFixed(0)}`,
    mb(row.peakMb),
    ...present.map((r) => (r.row === row ? '' : `${(row.median / r.row.median).toFixed(2)}×`)),
  ]);
  const table = [head, ...body];
  const widths = head.map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  // The name is left-aligned, every figure right-aligned.
  return table.map((cells) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd());
}

/** One line per command: time per 1,000 modifications at each size, and each step's rise. */
export function formatGrowth(name, g, width) {
  const per = g.per.map((p) => ms(p.ms).padStart(8)).join(' ');
  const steps = g.steps.map((s) => `${signed(s.rise)}${s.rising ? ' (rising)' : ''}`).join(', ');
  return `  ${name.padEnd(width)}  ${per}   steps ${steps}`;
}

const signed = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)}%`;

/** Budgets: met, MISSED or "not run" (the run did not measure it), with the figures. */
export function formatBudgets(results) {
  const w = Math.max(...results.map((r) => r.what.length));
  const state = (met) => (met === undefined ? 'not run' : met ? 'met    ' : 'MISSED ');
  return results.map((r) => `  ${state(r.met)}  ${r.what.padEnd(w)}  ${r.value}`);
}
