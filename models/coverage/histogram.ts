// Mergeable histograms for the pooled quantiles (firm capacity over delivered MW, backup gas and
// p95 over shortfall MW). Workers fill their own counts; merging adds counts, which are integers
// and so exact in any order: the merged quantile does not depend on how trials were split.
//
// Bin width: 0.5 MW while the range fits MAX_BINS bins (up to 32.8 GW), else range / MAX_BINS
// (under 0.002% of the range), so every quantile is exact to one bin: ≤ 0.5 MW or ≤ 0.1%.
// Delivered MW uses bins [lo, hi) and reports the lower edge (firm capacity is never overstated);
// shortfall uses (lo, hi] and reports the upper edge (backup is never undersized). A value on the
// bin grid, e.g. 1,164 MW or a 300 MW trip, comes back exactly.

export const FINE_BIN_MW = 0.5;
export const MAX_BINS = 65536;
/** Absorbs prefix-sum rounding (1e-13 MW) so a value on the grid lands in its own bin. */
const GRID_SLACK = 1e-9;

export interface HistogramSpec {
  binMw: number;
  bins: number;
}

export function histogramSpec(rangeMw: number): HistogramSpec {
  const binMw = Math.max(FINE_BIN_MW, rangeMw / MAX_BINS);
  return { binMw, bins: Math.max(1, Math.ceil(rangeMw / binMw) + 1) };
}

/** Bin of a value in [lo, hi) bins. */
export function lowerBin(valueMw: number, invBinMw: number, lastBin: number): number {
  const bin = Math.floor(valueMw * invBinMw + GRID_SLACK);
  return bin < 0 ? 0 : bin > lastBin ? lastBin : bin;
}

/** Bin of a positive value in (lo, hi] bins. */
export function upperBin(valueMw: number, invBinMw: number, lastBin: number): number {
  const bin = Math.ceil(valueMw * invBinMw - GRID_SLACK) - 1;
  return bin < 0 ? 0 : bin > lastBin ? lastBin : bin;
}

export function addCounts(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i += 1) target[i] += source[i];
}

/**
 * The q-quantile (inverse CDF: the smallest value with at least q of the mass at or below it) of
 * `total` values, of which `total − Σcounts` are zeros below every bin and the rest are binned.
 * Returns the bin's lower edge (`edge` 'lower') or upper edge ('upper'); 0 for an empty sample.
 */
export function histogramQuantile(
  counts: Float64Array,
  spec: HistogramSpec,
  total: number,
  q: number,
  edge: 'lower' | 'upper',
): number {
  if (total <= 0) return 0;
  const rank = Math.max(1, Math.ceil(q * total - 1e-9));
  let seen = total;
  for (let i = 0; i < counts.length; i += 1) seen -= counts[i];
  if (seen >= rank) return 0;
  for (let i = 0; i < counts.length; i += 1) {
    seen += counts[i];
    if (seen >= rank) return (edge === 'lower' ? i : i + 1) * spec.binMw;
  }
  return counts.length * spec.binMw;
}

export function countSum(counts: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i += 1) sum += counts[i];
  return sum;
}
