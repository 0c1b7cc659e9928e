// The embedded job queue (issue 13, "Jobs"): long computations such as an optimisation run as
// jobs in this process, FIFO, `concurrency` at a time; their heavy work goes to the existing
// evaluation worker pool through the handler, so the queue itself only keeps order and state.
// A team deployment's PostgreSQL-backed queue (pg-queue.ts) offers the same interface, which is
// why it is asynchronous: there every read and write is a query.
//
// Why not p-queue: it orders promises but keeps no job state, ids, results, progress or
// listeners, and cannot tell "cancelled while queued" from "failed"; all of that would be
// written around it anyway, and the scheduling it would save is the few lines of pump() below.
import { randomUUID } from 'node:crypto';
import { ModelError } from '../../models/errors.ts';
import { ShedError } from '../evaluate/shed.ts';
import { HttpError } from '../plugins/errors.ts';
import type { SearchEvaluator } from '../optimise/search.ts';
import type {
  JobErrorBody,
  JobProgressBody,
  JobStateName,
  JobStatusBody,
} from '../schemas/jobs.ts';

export type JobState = JobStateName;
export type JobProgress = JobProgressBody;
export type JobStatus = JobStatusBody;
export interface JobContext {
  /** Aborts when the job is cancelled or the queue closes; the handler should stop soon after. */
  signal: AbortSignal;
  progress(p: JobProgress): void;
  /**
   * Where the job's evaluations go when the queue shares them out (the PostgreSQL queue's
   * sub-jobs, any worker process taking each); absent, the handler uses its own evaluator.
   */
  evaluator?: SearchEvaluator;
}
export type JobHandler<I, R> = (input: I, ctx: JobContext) => Promise<R>;
export type JobListener = (status: JobStatus) => void;

export interface JobQueueOptions {
  /** Jobs running at once; default 1 (each job fans its own work out across the workers). */
  concurrency?: number;
  /** Jobs waiting to start; one more answers 503 OVERLOADED; default 32. */
  maxQueued?: number;
  /** Finished jobs kept for GET, least recently read dropped first; default 200. */
  keepFinished?: number;
  /** Where a handler's unexpected error goes (the status says only INTERNAL). */
  logError?: (error: unknown, job: { id: string; kind: string }) => void;
}

export interface SubmitOptions {
  /** The workspace that may see the job (routes answer 404 to any other); absent: anyone. */
  owner?: string;
}

export interface JobQueue {
  /** Which queue this is: `memory` (this process) or `postgres` (shared by every process). */
  readonly backend: 'memory' | 'postgres';
  register<I, R>(kind: string, handler: JobHandler<I, R>): JobQueue;
  /** Starts taking jobs once the kinds are registered (the app calls it when ready). */
  start(): Promise<void>;
  submit(kind: string, input: unknown, options?: SubmitOptions): Promise<{ id: string }>;
  get(id: string): Promise<JobStatus | undefined>;
  /** The owner given at submit, if any. */
  ownerOf(id: string): Promise<string | undefined>;
  /** False for an unknown or finished job. */
  cancel(id: string): Promise<boolean>;
  /** Called on every change of state or progress; returns the unsubscribe. */
  subscribe(id: string, listener: JobListener): () => void;
  /** Cancels every job this process runs and waits for the running handlers to return. */
  close(): Promise<void>;
}

interface Job {
  status: JobStatus;
  input: unknown;
  owner?: string;
  controller: AbortController;
  listeners: Set<JobListener>;
  settled?: Promise<void>;
}

/** Retry-After for a full queue: a job takes seconds to minutes, so a short wait is honest. */
export const QUEUE_FULL_RETRY_SECONDS = 10;

export const queueFullError = (waiting: number) =>
  new ShedError(
    'OVERLOADED',
    `${waiting} jobs are waiting to start, the most this server queues; ` +
      'retry after the Retry-After seconds.',
    QUEUE_FULL_RETRY_SECONDS,
  );

export const shuttingDownError = () =>
  new ShedError('SHUTTING_DOWN', 'The server is shutting down; retry shortly.', 5);

export const isFinished = (state: JobState) =>
  state === 'done' || state === 'failed' || state === 'cancelled';

/** A ModelError or HttpError says what went wrong on purpose; anything else stays in the log. */
/** What a job's status says of an unexpected error (the error itself goes to logError). */
export const INTERNAL_ERROR: JobErrorBody = { code: 'INTERNAL', message: 'The job failed.' };

export function publicError(error: unknown): JobErrorBody | undefined {
  if (error instanceof ModelError || error instanceof HttpError) {
    return { code: error.code, message: error.message };
  }
  return undefined;
}

