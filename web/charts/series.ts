// Series maths with no DOM: sorting for duration curves, bucketing a long series for drawing,
// zoom windows, the band between two lines and the nearest point to a pointer. Pure, so the
// browser charts and a later PDF report reduce the same 8,760 hours to the same shapes.
import { linePath, type Pair, type Scale } from './geometry.ts';

/** A copy sorted from the highest value to the lowest (a duration curve's order). */
export function sortedDescending(values: ArrayLike<number>): number[] {
  return Array.from(values).sort((a, b) => b - a);
}

/**
 * The duration curve sampled at `samples + 1` evenly spaced shares of hours: [share %, value],
 * from the highest value (0%) to the lowest (100%). `sorted` is in descending order.
 */
export function durationPoints(sorted: readonly number[], samples = 200): Pair[] {
  const n = sorted.length;
  if (n === 0) return [];
  return Array.from({ length: samples + 1 }, (_, k) => {
    const share = (k / samples) * 100;
    return [share, sorted[Math.round((k / samples) * (n - 1))]] as const;
  });
}

export interface Bucket {
  /** First index in the bucket and one past its last. */
  start: number;
  end: number;
  min: number;
  mean: number;
  max: number;
}

/**
 * [from, to) of the series cut into buckets of a whole number of points, at most `maxBuckets`
 * of them (the last may be shorter), each with its min, mean and max.
 */
export function downsample(
  series: ArrayLike<number>,
  from: number,
  to: number,
  maxBuckets: number,
): Bucket[] {
  const start = Math.max(0, Math.floor(from));
  const stop = Math.min(series.length, Math.ceil(to));
  if (stop <= start || maxBuckets < 1) return [];
  const size = Math.max(1, Math.ceil((stop - start) / maxBuckets));
  const buckets: Bucket[] = [];
  for (let b = start; b < stop; b += size) {
    const end = Math.min(stop, b + size);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = b; i < end; i++) {
      const v = series[i];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    buckets.push({ start: b, end, min, mean: sum / (end - b), max });
  }
  return buckets;
}

/**
 * The window `current` scaled by `factor` (< 1 zooms in) about `centre`, never narrower than
 * `minSpan` nor wider than `full`, and shifted to stay inside `full`.
 */
export function zoomDomain(
  current: Pair,
  full: Pair,
  factor: number,
  minSpan: number,
  centre = (current[0] + current[1]) / 2,
): Pair {
  const fullSpan = full[1] - full[0];
  const span = Math.min(fullSpan, Math.max(minSpan, (current[1] - current[0]) * factor));
  const share = current[1] > current[0] ? (centre - current[0]) / (current[1] - current[0]) : 0.5;
  let low = centre - share * span;
  low = Math.min(Math.max(low, full[0]), full[1] - span);
  return [low, low + span];
}

/** A window from two picked x values in either order, clamped to `full`, at least `minSpan`. */
export function windowBetween(a: number, b: number, full: Pair, minSpan: number): Pair {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return zoomDomain([low, high], full, 1, minSpan, (low + high) / 2);
}

/** The filled region between an upper and a lower line over the same x values. */
export function bandPath(
  upper: readonly Pair[],
  lower: readonly Pair[],
  x: Scale,
  y: Scale,
): string {
  if (upper.length === 0 || lower.length === 0) return '';
  const back = linePath([...lower].reverse(), x, y).replace(/^M/, 'L');
  return `${linePath(upper, x, y)}${back}Z`;
}

/** Index of the point whose x is nearest `value`; points sorted by x. -1 when there are none. */
export function nearestIndex(points: readonly Pair[], value: number): number {
  if (points.length === 0) return -1;
  let low = 0;
  let high = points.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (points[mid][0] <= value) low = mid;
    else high = mid;
  }
  return Math.abs(points[high][0] - value) < Math.abs(points[low][0] - value) ? high : low;
}
