import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
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
