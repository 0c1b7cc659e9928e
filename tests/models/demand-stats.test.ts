import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedAscending } from '../../models/demand/sort.ts';
import {
  loadDurationCurve,
  quantile,
  quantileSorted,
  seriesStats,
} from '../../models/demand/stats.ts';

describe('quantiles', () => {
  it('interpolates between order statistics (type 7)', () => {
    // Values 10, 20, 30, 40: p = 0.5 sits at position 1.5 → 25; p = 0.99 at 2.97 → 39.7.
    const sorted = [10, 20, 30, 40];
    expect(quantileSorted(sorted, 0.5)).toBe(25);
    expect(quantileSorted(sorted, 0.99)).toBeCloseTo(39.7, 12);
    expect(quantileSorted(sorted, 1)).toBe(40);
    expect(quantile(Float64Array.from([40, 10, 30, 20]), 0.99)).toBeCloseTo(39.7, 12);
  });

  it('draws the load-duration curve from peak to minimum at 1% steps', () => {
    const sorted = Array.from({ length: 101 }, (_, i) => i);
    const curve = loadDurationCurve(sorted);
    expect(curve).toHaveLength(101);
    expect([curve[0], curve[1], curve[100]]).toEqual([100, 99, 0]);
  });

  it('summarises a two-level year', () => {
    // 4,380 h at 100 MW and 4,380 h at 50 MW: mean 75 MW, load factor 0.75, 657 GWh.
    const hourly = Float64Array.from({ length: 8760 }, (_, t) => (t % 2 ? 100 : 50));
    const stats = seriesStats(hourly);
    expect([stats.peakMw, stats.meanMw, stats.loadFactor]).toEqual([100, 75, 0.75]);
    expect(stats.annualGwh).toBeCloseTo(657, 9);
    expect([stats.p95Mw, stats.p99Mw]).toEqual([100, 100]);
  });
});

describe('sortedAscending and quantile', () => {
  // Any finite doubles, −0 read as 0 (Float64Array#sort puts −0 first; the two are equal MW).
  const series = fc
    .float64Array({ minLength: 0, maxLength: 3000, noNaN: true, noDefaultInfinity: true })
    .map((values) => values.map((x) => x + 0));

  it('sort like Float64Array#sort', () => {
    fc.assert(
      fc.property(series, (values) => {
        expect(Array.from(sortedAscending(values))).toEqual(Array.from(values.slice().sort()));
      }),
      { seed: 3 },
    );
  });

  it('select the same quantile as a full sort', () => {
    fc.assert(
      fc.property(
        series.filter((v) => v.length > 0),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          expect(quantile(values, p)).toBe(quantileSorted(values.slice().sort(), p));
        },
      ),
      { seed: 4 },
    );
  });
});
