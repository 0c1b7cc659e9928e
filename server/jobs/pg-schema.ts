// The PostgreSQL job queue's own tables (issue 13, team deployment), beside graphile-worker's
// `graphile_worker` schema. They are the queue's internals, like graphile-worker's, so they are
// created here (idempotently, under an advisory lock, so a server and its workers may start
// together) rather than in the app's dated Kysely migrations, which run on SQLite too.
//
// - jobs: every job's state, progress, owner, cancel flag and result, read by any process;
// - evaluations: each candidate evaluation's answer as the evaluator's exact JSON text, keyed by
//   its inputs (with the data and model versions), so a restarted job resumes from them;
// - subjobs: one row per evaluation a worker started (who, when, how it ended);
// - processes: the live worker processes; each holds an advisory lock on its row's id for as
//   long as its connection lives, so a killed one is known dead at once.
import type pg from 'pg';
import { runMigrations, type Logger } from 'graphile-worker';

export const SCHEMA = 'planner_queue';
/** The advisory-lock namespace of the queue ("plnq"); the second key is a process id or 0. */
export const LOCK_NAMESPACE = 0x706c6e71;
/** Notifications on this channel: `j:<job id>` changed, `c:<job id>` cancel, `e:<key>` evaluated. */
export const CHANNEL = 'planner_queue';
/** One notification on CHANNEL; $1 is its payload. */
export const NOTIFY_SQL = `SELECT pg_notify('${CHANNEL}', $1)`;
/** Fallback polls, should a notification be missed while a connection reconnects. */
export const POLL_MS = 1000;

/** Runs `work` in one transaction on a pooled connection (rolled back if it throws). */
export type Tx = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export function transactions(pool: pg.Pool): Tx {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await work(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

const DDL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEMA}.jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  input text,
  owner text,
  state text NOT NULL DEFAULT 'queued',
  progress text NOT NULL DEFAULT '{"done":0,"total":0}',
  cancel_requested boolean NOT NULL DEFAULT false,
  cancel_requested_at timestamptz,
  result text,
  error text,
  runner bigint,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS jobs_state ON ${SCHEMA}.jobs (state);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.evaluations (
  key text PRIMARY KEY,
  json text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.subjobs (
  id bigserial PRIMARY KEY,
  job_id uuid NOT NULL,
  key text NOT NULL,
  process_id bigint,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at timestamptz,
  outcome text,
  error text
);
CREATE INDEX IF NOT EXISTS subjobs_job_key ON ${SCHEMA}.subjobs (job_id, key);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.processes (
  id bigserial PRIMARY KEY,
  host text NOT NULL,
  pid integer NOT NULL,
  worker_ids text[] NOT NULL DEFAULT '{}',
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  heartbeat_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
`;

/** Creates the queue's tables and graphile-worker's schema once, whoever starts first. */
export async function ensureQueueSchema(pool: pg.Pool, logger: Logger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, 0)', [LOCK_NAMESPACE]);
    try {
      await client.query(DDL);
      // graphile-worker migrates its own schema; under our lock, two processes never race it.
      await runMigrations({ pgPool: pool, logger });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, 0)', [LOCK_NAMESPACE]);
    }
  } finally {
    client.release();
  }
}
