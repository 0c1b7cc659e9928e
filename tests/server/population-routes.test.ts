// The population map routes through app.inject: the Census density grid (counts every person
// once, sized for the browser, ETag and 304, bbox, 400s) and the named places (Memphis, Abilene
// and Phoenix at 10,000+, biggest first, the threshold honoured).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { densityGrid, placeCollection } from '../../server/routes/population.ts';
import type { DensityCollection, PlaceCollection } from '../../server/schemas/population.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/population/density', () => {
  it('sums the block groups on a 0.3° grid with density, in under 1 MB', async () => {
    const res = await app.inject({ url: '/api/population/density' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^"pop-.+-density-0\.3-all"$/);
    expect(res.payload.length).toBeLessThan(1_000_000);
    const body = res.json<DensityCollection>();
    expect(body.cellDeg).toBe(0.3);
    // 2020 Census: 331,449,281 people in the states and DC, 3,285,874 in Puerto Rico.
    expect(body.population).toBe(331_449_281 + 3_285_874);
    const summed = body.features.reduce((s, f) => s + f.properties.population, 0);
    expect(summed).toBe(body.population);
    // Manhattan's cell is among the densest in the country.
    const densest = Math.max(...body.features.map((f) => f.properties.densityPerMi2));
    expect(densest).toBeGreaterThan(10_000);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/api/population/density?cellDeg=0.5' });
    const again = await app.inject({
      url: '/api/population/density?cellDeg=0.5',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
  });

  it('keeps only cells inside a bbox at 0.1°', async () => {
    const res = await app.inject({
      url: '/api/population/density?cellDeg=0.1&bbox=-90.5,34.8,-89.5,35.5',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<DensityCollection>();
    expect(body.features.length).toBeGreaterThan(10);
    for (const f of body.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(-90.5);
      expect(lat).toBeLessThanOrEqual(35.5);
    }
    // Shelby County, TN (Memphis) has about 930,000 people.
    const people = body.features.reduce((s, f) => s + f.properties.population, 0);
    expect(people).toBeGreaterThan(900_000);
  });

  it.each([
    ['cellDeg=0.7', 'querystring.cellDeg'],
    ['bbox=1,2,3', 'querystring.bbox'],
    ['bbox=10,0,-10,5', 'querystring.bbox'],
    ['radius=5', 'radius'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await app.inject({ url: `/api/population/density?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
    expect(res.json().error.message).toContain(field);
  });
});

describe('GET /api/places', () => {
  it('lists places of 10,000+ in the US, Canada and Mexico, biggest first, under 1 MB', async () => {
    const res = await app.inject({ url: '/api/places?minPopulation=10000' });
    expect(res.statusCode).toBe(200);
    expect(res.payload.length).toBeLessThan(1_000_000);
    const body = res.json<PlaceCollection>();
    expect(body.minPopulation).toBe(10_000);
    const names = body.features.map((f) => `${f.properties.name}, ${f.properties.adminCode}`);
    expect(names).toEqual(expect.arrayContaining(['Memphis, TN', 'Abilene, TX', 'Phoenix, AZ']));
    expect(new Set(body.features.map((f) => f.properties.country))).toEqual(
      new Set(['US', 'CA', 'MX']),
    );
    const populations = body.features.map((f) => f.properties.population);
    expect(Math.min(...populations)).toBeGreaterThanOrEqual(10_000);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('defaults to 10,000 and honours a higher threshold', async () => {
    const byDefault = (await app.inject({ url: '/api/places' })).json<PlaceCollection>();
    expect(byDefault.minPopulation).toBe(10_000);
    const big = (
      await app.inject({ url: '/api/places?minPopulation=500000' })
    ).json<PlaceCollection>();
    expect(big.features.length).toBeLessThan(byDefault.features.length);
    expect(big.features.map((f) => f.properties.name)).toContain('Memphis');
    expect(big.features.map((f) => f.properties.name)).not.toContain('Abilene');
  });

  it('carries an ETag and answers 304', async () => {
    const first = await app.inject({ url: '/api/places' });
    const again = await app.inject({
      url: '/api/places',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it.each(['minPopulation=10', 'minPopulation=lots', 'country=US'])(
    'answers 400 for %s',
    async (query) => {
      const res = await app.inject({ url: `/api/places?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
    },
  );
});

describe('pure builders', () => {
  it('densityGrid puts a cell at its people’s mean position with density over its area', () => {
    const grid = densityGrid(
      {
        state: ['TN', 'TN', 'TN'],
        lat: Float64Array.from([35.01, 35.09, 36.5]),
        lon: Float64Array.from([-90.01, -90.09, -89.5]),
        population: Uint32Array.from([300, 100, 0]),
      },
      0.1,
    );
    expect(grid.population).toBe(400);
    expect(grid.features).toHaveLength(1);
    const [cell] = grid.features;
    expect(cell.geometry.coordinates).toEqual([-90.03, 35.03]);
    // A 0.1° cell at 35° N is about 6.9 × 5.66 ≈ 39.1 mi².
    expect(cell.properties.densityPerMi2).toBeCloseTo(400 / 39.1, 0);
  });

  it('placeCollection filters by population and sorts biggest first', () => {
    const place = (name: string, population: number) => ({
      name,
      population,
      country: 'US',
      adminCode: 'TX',
      lat: 32,
      lon: -99,
    });
    const body = placeCollection(
      [place('A', 5000), place('B', 20_000), place('C', 90_000)],
      10_000,
    );
    expect(body.features.map((f) => f.properties.name)).toEqual(['C', 'B']);
  });
});
