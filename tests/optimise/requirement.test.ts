// The relaxation's supply requirement from the load-duration curve, against hand calculations
// and a brute-force scan of constant supply levels.
import { describe, expect, it } from 'vitest';
import {
  durationCurve,
  lossOfLoadSupplyMw,
  servedFractionSupplyMw,
} from '../../models/optimise/requirement.ts';

/** Served fraction of `demand` with constant supply `s`, summed hour by hour. */
const served = (demand: number[], s: number) =>
  demand.reduce((a, d) => a + Math.min(d, s), 0) / demand.reduce((a, d) => a + d, 0);

describe('servedFractionSupplyMw', () => {
  it('matches worked examples', () => {
    // Demand 1, 2, 3, 4 MW (10 MWh). f = 0.9 leaves 1 MWh unserved: at S = 3 only the 4 MW hour
    // is short, by 1 MWh, so S* = 3.
    expect(servedFractionSupplyMw(durationCurve([1, 2, 3, 4]), 0.9)).toBeCloseTo(3, 12);
    // f = 0.8 leaves 2 MWh: at S between 2 and 3 the two top hours are short by
    // (4 − S) + (3 − S) = 2, so S* = 2.5.
    expect(servedFractionSupplyMw(durationCurve([4, 1, 3, 2]), 0.8)).toBeCloseTo(2.5, 12);
    // f = 1 needs the peak; a flat load needs f × its level.
    expect(servedFractionSupplyMw(durationCurve([1, 2, 3, 4]), 1)).toBe(4);
    expect(servedFractionSupplyMw(durationCurve([5, 5, 5, 5]), 0.9)).toBeCloseTo(4.5, 12);
  });

  it('agrees with a brute-force scan over a random load', () => {
    let x = 12345;
    const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const demand = Array.from({ length: 500 }, () => 50 + 100 * rand());
    for (const f of [0.5, 0.9, 0.99, 0.999]) {
      const s = servedFractionSupplyMw(durationCurve(demand), f);
      expect(served(demand, s)).toBeCloseTo(f, 9);
      // Any lower constant level serves less than f.
      expect(served(demand, s - 0.01)).toBeLessThan(f);
    }
  });
});

describe('lossOfLoadSupplyMw', () => {
  it('is the (L + 1)-th highest hour', () => {
    const curve = durationCurve([7, 3, 9, 1, 5]);
    expect(lossOfLoadSupplyMw(curve, 0)).toBe(9);
    expect(lossOfLoadSupplyMw(curve, 2)).toBe(5); // 9 and 7 short: two hours
    expect(lossOfLoadSupplyMw(curve, 2.7)).toBe(5);
    expect(lossOfLoadSupplyMw(curve, 10)).toBe(0);
  });
});
