// Worked fixtures of the demand model (DESIGN.md "Models → Demand"). Expected values are worked
// by hand in the comments from the constants in models/demand/*.ts.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandForYear, type CampusSpec } from '../../models/demand.ts';
import { ModelError } from '../../models/errors.ts';

const { gpuPower } = loadGeoData();
// Memphis-like: 35°N on its zone meridian, so solar time = clock time.
const site = { lat: 35, lon: -90, utcOffsetHours: -6 };
const sum = (values: number[]) => values.reduce((acc, x) => acc + x, 0);

function campus(overrides: Partial<CampusSpec>): CampusSpec {
  return {
    ...site,
    kind: 'ai-training',
    trainingShare: 1,
    pue: 1,
    phases: [{ start: '2024-01', itMw: 100 }],
    ...overrides,
  };
}

describe('a flat training campus', () => {
  const result = demandForYear(campus({}), { year: 2026, seed: 1, gpuPower });

  it('peaks at its installed IT and averages the utilisation below it', () => {
    // PUE 1 and full build all 2026, so facility = IT = 100 MW × u(t), and u = 1 between dips.
    expect(result.hourlyMw).toHaveLength(8760);
    expect(result.peakMw).toBeCloseTo(100, 9);
    expect(result.hourlyMw).toEqual(result.itHourlyMw);
    // Mean u by hand: job gaps take 24 / (168 + 24) = 12.5% of hours at 0.4 on average, so
    // 0.875 + 0.125 × 0.4 = 0.925; maintenance keeps 1 − (48 / 768) × 0.2 = 0.9875; checkpoints
    // every 3 h each cost (9 / 60) × 0.7 = 0.105 of an hour: e^(−0.105/3) = 0.9656.
    // 0.925 × 0.9875 × 0.9656 = 0.882, so mean ≈ 88 MW; one seeded year lands within ±5 MW.
    expect(result.meanMw).toBeGreaterThan(83);
    expect(result.meanMw).toBeLessThan(93);
    expect(result.loadFactor).toBeCloseTo(result.meanMw / 100, 9);
    expect(result.annualGwh).toBeCloseTo((result.meanMw * 8760) / 1000, 6);
  });

  it('averages 0.88 of its peak over many seeds', () => {
    const means = Array.from(
      { length: 20 },
      (_, seed) => demandForYear(campus({}), { year: 2026, seed, gpuPower }).meanMw,
    );
    // One year's mean varies by about 1.5 MW (seeded job gaps), so 20 years give ±0.35 MW.
    expect(Math.abs(sum(means) / 20 - 88.2)).toBeLessThan(1);
  });
});

describe('PUE', () => {
  const result = demandForYear(campus({ pue: 1.3, trainingShare: 0.5, kind: 'ai-mixed' }), {
    year: 2026,
    seed: 3,
    gpuPower,
  });

  it('makes the energy-weighted annual PUE (ΣFacility / ΣIT) equal the input', () => {
    const it = result.itHourlyMw ?? [];
    expect(sum(result.hourlyMw) / sum(it)).toBeCloseTo(1.3, 9);
    expect(result.pueAnnual).toBeCloseTo(1.3, 9);
  });

  it('has a design-day peak above the annual PUE', () => {
    // Overhead shape at the p99 hour is about 1.75 against an IT-weighted mean near 0.95, so
    // the design-day PUE is about 1 + 0.3 × 1.75 / 0.95 ≈ 1.55.
    expect(result.pueDesignPeak).toBeGreaterThan(1.45);
    expect(result.pueDesignPeak).toBeLessThan(1.65);
  });

  it('turns a published facility peak into IT so the modelled peak matches it', () => {
    // itMw = 300 / pueDesignPeak; the peak hour has u = 1 and PUE ≈ its 99th percentile.
    const published = demandForYear(
      campus({ pue: 1.25, phases: [{ start: '2024-01', facilityMw: 300 }] }),
      {
        year: 2025,
        seed: 1,
        gpuPower,
      },
    );
    expect(Math.abs(published.peakMw / 300 - 1)).toBeLessThan(0.01);
    expect(published.itPeakMw).toBeCloseTo(300 / published.pueDesignPeak, 6);
  });
});

