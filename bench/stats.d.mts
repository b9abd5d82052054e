// Types for bench/stats.mjs, so a test (TypeScript) can check the benchmark's arithmetic.
/** One measured case: its key and name, the median, min and max of its timed runs (ms), its peak RSS (MB). */
export interface Row {
  key: string;
  name: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  peakMb: number | undefined;
}
export interface Growth {
  per: { n: number; ms: number }[];
  steps: { from: number; to: number; rise: number; tolerance: number; rising: boolean }[];
  linear: boolean;
}
export declare function median(xs: number[]): number;
export declare function summarise(times: number[]): { median: number; min: number; max: number; runs: number };
export declare const GROWTH_TOLERANCE: number;
export declare function growth(points: { n: number; row: Row }[]): Growth;
