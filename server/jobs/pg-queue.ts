// The team deployment's job queue (issue 13): the JobQueue interface on PostgreSQL, so one
// server and any number of `npm run worker` processes, on any machines, share one database's
// jobs. graphile-worker (0.17, the last line on Node 20) delivers the work: a `planner_job` per
// job and a `planner_evaluate` sub-job per candidate evaluation, picked up at once through
// LISTEN/NOTIFY and locked so exactly one worker runs each. Why graphile-worker over pg-boss 10:
// pg-boss 10 only polls (a worker waits out its polling interval, at least 0.5 s, between
// fetches), which would add up to half a second to every sub-job; graphile-worker's add_job is
// SQL, so a job's row and its delivery commit in one transaction, and job keys de-duplicate a
// resumed job's sub-jobs.
//
// What lives in the database (pg-schema.ts): each job's state, progress, owner, cancel flag and
// result, so GET, DELETE and the event stream answer from any process; and each evaluation's
// answer as the evaluator's exact JSON text, keyed by its inputs, so a job whose worker died is
// taken up by another and resumes where the evaluations stop, with the same answer bit for bit.
// A worker process holds an advisory lock for as long as its connection lives; the others sweep
// every second, and a process whose lock is free is dead: graphile-worker's locks on its jobs
// are released (force_unlock_workers) and a live worker takes them up (pg-liveness.ts). Each
// candidate evaluation is a sub-job (pg-subjobs.ts); this file is the queue itself.
//
// Cancelling sets the flag and notifies every process: the job's runner aborts the search at
// once, running sub-jobs abort their evaluation, and a sub-job not yet started sees the flag
// (read under a row lock that the cancel's update conflicts with) and never starts.
import { EventEmitter, setMaxListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Logger, run, type Runner, type Task, type WorkerEvents } from 'graphile-worker';
import type { Evaluator } from '../evaluate/evaluator.ts';
import { createLiveness, registerProcess, SWEEP_MS } from './pg-liveness.ts';
import { createSubJobs } from './pg-subjobs.ts';
import {
  INTERNAL_ERROR,
  isFinished,
  publicError,
  queueFullError,
  shuttingDownError,
  type JobContext,
  type JobHandler,
  type JobListener,
  type JobProgress,
  type JobQueue,
  type JobState,
  type JobStatus,
} from './queue.ts';
import {
  CHANNEL,
  ensureQueueSchema,
  LOCK_NAMESPACE,
  NOTIFY_SQL,
  POLL_MS,
  SCHEMA,
  transactions,
} from './pg-schema.ts';

export interface PgJobQueueOptions {
  connectionString: string;
  /** Run jobs and sub-jobs in this process; false: submit, read and cancel only. */
  worker: boolean;
  /** This process's evaluator: its sub-jobs and relaxations run there. */
  evaluator: Pick<Evaluator, 'evaluate' | 'relax' | 'workers'>;
  /** The bundled data's version, part of each evaluation's key. */
  dataVersion: string;
  /** Jobs waiting to start (all processes); one more answers 503 OVERLOADED; default 32. */
  maxQueued?: number;
  /** Jobs this process runs at once; default 1. */
  jobConcurrency?: number;
  /** Sub-jobs this process evaluates at once; default one per evaluation worker thread. */
  evaluateConcurrency?: number;
  /** A job's evaluations in flight at once, across all workers; default 8. */
  fanOut?: number;
  logError?: (error: unknown, job: { id: string; kind: string }) => void;
  log?: (level: 'debug' | 'warn', message: string, meta?: Record<string, unknown>) => void;
}

export interface PgJobQueue extends JobQueue {
  /** This process's row in planner_queue.processes (null when it runs no worker). */
  readonly processId: number | null;
}

interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  progress: string;
  cancel_requested: boolean;
  result: string | null;
  error: string | null;
  owner: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const CANCEL_POLL_MS = 500;

/** One running task's abort: by its job's cancel (`cancelled`) or by this queue closing. */
export interface CancelWatch {
  signal: AbortSignal;
  readonly cancelled: boolean;
  cancel(): void;
  stop(): void;
}

function toStatus(row: JobRow): JobStatus {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: JSON.parse(row.progress) as JobProgress,
    cancelRequested: row.cancel_requested,
    ...(row.state === 'done' && row.result !== null ? { result: JSON.parse(row.result) } : {}),
    ...(row.error !== null ? { error: JSON.parse(row.error) as JobStatus['error'] } : {}),
    createdAt: row.created_at.toISOString(),
    ...(row.started_at ? { startedAt: row.started_at.toISOString() } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {}),
  };
}

