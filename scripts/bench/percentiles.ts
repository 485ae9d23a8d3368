/** Latency summary of one series (ms). */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50/p95/p99/max of `values` (nearest rank), or null for an empty series. */
export function percentiles(values: ArrayLike<number>): Percentiles | null {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}
