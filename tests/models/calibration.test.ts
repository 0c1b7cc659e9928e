// CALIBRATION against evidence the model did not take as input. The old check here (the
// modelled peak of a published year equals the published total) was circular: the build turns
// that very total into the phases, so it only proved the arithmetic adds back up
// (tests/geo-data/build.test.ts already checks the increments sum to the totals). What is
// checked instead:
//   - the shape of a training campus against published operating ranges (load factor, and the
//     design-day-to-annual PUE ratio), below;
//   - published GPU counts against published MW (tests/models/demand-cross-check.test.ts);
//   - a published figure in the basis the build did not use (Abilene 2025 IT), below.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandForYear } from '../../models/demand.ts';
import { ModelError } from '../../models/errors.ts';

const { campuses, gpuPower } = loadGeoData();
const withPhases = campuses.filter((campus) => campus.phases.length > 0);
const withoutPhases = campuses.filter((campus) => campus.phases.length === 0);
const training = withPhases.filter((campus) => campus.kind === 'ai-training');
const aiCampuses = withPhases.filter((campus) => campus.kind !== 'fab');
const SEEDS = [1, 2, 3];

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

// LOAD FACTOR of a large AI training campus, mean / peak over a year at full build.
// Published, all planning figures, none a measurement of an AI training campus:
//   - gpu-power.json loadShape.modelingDefaults.trainingCampusLoadFactor 0.80–0.95, "fraction of
//     installed IT capacity averaged over a year for dedicated frontier-training campuses"
//     (modelling assumption, low confidence) — a load factor of IT against installed IT;
//   - E3, "Load Growth Is Here to Stay, but Are Data Centers?" (2024): data-centre profile with an
//     86% load factor (average MWh / peak);
//   - Resources for the Future (2024) "say it has a 90 percent load factor"; Energy Futures Group
//     (2025) "a high load factor of 90–100%" — both quoted by T. Norris, "The Puzzle of Low Data
//     Center Utilization Rates" (Power & Policy, 2025), who warns they conflate load factor with
//     utilisation and that the limited data put capacity utilisation nearer 50%.
// The IT load factor is tested against the reference range it is defined like. The facility
// load factor divides by a design-day peak (u = 1 in the hottest hours), so it sits lower: the
// envelope below (an assumption) is the IT range's low end over the PUE-ratio range's high end,
// 0.80 / 1.25 = 0.64, up to 0.95. The model's 0.72–0.78 is inside it but BELOW the 86–90%
// planning figures above: reported, not tuned away (those figures assume flat, full-power load).
const [IT_LOAD_FACTOR_LOW, IT_LOAD_FACTOR_HIGH] = (
  gpuPower as { loadShape: { modelingDefaults: { trainingCampusLoadFactor: { value: number[] } } } }
).loadShape.modelingDefaults.trainingCampusLoadFactor.value;

// PUE RATIO, design-day (p99 hour) PUE / annual energy-weighted PUE. No published range of the
// ratio itself was found (searched: Uptime Institute surveys, The Green Grid, ASHRAE 90.4, Google
// and Meta PUE disclosures). ASSUMPTION from gpu-power.json pue.designRanges: its note puts the
// design-day peak PUE at "often 1.25–1.5 in hot climates" (every bundled campus is at 32–44°N,
// with hot summers), and an annual PUE of 1.2 sits at the top of liquidCooledAI (1.08–1.2) and
// inside hyperscaleAirCooled (1.15–1.35): 1.25 / 1.2 = 1.042 to 1.5 / 1.2 = 1.25.
const PUE_RATIO_LOW = 1.25 / 1.2;
const PUE_RATIO_HIGH = 1.5 / 1.2;
const FACILITY_LOAD_FACTOR_LOW = IT_LOAD_FACTOR_LOW / PUE_RATIO_HIGH;

describe('calibration against published operating ranges', () => {
  it('has bundled training campuses to check', () => {
    expect(training.length).toBeGreaterThan(5);
    expect([IT_LOAD_FACTOR_LOW, IT_LOAD_FACTOR_HIGH]).toEqual([0.8, 0.95]);
  });

  it.each(training.map((campus) => [campus.id, campus] as const))(
    '%s at full build has an IT load factor inside the published training-campus range',
    (_id, campus) => {
      for (const seed of SEEDS) {
        const result = demandForYear(campus, { seed, gpuPower });
        const itLoadFactor = mean(result.itHourlyMw!) / result.itPeakMw;
        expect(itLoadFactor, `seed ${seed}`).toBeGreaterThanOrEqual(IT_LOAD_FACTOR_LOW);
        expect(itLoadFactor, `seed ${seed}`).toBeLessThanOrEqual(IT_LOAD_FACTOR_HIGH);
      }
    },
  );

  it.each(training.map((campus) => [campus.id, campus] as const))(
    '%s at full build has a facility load factor inside the envelope the ranges allow',
    (_id, campus) => {
      for (const seed of SEEDS) {
        const { loadFactor } = demandForYear(campus, { seed, gpuPower });
        expect(loadFactor, `seed ${seed}`).toBeGreaterThanOrEqual(FACILITY_LOAD_FACTOR_LOW);
        expect(loadFactor, `seed ${seed}`).toBeLessThanOrEqual(IT_LOAD_FACTOR_HIGH);
      }
    },
  );

  it.each(aiCampuses.map((campus) => [campus.id, campus] as const))(
    '%s has a design-day to annual PUE ratio inside the range of gpu-power.json',
    (_id, campus) => {
      for (const seed of SEEDS) {
        const { pueDesignPeak, pueAnnual } = demandForYear(campus, { seed, gpuPower });
        const ratio = pueDesignPeak / pueAnnual;
        expect(ratio, `seed ${seed}`).toBeGreaterThanOrEqual(PUE_RATIO_LOW);
        expect(ratio, `seed ${seed}`).toBeLessThanOrEqual(PUE_RATIO_HIGH);
      }
    },
  );
});

describe('calibration against a published figure the build did not use', () => {
  it('puts stargate-abilene’s 2025 IT peak between Crusoe’s "200+ MW" IT and the 400 MW facility', () => {
    // The build took the 400 MW facility figure; Crusoe's "200+ MW" (IT) is a lower bound on IT,
    // and IT cannot exceed facility. Published 400 / 200 would be a PUE of 2: the "+" matters.
    const abilene = campuses.find((campus) => campus.id === 'stargate-abilene')!;
    const published = abilene.publishedTotals.find((total) => total.year === 2025)!;
    expect(published).toMatchObject({ facilityMw: 400, itMw: 200 });
    for (const seed of SEEDS) {
      const { itPeakMw } = demandForYear(abilene, { year: 2025, seed, gpuPower });
      expect(itPeakMw, `seed ${seed}`).toBeGreaterThanOrEqual(published.itMw!);
      expect(itPeakMw, `seed ${seed}`).toBeLessThanOrEqual(published.facilityMw!);
    }
  });
});

describe('campuses without published load', () => {
  it('has seed campuses on both sides', () => {
    expect(withPhases.length).toBeGreaterThan(5);
    expect(withoutPhases.length).toBeGreaterThan(0);
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
