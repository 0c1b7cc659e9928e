// Comparing candidate sites without a DOM: nearest sites by great-circle distance, the request
// per site, the row an answer becomes and the best of each column; and the limited runner.
import { describe, expect, it } from 'vitest';
import type { CampusCollection, SiteFeature } from '../../web/api/client.ts';
import type { EvaluateResponse } from '../../web/api/scenario-types.ts';
import {
  bestValues,
  campusPoint,
  haversineKm,
  nearestSites,
  siteRequest,
  siteRow,
} from '../../web/features/compare-sites/site-compare.ts';
import { runLimited } from '../../web/features/scenarios/run-limited.ts';
import { emptyScenario, withOptions } from '../../web/state/scenario.ts';

const near = { plantId: 'eia-1', name: 'Big Sub', kv: 345, km: 12.5 };
const site = (id: string, lat: number, lon: number, name = id): SiteFeature =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { id, name, kind: 'coal-plant', nearestInterconnection: near },
  }) as unknown as SiteFeature;

const campuses = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-99.7, 32.5] },
      properties: { id: 'abilene' },
    },
  ],
} as unknown as CampusCollection;

describe('nearest sites', () => {
  it('measures great-circle km (one degree of latitude ≈ 111.2 km)', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.19, 1);
    // Abilene TX to Memphis TN: about 890 km.
    expect(haversineKm({ lat: 32.45, lon: -99.73 }, { lat: 35.15, lon: -90.05 })).toBeGreaterThan(
      880,
    );
  });

  it('finds the campus from its own coordinates or the bundled record, else none', () => {
    expect(campusPoint({ lat: 40, lon: -100, phases: [] }, null)).toEqual({ lat: 40, lon: -100 });
    expect(campusPoint({ id: 'abilene' }, campuses)).toEqual({ lat: 32.5, lon: -99.7 });
    expect(campusPoint({ id: 'unknown' }, campuses)).toBeNull();
    expect(campusPoint(null, campuses)).toBeNull();
  });

  it('sorts by distance, nearest first, and keeps the nearest n', () => {
    const sites = [
      site('far', 35, -90),
      site('b', 32.6, -99.7),
      site('a', 32.6, -99.7),
      site('mid', 33.5, -99.7),
    ];
    const options = nearestSites(sites, { lat: 32.5, lon: -99.7 }, 3);
    expect(options.map((o) => o.site.properties.id)).toEqual(['a', 'b', 'mid']);
    expect(options[0].km).toBeCloseTo(11.1, 1);
  });
});

describe('site request', () => {
  it('puts the chosen design and units at the site with the scenario campus and options, trials capped', () => {
    const scenario = withOptions(
      { ...emptyScenario(), campus: { id: 'abilene' } },
      { trials: 1000, seed: 3, years: [2030, 2040] },
    );
    const request = siteRequest(scenario, site('s1', 33, -100), {
      designId: 'xe-100',
      units: 4,
      codYear: 2031,
    });
    expect(request).toEqual({
      campus: { id: 'abilene' },
      deployments: [
        { designId: 'xe-100', units: 4, lat: 33, lon: -100, siteId: 's1', codYear: 2031 },
      ],
      options: { trials: 200, seed: 3 },
    });
    const few = siteRequest(withOptions(scenario, { trials: 50 }), site('s1', 33, -100), {
      designId: 'x',
      units: 1,
      codYear: null,
    });
    expect(few?.options?.trials).toBe(50);
    expect(few?.deployments[0]).not.toHaveProperty('codYear');
    expect(
      siteRequest(emptyScenario(), site('s1', 33, -100), {
        designId: 'x',
        units: 1,
        codYear: null,
      }),
    ).toBeNull();
  });
});

function answer(k: {
  km: number;
  loss: number;
  cost: number | null;
  served: number;
  grid?: boolean;
  pass?: boolean;
}) {
  return {
    coverage: { servedEnergyFraction: k.served },
    economics: { deliveredCostUsdPerMwh: k.cost },
    deployments: [
      {
        distanceKm: k.km,
        voltageKv: 345,
        lossFraction: k.loss,
        lineTo: k.grid
          ? {
              kind: 'interconnection',
              plantId: 'eia-9',
              name: 'Grid Point',
              kv: 500,
              lat: 0,
              lon: 0,
            }
          : { kind: 'campus', plantId: null, name: null, kv: null, lat: 0, lon: 0 },
        siting: {
          pass: k.pass ?? true,
          checks: [
            { id: 'seismic', severity: 'hard', pass: k.pass ?? true },
            { id: 'population-density-sector', severity: 'advisory', pass: false },
          ],
        },
      },
    ],
  } as unknown as EvaluateResponse;
}

describe('site rows', () => {
  it('names the line to the grid when connected, else the site’s nearest interconnection', () => {
    const s = site('s1', 33, -100);
    const islanded = siteRow(s, answer({ km: 40, loss: 0.012, cost: 90, served: 0.97 }));
    expect(islanded).toMatchObject({
      sitingPass: true,
      failedChecks: [],
      distanceKm: 40,
      voltageKv: 345,
    });
    expect(islanded.interconnection).toEqual({ name: 'Big Sub', kv: 345, km: 12.5 });
    const connected = siteRow(
      s,
      answer({ km: 25, loss: 0.01, cost: 80, served: 0.99, grid: true, pass: false }),
    );
    expect(connected.interconnection).toEqual({ name: 'Grid Point', kv: 500, km: 25 });
    expect(connected.sitingPass).toBe(false);
    expect(connected.failedChecks).toHaveLength(1);
  });

  it('marks the best of each column over the answers in, lowest cost and highest served', () => {
    const s = site('s1', 33, -100);
    const rows = [
      siteRow(s, answer({ km: 40, loss: 0.012, cost: 90, served: 0.97 })),
      null,
      siteRow(s, answer({ km: 25, loss: 0.02, cost: null, served: 0.99 })),
    ];
    expect(bestValues(rows)).toEqual({ distance: 25, loss: 0.012, delivered: null, served: 0.99 });
    expect(bestValues([rows[0]])).toEqual({
      distance: null,
      loss: null,
      delivered: null,
      served: null,
    });
  });
});

describe('runLimited', () => {
  it('runs at most `limit` at once and reports each as it settles, failures included', async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const tasks = [30, 5, 10, 1].map((ms, i) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      if (i === 2) throw new Error('boom');
      return i;
    });
    const outcomes: unknown[] = [];
    await runLimited(tasks, 2, (i, outcome) => {
      order.push(i);
      outcomes[i] = outcome.ok ? outcome.value : 'failed';
    });
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 0]);
    expect(outcomes).toEqual([0, 1, 'failed', 3]);
  });

  it('starts nothing more once aborted', async () => {
    const abort = new AbortController();
    const started: number[] = [];
    const tasks = [0, 1, 2].map((i) => async () => {
      started.push(i);
      abort.abort();
      return i;
    });
    const seen: number[] = [];
    await runLimited(tasks, 1, (i) => seen.push(i), abort.signal);
    expect(started).toEqual([0]);
    expect(seen).toEqual([]);
  });
});
