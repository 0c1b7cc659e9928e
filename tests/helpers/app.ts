// Builds the real app on a fresh in-memory SQLite database, with the bundled data loaded once
// per test file. Each test gets its own app and closes it.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { loadGeoData, type GeoData } from '../../geo-data/load.ts';

let geoData: GeoData | undefined;

export async function testApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  geoData ??= loadGeoData();
  return buildApp({ databaseUrl: 'sqlite::memory:', geoData, ...options });
}
