// ShortLevels (models/coverage/short-levels.ts) defers the shortfall-histogram counts of stretches
// short throughout to the chunk's end. The reference here is the per-hour add it replaced: one
// count in bin(demand[t] − MW) for every hour of every interval, added as each interval arrives.
// The counts are integers, so the two must agree exactly, whatever the intervals' lengths, order,
// levels and overlaps, and whichever way (interval by interval, or one sweep) a level is counted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upperBin } from '../../models/coverage/histogram.ts';
import { MIN_DEFERRED_HOURS, ShortLevels } from '../../models/coverage/short-levels.ts';
import { streamFor } from '../../models/rng.ts';

const HOURS = 8760;
const INV = 1 / 0.5;
const LAST = 4000;

function demandSeries(seed: number): Float64Array {
  const rng = streamFor(seed, 0, 0, 0);
  return Float64Array.from(
    { length: HOURS },
    (_, t) => 900 + 300 * Math.sin(t / 40) + 50 * rng.uniform(),
  );
}

function reference(demand: Float64Array, intervals: [number, number, number][]): Float64Array {
  const counts = new Float64Array(LAST + 1);
  for (const [a, b, mw] of intervals)
    for (let t = a; t < b; t += 1) counts[upperBin(demand[t] - mw, INV, LAST)] += 1;
  return counts;
}

const LEVELS = [0, 300, 336.55203772457783, 600, 672.5];
// Starts anywhere, ends anywhere up to the year's end (not clipped there, so levels end at many
// different hours).
const interval = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3000 })),
    fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    fc.constantFrom(...LEVELS),
  )
  .map(([len, at, mw]): [number, number, number] => {
    const a = Math.floor(at * (HOURS - len + 1));
    return [a, a + len, mw];
  });

describe('ShortLevels', () => {
  it('adds exactly the per-hour counts, for any intervals at any levels, chunk after chunk', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(interval, { maxLength: 120 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 9 }),
        (chunks, seed) => {
          const demand = demandSeries(seed);
          // One instance across chunks, as a worker's scorer keeps it.
          const deferred = new ShortLevels(demand, INV, LAST);
          for (const intervals of chunks) {
            const counts = new Float64Array(LAST + 1);
            for (const [a, b, mw] of intervals) deferred.add(counts, a, b, mw);
            deferred.flush(counts);
            expect(Array.from(counts)).toEqual(Array.from(reference(demand, intervals)));
          }
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });

  it('merges a stretch split into consecutive pieces, and counts dense levels in one sweep', () => {
    // 1,000 "trials" each short all year at 300 MW, in tree-node-sized pieces: the level's cover
    // is 1,000 deep everywhere, so the counts are 1,000 × the one-year histogram.
    const demand = demandSeries(3);
    const deferred = new ShortLevels(demand, INV, LAST);
    const counts = new Float64Array(LAST + 1);
    for (let trial = 0; trial < 1000; trial += 1) {
      for (let a = 0; a < HOURS; a += 512) deferred.add(counts, a, Math.min(HOURS, a + 512), 300);
      deferred.add(counts, 0, 5, 600); // breaks the merge between trials, and is under the minimum
    }
    expect(5).toBeLessThan(MIN_DEFERRED_HOURS);
    deferred.flush(counts);
    const year = reference(demand, [[0, HOURS, 300]]);
    const dip = reference(demand, [[0, 5, 600]]);
    expect(Array.from(counts)).toEqual(Array.from(year, (x, i) => 1000 * (x + dip[i])));
  });

  it('counts early, exactly, once it holds too many intervals', () => {
    // 150,000 intervals of 40 hours at 64 levels: past the 2^17 intervals it keeps before it
    // counts what it holds (then goes on collecting into the same histogram).
    const demand = demandSeries(6);
    const deferred = new ShortLevels(demand, INV, LAST);
    const counts = new Float64Array(LAST + 1);
    const intervals: [number, number, number][] = [];
    const rng = streamFor(6, 1, 0, 0);
    for (let k = 0; k < 150_000; k += 1) {
      const a = Math.floor(rng.uniform() * (HOURS - 40));
      const mw = 10 * Math.floor(rng.uniform() * 64);
      intervals.push([a, a + 40, mw]);
      deferred.add(counts, a, a + 40, mw);
    }
    expect(intervals.length).toBeGreaterThan(2 ** 17);
    deferred.flush(counts);
    expect(Array.from(counts)).toEqual(Array.from(reference(demand, intervals)));
  });

  it('leaves nothing behind after a flush, so the next chunk starts empty', () => {
    const demand = demandSeries(4);
    const deferred = new ShortLevels(demand, INV, LAST);
    const first = new Float64Array(LAST + 1);
    deferred.add(first, 100, 900, 300);
    deferred.add(first, 2000, 2100, 0);
    deferred.flush(first);
    const second = new Float64Array(LAST + 1);
    deferred.add(second, 10, 60, 600);
    deferred.flush(second);
    expect(Array.from(second)).toEqual(Array.from(reference(demand, [[10, 60, 600]])));
    expect(Array.from(first)).toEqual(
      Array.from(
        reference(demand, [
          [100, 900, 300],
          [2000, 2100, 0],
        ]),
      ),
    );
  });
});
