// screen(): candidate-site ranking and the suitability hex grid, on the bundled data.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import {
  createSitingData,
  estimateCellCount,
  screen,
  screenSteps,
  type ScreenInput,
} from '../../models/siting.ts';
import { loadPopulationIndex } from '../../server/population/index.ts';

const geo = loadGeoData();
const data = createSitingData({
  population: loadPopulationIndex(),
  seismicZones: geo.seismicZones,
  sites: geo.sites,
});
const bwrx = geo.designs.find((d) => d.id === 'bwrx-300')!;
// CoreWeave Lancaster PA; within 400 km lie 7 candidate sites, TMI-1 (Crane) nearest at 42 km.
const lancaster = { lat: 40.05, lon: -76.25, id: 'coreweave-lancaster' };
const input = (extra: Partial<ScreenInput> = {}): ScreenInput => ({
  campus: lancaster,
  design: bwrx,
  radiusKm: 400,
  cellKm: 50,
  ...extra,
});
const ids = (r: ReturnType<typeof screen>) => r.sites.map((s) => s.siteId);

describe('site ranking', () => {
  it('moves nearby sites up when the distance weight rises', () => {
    // Default weights: Crane scores low on population margin (RG 4.7 worst ~450/mi², near
    // Harrisburg) and ranks 4th; at distance weight 100 its 42 km line puts it first.
    const base = ids(screen(data, input()));
    const near = ids(screen(data, input({ weights: { distance: 100 } })));
    expect(base.indexOf('crane-tmi1')).toBe(3);
    expect(near[0]).toBe('crane-tmi1');
  });

  it('ranks by line cost alone when only distance weighs', () => {
    const only = { populationMargin: 0, distance: 1, seismic: 0, brownfield: 0, water: 0 };
    const open = screen(data, input({ weights: only })).sites.filter((s) => !s.excluded);
    const capex = open.map((s) => s.criteria.transmissionCapexUsd);
    expect(capex).toEqual([...capex].sort((a, b) => a - b));
  });

  it('ranks a site failing a hard check last, marked excluded, with the reason first', () => {
    const { sites } = screen(data, input());
    const last = sites.at(-1)!;
    expect(last).toMatchObject({ siteId: 'brandon-shores', excluded: true });
    expect(last.reasons[0]).toMatch(/^Excluded: population-centre-distance fails/);
    expect(sites.filter((s) => s.excluded)).toHaveLength(1);
  });

  it('gives a score 0..100 with one reason per weighted criterion', () => {
    const top = screen(data, input()).sites[0];
    expect(top.siteId).toBe('susquehanna');
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(100);
    expect(top.reasons.map((r) => r.split(' ')[0])).toEqual([
      'Population',
      'Distance',
      'Seismic',
      'Brownfield',
      'Water',
    ]);
    const points = Object.values(top.criteria.points).reduce((s, p) => s + p, 0);
    expect(points).toBeCloseTo(top.score, 0);
  });

  it('rejects negative weights and all-zero weights, naming them', () => {
    expect(() => screen(data, input({ weights: { seismic: -1 } }))).toThrow(/weights.seismic/);
    const zero = { populationMargin: 0, distance: 0, seismic: 0, brownfield: 0, water: 0 };
    expect(() => screen(data, input({ weights: zero }))).toThrow(/at least one weight/);
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

  it('refuses a radius outside 10..1,000 km', () => {
    expect(() => screen(data, input({ radiusKm: 1500 }))).toThrow(/Invalid radiusKm: 1500/);
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
