// Worker liveness for the PostgreSQL job queue (issue 13, team deployment). A worker process has
// a row in planner_queue.processes and holds an advisory lock on its id for as long as its
// listener connection lives (pg-queue.ts takes it); it beats its heartbeat every SWEEP_MS and
// sweeps the others: a process whose lock is free (killed) or whose heartbeat is STALE_MS old is
// dead, so graphile-worker's locks on its jobs are released (force_unlock_workers) and a live
// worker takes them up, its cancelled jobs are cancelled, and its unfinished sub-jobs are
// logged 'lost'. The sweep also drops finished jobs, their sub-job log and unused evaluations
// after RETENTION.
import { hostname } from 'node:os';
import type pg from 'pg';
import { LOCK_NAMESPACE, NOTIFY_SQL, SCHEMA, type Tx } from './pg-schema.ts';

/** Liveness sweep and heartbeat, ms; a process silent for STALE_MS is dead even if locked. */
export const SWEEP_MS = 1000;
const STALE_MS = 60_000;
/** Finished jobs, their sub-job log and unused evaluations are kept this long. */
const RETENTION = '7 days';
/** How often, at most, the sweep applies RETENTION. */
const RETENTION_EVERY_MS = 600_000;

/** This process's row in planner_queue.processes; its id is the liveness lock's key. */
export async function registerProcess(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO ${SCHEMA}.processes (host, pid) VALUES ($1, $2) RETURNING id`,
    [hostname(), process.pid],
  );
  return Number(rows[0].id);
}

export interface LivenessDeps {
  pool: pg.Pool;
  tx: Tx;
  processId: number;
  /** graphile-worker's worker and pool ids this process locks jobs under (grows as it starts). */
  workerIds: ReadonlySet<string>;
  log: (level: 'debug' | 'warn', message: string, meta?: Record<string, unknown>) => void;
}

export interface Liveness {
  heartbeat(): Promise<void>;
  sweep(): Promise<void>;
}

export function createLiveness({ pool, tx, processId, workerIds, log }: LivenessDeps): Liveness {
  async function heartbeat(): Promise<void> {
    const r = await pool.query(
      `UPDATE ${SCHEMA}.processes SET heartbeat_at = clock_timestamp(), worker_ids = $2
        WHERE id = $1`,
      [processId, [...workerIds]],
    );
    if (r.rowCount === 0) {
      // Swept while the connection was down: register again under the same id.
      await pool.query(
        `INSERT INTO ${SCHEMA}.processes (id, host, pid, worker_ids) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING`,
        [processId, hostname(), process.pid, [...workerIds]],
      );
    }
  }

  let lastRetention = 0;
  async function sweep(): Promise<void> {
    const { rows } = await pool.query<{ id: string; stale: boolean }>(
      `SELECT id, heartbeat_at < clock_timestamp() - $2::interval AS stale
         FROM ${SCHEMA}.processes WHERE id <> $1`,
      [processId, `${STALE_MS} milliseconds`],
    );
    for (const row of rows) {
      const swept = await tx(async (client) => {
        if (!row.stale) {
          const lock = await client.query<{ free: boolean }>(
            'SELECT pg_try_advisory_xact_lock($1, $2::int) AS free',
            [LOCK_NAMESPACE, row.id],
          );
          if (!lock.rows[0].free) return null;
        }
        const gone = await client.query<{ worker_ids: string[] }>(
          `DELETE FROM ${SCHEMA}.processes WHERE id = $1 RETURNING worker_ids`,
          [row.id],
        );
        if (!gone.rows[0]) return null;
        const ids = gone.rows[0].worker_ids;
        if (ids.length > 0) {
          await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [ids]);
        }
        // Its cancelled jobs will never be finished by it: they are cancelled now.
        const cancelled = await client.query<{ id: string }>(
          `UPDATE ${SCHEMA}.jobs SET state = 'cancelled', finished_at = clock_timestamp(),
                  input = NULL
            WHERE runner = $1 AND state = 'running' AND cancel_requested RETURNING id`,
          [row.id],
        );
        for (const { id } of cancelled.rows) await client.query(NOTIFY_SQL, [`j:${id}`]);
        await client.query(
          `UPDATE ${SCHEMA}.subjobs SET finished_at = clock_timestamp(), outcome = 'lost'
            WHERE process_id = $1 AND finished_at IS NULL`,
          [row.id],
        );
        return ids;
      });
      if (swept) {
        log('warn', `job worker process ${row.id} is gone; its jobs are taken up again`, {
          workerIds: swept,
        });
      }
    }
    if (Date.now() - lastRetention > RETENTION_EVERY_MS) {
      lastRetention = Date.now();
      await pool.query(
        `DELETE FROM ${SCHEMA}.jobs WHERE finished_at < clock_timestamp() - $1::interval`,
        [RETENTION],
      );
      await pool.query(
        `DELETE FROM ${SCHEMA}.subjobs WHERE started_at < clock_timestamp() - $1::interval`,
        [RETENTION],
      );
      await pool.query(
        `DELETE FROM ${SCHEMA}.evaluations WHERE created_at < clock_timestamp() - $1::interval`,
        [RETENTION],
      );
    }
  }

  return { heartbeat, sweep };
}
