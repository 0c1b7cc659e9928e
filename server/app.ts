// Builds the Fastify app: plugins and routes only. Listening and shutdown live in server.ts,
// so tests build the same app and drive it with inject().
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createDatabase, type AppDatabase } from './db/database.ts';
import { loadGeoData, type GeoData } from '../geo-data/load.ts';
import { errorServerOptions, registerErrorHandling } from './plugins/errors.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerCompression, registerWebApp } from './plugins/static.ts';
import { registerAuth, registerPublic } from './plugins/auth.ts';
import {
  defaultAllowedHosts,
  registerSecurity,
  requestIdOptions,
  withRequestId,
} from './plugins/security.ts';
import { evaluateDataOf } from './evaluate/data.ts';
import { createEvaluator } from './evaluate/evaluator.ts';
import { DEFAULT_LIMITS, type ComputeLimits } from './evaluate/limits.ts';
import { registerDrain } from './evaluate/drain.ts';
import { createJobQueue, type JobQueue } from './jobs/queue.ts';
import { createPgJobQueue } from './jobs/pg-queue.ts';
import evaluateRoutes from './routes/evaluate.ts';
import scenarioRoutes from './routes/scenarios.ts';
import reportRoutes from './routes/reports.ts';
import healthRoutes from './routes/health.ts';
import dataRoutes from './routes/data.ts';
import demandRoutes from './routes/demand.ts';
import { registerPopulation } from './plugins/population.ts';
import sitingRoutes from './routes/siting.ts';
import jobRoutes from './routes/jobs.ts';
import optimiseRoutes from './routes/optimise.ts';
import './plugins/decorations.ts';

export const APP_VERSION = '0.1.0';
const root = resolve(import.meta.dirname, '..');

export interface AppOptions {
  databaseUrl: string;
  /** Defaults to dist/web. */
  webDir?: string;
  /** Pre-loaded data (tests share one load across many apps); defaults to geo-data/. */
  geoData?: GeoData;
  logger?: boolean | { level: string };
  /** Largest request body, bytes; bigger answers 413. */
  bodyLimitBytes?: number;
  /** Parsed AUTH_TOKENS (token → workspace); null or absent: single-user mode. */
  authTokens?: Map<string, string> | null;
  /** Evaluation worker threads; default one per core but one, 0 runs everything on the event loop. */
  evaluationWorkers?: number;
  /** Parsed ALLOWED_HOSTS; default localhost and the loopback addresses (any port). */
  allowedHosts?: readonly string[];
  /** RATE_LIMIT_PER_MINUTE; default 600 when authTokens is set, else off (0). */
  rateLimitPerMinute?: number;
  /** Compute budgets, queue bounds and timeout (server/evaluate/limits.ts); defaults there. */
  computeLimits?: Partial<ComputeLimits>;
  /**
   * On PostgreSQL, whether this process also works the shared job queue (JOBS_WORKER; default
   * true). False: it only submits, reads and cancels, and `npm run worker` processes compute.
   */
  jobsWorker?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
    ...requestIdOptions,
    // Fastify's pre-routing errors (bad URL, a path segment over 100 characters) and Node's
    // HTTP parser errors answer in the standard error shape too.
    ...withRequestId(errorServerOptions),
    // Closing: idle keep-alive sockets close at once; new requests get drain.ts's 503.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  // Shutdown's 503 in the standard shape (server.ts); Fastify's own has another body.
  registerDrain(app);
  registerInputGuard(app);
  await registerSecurity(app, { allowedHosts: options.allowedHosts ?? defaultAllowedHosts() });
  await registerCompression(app);
  // Validate the bundled data before serving anything: a bad record stops the start.
  app.decorate('geoData', options.geoData ?? loadGeoData());
  let database: AppDatabase;
  try {
    database = await createDatabase(options.databaseUrl);
  } catch (error) {
    await app.close();
    throw error;
  }
  app.decorate('database', database);
  app.addHook('onClose', async () => database.close());
  const limits: ComputeLimits = { ...DEFAULT_LIMITS, ...options.computeLimits };
  app.decorate('computeLimits', limits);
  const evaluator = createEvaluator({
    data: evaluateDataOf(app.geoData),
    dataVersion: app.geoData.version,
    workers: options.evaluationWorkers,
    maxActive: limits.evaluateMaxActive,
  });
  app.decorate('evaluator', evaluator);
  app.addHook('onClose', async () => evaluator.close());
  // Jobs (issue 13) run on the evaluator; onClose hooks run last-added first, so running jobs
  // are cancelled and awaited before the evaluator's workers stop.
  // On PostgreSQL the queue is the database's, shared by every server and worker process.
  const logError = (err: unknown, job: { id: string; kind: string }) =>
    app.log.error({ err, job }, 'job failed');
  const jobs: JobQueue =
    database.dialect === 'postgres'
      ? createPgJobQueue({
          connectionString: options.databaseUrl,
          worker: options.jobsWorker ?? true,
          evaluator,
          dataVersion: app.geoData.version,
          logError,
          log: (level, message, meta) => app.log[level](meta ?? {}, message),
        })
      : createJobQueue({ logError });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => jobs.close());
  // Routes register their job kinds while the app builds; jobs are taken once it is ready.
  app.addHook('onReady', async () => jobs.start());
  await registerAuth(app, {
    tokens: options.authTokens ?? null,
    rateLimitPerMinute: options.rateLimitPerMinute,
  });
  registerPopulation(app);

  await registerOpenApi(app, APP_VERSION);
  await app.register(healthRoutes);
  await app.register(dataRoutes);
  await app.register(import('./routes/population.ts'));
  await app.register(demandRoutes);
  await app.register(sitingRoutes);
  await app.register(evaluateRoutes);
  await app.register(scenarioRoutes);
  await app.register(reportRoutes);
  await app.register(jobRoutes);
  await app.register(optimiseRoutes);
  // The page and its assets are public; @fastify/static takes no route config, hence the scope.
  await registerPublic(app, (scope) =>
    registerWebApp(scope, options.webDir ?? join(root, 'dist', 'web')),
  );
  return app;
}
