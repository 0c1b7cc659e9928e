// `npm run bench`: start-up cost of the bundled data and the read path of the data API.
import { afterAll, bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { buildApp } from '../../server/app.ts';

const geoData = loadGeoData();
const app = await buildApp({ databaseUrl: 'sqlite::memory:', geoData });
afterAll(async () => {
  await app.close();
});

describe('start-up', () => {
  bench('load and validate geo-data', () => {
    loadGeoData();
  });
});

describe('data API (inject, no network)', () => {
  bench('GET /api/campuses', async () => {
    await app.inject({ url: '/api/campuses' });
  });
  bench('GET /api/sites?kind=coal-retirement', async () => {
    await app.inject({ url: '/api/sites?kind=coal-retirement' });
  });
  bench('GET /api/designs', async () => {
    await app.inject({ url: '/api/designs' });
  });
});
