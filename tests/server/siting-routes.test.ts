// POST /api/sites/check, /api/screen and /api/screen/stream through the real app (inject()).
// The population index loads once per process (server/plugins/population.ts), so only the
// first test here pays for it.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
beforeEach(async () => {
  app = await testApp({ evaluationWorkers: 0 });
});
afterEach(async () => {
  await app.close();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
const screenBody = { campus: { id: 'coreweave-lancaster' }, designId: 'bwrx-300', radiusKm: 400 };

describe('POST /api/sites/check', () => {
  it('answers the checks, rings and nearest centre, defaulting to bwrx-300', async () => {
    const res = await post('/api/sites/check', { lat: 41.76, lon: -110.6 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ designId: 'bwrx-300', pass: true, epzMi: 0.25 });
    expect(Object.keys(body.populationWithinMi)).toEqual(['1', '5', '10', '20', '50']);
    expect(body.nearestPopulationCentre).toMatchObject({ name: 'Logan', population: 50_371 });
    expect(body.nearestPopulationCentre.boundaryDistanceMi).toBeCloseTo(61.34, 2);
    // US people are 2020 Census block groups: Kemmerer's, 3–5 mi away, are within 5 mi.
    expect(body.populationWithinMi['5']).toBeGreaterThan(2_000);
    expect(body.populationSource.vintage).toMatch(
      /2020 Census block groups \(US, 331,449,281 people.*GeoNames places of 1,000\+/,
    );
    expect(body.populationSource.contributing).toEqual([
      expect.stringMatching(/^2020 Census block groups/),
    ]);
    expect(body.worstSector).toMatchObject({ sector: expect.any(Number), sectorName: 'NE' });
    expect(body.checks.map((c: { id: string }) => c.id)).toContain('population-density-sector');
    for (const c of body.checks) {
      expect(Object.keys(c).sort()).toEqual(
        ['id', 'limit', 'note', 'pass', 'severity', 'unit', 'value'].sort(),
      );
    }
    expect(body.assumptions[0]).toMatch(/designId not given: bwrx-300/);
  });

  it('adds the campus checks for a bundled campus', async () => {
    const res = await post('/api/sites/check', {
      lat: 41.76,
      lon: -110.6,
      designId: 'natrium',
      campus: { id: 'stargate-abilene' },
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().checks.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['campus-distance', 'transmission-cost']));
  });

  it('answers 400 for a non-numeric latitude, naming it', async () => {
    const res = await post('/api/sites/check', { lat: 'north', lon: -100 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/body\.lat.*"north"/);
  });

  it('answers 400 for an unknown design, naming designId and its value', async () => {
    const res = await post('/api/sites/check', { lat: 41, lon: -100, designId: 'warp-core' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/designId: "warp-core"/);
  });

  it('answers 404 for an unknown campus id', async () => {
    const res = await post('/api/sites/check', { lat: 41, lon: -100, campus: { id: 'nowhere' } });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/screen', () => {
  it('ranks the sites best first, excluded last, with a hex grid', async () => {
    const res = await post('/api/screen', { ...screenBody, cellKm: 25 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Lancaster at 400 km: over a hundred plants of the national table, best first.
    expect(body.sites.length).toBeGreaterThan(100);
    expect(body.sites[0]).toMatchObject({ excluded: false });
    expect(body.sites.at(-1)).toMatchObject({ excluded: true });
    const open = body.sites.filter((s: { excluded: boolean }) => !s.excluded);
    const scores = open.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const names = body.sites.map((s: { siteId: string }) => s.siteId);
    expect(names).toEqual(expect.arrayContaining(['susquehanna', 'crane-tmi1', 'brandon-shores']));
    expect(body.sites[0].criteria.interconnection).toHaveProperty('kv');
    expect(body.grid.type).toBe('FeatureCollection');
    expect(Object.keys(body.grid.features[0].properties).sort()).toEqual(
      ['densityPerMi2', 'distanceKm', 'hazard', 'interconnectionKm', 'score'].sort(),
    );
    expect(body.weights).toMatchObject({ populationMargin: 30, distance: 25 });
  });

  it('answers 400 for a radius over 1,500 km', async () => {
    const res = await post('/api/screen', { ...screenBody, radiusKm: 5000 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/radiusKm.*5000/);
  });

  it('answers 400 naming the cell limit and the count for too fine a grid', async () => {
    const res = await post('/api/screen', { ...screenBody, radiusKm: 1000, cellKm: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/48,368 cells.*20,000-cell limit/);
    expect(res.json().error.details).toMatchObject({ cellCount: 48_368, limit: 20_000 });
  });

  it('answers 400 for an unknown design', async () => {
    const res = await post('/api/screen', { ...screenBody, designId: 'warp-core' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/designId: "warp-core"/);
  });

  it('screens a drawn campus point', async () => {
    const res = await post('/api/screen', {
      campus: { lat: 41.7, lon: -110.5 },
      designId: 'natrium',
      radiusKm: 100,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sites[0].siteId).toMatch(/naughton|kemmerer-natrium/);
    expect(res.json().cellKm).toBe(2.5);
  });
});

describe('POST /api/screen/stream', () => {
  it('streams progress events, then the result', async () => {
    const res = await post('/api/screen/stream', { ...screenBody, cellKm: 10 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = res.body
      .trim()
      .split('\n\n')
      .map((block) => {
        const [event, data] = block.split('\n');
        return { event: event.slice(7), data: JSON.parse(data.slice(6)) };
      });
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[0].data.total).toBeGreaterThan(1900);
    const result = events.at(-1)!;
    expect(result.event).toBe('result');
    // The stream's answer is the plain route's answer.
    const plain = (await post('/api/screen', screenBody)).json();
    expect(result.data.sites.map((s: { siteId: string }) => s.siteId)).toEqual(
      plain.sites.map((s: { siteId: string }) => s.siteId),
    );
    expect(result.data.grid.features.length + progress[0].data.done).toBe(progress[0].data.total);
  });

  it('answers a bad request with a 400 JSON body before streaming', async () => {
    const res = await post('/api/screen/stream', { ...screenBody, radiusKm: 1000, cellKm: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
  });
});
