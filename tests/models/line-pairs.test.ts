// A double-circuit line is down where both paths are down or a common-mode outage is
// (DESIGN.md "Lines (revised)"): the pair-list intersection and union (models/supply/
// forced-outages.ts) against dense hour flags, and appending a union after other deployments'
// pairs never merges into them (the C kernel once did, so its double circuits differed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  intersectPairsInto,
  mergePairs,
  unionPairsInto,
} from '../../models/supply/forced-outages.ts';

const HOURS = 200;

/** Sorted disjoint [start, end) pairs (gaps of at least one hour, so they never touch). */
const pairList = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })), {
    maxLength: 8,
  })
  .map((steps) => {
    const out: number[] = [];
    let t = 0;
    for (const [gap, length] of steps) {
      const s = t + gap;
      const e = s + length;
      if (e > HOURS) break;
      out.push(s, e);
      t = e;
    }
    return out;
  });

const flags = (pairs: readonly number[]) => {
  const down = new Array<number>(HOURS).fill(0);
  for (let k = 0; k < pairs.length; k += 2) down.fill(1, pairs[k], pairs[k + 1]);
  return down;
};

describe('line down pairs', () => {
  it('intersection and union equal the dense and / or of hour flags', () => {
    fc.assert(
      fc.property(pairList, pairList, pairList, (a, b, common) => {
        const both: number[] = [];
        intersectPairsInto(a, b, both);
        const down: number[] = [];
        unionPairsInto(both, common, down);
        const fa = flags(a);
        const fb = flags(b);
        const fc2 = flags(common);
        expect(flags(down)).toEqual(fa.map((x, t) => ((x && fb[t]) || fc2[t] ? 1 : 0)));
        // Merged: sorted, no empty, touching or overlapping pairs; the same as mergePairs.
        for (let k = 0; k < down.length; k += 2) expect(down[k + 1]).toBeGreaterThan(down[k]);
        for (let k = 2; k < down.length; k += 2) expect(down[k]).toBeGreaterThan(down[k - 1]);
        const tuples: [number, number][] = [];
        for (let k = 0; k < both.length; k += 2) tuples.push([both[k], both[k + 1]]);
        for (let k = 0; k < common.length; k += 2) tuples.push([common[k], common[k + 1]]);
        expect(down).toEqual(mergePairs(tuples));
      }),
      { numRuns: 500 },
    );
  });

  it('a union appended after other pairs leaves those pairs alone', () => {
    const out = [10, 50];
    unionPairsInto([20, 30], [25, 60], out);
    expect(out).toEqual([10, 50, 20, 60]);
  });
});