export function createPgJobQueue(options: PgJobQueueOptions): PgJobQueue {
  const maxQueued = Math.max(0, options.maxQueued ?? 32);
  const jobConcurrency = Math.max(1, options.jobConcurrency ?? 1);
  const evaluateConcurrency = Math.max(1, options.evaluateConcurrency ?? options.evaluator.workers);
  const fanOut = Math.max(1, options.fanOut ?? 8);
  const log = options.log ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: 6 + jobConcurrency + evaluateConcurrency,
  });
  // An idle connection the server drops must not crash the process (graphile-worker checks).
  const lost = (error: Error) => log('warn', `job queue connection lost: ${error.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const logger = new Logger(() => (level, message) => {
    log(level === 'error' || level === 'warning' ? 'warn' : 'debug', `graphile-worker: ${message}`);
  });

  const handlers = new Map<string, JobHandler<unknown, unknown>>();
  let closed = false;
  let processId: number | null = null;
  const workerIds = new Set<string>();
  const runners: Runner[] = [];
  const timers: NodeJS.Timeout[] = [];

  const tx = transactions(pool);

  // --- Notifications (and, for a worker, the liveness lock) on one dedicated connection ------
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  /** Cancel watchers by job id; status subscribers by job id. */
  const cancelWatch = new Map<string, Set<CancelWatch>>();
  const subscribers = new Map<
    string,
    { listeners: Set<JobListener>; chain: Promise<void>; last: string }
  >();

  function onNotification(payload: string): void {
    const kind = payload.slice(0, 2);
    const value = payload.slice(2);
    if (kind === 'e:') subJobs.wake(value);
    else if (kind === 'c:') for (const w of cancelWatch.get(value) ?? []) w.cancel();
    else if (kind === 'j:' && subscribers.has(value)) refresh(value);
  }

  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('error', (error) => log('warn', `job queue listener lost: ${error.message}`));
    await client.connect();
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) onNotification(msg.payload);
    });
    await client.query(`LISTEN ${CHANNEL}`);
    if (processId !== null) {
      await client.query('SELECT pg_advisory_lock($1, $2::int)', [LOCK_NAMESPACE, processId]);
    }
    client.once('end', () => {
      if (listener === client) listener = null;
      if (!closed) setTimeout(() => void ensureListener().catch(() => undefined), 500).unref();
    });
    listener = client;
    // Whatever happened while disconnected: wake every waiter to re-read.
    subJobs.wakeAll();
    for (const id of subscribers.keys()) refresh(id);
  }

  function ensureListener(): Promise<void> {
    if (listener || closed) return Promise.resolve();
    connecting ??= connectListener().finally(() => (connecting = null));
    return connecting;
  }

  // --- Set-up ---------------------------------------------------------------------------------
  let ready: Promise<void> | null = null;
  const whenReady = () =>
    (ready ??= ensureQueueSchema(pool, logger)
      .then(ensureListener)
      .catch((error: unknown) => {
        ready = null; // the next call tries again (the database may be back)
        throw error;
      }));

  // --- Reading --------------------------------------------------------------------------------
  async function readRow(id: string): Promise<JobRow | undefined> {
    await whenReady();
    const { rows } = await pool.query<JobRow>(
      `SELECT id, kind, state, progress, cancel_requested, result, error, owner,
              created_at, started_at, finished_at
         FROM ${SCHEMA}.jobs WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  function refresh(id: string): void {
    const sub = subscribers.get(id);
    if (!sub) return;
    sub.chain = sub.chain
      .then(async () => {
        const row = await readRow(id);
        if (!row) return;
        const status = toStatus(row);
        const text = JSON.stringify(status);
        if (text === sub.last) return;
        sub.last = text;
        for (const listener of [...sub.listeners]) {
          try {
            listener(status);
          } catch (error) {
            options.logError?.(error, { id, kind: status.kind });
          }
        }
      })
      .catch((error: unknown) => log('warn', `job status read failed: ${String(error)}`));
  }

  const subscriberPoll = setInterval(() => {
    for (const id of subscribers.keys()) refresh(id);
  }, POLL_MS);
  subscriberPoll.unref();
  timers.push(subscriberPoll);

  // --- Cancellation watch (runners and sub-jobs of this process) ------------------------------
  const running = new Set<AbortController>();
  function watchCancel(jobId: string): CancelWatch {
    const controller = new AbortController();
    // A search waits on its signal once per evaluation in flight.
    setMaxListeners(1000, controller.signal);
    let set = cancelWatch.get(jobId);
    if (!set) cancelWatch.set(jobId, (set = new Set()));
    let cancelled = false;
    const watch: CancelWatch = {
      signal: controller.signal,
      get cancelled() {
        return cancelled;
      },
      cancel() {
        cancelled = true;
        controller.abort(new Error('job cancelled'));
      },
      stop() {
        set.delete(watch);
        running.delete(controller);
        if (set.size === 0 && cancelWatch.get(jobId) === set) cancelWatch.delete(jobId);
      },
    };
    set.add(watch);
    running.add(controller);
    if (closed) controller.abort(new Error('job queue closing'));
    return watch;
  }
  const cancelPoll = setInterval(() => {
    if (cancelWatch.size === 0) return;
    void pool
      .query<{ id: string }>(
        `SELECT id FROM ${SCHEMA}.jobs WHERE id = ANY($1::uuid[]) AND cancel_requested`,
        [[...cancelWatch.keys()]],
      )
      .then(({ rows }) => {
        for (const { id } of rows) for (const w of cancelWatch.get(id) ?? []) w.cancel();
      })
      .catch(() => undefined);
  }, CANCEL_POLL_MS);
  cancelPoll.unref();
  timers.push(cancelPoll);

  async function finishJob(
    id: string,
    state: JobState,
    fields: { result?: string; error?: object } = {},
  ): Promise<void> {
    await tx(async (client) => {
      await client.query(
        `UPDATE ${SCHEMA}.jobs
            SET state = $2, result = $3, error = $4, finished_at = clock_timestamp(), input = NULL
          WHERE id = $1 AND state IN ('queued', 'running')`,
        [id, state, fields.result ?? null, fields.error ? JSON.stringify(fields.error) : null],
      );
      await client.query(NOTIFY_SQL, [`j:${id}`]);
    });
  }

  // --- The fan-out evaluator: each evaluation a sub-job (pg-subjobs.ts) ------------------------
  const subJobs = createSubJobs({
    pool,
    tx,
    evaluator: options.evaluator,
    dataVersion: options.dataVersion,
    fanOut,
    processId: () => processId,
    watchCancel,
    logError: options.logError,
  });

  // --- The worker's job task ------------------------------------------------------------------
  const plannerJob: Task = async (payload) => {
    const { id } = payload as { id: string };
    const { rows } = await pool.query<{
      kind: string;
      input: string | null;
      state: JobState;
      cancel_requested: boolean;
    }>(`SELECT kind, input, state, cancel_requested FROM ${SCHEMA}.jobs WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row || isFinished(row.state)) return;
    if (row.cancel_requested) return finishJob(id, 'cancelled');
    const handler = handlers.get(row.kind);
    if (!handler) throw new Error(`No handler for job kind "${row.kind}" in this process`);
    const started = await tx(async (client) => {
      const r = await client.query(
        `UPDATE ${SCHEMA}.jobs
            SET state = 'running', started_at = coalesce(started_at, clock_timestamp()), runner = $2
          WHERE id = $1 AND state IN ('queued', 'running') AND NOT cancel_requested`,
        [id, processId],
      );
      await client.query(NOTIFY_SQL, [`j:${id}`]);
      return (r.rowCount ?? 0) > 0;
    });
    if (!started) return;
    const watch = watchCancel(id);
    const signal = watch.signal;
    // Progress writes in order, the latest only when they come faster than the database.
    let pending: JobProgress | null = null;
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const progress = pending;
      pending = null;
      if (!progress) return;
      await tx(async (client) => {
        await client.query(
          `UPDATE ${SCHEMA}.jobs SET progress = $2 WHERE id = $1 AND state = 'running'`,
          [id, JSON.stringify(progress)],
        );
        await client.query(NOTIFY_SQL, [`j:${id}`]);
      });
    };
    const ctx: JobContext = {
      signal,
      progress(p) {
        const first = pending === null;
        pending = { ...p };
        if (first) writing = writing.then(flush).catch(() => undefined);
      },
      evaluator: subJobs.fanOutEvaluator(id, signal),
    };
    try {
      const result = await handler(JSON.parse(row.input ?? 'null'), ctx);
      await writing;
      if (watch.cancelled) await finishJob(id, 'cancelled');
      else await finishJob(id, 'done', { result: JSON.stringify(result) });
    } catch (error) {
      await writing;
      if (watch.cancelled) return finishJob(id, 'cancelled');
      // Shutting down: graphile-worker gives the job to another worker (it resumes there).
      if (signal.aborted) throw error;
      const shown = publicError(error);
      if (!shown) options.logError?.(error, { id, kind: row.kind });
      await finishJob(id, 'failed', { error: shown ?? INTERNAL_ERROR });
    } finally {
      watch.stop();
    }
  };

  // --- The worker: its tasks, and its liveness (pg-liveness.ts) -------------------------------
  async function startWorker(): Promise<void> {
    const id = await registerProcess(pool);
    processId = id;
    const { heartbeat, sweep } = createLiveness({ pool, tx, processId: id, workerIds, log });
    // The listener connection holds this process's liveness lock from now on.
    const previous = listener;
    listener = null;
    await previous?.end();
    await ensureListener();
    const events: WorkerEvents = new EventEmitter();
    // graphile-worker locks a job in the name of its worker pool (0.17 fetches in batches per
    // pool) or of one worker: both are recorded, so a sweep can release what this process held.
    const record = (lockerId: string) => {
      workerIds.add(lockerId);
      void heartbeat().catch(() => undefined);
    };
    events.on('pool:create', ({ workerPool }: { workerPool: { id: string } }) =>
      record(workerPool.id),
    );
    events.on('worker:create', ({ worker }: { worker: { workerId: string } }) =>
      record(worker.workerId),
    );
    const common = { pgPool: pool, logger, events, noHandleSignals: true, pollInterval: 1000 };
    runners.push(
      await run({ ...common, concurrency: jobConcurrency, taskList: { planner_job: plannerJob } }),
      await run({
        ...common,
        concurrency: evaluateConcurrency,
        taskList: { planner_evaluate: subJobs.plannerEvaluate },
      }),
    );
    let busy = false;
    const tick = setInterval(() => {
      if (busy || closed) return;
      busy = true;
      void heartbeat()
        .then(sweep)
        .catch((error: unknown) => log('warn', `job queue sweep failed: ${String(error)}`))
        .finally(() => (busy = false));
    }, SWEEP_MS);
    tick.unref();
    timers.push(tick);
    await sweep();
  }

  const queue: PgJobQueue = {
    backend: 'postgres',
    get processId() {
      return processId;
    },

    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`Job kind "${kind}" is already registered`);
      handlers.set(kind, handler as JobHandler<unknown, unknown>);
      return queue;
    },

    async start() {
      await whenReady();
      if (options.worker && processId === null && !closed) await startWorker();
    },

    async submit(kind, input, submitOptions = {}) {
      if (!handlers.has(kind)) throw new Error(`No handler registered for job kind "${kind}"`);
      if (closed) throw shuttingDownError();
      await whenReady();
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.jobs WHERE state = 'queued'`,
      );
      if (rows[0].n >= maxQueued) throw queueFullError(rows[0].n);
      const id = randomUUID();
      await tx(async (client) => {
        await client.query(
          `INSERT INTO ${SCHEMA}.jobs (id, kind, input, owner) VALUES ($1, $2, $3, $4)`,
          [id, kind, JSON.stringify(input), submitOptions.owner ?? null],
        );
        await client.query(
          `SELECT graphile_worker.add_job('planner_job', json_build_object('id', $1::text),
                  max_attempts => 25, job_key => $2)`,
          [id, `job:${id}`],
        );
      });
      return { id };
    },

    async get(id) {
      const row = await readRow(id);
      return row ? toStatus(row) : undefined;
    },

    async ownerOf(id) {
      return (await readRow(id))?.owner ?? undefined;
    },

    async cancel(id) {
      await whenReady();
      return tx(async (client) => {
        // A queued job is cancelled at once; a running one when its runner sees the flag.
        const r = await client.query(
          `UPDATE ${SCHEMA}.jobs
              SET cancel_requested = true,
                  cancel_requested_at = coalesce(cancel_requested_at, clock_timestamp()),
                  finished_at = CASE WHEN state = 'queued' THEN clock_timestamp() END,
                  input = CASE WHEN state = 'queued' THEN NULL ELSE input END,
                  state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END
            WHERE id = $1 AND state IN ('queued', 'running')`,
          [id],
        );
        if (!r.rowCount) return false;
        await client.query(NOTIFY_SQL, [`c:${id}`]);
        await client.query(NOTIFY_SQL, [`j:${id}`]);
        return true;
      });
    },

    subscribe(id, listener) {
      let sub = subscribers.get(id);
      if (!sub) {
        sub = { listeners: new Set(), chain: Promise.resolve(), last: '' };
        subscribers.set(id, sub);
      }
      sub.listeners.add(listener);
      const mine = sub;
      return () => {
        mine.listeners.delete(listener);
        if (mine.listeners.size === 0 && subscribers.get(id) === mine) subscribers.delete(id);
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const controller of running) controller.abort(new Error('job queue closing'));
      for (const timer of timers) clearInterval(timer);
      await Promise.all(runners.map((runner) => runner.stop().catch(() => undefined)));
      await ready?.catch(() => undefined);
      const last = listener;
      listener = null;
      await last?.end().catch(() => undefined);
      if (processId !== null) {
        await pool
          .query(`DELETE FROM ${SCHEMA}.processes WHERE id = $1`, [processId])
          .catch(() => undefined);
      }
      await pool.end();
    },
  };
  return queue;
}
