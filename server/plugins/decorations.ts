// What the plugins add to the Fastify instance, for every route's type checking.
import type { AppDatabase } from '../db/database.ts';
import type { GeoData } from '../../geo-data/load.ts';
import type { PopulationIndex } from '../../models/population.ts';
import type { Evaluator } from '../evaluate/evaluator.ts';
import type { JobQueue } from '../jobs/queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    geoData: GeoData;
    population: PopulationIndex;
    database: AppDatabase;
    evaluator: Evaluator;
    /** Long computations as jobs (issue 13): register a kind, submit, read /api/jobs/:id. */
    jobs: JobQueue;
  }
}
