// Starts `npm run worker` (server/worker-main.ts) as a child process on a PostgreSQL database,
// the way a team deployment runs it, and waits for its "worker <pid> ready" line. Used by the
// PostgreSQL job-queue tests and the optimiser's two-worker benchmark.
import type { ChildProcess } from 'node:child_process';
import { spawnTsx } from './child-process.ts';

export interface WorkerProcess {
  child: ChildProcess;
  processId: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm run worker` as a child process; resolves once it says it takes jobs. */
export async function startWorker(databaseUrl: string): Promise<WorkerProcess> {
  const proc = spawnTsx('server/worker-main.ts', {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
  });
  const [, pid] = await proc.waitFor(/worker (\d+) ready/, 'worker');
  return { child: proc.child, processId: Number(pid), output: proc.output, stop: proc.stop };
}
