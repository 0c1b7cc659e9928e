// screen(): candidate-site ranking and the suitability hex grid, on the bundled data.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import {
  createSitingData,
  estimateCellCount,
  screen,
  screenSteps,
  type ScreenedSite,
  type ScreenInput,
} from '../../models/siting.ts';
import { loadPopulationIndex } from '../../server/population/index.ts';

const geo = loadGeoData();
const data = createSitingData({
  population: loadPopulationIndex(),
  seismicZones: geo.seismicZones,
  sites: geo.sites,
  interconnections: geo.interconnections,
});
const bwrx = geo.designs.find((d) => d.id === 'bwrx-300')!;
const campus = (id: string) => {
  const c = geo.campuses.find((x) => x.id === id)!;
  return { lat: c.lat, lon: c.lon, id };
};
// CoreWeave Lancaster PA: over a hundred plants within 300 km (PJM's coal, gas and nuclear).
const lancaster = campus('coreweave-lancaster');
const input = (extra: Partial<ScreenInput> = {}): ScreenInput => ({
  campus: lancaster,
  design: bwrx,
  radiusKm: 300,
  cellKm: 50,
  ...extra,
});
const ids = (r: ReturnType<typeof screen>) => r.sites.map((s) => s.siteId);
const ONLY = {
  populationMargin: 0,
  distance: 0,
  seismic: 0,
  brownfield: 0,
  water: 0,
  interconnection: 0,
};

/**
 * Ranked by `key` ascending, up to the score's rounding: wherever one site scores strictly
 * higher than a later one, its key is no larger (equal scores are ordered by id).
 */
function orderedBy(sites: ScreenedSite[], key: (s: ScreenedSite) => number): boolean {
  for (let i = 0; i < sites.length; i++)
    for (let j = i + 1; j < sites.length; j++)
      if (sites[i].score > sites[j].score && key(sites[i]) > key(sites[j]) + 1e-9) return false;
  return true;
}

describe('screening at national scale', () => {
  it('ranks dozens of plants around Colossus, with Allen, Cumberland and Arkansas Nuclear One among them', () => {
    // Before the plant table, 4 candidates lay within 300 km of Memphis.
    const { sites } = screen(data, input({ campus: campus('xai-colossus-1') }));
    expect(sites.length).toBeGreaterThanOrEqual(30);
    const names = sites.map((s) => s.name).join(' | ');
    for (const expected of [/Allen Fossil/, /Cumberland/, /Arkansas Nuclear One/, /White Bluff/])
      expect(names).toMatch(expected);
    // Allen lies inside Memphis: the 10 CFR 100.21 centre-distance rule excludes it, and says so.
    const allen = sites.find((s) => s.siteId === 'allen-memphis')!;
    expect(allen.excluded).toBe(true);
    expect(allen.reasons[0]).toMatch(/population-centre-distance fails/);
    expect(allen.criteria.waterSource).toMatch(/Mississippi/);
  });

  it('puts Comanche Peak near the top around Abilene, and Palo Verde first around TSMC Arizona', () => {
    const abilene = ids(screen(data, input({ campus: campus('stargate-abilene') })));
    expect(abilene.length).toBeGreaterThanOrEqual(20);
    expect(abilene.indexOf('comanche-peak')).toBeLessThan(3);
    const phoenix = screen(data, input({ campus: campus('tsmc-arizona') }));
    expect(phoenix.sites[0].siteId).toBe('palo-verde');
    // Palo Verde's own 500 kV switchyard is its interconnection point.
    expect(phoenix.sites[0].criteria.interconnection!.kv).toBeGreaterThanOrEqual(345);
    expect(phoenix.sites[0].criteria.interconnection!.km).toBeLessThan(3);
  });

  it('reaches 1,500 km', () => {
    const wide = screen(data, input({ radiusKm: 1500, cellKm: 60 }));
    expect(wide.sites.length).toBeGreaterThan(500);
    expect(Math.max(...wide.sites.map((s) => s.criteria.distanceKm))).toBeLessThanOrEqual(1500);
  });
});

