/**
 * The benchmark's arithmetic: medians, percentiles, spreads and ratios, kept
 * apart from the processes that produce the samples so that it can be tested.
 */

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** (max − min) ÷ median: how far apart the runs of one build are, as a share of their median. */
  relative: number;
}

export function spreadOf(values: number[]): Spread {
  const m = median(values);
  const min = values.length === 0 ? NaN : Math.min(...values);
  const max = values.length === 0 ? NaN : Math.max(...values);
  return { median: m, min, max, relative: m > 0 ? (max - min) / m : NaN };
}

/** `a ÷ b`, undefined when either is missing or b is not positive (a ratio to nothing says nothing). */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b <= 0) return undefined;
  return a / b;
}
