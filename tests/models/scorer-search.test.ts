// HourScorer.firstAbove (the storage idle search, iterative since issue 13) against a linear
// scan: the first hour in [a, b) whose demand exceeds the threshold, else b.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HourScorer } from '../../models/coverage/scorer.ts';

const HOURS = 8760;

describe('HourScorer.firstAbove', () => {
  // A campus-like year: a base with daily swing and dips, and some flat runs (equal values).
  const demand = Float64Array.from({ length: HOURS }, (_, t) =>
    t % 500 < 40 ? 900 : 800 + 200 * Math.sin((2 * Math.PI * t) / 24) + ((t * 7919) % 97),
  );
  const scorer = new HourScorer(demand, { binMw: 0.5, bins: 4000 });
  const scan = (a: number, b: number, thr: number) => {
    for (let t = a; t < b; t += 1) if (demand[t] > thr) return t;
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
          expect(scorer.firstAbove(a, b, thr)).toBe(scan(a, b, thr));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('handles empty ranges, thresholds on a value and the last hours', () => {
    expect(scorer.firstAbove(100, 100, 0)).toBe(100);
    expect(scorer.firstAbove(0, HOURS, demand[5] - 1e-9)).toBe(scan(0, HOURS, demand[5] - 1e-9));
    expect(scorer.firstAbove(0, HOURS, 900)).toBe(scan(0, HOURS, 900));
    expect(scorer.firstAbove(HOURS - 3, HOURS, 0)).toBe(HOURS - 3);
    expect(scorer.firstAbove(0, HOURS, 1e9)).toBe(HOURS);
  });
});

describe('HourScorer.firstAtOrBelow', () => {
  // The same kind of year: the storage empty-tank search (the first hour charging could start).
  const demand = Float64Array.from({ length: HOURS }, (_, t) =>
    t % 500 < 40 ? 900 : 800 + 200 * Math.sin((2 * Math.PI * t) / 24) + ((t * 7919) % 97),
  );
  const scorer = new HourScorer(demand, { binMw: 0.5, bins: 4000 });
  const scan = (a: number, b: number, thr: number) => {
    for (let t = a; t < b; t += 1) if (demand[t] <= thr) return t;
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
          expect(scorer.firstAtOrBelow(a, b, thr)).toBe(scan(a, b, thr));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('handles empty ranges, thresholds on a value and the last hours', () => {
    expect(scorer.firstAtOrBelow(100, 100, 1e9)).toBe(100);
    expect(scorer.firstAtOrBelow(0, HOURS, 900)).toBe(scan(0, HOURS, 900));
    expect(scorer.firstAtOrBelow(0, HOURS, demand[7])).toBe(scan(0, HOURS, demand[7]));
    expect(scorer.firstAtOrBelow(HOURS - 3, HOURS, 1e9)).toBe(HOURS - 3);
    expect(scorer.firstAtOrBelow(0, HOURS, 0)).toBe(HOURS);
  });
});