export function createJobQueue(options: JobQueueOptions = {}): JobQueue {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const maxQueued = Math.max(0, options.maxQueued ?? 32);
  const keepFinished = Math.max(0, options.keepFinished ?? 200);
  const handlers = new Map<string, JobHandler<unknown, unknown>>();
  const jobs = new Map<string, Job>();
  const waiting: Job[] = [];
  /** Finished ids, least recently read first (a Map keeps insertion order). */
  const finished = new Map<string, true>();
  let running = 0;
  let closed = false;

  const snapshot = (job: Job): JobStatus => ({
    ...job.status,
    progress: { ...job.status.progress },
  });

  function notify(job: Job): void {
    if (job.listeners.size === 0) return;
    const status = snapshot(job);
    for (const listener of [...job.listeners]) {
      try {
        listener(status);
      } catch (error) {
        options.logError?.(error, { id: status.id, kind: status.kind });
      }
    }
  }

  function finish(job: Job, state: JobState, fields: Partial<JobStatus> = {}): void {
    job.status = { ...job.status, ...fields, state, finishedAt: new Date().toISOString() };
    finished.set(job.status.id, true);
    while (finished.size > keepFinished) {
      const oldest = finished.keys().next().value as string;
      finished.delete(oldest);
      jobs.delete(oldest);
    }
    notify(job);
    job.listeners.clear();
  }

  async function run(job: Job): Promise<void> {
    const { id, kind } = job.status;
    const handler = handlers.get(kind) as JobHandler<unknown, unknown>;
    job.status = { ...job.status, state: 'running', startedAt: new Date().toISOString() };
    notify(job);
    const ctx: JobContext = {
      signal: job.controller.signal,
      progress(p) {
        if (job.status.state !== 'running') return;
        job.status = { ...job.status, progress: { ...p } };
        notify(job);
      },
    };
    try {
      const result = await handler(job.input, ctx);
      if (job.controller.signal.aborted) finish(job, 'cancelled');
      else finish(job, 'done', { result });
    } catch (error) {
      if (job.controller.signal.aborted) {
        finish(job, 'cancelled');
        return;
      }
      const shown = publicError(error);
      if (!shown) options.logError?.(error, { id, kind });
      finish(job, 'failed', { error: shown ?? INTERNAL_ERROR });
    }
  }

  function pump(): void {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift() as Job;
      running += 1;
      job.settled = run(job).finally(() => {
        running -= 1;
        job.input = undefined;
        pump();
      });
    }
  }

  function cancelNow(id: string): boolean {
    const job = jobs.get(id);
    if (!job || isFinished(job.status.state)) return false;
    if (!job.status.cancelRequested) {
      job.status = { ...job.status, cancelRequested: true };
      job.controller.abort(new Error('job cancelled'));
    }
    if (job.status.state === 'queued') {
      waiting.splice(waiting.indexOf(job), 1);
      job.input = undefined;
      finish(job, 'cancelled');
    } else {
      notify(job);
    }
    return true;
  }

  const queue: JobQueue = {
    backend: 'memory',
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`Job kind "${kind}" is already registered`);
      handlers.set(kind, handler as JobHandler<unknown, unknown>);
      return queue;
    },

    async start() {},

    async submit(kind, input, submitOptions = {}) {
      if (!handlers.has(kind)) throw new Error(`No handler registered for job kind "${kind}"`);
      if (closed) throw shuttingDownError();
      if (waiting.length >= maxQueued) throw queueFullError(waiting.length);
      const id = randomUUID();
      const job: Job = {
        status: {
          id,
          kind,
          state: 'queued',
          progress: { done: 0, total: 0 },
          cancelRequested: false,
          createdAt: new Date().toISOString(),
        },
        input,
        owner: submitOptions.owner,
        controller: new AbortController(),
        listeners: new Set(),
      };
      jobs.set(id, job);
      waiting.push(job);
      pump();
      return { id };
    },

    async get(id) {
      const job = jobs.get(id);
      if (!job) return undefined;
      if (finished.delete(id)) finished.set(id, true);
      return snapshot(job);
    },

    ownerOf: async (id) => jobs.get(id)?.owner,

    async cancel(id) {
      return cancelNow(id);
    },

    subscribe(id, listener) {
      const job = jobs.get(id);
      if (!job || isFinished(job.status.state)) return () => undefined;
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },

    async close() {
      closed = true;
      const settling = [...jobs.values()].map((job) => job.settled);
      for (const id of [...jobs.keys()]) cancelNow(id);
      await Promise.all(settling);
    },
  };
  return queue;
}
