import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Feature, FeatureCollection } from 'geojson';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

describe('GET /api/campuses', () => {
  it('returns every bundled campus as GeoJSON points with id, sources and confidence', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/campuses' });
    expect(res.statusCode).toBe(200);
    const body = res.json<FeatureCollection>();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBe(app.geoData.campuses.length);
    for (const feature of body.features) {
      expect(feature.geometry.type).toBe('Point');
      expect(feature.properties?.id).toBe(feature.id);
      expect(feature.properties?.sources.length).toBeGreaterThan(0);
      expect(['high', 'medium', 'low']).toContain(feature.properties?.confidence);
    }
  });

  it('includes Stargate Abilene at its published location and leaves supply deals out', async () => {
    const body = (await app.inject({ url: '/api/campuses' })).json<FeatureCollection>();
    const abilene = body.features.find((f) => f.id === 'stargate-abilene') as Feature;
    expect(abilene.geometry).toEqual({ type: 'Point', coordinates: [-99.733, 32.49] });
    expect(body.features.map((f) => f.id)).not.toContain('microsoft-constellation-crane');
  });

  it('filters by kind', async () => {
    const body = (await app.inject({ url: '/api/campuses?kind=fab' })).json<FeatureCollection>();
    expect(body.features.map((f) => f.id)).toEqual(['tsmc-arizona']);
  });

  it('filters by bounding box', async () => {
    // Texas and its neighbours: Abilene, Shackelford, Milam and Doña Ana lie inside.
    const body = (
      await app.inject({ url: '/api/campuses?bbox=-107,29,-94,34' })
    ).json<FeatureCollection>();
    const ids = body.features.map((f) => f.id);
    expect(ids).toContain('stargate-abilene');
    expect(ids).not.toContain('xai-colossus-1');
  });

  it('answers 400 naming the field and value for an unknown kind', async () => {
    const res = await app.inject({ url: '/api/campuses?kind=bakery' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('querystring.kind');
    expect(error.message).toContain('bakery');
    expect(JSON.stringify(res.json())).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers 400 for a malformed bounding box', async () => {
    const res = await app.inject({ url: '/api/campuses?bbox=-90,40,-100,30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('bbox');
  });

  it('answers 400 for an unknown query parameter', async () => {
    const res = await app.inject({ url: '/api/campuses?colour=red' });
    expect(res.statusCode).toBe(400);
  });

  it('serves one campus by id and 404s an unknown one', async () => {
    const one = await app.inject({ url: '/api/campuses/xai-colossus-1' });
    expect(one.statusCode).toBe(200);
    expect(one.json().properties.name).toMatch(/Colossus/);
    const missing = await app.inject({ url: '/api/campuses/atlantis' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toEqual({
      code: 'NOT_FOUND',
      message: 'No campus with id "atlantis"',
    });
  });

  it('answers 304 to a conditional GET with the current data version', async () => {
    const first = await app.inject({ url: '/api/campuses' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"geo-/);
    expect(first.headers['cache-control']).toContain('max-age');
    const again = await app.inject({ url: '/api/campuses', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('GET /api/sites', () => {
  it('returns the candidate sites of all seven kinds with source and confidence', async () => {
    const body = (await app.inject({ url: '/api/sites' })).json<FeatureCollection>();
    expect(body.features.length).toBe(app.geoData.sites.length);
    const kinds = new Set(body.features.map((f) => f.properties?.kind));
    expect([...kinds].sort()).toEqual([
      'coal-plant',
      'coal-retirement',
      'federal-site',
      'gas-plant',
      'nuclear-plant',
      'retired-nuclear',
      'smr-project',
    ]);
    for (const f of body.features) {
      expect(typeof f.properties?.source).toBe('string');
      expect(f.properties?.confidence).toBeTruthy();
    }
  });

  it('filters by kind and state', async () => {
    const body = (
      await app.inject({ url: '/api/sites?kind=nuclear-plant&state=TN' })
    ).json<FeatureCollection>();
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      expect(f.properties).toMatchObject({ kind: 'nuclear-plant', state: 'TN' });
    }
  });

  it('answers 400 for a lower-case state code', async () => {
    const res = await app.inject({ url: '/api/sites?state=tn' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('querystring.state');
  });
});

describe('GET /api/designs', () => {
  it('lists every design with each number carrying its basis and note', async () => {
    const { designs } = (await app.inject({ url: '/api/designs' })).json();
    expect(designs.length).toBe(app.geoData.designs.length);
    const bwrx = designs.find((d: { id: string }) => d.id === 'bwrx-300');
    expect(bwrx.netMwe).toMatchObject({ value: 300, basis: 'source' });
    expect(bwrx.fixedOmUsdPerKwYr).toMatchObject({ value: 150, basis: 'assumption' });
    expect(bwrx.fixedOmUsdPerKwYr.note.length).toBeGreaterThan(0);
  });

  it('serves one design by id and 404s an unknown one', async () => {
    expect((await app.inject({ url: '/api/designs/natrium' })).json().storageMwh.value).toBeCloseTo(
      852.5,
    );
    expect((await app.inject({ url: '/api/designs/warp-core' })).statusCode).toBe(404);
  });
});

describe('GET /api/supply-deals', () => {
  it('serves the nuclear supply deals apart from the campuses', async () => {
    const body = (await app.inject({ url: '/api/supply-deals' })).json<FeatureCollection>();
    expect(body.features.map((f) => f.id).sort()).toEqual([
      'amazon-xenergy-cascade',
      'google-kairos-hermes2',
      'microsoft-constellation-crane',
    ]);
  });
});