describe('inference against training', () => {
  it('gives inference a lower load factor than training', () => {
    const options = { year: 2026, seed: 5, gpuPower };
    const training = demandForYear(campus({ pue: 1.2, trainingShare: 0.9 }), options);
    const inference = demandForYear(
      campus({ pue: 1.2, kind: 'ai-inference', trainingShare: 0.1 }),
      options,
    );
    // IT means by hand: training 0.9 × 0.88 + 0.1 × 0.62 = 0.854; inference 0.1 × 0.88 +
    // 0.9 × 0.62 = 0.646 (inference: 0.3 + 0.7 × 0.5 on 5 weekdays, 0.3 + 0.5 × 0.5 on 2
    // weekend days: (5 × 0.65 + 2 × 0.55) / 7 = 0.621). Both peak near 1.
    expect(inference.loadFactor).toBeLessThan(training.loadFactor - 0.1);
    const itMean = sum(inference.itHourlyMw ?? []) / 8760;
    expect(itMean / inference.itPeakMw).toBeGreaterThan(0.6);
    expect(itMean / inference.itPeakMw).toBeLessThan(0.7);
  });
});

describe('determinism', () => {
  const spec = campus({ trainingShare: 0.5, kind: 'ai-mixed', pue: 1.2 });

  it('gives the same series for the same seed', () => {
    const a = demandForYear(spec, { year: 2027, seed: 11, gpuPower });
    const b = demandForYear(spec, { year: 2027, seed: 11, gpuPower });
    expect(a.hourlyMw).toEqual(b.hourlyMw);
  });

  it('gives a different series for a different seed', () => {
    const a = demandForYear(spec, { year: 2027, seed: 11, gpuPower });
    const b = demandForYear(spec, { year: 2027, seed: 12, gpuPower });
    expect(a.hourlyMw).not.toEqual(b.hourlyMw);
  });
});

describe('ramp', () => {
  const spec = campus({
    pue: 1.2,
    trainingShare: 0.9,
    phases: [
      { start: '2026-01', itMw: 100 },
      { start: '2030-01', itMw: 100 },
    ],
  });
  const result = demandForYear(spec, { year: 2027, seed: 2, gpuPower });
  const byYear = new Map(result.ramp.map((entry) => [entry.year, entry]));
  const at = (year: number) => byYear.get(year) ?? { peakMw: NaN, annualGwh: NaN };

  it('covers 2024 to 2045', () => {
    expect(result.ramp.map((entry) => entry.year)).toEqual(
      Array.from({ length: 22 }, (_, i) => 2024 + i),
    );
  });

  it('rises when a phase starts and holds between phases', () => {
    expect(at(2025)).toEqual({ year: 2025, peakMw: 0, annualGwh: 0 });
    expect(at(2026).annualGwh).toBeGreaterThan(0);
    // Online 0→1 linearly over January–June (mean ½ over 4,344 h), then 1 for 4,416 h:
    // (0.5 × 4,344 + 4,416) / 8,760 = 0.752 of a full year, give or take the summer weighting.
    expect(at(2026).annualGwh / at(2027).annualGwh).toBeCloseTo(0.75, 1);
    // The hottest hours are in July, after the ramp: the 2026 peak is the full-build peak.
    expect(at(2026).peakMw).toBeCloseTo(at(2027).peakMw, 6);
    expect(at(2029)).toEqual({ ...at(2027), year: 2029 });
    expect(at(2030).annualGwh).toBeGreaterThan(at(2029).annualGwh);
    expect(at(2031).annualGwh).toBeCloseTo(2 * at(2027).annualGwh, 6);
    expect(at(2031).peakMw).toBeCloseTo(2 * at(2027).peakMw, 6);
  });

  it('agrees with the evaluated year', () => {
    expect(at(2027).peakMw).toBeCloseTo(result.peakMw, 9);
    expect(at(2027).annualGwh).toBeCloseTo(result.annualGwh, 6);
  });
});

