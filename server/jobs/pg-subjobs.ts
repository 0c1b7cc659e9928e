// The PostgreSQL job queue's sub-job evaluator (issue 13, team deployment): a running job's
// search evaluates each candidate as a `planner_evaluate` sub-job that any worker process takes.
// The answer is stored as the evaluator's exact JSON text in planner_queue.evaluations, keyed by
// its inputs (with the data and model versions), and the job's process waits for it, woken by
// an `e:<key>` notification (or a fallback poll). A job key de-duplicates a resumed job's
// sub-jobs, and a stored answer is never evaluated again, so a job taken up by another process
// resumes where its evaluations stop, with the same answer bit for bit.
import type pg from 'pg';
import type { Task } from 'graphile-worker';
import type { EvaluateInputs } from '../../models/scenario.ts';
import { cacheKey } from '../evaluate/cache.ts';
import { MODEL_VERSION, type Evaluation, type Evaluator } from '../evaluate/evaluator.ts';
import type { SearchEvaluator } from '../optimise/search.ts';
import { HttpError } from '../plugins/errors.ts';
import type { CancelWatch } from './pg-queue.ts';
import { NOTIFY_SQL, POLL_MS, SCHEMA, type Tx } from './pg-schema.ts';
import { INTERNAL_ERROR, isFinished, publicError, type JobState } from './queue.ts';

export interface SubJobDeps {
  pool: pg.Pool;
  tx: Tx;
  /** This process's evaluator: the sub-jobs it takes, and every relaxation, run there. */
  evaluator: Pick<Evaluator, 'evaluate' | 'relax' | 'workers'>;
  /** The bundled data's version, part of each evaluation's key. */
  dataVersion: string;
  /** A job's evaluations in flight at once, across all workers. */
  fanOut: number;
  /** This process's row in planner_queue.processes (null when it runs no worker). */
  processId: () => number | null;
  /** Aborts with the job's cancel or the queue's close (pg-queue.ts). */
  watchCancel: (jobId: string) => CancelWatch;
  logError?: (error: unknown, job: { id: string; kind: string }) => void;
}

export interface SubJobs {
  /** The evaluator a job's handler gets: each evaluation a sub-job, awaited. */
  fanOutEvaluator(jobId: string, jobSignal: AbortSignal): SearchEvaluator;
  /** The worker's `planner_evaluate` task. */
  plannerEvaluate: Task;
  /** An `e:<key>` notification: the evaluation is stored (or failed). */
  wake(key: string): void;
  /** After a reconnect, when notifications may have been missed: every waiter re-reads. */
  wakeAll(): void;
}

