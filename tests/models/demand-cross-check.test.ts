// Cross-checks of published GPU counts against published facility MW: two facts published
// apart, so the model is checked against something it did not take as input. Differences are
// large for some campuses and are asserted as computed, not hidden.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandCrossChecks, demandForYear } from '../../models/demand.ts';
import { ModelError } from '../../models/errors.ts';
import type { Campus } from '../../models/records.ts';

const { campuses, gpuPower } = loadGeoData();
const campus = (id: string): Campus => campuses.find((c) => c.id === id)!;

function errorOf(run: () => unknown): ModelError {
  try {
    run();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

// xAI Colossus 1, 2024, by hand from gpu-power.json and the campus record:
//   DGX H100 (8 GPU) systemMaxKw 10.2 kW / 8 GPUs        = 1.275 kW/GPU
//   × (1 + 0.075) cluster network/storage adder          = 1.370625 kW/GPU  (midpoint of "5–10%")
//   × 100,000 GPUs ("~100k H100 online Sept 2024")       = 137.0625 MW IT
//   design-day PUE at Memphis (lat 35.06°), annual PUE 1.25, from the proxy in pue.ts with
//   training hours weighted evenly: Tmean = 54 − 1.05 × 35.06 = 17.19 °C, seasonal ±11.57 °C,
//   daily ±6 °C; over the 8,760 hours mean s(T) = 0.9185 and the p99 hour s = 1.7124 (T = 34.2 °C);
//   k = (1.25 − 1) / 0.9185 = 0.2722; PUE_p99 = 1 + 0.2722 × 1.7124    = 1.466
//   137.0625 MW × 1.466                                  = 200.93 MW facility
//   against 150 MW published facility (the 2024 total)   = +50.93 MW, +34.0%
const COLOSSUS_2024_HAND_MW = 137.0625 * 1.466;

describe('demand cross-checks against published GPU counts', () => {
  it('matches the hand calculation for xai-colossus-1 in 2024 within 0.5%', () => {
    const result = demandForYear(campus('xai-colossus-1'), { year: 2024, seed: 1, gpuPower });
    const check = result.crossChecks.find((c) => c.year === 2024)!;
    expect(check).toMatchObject({
      gpuCount: 100_000,
      accelerator: 'nvidia-h100-sxm5',
      publishedFacilityMw: 150,
    });
    expect(check.modelledItMw).toBeCloseTo(137.0625, 6);
    expect(Math.abs(check.modelledFacilityPeakMw / COLOSSUS_2024_HAND_MW - 1)).toBeLessThan(0.005);
    expect(check.differenceMw).toBeCloseTo(check.modelledFacilityPeakMw - 150, 9);
    expect(check.differenceFraction).toBeCloseTo(COLOSSUS_2024_HAND_MW / 150 - 1, 2);
  });

  it('gives every bundled campus a cross-check for each year with both GPU counts and facility MW', () => {
    let checked = 0;
    for (const c of campuses) {
      const countYears = new Set((c.publishedAccelerators ?? []).map((a) => a.year));
      const expected = c.publishedTotals
        .filter((t) => t.facilityMw !== undefined && countYears.has(t.year))
        .map((t) => t.year);
      if (c.phases.length === 0) {
        expect(expected, c.id).toEqual([]);
        continue;
      }
      const result = demandForYear(c, { seed: 1, gpuPower });
      expect(
        result.crossChecks.map((x) => x.year),
        c.id,
      ).toEqual(expected);
      checked += expected.length;
    }
    // Colossus 1 in 2024 and 2025, Colossus 2 in 2025, Abilene in 2026.
    expect(checked).toBe(4);
  });

  it('reports the differences as computed, whatever their size or sign', () => {
    const byCampus = Object.fromEntries(
      ['xai-colossus-1', 'xai-colossus-2', 'stargate-abilene'].map((id) => [
        id,
        demandForYear(campus(id), { seed: 1, gpuPower }).crossChecks.map((c) =>
          Math.round(c.differenceFraction * 100),
        ),
      ]),
    );
    // Modelled at reference-system max draw: above the published MW at xAI, below it at Abilene
    // (whose 1.2 GW is not consistently stated as IT or facility power).
    expect(byCampus).toEqual({
      'xai-colossus-1': [34, 50],
      'xai-colossus-2': [26],
      'stargate-abilene': [-25],
    });
  });

  it('sums a year that publishes a mix of accelerators and takes the lowest confidence', () => {
    const result = demandForYear(campus('xai-colossus-1'), { year: 2025, seed: 1, gpuPower });
    const check = result.crossChecks.find((c) => c.year === 2025)!;
    // 185,000 × 1.370625 kW + 30,000 × (120 kW / 72 × 1.075) = 253.565625 + 53.75 MW.
    expect(check).toMatchObject({
      gpuCount: 215_000,
      accelerator: 'nvidia-h100-sxm5 + nvidia-gb200-nvl72',
      publishedFacilityMw: 300,
      confidence: 'low',
    });
    expect(check.accelerators.map((a) => [a.name, a.count])).toEqual([
      ['H100 SXM5 80 GB', 185_000],
      ['GB200 NVL72', 30_000],
    ]);
    expect(check.modelledItMw).toBeCloseTo(307.315625, 6);
  });

  it('uses the run’s design-day PUE, the factor that turns published facility MW into IT', () => {
    const result = demandForYear(campus('xai-colossus-2'), { year: 2026, seed: 3, gpuPower });
    const [check] = result.crossChecks;
    expect(check.pueDesignPeak).toBe(result.pueDesignPeak);
    expect(check.modelledFacilityPeakMw).toBeCloseTo(check.modelledItMw * result.pueDesignPeak, 9);
  });

  it('quotes the published note and signs the difference in its own note', () => {
    const [check] = demandForYear(campus('stargate-abilene'), { seed: 1, gpuPower }).crossChecks;
    expect(check.note).toContain('400,000 × nvidia-gb200-nvl72');
    expect(check.note).toContain('against 1200 MW published: −');
    expect(check.note).toContain('"Phase 2: 6 more buildings (8 total, ~50k GB200 each;');
  });

  it('is empty for a drawn campus, a fab and a year with counts but no facility MW', () => {
    const drawn = { lat: 35, lon: -101, phases: [{ start: '2026-01', itMw: 100 }] };
    expect(demandForYear(drawn, { year: 2027, gpuPower }).crossChecks).toEqual([]);
    const counts = campus('xai-colossus-1').publishedAccelerators;
    expect(demandCrossChecks({ publishedAccelerators: counts }, 'fab', 1, gpuPower)).toEqual([]);
    const itOnly = { publishedAccelerators: counts, publishedTotals: [{ year: 2024, itMw: 120 }] };
    expect(demandCrossChecks(itOnly, 'ai-training', 1.3, gpuPower)).toEqual([]);
  });

  it('answers a malformed published count with INVALID_INPUT naming the field and value', () => {
    const spec = {
      ...campus('xai-colossus-1'),
      publishedAccelerators: [{ year: 2024, accelerator: 'nvidia-h100-sxm5', count: 0 }],
    };
    const error = errorOf(() => demandForYear(spec, { year: 2024, gpuPower }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.field).toBe('publishedAccelerators[0].count');
    expect(error.message).toContain('0');
  });

  it('answers a published count of an unknown accelerator with INVALID_INPUT naming it', () => {
    const published = {
      publishedAccelerators: [{ year: 2024, accelerator: 'nvidia-h900', count: 10 }],
      publishedTotals: [{ year: 2024, facilityMw: 50 }],
    };
    const error = errorOf(() => demandCrossChecks(published, 'ai-training', 1.3, gpuPower));
    expect(error.details?.field).toBe('publishedAccelerators[0].accelerator');
    expect(error.message).toContain('nvidia-h900');
  });
});
