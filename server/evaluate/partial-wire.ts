// A trial chunk's partial as it crosses between threads. Its two histograms have up to 65,537
// bins each (~1 MB together), almost all zero: one chunk's delivered and shortfall MW fall in a
// narrow band. Only the band between the first and last non-zero bin is sent, so many short
// chunks (which keep the worker free for small requests) cost the event loop little to pass on
// and the finish task is not handed hundreds of megabytes. Unpacking restores the same bits.
import type { TrialPartial } from '../../models/coverage.ts';

/** Bins [from, from + counts.length) of a histogram with `bins` bins; the rest are zero. */
export interface CountsBand {
  from: number;
  bins: number;
  counts: Float64Array;
}

export type PackedPartial = Omit<TrialPartial, 'deliveredCounts' | 'shortfallCounts'> & {
  deliveredBand: CountsBand;
  shortfallBand: CountsBand;
};

export function bandOf(counts: Float64Array): CountsBand {
  let from = 0;
  while (from < counts.length && counts[from] === 0) from += 1;
  let to = counts.length;
  while (to > from && counts[to - 1] === 0) to -= 1;
  return { from, bins: counts.length, counts: counts.slice(from, to) };
}

export function countsOf(band: CountsBand): Float64Array {
  const counts = new Float64Array(band.bins);
  counts.set(band.counts, band.from);
  return counts;
}

export function packPartial(partial: TrialPartial): PackedPartial {
  const { deliveredCounts, shortfallCounts, ...rest } = partial;
  return {
    ...rest,
    deliveredBand: bandOf(deliveredCounts),
    shortfallBand: bandOf(shortfallCounts),
  };
}

export function unpackPartial(packed: PackedPartial): TrialPartial {
  const { deliveredBand, shortfallBand, ...rest } = packed;
  return {
    ...rest,
    deliveredCounts: countsOf(deliveredBand),
    shortfallCounts: countsOf(shortfallBand),
  };
}
