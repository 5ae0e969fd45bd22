/** Small statistics for bench/media.ts: order statistics of timings and the ratios the report prints. */

/** The nearest-rank percentile of `samples` (p in 0–100); NaN without samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** `value` ÷ `base` as "2.4×" (one decimal); "n/a" when either is missing or the base is zero. */
export function ratio(value: number, base: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base === 0) return "n/a";
  return `${(value / base).toFixed(1)}×`;
}

/** How much `values` vary around their first: the largest ÷ the smallest, as a ratio (1.0× = flat). */
export function spread(values: readonly number[]): string {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  if (finite.length < 2) return "n/a";
  return ratio(Math.max(...finite), Math.min(...finite));
}

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function timing(samples: readonly number[]): Timing {
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.length ? Math.max(...samples) : Number.NaN };
}
