// Properties that hold for any valid campus (fast-check, seeded so failures replay).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandForYear, type CampusSpec } from '../../models/demand.ts';
import type { CampusPhase } from '../../models/records.ts';

const { gpuPower } = loadGeoData();
// Accelerators with published power (future-high-density and most TPUs have none).
const accelerators = [
  'nvidia-a100-sxm4',
  'nvidia-h100-sxm5',
  'nvidia-b200',
  'nvidia-b300',
  'amd-mi300x',
  'google-tpu-v7-ironwood',
  'nvidia-gb200-nvl72',
  'hgx-h100-rack',
];

const month = fc
  .record({ year: fc.integer({ min: 2018, max: 2046 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month: m }) => `${year}-${String(m).padStart(2, '0')}`);
const load = fc.oneof(
  fc.record({ itMw: fc.double({ min: 0.1, max: 3000, noNaN: true }) }),
  fc.record({ facilityMw: fc.double({ min: 0.1, max: 5000, noNaN: true }) }),
  fc.record({
    accelerator: fc.constantFrom(...accelerators),
    count: fc.integer({ min: 1, max: 500_000 }),
  }),
);
const phaseArb: fc.Arbitrary<CampusPhase> = fc
  .tuple(month, fc.option(fc.double({ min: 0, max: 36, noNaN: true }), { nil: undefined }), load)
  .map(([start, rampMonths, mw]) => ({
    start,
    ...(rampMonths === undefined ? {} : { rampMonths }),
    ...mw,
  }));
const campusArb: fc.Arbitrary<CampusSpec> = fc.record(
  {
    kind: fc.constantFrom('ai-training', 'ai-inference', 'ai-mixed', 'fab'),
    lat: fc.double({ min: -70, max: 70, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    utcOffsetHours: fc.integer({ min: -12, max: 14 }),
    pue: fc.double({ min: 1, max: 2, noNaN: true }),
    trainingShare: fc.double({ min: 0, max: 1, noNaN: true }),
    phases: fc.array(phaseArb, { minLength: 1, maxLength: 6 }),
  },
  { requiredKeys: ['lat', 'lon', 'phases'] },
);
const optionsArb = fc.record({
  year: fc.integer({ min: 2020, max: 2045 }),
  seed: fc.integer({ min: -1_000_000, max: 1_000_000 }),
});

describe('demandForYear on random valid campuses', () => {
  it('gives 8,760 finite, non-negative hours whose energy is mean × 8.76', () => {
    fc.assert(
      fc.property(campusArb, optionsArb, (spec, options) => {
        const result = demandForYear(spec, { ...options, gpuPower });
        expect(result.hourlyMw).toHaveLength(8760);
        expect(result.hourlyMw.every((mw) => Number.isFinite(mw) && mw >= 0)).toBe(true);
        if (result.itHourlyMw) {
          expect(result.itHourlyMw).toHaveLength(8760);
          expect(result.itHourlyMw.every((mw) => Number.isFinite(mw) && mw >= 0)).toBe(true);
        }
        expect(result.annualGwh).toBeCloseTo(result.meanMw * 8.76, 6);
        expect(result.loadFactor).toBeGreaterThanOrEqual(0);
        expect(result.loadFactor).toBeLessThanOrEqual(1);
        const ordered = [result.peakMw, result.p99Mw, result.p95Mw, result.p50Mw];
        expect([...ordered].sort((a, b) => b - a)).toEqual(ordered);
        expect(result.loadDurationMw[0]).toBe(result.peakMw);
        expect(result.loadDurationMw.every((mw, i, all) => i === 0 || mw <= all[i - 1])).toBe(true);
        expect(result.pueAnnual).toBeGreaterThanOrEqual(1);
        expect(result.ramp).toHaveLength(22);
        expect(result.ramp.every((y) => Number.isFinite(y.peakMw) && y.annualGwh >= 0)).toBe(true);
      }),
      { numRuns: 150, seed: 20_250_101 },
    );
  });

  it('keeps the annual PUE at the input in a full-build year', () => {
    const fullBuild = campusArb.filter((spec) => spec.kind !== 'fab');
    fc.assert(
      fc.property(fullBuild, fc.integer({ min: 1, max: 1000 }), (spec, seed) => {
        const phases = spec.phases.map((p) => ({ ...p, start: '2020-01', rampMonths: 6 }));
        const result = demandForYear({ ...spec, phases }, { year: 2030, seed, gpuPower });
        expect(result.pueAnnual).toBeCloseTo(spec.pue ?? 1.2, 9);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
