import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Value } from 'typebox/value';
import { EvaluateResponse } from '../../server/schemas/evaluate-result.ts';
import { testApp } from '../helpers/app.ts';

// Real worker threads: the route must give the same answer as the in-process model.
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({ evaluationWorkers: 2 });
});
afterAll(async () => {
  await app.close();
});

const request = {
  campus: { id: 'xai-colossus-1' },
  // Four BWRX-300 (4 × 300 MWe) at the retired Allen plant next to the campus, 2031.
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626, codYear: 2031 }],
  options: { year: 2032, trials: 200, seed: 3 },
};
const evaluate = (payload: object) => app.inject({ method: 'POST', url: '/api/evaluate', payload });

describe('POST /api/evaluate', () => {
  it('answers every DESIGN.md field for a campus against a fleet', async () => {
    const res = await evaluate(request);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    for (const key of [
      'demand',
      'supply',
      'coverage',
      'nMinus1',
      'deployments',
      'economics',
      'backup',
      'timeline',
      'hourly',
      'assumptions',
      'warnings',
    ]) {
      expect(body).toHaveProperty(key);
    }
    expect(body.hourly.demandMw).toHaveLength(8760);
    expect(body.hourly.deliveredMw).toHaveLength(8760);
    expect(body.coverage.servedEnergyFraction).toBeGreaterThan(0.9);
    expect(body.coverage.servedEnergyFraction).toBeLessThanOrEqual(1);
    // The Allen site is about 1 km from the campus point: co-located, no line loss to speak of.
    expect(body.deployments[0].distanceKm).toBeLessThan(5);
    expect(body.timeline.map((t: { year: number }) => t.year)).toEqual(
      Array.from({ length: 22 }, (_, i) => 2024 + i),
    );
    expect(res.headers['x-cache']).toBe('miss');
    // The 200 matches its TypeBox schema, the route's siting included.
    const errors = [...Value.Errors(EvaluateResponse, body)].map(
      (e) => `${e.instancePath} ${e.message}`,
    );
    expect(errors).toEqual([]);
  });

  it('echoes every new default with its source', async () => {
    const body = (await evaluate(request)).json();
    const text = body.assumptions.join('\n');
    for (const phrase of [
      'options.grid.mode not given: islanded',
      'options.backup.order not given: battery, then gas, then grid',
      'options.vollUsdPerMwh = 10000 (MISO value of lost load',
      'options.backup.gas.forcedOutageRate = 0.07 (assumption',
      'options.backup.gas.heatRateMmbtuPerMwh = 9.447 (EIA AEO2026',
      'options.backup.gas.fuelPriceUsdPerMmbtu = 4 (assumption',
      'options.backup.battery.roundTripEfficiency = 0.85 (NREL ATB',
      'options.economics.waccReal = 0.07 (DESIGN.md',
      'options.economics.foakPremium = 1.5 (assumption',
      'options.economics.learningRate = 0.05 (EIA AEO2026',
      'options.economics.taxCredit not given: none',
      'Decommissioning ($/kW) = 1000 (assumption',
      'location multiplier 0.99 (Tennessee',
      'options.backup.gas.mw not given',
    ]) {
      expect(text).toContain(phrase);
    }
    const connected = await evaluate({
      ...request,
      options: { ...request.options, grid: { mode: 'connected' } },
    });
    const grid = connected.json().assumptions.join('\n');
    expect(grid).toContain('options.grid.importPriceUsdPerMwh = 85 (assumption');
    expect(grid).toContain('options.grid.exportPriceUsdPerMwh = 40 (EIA STEO');
    expect(grid).toContain('options.grid.availability = 0.9999 (assumption');
    expect(connected.json().grid.importLimitMw).toBeCloseTo(connected.json().demand.peakMw, 6);
  });

  it('sweeps years, with grid, backup and double circuits, in one request', async () => {
    const res = await evaluate({
      ...request,
      deployments: [{ ...request.deployments[0], circuits: 2 }],
      options: {
        trials: 100,
        years: [2031, 2035],
        grid: { mode: 'connected', importLimitMw: 100 },
        backup: {
          gas: { mw: 100 },
          battery: { mw: 50, mwh: 200 },
          order: ['gas', 'battery', 'grid'],
        },
        economics: { taxCredit: 'ptc' },
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.deployments[0].circuits).toBe(2);
    expect(body.backup).toMatchObject({
      gasMw: 100,
      gasSized: false,
      batteryMw: 50,
      batteryMwh: 200,
    });
    expect(body.backup.order).toEqual(['gas', 'battery', 'grid']);
    expect(body.economics.taxCredit).toBe('ptc');
    expect(body.economics.annualUsd.taxCredit).toBeLessThan(0);
    const swept = body.timeline.filter(
      (t: { servedEnergyFraction?: number }) => t.servedEnergyFraction !== undefined,
    );
    expect(swept.map((t: { year: number }) => t.year)).toEqual([2031, 2032, 2033, 2034, 2035]);
    expect([...Value.Errors(EvaluateResponse, body)]).toEqual([]);
  });

  it("carries each deployment's siting checks against the campus", async () => {
    const [deployment] = (await evaluate(request)).json().deployments;
    expect(typeof deployment.siting.pass).toBe('boolean');
    const ids = deployment.siting.checks.map((c: { id: string }) => c.id);
    expect(ids).toContain('population-centre-distance');
    // Allen is a retired TVA coal plant: the brownfield credit applies.
    const brownfield = deployment.siting.checks.find((c: { id: string }) => c.id === 'brownfield');
    expect(brownfield.pass).toBe(true);
  });

  it('serves an identical request from the cache with the same answer', async () => {
    const first = (await evaluate(request)).json();
    const again = await evaluate({ ...request, options: { seed: 3, trials: 200, year: 2032 } });
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.json()).toEqual(first);
  });

  it('gives a different answer for a different seed', async () => {
    const other = await evaluate({ ...request, options: { ...request.options, seed: 4 } });
    expect(other.headers['x-cache']).toBe('miss');
    const base = (await evaluate(request)).json();
    // Four units cover this campus fully either way; the outage draws still differ hour by hour.
    expect(other.json().hourly.deliveredMw).not.toEqual(base.hourly.deliveredMw);
  });

  it('answers 422 NO_PUBLISHED_LOAD for a campus without published load', async () => {
    const res = await evaluate({ ...request, campus: { id: 'stargate-milam' } });
    expect(res.statusCode).toBe(422);
  });
});

describe('POST /api/evaluate rejects bad input naming the field', () => {
  const withDeployment = (change: object) => ({
    ...request,
    deployments: [{ ...request.deployments[0], ...change }],
  });

  it('an unknown design', async () => {
    const res = await evaluate(withDeployment({ designId: 'warp-core' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/designId.*warp-core/);
  });

  it('impossible coordinates', async () => {
    const res = await evaluate(withDeployment({ lat: 95 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/deployments\.0\.lat.*95/);
  });

  it('too many units in a deployment', async () => {
    const res = await evaluate(withDeployment({ units: 101 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/units.*101/);
  });

  it('too many deployments', async () => {
    const res = await evaluate({
      ...request,
      deployments: Array.from({ length: 21 }, () => request.deployments[0]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/deployments/);
  });

  it('no deployments', async () => {
    expect((await evaluate({ ...request, deployments: [] })).statusCode).toBe(400);
  });

  it.each([
    ['options.grid.mode', { grid: { mode: 'bogus' } }, /options\.grid\.mode.*bogus/],
    [
      'options.grid.importLimitMw',
      { grid: { mode: 'connected', importLimitMw: -1 } },
      /importLimitMw.*-1/,
    ],
    [
      'options.grid.availability',
      { grid: { mode: 'connected', availability: 0.5 } },
      /availability.*0\.5/,
    ],
    [
      'options.grid.importPriceUsdPerMwh',
      { grid: { mode: 'connected', importPriceUsdPerMwh: 20000 } },
      /importPriceUsdPerMwh.*20000/,
    ],
    ['options.backup.gas.mw', { backup: { gas: { mw: -5 } } }, /gas\.mw.*-5/],
    [
      'options.backup.gas.forcedOutageRate',
      { backup: { gas: { forcedOutageRate: 0.9 } } },
      /forcedOutageRate.*0\.9/,
    ],
    [
      'options.backup.gas.heatRateMmbtuPerMwh',
      { backup: { gas: { heatRateMmbtuPerMwh: 2 } } },
      /heatRateMmbtuPerMwh.*2/,
    ],
    ['options.backup.battery.mwh', { backup: { battery: { mwh: -1 } } }, /battery\.mwh.*-1/],
    [
      'options.backup.battery.roundTripEfficiency',
      { backup: { battery: { roundTripEfficiency: 1.5 } } },
      /roundTripEfficiency.*1\.5/,
    ],
    ['options.backup.order', { backup: { order: ['gas', 'gas', 'grid'] } }, /order/],
    ['options.backup.order[0]', { backup: { order: ['coal', 'gas', 'grid'] } }, /order.*coal/],
    ['options.vollUsdPerMwh', { vollUsdPerMwh: -1 }, /vollUsdPerMwh.*-1/],
    ['options.economics.foakPremium', { economics: { foakPremium: 0.5 } }, /foakPremium.*0\.5/],
    ['options.economics.learningRate', { economics: { learningRate: 0.9 } }, /learningRate.*0\.9/],
    ['options.economics.waccReal', { economics: { waccReal: 0.5 } }, /waccReal.*0\.5/],
    ['options.economics.taxCredit', { economics: { taxCredit: 'rebate' } }, /taxCredit.*rebate/],
    ['options.years', { years: [2030] }, /options\.years/],
    ['options.years[1]', { years: [2030, 2050] }, /years.*2050/],
  ])('%s out of range', async (_field, options, message) => {
    const res = await evaluate({ ...request, options: { ...request.options, ...options } });
    expect(res.statusCode).toBe(400);
    expect(['BAD_REQUEST', 'INVALID_INPUT']).toContain(res.json().error.code);
    expect(res.json().error.message).toMatch(message);
  });

  it('deployments[0].circuits out of range', async () => {
    const res = await evaluate(withDeployment({ circuits: 3 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/circuits.*3/);
  });

  it('too many and too few trials', async () => {
    for (const trials of [19, 5001]) {
      const res = await evaluate({ ...request, options: { trials } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(new RegExp(`options\\.trials.*${trials}`));
    }
  });
});

describe('POST /api/scenarios/:id/evaluate', () => {
  it('evaluates a saved scenario like the same request', async () => {
    const saved = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { name: 'Colossus on Allen', ...request },
    });
    const res = await app.inject({ method: 'POST', url: `${saved.headers.location}/evaluate` });
    expect(res.statusCode).toBe(200);
    expect(res.json().coverage).toEqual((await evaluate(request)).json().coverage);
  });
});
