// The optimiser's other questions (issue 13, "The question"): free placement at the best hexes,
// a range of study years, and the earliest year meeting the target, each checked by an
// independent path: the siting check of every proposed point (POST /api/sites/check's model),
// and a single-year search of the year before the earliest one, which must find no fleet.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeoData, type GeoData } from '../../geo-data/load.ts';
import { checkSite, type SitingData } from '../../models/siting.ts';
import { greatCircleKm } from '../../models/units.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { createEvaluator, type Evaluator } from '../../server/evaluate/evaluator.ts';
import { sitingDataOf } from '../../server/evaluate/screen-task.ts';
import { runOptimise, type SearchContext } from '../../server/optimise/search.ts';
import { getPopulationIndex } from '../../server/plugins/population.ts';
import type { OptimiseRequest } from '../../server/schemas/optimise.ts';

let geoData: GeoData;
let evaluator: Evaluator;
let siting: SitingData;
let ctx: SearchContext;
beforeAll(() => {
  geoData = loadGeoData();
  const data = evaluateDataOf(geoData);
  evaluator = createEvaluator({ data, dataVersion: geoData.version, workers: 0 });
  siting = sitingDataOf(geoData, getPopulationIndex());
  ctx = { geoData, data, evaluator, siting };
});

const base: OptimiseRequest = {
  campus: { id: 'xai-colossus-1' },
  year: 2032,
  target: { servedEnergyFraction: 0.99 },
  candidates: { siteIds: ['nacei-1512', 'nacei-0229', 'nacei-0559'] },
  designs: ['bwrx-300', 'xe-100'],
  limits: { maxUnitsPerSite: 4, maxSites: 2 },
  options: { trials: 40, seed: 5, candidates: 6 },
};

describe('free placement at the best hexes', () => {
  it('proposes only spread-out grid points within the radius that pass every hard check', async () => {
    const result = await runOptimise({ ...base, candidates: { hexes: 8, radiusKm: 200 } }, ctx);
    expect(result.candidateSiteCount).toBe(8);
    expect(result.best).not.toBeNull();
    const campus = geoData.campuses.find((c) => c.id === 'xai-colossus-1')!;
    const points = new Map<string, { lat: number; lon: number }>();
    for (const f of [...result.ranked, ...result.pareto]) {
      for (const d of f.deployments) points.set(d.siteId, d);
    }
    expect(points.size).toBeGreaterThan(0);
    const bwrx = geoData.designs.find((d) => d.id === 'bwrx-300')!;
    for (const [id, p] of points) {
      expect(id).toMatch(/^hex:-?\d+\.\d{4},-?\d+\.\d{4}$/);
      expect(greatCircleKm(p.lat, p.lon, campus.lat, campus.lon)).toBeLessThanOrEqual(200);
      expect(checkSite(siting, { ...p, design: bwrx, campus }).pass).toBe(true);
    }
    const list = [...points.values()];
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        // 200 km / 40 = 5 km cells; candidates at least four cell sides (20 km) apart.
        expect(greatCircleKm(list[i].lat, list[i].lon, list[j].lat, list[j].lon)).toBeGreaterThan(
          19.9,
        );
      }
    }
  }, 120_000);
});

describe('study years', () => {
  it('finds the earliest year a fleet meets the target; the year before has none', async () => {
    const request: OptimiseRequest = {
      ...base,
      year: { from: 2028, to: 2032 },
      objective: 'earliestYear',
    };
    const result = await runOptimise(request, ctx);
    expect(result.best).not.toBeNull();
    const year = result.best!.year;
    // Years before the first design's earliest COD are not searched.
    expect(result.years[0].year).toBeGreaterThanOrEqual(2028);
    expect(result.years.map((y) => y.year)).toContain(year);
    expect(result.ranked[0].reason).toMatch(new RegExp(`earliest year .*\\(${year}\\)`));
    // Every year before the best one's has no fleet meeting the target.
    for (const y of result.years.filter((y) => y.year < year)) {
      expect(y.bestDeliveredCostUsdPerMwh).toBeNull();
    }
    // Independently: a plain single-year search of that year agrees, and of the year before
    // (if any design is online then) finds nothing.
    const same = await runOptimise({ ...base, year }, ctx);
    expect(same.best?.evaluation.economics.deliveredCostUsdPerMwh).toBe(
      result.best!.evaluation.economics.deliveredCostUsdPerMwh,
    );
    if (year > result.years[0].year) {
      const before = await runOptimise({ ...base, year: year - 1 }, ctx);
      expect(before.best).toBeNull();
    }
    // Cost against year: each point cheaper than every earlier one.
    const costs = result.paretoByYear.map((p) => p.deliveredCostUsdPerMwh);
    for (let i = 1; i < costs.length; i += 1) expect(costs[i]).toBeLessThan(costs[i - 1]);
    expect(result.paretoByYear[0].year).toBe(year);
  }, 240_000);

  it('ranks by cost across a range, reporting each fleet’s year', async () => {
    const result = await runOptimise({ ...base, year: { from: 2031, to: 2032 } }, ctx);
    expect(result.years.map((y) => y.year)).toEqual([2031, 2032]);
    const cheapest = Math.min(...result.years.map((y) => y.bestDeliveredCostUsdPerMwh ?? Infinity));
    expect(result.best!.evaluation.economics.deliveredCostUsdPerMwh).toBe(cheapest);
    for (const r of result.ranked) expect([2031, 2032]).toContain(r.year);
  }, 240_000);
});

describe('gas backup', () => {
  it('sizes gas per fleet and lets a smaller reactor fleet with gas win', async () => {
    const alone = await runOptimise(base, ctx);
    const withGas = await runOptimise(
      { ...base, options: { ...base.options, backup: 'gas' } },
      ctx,
    );
    expect(alone.best).not.toBeNull();
    expect(withGas.best).not.toBeNull();
    const units = (r: typeof alone) => r.best!.deployments.reduce((a, d) => a + d.units, 0);
    const backup = withGas.best!.evaluation.backup;
    expect(backup.gasSized).toBe(true);
    expect(alone.best!.evaluation.backup.gasMw).toBe(0);
    expect(withGas.ranked[0].backupGasMw).toBe(backup.gasMw);
    expect(withGas.best!.evaluation.afterBackup.servedEnergyFraction).toBeGreaterThanOrEqual(0.99);
    // Gas is tried against smaller reactor fleets, and here one carried by gas is cheapest.
    // (Measured: 2 units and 215.5 MW of gas against 5 units alone.)
    expect(units(withGas)).toBeLessThan(units(alone));
    expect(backup.gasMw).toBeGreaterThan(0);
  }, 240_000);
});