describe('calendar', () => {
  it('gives a leap year (2028) 8,760 hours, dropping 29 February', () => {
    const result = demandForYear(campus({}), { year: 2028, seed: 1, gpuPower });
    expect(result.hourlyMw).toHaveLength(8760);
    expect(result.itHourlyMw).toHaveLength(8760);
  });
});

describe('accelerators, fabs and swing', () => {
  it('sizes 100,000 H100s at 137.06 MW of IT', () => {
    // 100,000 × 1.370625 kW = 137,062.5 kW = 137.0625 MW IT; u reaches 1 in training hours.
    const spec = campus({
      phases: [{ start: '2024-01', accelerator: 'nvidia-h100-sxm5', count: 100_000 }],
    });
    const result = demandForYear(spec, { year: 2026, seed: 1, gpuPower });
    expect(result.itPeakMw).toBeCloseTo(137.0625, 6);
  });

  it('models a fab as flat process load plus temperature-following HVAC, without PUE', () => {
    const spec: CampusSpec = {
      lat: 33.78,
      lon: -112.16,
      utcOffsetHours: -7,
      kind: 'fab',
      phases: [{ start: '2024-01', facilityMw: 200 }],
    };
    const result = demandForYear(spec, { year: 2025, seed: 1, gpuPower });
    // 200 MW × (0.6 + 0.4 × s/s_p99): the 99th-percentile hour is 200 MW, the hottest a little
    // above; the coldest hours keep the 120 MW process load plus the HVAC floor.
    expect(result.p99Mw).toBeCloseTo(200, 0);
    expect(result.peakMw).toBeLessThan(202);
    expect(Math.min(...result.hourlyMw)).toBeGreaterThan(120);
    expect([result.pueAnnual, result.pueDesignPeak, result.itHourlyMw]).toEqual([1, 1, undefined]);
    expect(result.swing).toMatchObject({ mw: 0, flagged: false });
  });

  it('reports the training swing as trainingShare × IT peak × 0.3, flagged from 20 MW', () => {
    const big = demandForYear(campus({ trainingShare: 0.9 }), { year: 2026, seed: 1, gpuPower });
    // 0.9 × ~100 MW × 0.3 ≈ 27 MW ≥ 20 MW.
    expect(big.swing.mw).toBeCloseTo(0.9 * big.itPeakMw * 0.3, 9);
    expect(big.swing.flagged).toBe(true);
    expect(big.swing.note).toContain('NERC');
    // 0.5 × 100 MW × 0.3 = 15 MW < 20 MW.
    const small = demandForYear(campus({ trainingShare: 0.5, kind: 'ai-mixed' }), {
      year: 2026,
      seed: 1,
      gpuPower,
    });
    expect(small.swing.mw).toBeLessThanOrEqual(15);
    expect(small.swing.flagged).toBe(false);
  });
});

describe('defaults', () => {
  it('echoes every default it uses', () => {
    const result = demandForYear(
      { lat: 32.49, lon: -99.733, phases: [{ start: '2025-01', itMw: 50 }] },
      { gpuPower },
    );
    const text = result.assumptions.join('\n');
    expect(text).toContain('kind not given: ai-mixed');
    expect(text).toContain('trainingShare not given: 0.5');
    expect(text).toContain('pue not given: 1.2');
    // round(−99.733 / 15) = round(−6.65) = −7, though Abilene keeps Central time (−6).
    expect(text).toContain('utcOffsetHours not given: -7');
    // 6-month ramp from 2025-01 ends 1 July 2025: 2026 is the first whole year at full build.
    expect(result.year).toBe(2026);
    expect(text).toContain('year not given: 2026');
    expect(result.seed).toBe(1);
    expect(text).toContain('seed not given: 1');
  });

  it('asks for phases when a campus has none', () => {
    try {
      demandForYear({ ...site, name: 'Fairwater', phases: [] }, { year: 2026, gpuPower });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).code).toBe('NO_PUBLISHED_LOAD');
      expect((error as ModelError).message).toMatch(
        /Fairwater has no published load: enter phases/,
      );
    }
  });
});
