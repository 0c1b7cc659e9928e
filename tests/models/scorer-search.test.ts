// HourScorer.firstAbove and firstAtOrBelow (the storage idle and empty-tank searches, iterative)
// against a linear scan: the first hour in [a, b) whose demand exceeds the threshold (is at or
// below it), else b.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HourScorer } from '../../models/coverage/scorer.ts';

const HOURS = 8760;
// A campus-like year: a base with daily swing and dips, and some flat runs (equal values).
const demand = Float64Array.from({ length: HOURS }, (_, t) =>
  t % 500 < 40 ? 900 : 800 + 200 * Math.sin((2 * Math.PI * t) / 24) + ((t * 7919) % 97),
);
const scorer = new HourScorer(demand, { binMw: 0.5, bins: 4000 });

const searches = [
  {
    name: 'firstAbove',
    search: (a: number, b: number, thr: number) => scorer.firstAbove(a, b, thr),
    hit: (d: number, thr: number) => d > thr,
  },
  {
    name: 'firstAtOrBelow',
    search: (a: number, b: number, thr: number) => scorer.firstAtOrBelow(a, b, thr),
    hit: (d: number, thr: number) => d <= thr,
  },
];

describe.each(searches)('HourScorer.$name', ({ search, hit }) => {
  const scan = (a: number, b: number, thr: number) => {
    for (let t = a; t < b; t += 1) if (hit(demand[t], thr)) return t;
    return b;
  };

  it('equals a linear scan for any range and threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: HOURS }),
        fc.integer({ min: 0, max: HOURS }),
        fc.double({ min: 500, max: 1200, noNaN: true }),
        (x, y, thr) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          expect(search(a, b, thr)).toBe(scan(a, b, thr));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('handles empty ranges, thresholds on a value and the last hours', () => {
    for (const thr of [0, 1e9, 900, demand[5], demand[5] - 1e-9]) {
      expect(search(100, 100, thr)).toBe(100);
      expect(search(0, HOURS, thr)).toBe(scan(0, HOURS, thr));
      expect(search(HOURS - 3, HOURS, thr)).toBe(scan(HOURS - 3, HOURS, thr));
    }
    // Nothing qualifies: the search runs off the end (a padded leaf must not count).
    expect(search(0, HOURS, hit(0, 1e9) ? -1 : 1e9)).toBe(HOURS);
  });
});
