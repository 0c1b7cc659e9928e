// Chart maths with no DOM: scales, round ticks, SVG path strings and bar rectangles. Kept pure
// so the browser charts and a later PDF report draw the same shapes from the same numbers.

export type Pair = readonly [number, number];

export interface Scale {
  (value: number): number;
  readonly domain: Pair;
  readonly range: Pair;
}

/** Maps domain linearly onto range; a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: Pair, range: Pair): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number): number =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0);
  return Object.assign(scale, { domain, range });
}

/** A step of 1, 2, 5 or 10 × 10^k close to span / count (the usual "nice numbers" rule). */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round ticks from at or below min to at or above max, about `count` intervals. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    // A flat series (e.g. zero load) still gets an axis: one step either side of it.
    const step = niceStep(Math.abs(min) || 1, 1);
    return min === 0 ? [0, step] : [min - step, min, min + step];
  }
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  // Multiply, never accumulate, so 0.1 steps do not drift into 0.30000000000000004.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** [lowest, highest] of the values, ignoring non-finite ones; [0, 0] when none are finite. */
export function extent(values: ArrayLike<number>): Pair {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return low === Infinity ? [0, 0] : [low, high];
}

const fixed = (n: number): string => String(Math.round(n * 10) / 10);

/** "M x0,y0L x1,y1…" through the points in the scales' pixel space, to 0.1 px. */
export function linePath(points: readonly Pair[], x: Scale, y: Scale): string {
  return points
    .map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${fixed(x(px))},${fixed(y(py))}`)
    .join('');
}

/** The line closed down to `baseline` (a data value, usually 0), for a filled area. */
export function areaPath(points: readonly Pair[], x: Scale, y: Scale, baseline = 0): string {
  if (points.length === 0) return '';
  const first = points[0][0];
  const last = points[points.length - 1][0];
  const base = fixed(y(baseline));
  return `${linePath(points, x, y)}L${fixed(x(last))},${base}L${fixed(x(first))},${base}Z`;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One bar per value across [x0, x1], `gapShare` of each slot left empty, each rising from the
 * y scale's 0 (or its domain minimum when 0 is outside) to the value.
 */
export function barRects(
  values: readonly number[],
  xRange: Pair,
  y: Scale,
  gapShare = 0.25,
): Rect[] {
  const slot = values.length ? (xRange[1] - xRange[0]) / values.length : 0;
  const width = slot * (1 - gapShare);
  const zero = y(Math.max(0, Math.min(...y.domain)));
  return values.map((value, i) => {
    const top = y(value);
    return {
      x: xRange[0] + i * slot + (slot - width) / 2,
      y: Math.min(top, zero),
      width,
      height: Math.abs(zero - top),
    };
  });
}

/** Hours in a week: the window the peak-week chart shows. */
export const HOURS_PER_WEEK = 168;

/**
 * Start index of the `window`-long run with the highest total (the first on a tie), by a
 * running sum: O(n). A series shorter than the window starts at 0.
 */
export function peakWindowStart(series: ArrayLike<number>, window = HOURS_PER_WEEK): number {
  if (series.length <= window) return 0;
  let sum = 0;
  for (let i = 0; i < window; i++) sum += series[i];
  let best = sum;
  let bestStart = 0;
  for (let start = 1; start + window <= series.length; start++) {
    sum += series[start + window - 1] - series[start - 1];
    if (sum > best + 1e-9) {
      best = sum;
      bestStart = start;
    }
  }
  return bestStart;
}