describe('site ranking', () => {
  it('puts the cheapest open line first when the distance weight rises', () => {
    const near = screen(data, input({ weights: { distance: 1000 } })).sites.filter(
      (s) => !s.excluded,
    );
    const cheapest = Math.min(...near.map((s) => s.criteria.transmissionCapexUsd));
    expect(near[0].criteria.transmissionCapexUsd).toBe(cheapest);
    // Peach Bottom (32 km) is Lancaster's nearest plant; Crane (TMI-1, 42 km) follows within
    // the first six, behind gas plants 35–38 km away.
    expect(near[0].name).toBe('Peach Bottom');
    expect(near.slice(0, 6).map((s) => s.siteId)).toContain('crane-tmi1');
  });

  it('ranks by line cost alone when only distance weighs', () => {
    const open = screen(data, input({ weights: { ...ONLY, distance: 1 } })).sites.filter(
      (s) => !s.excluded,
    );
    expect(orderedBy(open, (s) => s.criteria.transmissionCapexUsd)).toBe(true);
  });

  it('ranks by distance to a ≥ 345 kV point alone when only interconnection weighs', () => {
    const open = screen(data, input({ weights: { ...ONLY, interconnection: 1 } })).sites.filter(
      (s) => !s.excluded,
    );
    expect(orderedBy(open, (s) => Math.min(100, s.criteria.interconnection?.km ?? 100))).toBe(true);
  });

  it('ranks the sites failing a hard check last, marked excluded, with the reason first', () => {
    const { sites } = screen(data, input());
    const firstExcluded = sites.findIndex((s) => s.excluded);
    expect(firstExcluded).toBeGreaterThan(0);
    expect(sites.slice(firstExcluded).every((s) => s.excluded)).toBe(true);
    const brandon = sites.find((s) => s.siteId === 'brandon-shores')!;
    expect(brandon.excluded).toBe(true);
    expect(brandon.reasons[0]).toMatch(/^Excluded: population-centre-distance fails/);
  });

  it('gives a score 0..100 with one reason per weighted criterion', () => {
    const top = screen(data, input()).sites[0];
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(100);
    expect(top.reasons.map((r) => r.split(' ')[0])).toEqual([
      'Population',
      'Distance',
      'Seismic',
      'Brownfield',
      'Water',
      'Interconnection',
    ]);
    const points = Object.values(top.criteria.points).reduce((s, p) => s + p, 0);
    expect(points).toBeCloseTo(top.score, 0);
  });

  it('credits a coal or nuclear plant as brownfield from its own record, and not a gas plant', () => {
    const { sites } = screen(data, input());
    const kinds = (k: string) => sites.filter((s) => s.kind === k);
    expect(kinds('coal-plant').every((s) => s.criteria.brownfield)).toBe(true);
    expect(kinds('nuclear-plant').every((s) => s.criteria.brownfield)).toBe(true);
    // A gas plant earns the credit only with a coal or nuclear site within 3 km.
    const gas = kinds('gas-plant');
    expect(gas.some((s) => !s.criteria.brownfield)).toBe(true);
  });

  it('rejects negative weights and all-zero weights, naming them', () => {
    expect(() => screen(data, input({ weights: { seismic: -1 } }))).toThrow(/weights.seismic/);
    expect(() => screen(data, input({ weights: ONLY }))).toThrow(/at least one weight/);
  });
});

describe('suitability grid', () => {
  it.each([
    [400, 10],
    [100, 2],
    [1000, 25],
  ])('holds ≈ πR²/(2.598·cellKm²) cells for R = %i km at %i km cells', (radiusKm, cellKm) => {
    // 400/10: π·160,000/259.8 = 1,935; 100/2: 3,023; 1,000/25: 1,935.
    const { grid } = screen(data, input({ radiusKm, cellKm }));
    const expected = estimateCellCount(radiusKm, cellKm);
    expect(Math.abs(grid.features.length / expected - 1)).toBeLessThan(0.1);
  });

  it('discriminates cells by their distance to a ≥ 345 kV point when only that weighs', () => {
    const { grid } = screen(
      data,
      input({ radiusKm: 200, cellKm: 10, weights: { ...ONLY, interconnection: 1 } }),
    );
    for (const { properties: p } of grid.features) {
      if (p.densityPerMi2 > 500) continue;
      // score = 100 × (1 − km / 100), floored at 0 (models/siting/weights.ts).
      const expected = Math.max(0, 100 * (1 - (p.interconnectionKm ?? 100) / 100));
      expect(p.score).toBeCloseTo(expected, 0);
    }
    const scores = new Set(grid.features.map((f) => f.properties.score));
    expect(scores.size).toBeGreaterThan(50);
  });

  it('scores each cell with density, hazard and distance, zero above 500 persons/mi²', () => {
    const { grid } = screen(data, input({ radiusKm: 200, cellKm: 10 }));
    for (const { properties: p } of grid.features) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(100);
      expect(p.distanceKm).toBeLessThanOrEqual(200);
      if (p.densityPerMi2 > 500) expect(p.score).toBe(0);
    }
    expect(grid.features.some((f) => f.properties.densityPerMi2 > 500)).toBe(true);
    expect(grid.features.some((f) => f.properties.score > 50)).toBe(true);
  });

  it('refuses more than 20,000 cells, naming the limit and the count', () => {
    // 1,000 km at 5 km: π·10⁶ / (2.598 × 25) = 48,368 cells.
    expect(() => screen(data, input({ radiusKm: 1000, cellKm: 5 }))).toThrow(
      /48,368 cells, more than the 20,000-cell limit/,
    );
  });

  it('refuses a radius outside 10..1,500 km', () => {
    expect(() => screen(data, input({ radiusKm: 1600 }))).toThrow(/Invalid radiusKm: 1600/);
    expect(() => screen(data, input({ radiusKm: 5 }))).toThrow(/Invalid radiusKm: 5/);
  });

  it('reports progress that rises to the total, sites first', () => {
    const steps = screenSteps(data, input({ radiusKm: 400, cellKm: 10 }));
    const progress: { done: number; total: number }[] = [];
    let step = steps.next();
    while (!step.done) {
      progress.push(step.value);
      step = steps.next();
    }
    expect(progress[0].done).toBe(geo.sites.length);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)!.total).toBe(geo.sites.length + step.value.grid.features.length);
  });
});
