// `npm run worker`: a job worker for a team deployment (issue 13). It connects to the
// PostgreSQL of DATABASE_URL, owns a local evaluation pool and takes jobs (optimisations) and
// their candidate-evaluation sub-jobs from the shared queue (server/jobs/pg-queue.ts); it
// serves no HTTP. Start as many as there are machines (or cores) to spare, beside one server.
// It is the app without listening, so its job kinds and their handlers are the server's own.
// SIGINT/SIGTERM stop it: running work is handed back to the queue and another worker resumes
// it from the evaluations already stored.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { PgJobQueue } from './jobs/pg-queue.ts';

export async function workerMain(
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const config = loadConfig({ ...env, JOBS_WORKER: '1' });
  if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new ConfigError(
      'npm run worker needs DATABASE_URL=postgres://user@host:port/db, the database the ' +
        "server's jobs are queued in (an embedded SQLite server runs its own jobs)",
    );
  }
  const app = await buildApp({
    databaseUrl: config.databaseUrl,
    logger: { level: config.logLevel },
    computeLimits: config.computeLimits,
    jobsWorker: true,
  });
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'worker closing');
    const timer = setTimeout(() => process.exit(1), config.shutdownDrainMs).unref();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.ready();
  const processId = (app.jobs as PgJobQueue).processId;
  // Tests and scripts read this line to know the worker takes jobs.
  console.log(`worker ${processId} ready (pid ${process.pid})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  workerMain().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
