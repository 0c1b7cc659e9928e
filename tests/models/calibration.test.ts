// CALIBRATION: for every bundled campus with phases, the modelled peak in each published year is
// within ±3% of the published cumulative total (facility MW against the facility peak; an
// IT-only total against the IT peak). It holds because a published facilityMw becomes
// itMw = facilityMw / design-day (p99) PUE, and in the hot hours of July–December, when every
// phase is fully online, training hours run at u = 1 with PUE near its 99th percentile.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandForYear } from '../../models/demand.ts';
import { ModelError } from '../../models/errors.ts';

const { campuses, gpuPower } = loadGeoData();
const withPhases = campuses.filter((campus) => campus.phases.length > 0);
const withoutPhases = campuses.filter((campus) => campus.phases.length === 0);
const cases = withPhases.flatMap((campus) =>
  campus.publishedTotals.map((total) => ({ campus, total, label: `${campus.id} ${total.year}` })),
);

describe('calibration against published totals', () => {
  it('has seed campuses on both sides', () => {
    expect(cases.length).toBeGreaterThan(10);
    expect(withoutPhases.length).toBeGreaterThan(0);
  });

  it.each(cases)('$label is within ±3% of the published total', ({ campus, total }) => {
    for (const seed of [1, 2, 3]) {
      const result = demandForYear(campus, { year: total.year, seed, gpuPower });
      const [published, modelled] =
        total.facilityMw !== undefined
          ? [total.facilityMw, result.peakMw]
          : [total.itMw ?? NaN, result.itPeakMw];
      expect(Math.abs(modelled / published - 1), `seed ${seed}: ${modelled} MW`).toBeLessThan(0.03);
    }
  });

  it.each(withoutPhases.map((campus) => [campus.id, campus] as const))(
    '%s, with no published load, raises NO_PUBLISHED_LOAD',
    (_id, campus) => {
      let error: unknown;
      try {
        demandForYear(campus, { year: 2027, gpuPower });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).code).toBe('NO_PUBLISHED_LOAD');
      expect((error as ModelError).message).toContain('enter phases');
    },
  );
});
