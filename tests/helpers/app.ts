// Builds the real app on a fresh in-memory SQLite database, with the bundled data loaded once
// per test file (each test gets its own app and closes it), or on a test database per describe
// block (useTestApp).
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { loadGeoData, type GeoData } from '../../geo-data/load.ts';
import { beforeAllOrFail, useTestDatabase, type TestDialect } from './databases.ts';

let geoData: GeoData | undefined;

export async function testApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  geoData ??= loadGeoData();
  return buildApp({ databaseUrl: 'sqlite::memory:', geoData, ...options });
}

/**
 * The real app on one `dialect` test database per describe block (useTestDatabase), built before
 * its tests and closed after them, evaluating inline. Returns the app's getter. If building fails,
 * every test fails with the reason.
 */
export function useTestApp(
  dialect: TestDialect,
  options: Partial<AppOptions> = {},
): () => FastifyInstance {
  const database = useTestDatabase(dialect);
  let app: FastifyInstance | undefined;
  beforeAllOrFail(async () => {
    app = await testApp({ databaseUrl: database().url, evaluationWorkers: 0, ...options });
  });
  // Registered after useTestDatabase's, so it runs before the database is dropped.
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (app === undefined) throw new Error(`The app on ${dialect} is not built`);
    return app;
  };
}
