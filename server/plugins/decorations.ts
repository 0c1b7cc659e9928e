// What the plugins add to the Fastify instance, for every route's type checking.
import type { AppDatabase } from '../db/database.ts';
import type { GeoData } from '../../geo-data/load.ts';

declare module 'fastify' {
  interface FastifyInstance {
    geoData: GeoData;
    database: AppDatabase;
  }
}