export function createSubJobs(deps: SubJobDeps): SubJobs {
  const { pool, tx } = deps;
  /** Evaluation waiters by key. */
  const evalWaiters = new Map<string, Set<() => void>>();

  async function readEvaluation(jobId: string, key: string): Promise<Evaluation | null> {
    const { rows } = await pool.query<{ json: string }>(
      `SELECT json FROM ${SCHEMA}.evaluations WHERE key = $1`,
      [key],
    );
    if (rows[0]) return { json: rows[0].json, cached: false };
    const failed = await pool.query<{ error: string }>(
      `SELECT error FROM ${SCHEMA}.subjobs
        WHERE job_id = $1 AND key = $2 AND outcome = 'failed' ORDER BY id DESC LIMIT 1`,
      [jobId, key],
    );
    if (failed.rows[0]) {
      const error = JSON.parse(failed.rows[0].error) as { code: string; message: string };
      if (error.code === 'INTERNAL') throw new Error('an evaluation sub-job failed');
      throw new HttpError(422, error.code, error.message);
    }
    return null;
  }

  /** Resolves on a wake-up or after POLL_MS; rejects when the signal aborts. */
  function nap(wakes: Set<() => void>, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        wakes.delete(done);
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        wakes.delete(done);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const timer = setTimeout(done, POLL_MS);
      if (signal.aborted) return onAbort();
      wakes.add(done);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  function fanOutEvaluator(jobId: string, jobSignal: AbortSignal): SearchEvaluator {
    return {
      workers: deps.fanOut,
      relax: (relaxation, k, signal) => deps.evaluator.relax(relaxation, k, signal),
      async evaluate(inputs, _extras, _onProgress, control) {
        const signal = control?.signal ?? jobSignal;
        const key = cacheKey({ inputs, data: deps.dataVersion, model: MODEL_VERSION });
        const found = await readEvaluation(jobId, key);
        if (found) return found;
        let wakes = evalWaiters.get(key);
        if (!wakes) evalWaiters.set(key, (wakes = new Set()));
        const mine = wakes;
        try {
          // The inputs travel as JSON text (json, not jsonb, keeps it as written anyway).
          await pool.query(
            `SELECT graphile_worker.add_job('planner_evaluate', $1::json, max_attempts => 5,
                    job_key => $2, job_key_mode => 'unsafe_dedupe')`,
            [
              JSON.stringify({ jobId, key, inputs: JSON.stringify(inputs) }),
              `eval:${jobId}:${key}`,
            ],
          );
          for (;;) {
            const got = await readEvaluation(jobId, key);
            if (got) return got;
            await nap(mine, signal);
          }
        } finally {
          if (mine.size === 0 && evalWaiters.get(key) === mine) evalWaiters.delete(key);
        }
      },
    };
  }

  const plannerEvaluate: Task = async (payload) => {
    const { jobId, key, inputs } = payload as { jobId: string; key: string; inputs: string };
    const known = await pool.query(`SELECT 1 FROM ${SCHEMA}.evaluations WHERE key = $1`, [key]);
    if (known.rowCount) {
      await pool.query(NOTIFY_SQL, [`e:${key}`]);
      return;
    }
    // FOR SHARE waits for a cancel being written, then sees it: no sub-job starts after one.
    const subId = await tx(async (client) => {
      const job = await client.query<{ cancel_requested: boolean; state: JobState }>(
        `SELECT cancel_requested, state FROM ${SCHEMA}.jobs WHERE id = $1 FOR SHARE`,
        [jobId],
      );
      const row = job.rows[0];
      if (!row || row.cancel_requested || isFinished(row.state)) return null;
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO ${SCHEMA}.subjobs (job_id, key, process_id) VALUES ($1, $2, $3)
         RETURNING id`,
        [jobId, key, deps.processId()],
      );
      return inserted.rows[0].id;
    });
    if (subId === null) return;
    const watch = deps.watchCancel(jobId);
    const signal = watch.signal;
    const end = (outcome: string, error?: object) =>
      tx(async (client) => {
        await client.query(
          `UPDATE ${SCHEMA}.subjobs SET finished_at = clock_timestamp(), outcome = $2, error = $3
            WHERE id = $1`,
          [subId, outcome, error ? JSON.stringify(error) : null],
        );
        if (outcome !== 'aborted') await client.query(NOTIFY_SQL, [`e:${key}`]);
      });
    try {
      const { json } = await deps.evaluator.evaluate(
        JSON.parse(inputs) as EvaluateInputs,
        undefined,
        undefined,
        { signal, background: true },
      );
      await tx(async (client) => {
        // The evaluator's own text, stored as it is: no number is re-serialised on the way.
        await client.query(
          `INSERT INTO ${SCHEMA}.evaluations (key, json) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [key, json],
        );
      });
      await end('done');
    } catch (error) {
      if (signal.aborted) {
        await end('aborted');
        if (!watch.cancelled) throw error; // closing: another worker evaluates it
        return;
      }
      const shown = publicError(error);
      if (!shown) deps.logError?.(error, { id: jobId, kind: 'evaluate' });
      await end('failed', shown ?? INTERNAL_ERROR);
    } finally {
      watch.stop();
    }
  };

  return {
    fanOutEvaluator,
    plannerEvaluate,
    wake(key) {
      for (const wake of evalWaiters.get(key) ?? []) wake();
    },
    wakeAll() {
      for (const wakes of evalWaiters.values()) for (const wake of wakes) wake();
    },
  };
}
