// The arithmetic of the benchmarks, pure (no processes, no clock), so a test can check it.

/** The median: the middle value, or the mean of the middle two. */
export function median(xs) {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median, min and max of one case's timed runs (ms). */
export function summarise(times) {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs: times.length };
}

/** How far a case's runs spread around its median: (max − min) / median. */
export const spread = (row) => (row.max - row.min) / row.median;

/** The least rise that counts as a rise, whatever the spread of the runs. */
export const GROWTH_TOLERANCE = 0.1;

/**
 * Growth of one command over sizes: `points` are [{ n, row }] by size. The time per 1,000 modifications
 * at each size, and each step from one size to the next: rising beyond noise when the larger size's time
 * per 1,000 exceeds the smaller's by more than the tolerance, which is GROWTH_TOLERANCE or the spread of
 * either size's runs, whichever is larger. Linear (or better) when no step rises.
 */
export function growth(points) {
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const per = sorted.map(({ n, row }) => ({ n, ms: row.median / (n / 1000) }));
  const steps = [];
  for (let i = 1; i < sorted.length; i++) {
    const tolerance = Math.max(GROWTH_TOLERANCE, spread(sorted[i - 1].row), spread(sorted[i].row));
    const rise = per[i].ms / per[i - 1].ms - 1;
    steps.push({ from: sorted[i - 1].n, to: sorted[i].n, rise, tolerance, rising: rise > tolerance });
  }
  return { per, steps, linear: steps.every((s) => !s.rising) };
}
