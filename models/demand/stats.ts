// Summary statistics of an hourly MW series. Percentiles interpolate linearly between order
// statistics (Hyndman & Fan type 7, the default of R and NumPy), so p100 is the peak.
import { orderStatisticPair, sortedAscending } from './sort.ts';

/** Points on the load-duration curve: exceedance 0%, 1%, …, 100% of the year's hours. */
export const LOAD_DURATION_POINTS = 101;

/** The p-quantile (0..1) of values sorted ascending. */
export function quantileSorted(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return NaN;
  const position = (n - 1) * Math.min(1, Math.max(0, p));
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const fraction = position - below;
  return sortedAscending[below] + fraction * (sortedAscending[above] - sortedAscending[below]);
}

/** The p-quantile (0..1) of unsorted values, by the same rule as quantileSorted, in O(n). */
export function quantile(values: Float64Array, p: number): number {
  if (values.length === 0) return NaN;
  const position = (values.length - 1) * Math.min(1, Math.max(0, p));
  const below = Math.floor(position);
  const [low, high] = orderStatisticPair(values, below);
  return low + (position - below) * (high - low);
}

/**
 * The load-duration curve, MW sorted descending, at LOAD_DURATION_POINTS exceedance fractions:
 * point i is the load met or exceeded in i% of hours (point 0 the peak, point 100 the minimum).
 * 101 points keep the API reply small; the full curve is just the hourly series sorted.
 */
export function loadDurationCurve(
  sortedAscending: ArrayLike<number>,
  points = LOAD_DURATION_POINTS,
): number[] {
  const curve: number[] = [];
  for (let i = 0; i < points; i += 1) {
    curve.push(quantileSorted(sortedAscending, 1 - i / (points - 1)));
  }
  return curve;
}

export interface SeriesStats {
  peakMw: number;
  meanMw: number;
  /** mean / peak; 0 for an all-zero year. */
  loadFactor: number;
  /** ΣMWh / 1,000 = meanMw × 8.76 for 8,760 hours. */
  annualGwh: number;
  p50Mw: number;
  p95Mw: number;
  p99Mw: number;
  loadDurationMw: number[];
}

export function seriesStats(hourlyMw: Float64Array): SeriesStats {
  let sum = 0;
  for (let t = 0; t < hourlyMw.length; t += 1) sum += hourlyMw[t];
  const sorted = sortedAscending(hourlyMw);
  const peakMw = sorted[sorted.length - 1];
  const meanMw = sum / hourlyMw.length;
  return {
    peakMw,
    meanMw,
    // min(1, …): a flat year's mean can round a hair above its peak.
    loadFactor: peakMw > 0 ? Math.min(1, meanMw / peakMw) : 0,
    annualGwh: sum / 1000,
    p50Mw: quantileSorted(sorted, 0.5),
    p95Mw: quantileSorted(sorted, 0.95),
    p99Mw: quantileSorted(sorted, 0.99),
    loadDurationMw: loadDurationCurve(sorted),
  };
}

/** out[t] = a[t] × b[t]; returns Σ out. */
export function productInto(a: Float64Array, b: Float64Array, out: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < out.length; t += 1) {
    out[t] = a[t] * b[t];
    sum += out[t];
  }
  return sum;
}

/** Largest value of a series (−∞ when empty). */
export function maxOf(values: Float64Array): number {
  let max = -Infinity;
  for (let t = 0; t < values.length; t += 1) if (values[t] > max) max = values[t];
  return max;
}

/** A plain number[] copy (what JSON and the API send; Array.from is ~7× slower on 8,760). */
export function toNumberArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let t = 0; t < values.length; t += 1) out[t] = values[t];
  return out;
}
