// Runs evaluations off the event loop. Preparation, each chunk of Monte Carlo trials and the
// finish all run in worker threads; chunks are small so concurrent requests interleave, and
// per-trial random streams make the answer independent of the chunking. The result is kept as
// the JSON text the route sends, so a cache hit costs no serialisation either.
import { availableParallelism } from 'node:os';
import type { SimPlan } from '../../models/coverage.ts';
import type {
  EvaluateData,
  EvaluateInputs,
  Prepared,
  TrialPartial,
} from '../../models/scenario.ts';
import { cacheKey, LruCache } from './cache.ts';
import { FLEET_FLOOR_UNITS } from './budget.ts';
import { abortError, WorkerPool } from './pool.ts';
import { ShedError } from './shed.ts';
import { runTask, unwrap, type EvaluationExtras, type Task, type TaskOutcome } from './tasks.ts';

/** Bump when a model change alters results, so cached answers are not reused. */
export const MODEL_VERSION = '2';
/** Trials per worker task: small enough to interleave requests, big enough to amortise the copy. */
const CHUNK_TRIALS = 125;
export interface EvaluatorOptions {
  /** Designs, GPU table, location multipliers and coal sites (server/evaluate/data.ts). */
  data: EvaluateData;
  dataVersion: string;
  /** Worker threads; default one per core but one. 0 runs everything on the calling thread. */
  workers?: number;
  cacheEntries?: number;
  /** Evaluations computing at once (cache hits aside); one more answers 503 OVERLOADED. */
  maxActive?: number;
}

export interface EvaluateControl {
  /** Aborts this caller's wait; the computation stops once no caller waits for it. */
  signal?: AbortSignal;
}

export interface Evaluation {
  /** The EvaluateResult as JSON text. */
  json: string;
  cached: boolean;
}

export interface Evaluator {
  /**
   * `extras` is called only when the answer is not cached; what it returns must follow from
   * `inputs` and the data, because it is not part of the cache key.
   */
  evaluate(
    inputs: EvaluateInputs,
    extras?: () => EvaluationExtras,
    onProgress?: (trialsDone: number, trialsTotal: number) => void,
    control?: EvaluateControl,
  ): Promise<Evaluation>;
  close(): Promise<void>;
  /** Evaluations computing now. */
  readonly active: number;
  /** Worker threads (0: inline). */
  readonly workers: number;
  readonly stats: { evaluations: number; cacheHits: number };
}

export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const data = options.data;
  // One core stays with the event loop, so health checks and data requests answer at once
  // while evaluations run (issue 4: /api/health p99 ≤ 20 ms under 20 concurrent evaluations).
  const size = options.workers ?? Math.max(1, availableParallelism() - 1);
  const pool =
    size > 0
      ? new WorkerPool<Task, TaskOutcome>(new URL('./worker.ts', import.meta.url), size, data)
      : null;
  const cache = new LruCache<string>(options.cacheEntries ?? 64);
  const maxActive = options.maxActive ?? Infinity;
  interface Shared {
    promise: Promise<string>;
    controller: AbortController;
    waiters: number;
  }
  const inFlight = new Map<string, Shared>();
  const stats = { evaluations: 0, cacheHits: 0 };

  async function compute(
    inputs: EvaluateInputs,
    extras: (() => EvaluationExtras) | undefined,
    onProgress: ((trialsDone: number, trialsTotal: number) => void) | undefined,
    signal: AbortSignal,
  ): Promise<string> {
    // One group per evaluation: the pool shares its workers fairly between evaluations.
    const units = inputs.deployments.reduce((sum, d) => sum + d.units, 0);
    const group = { cost: Math.max(units, FLEET_FLOOR_UNITS) * (inputs.options?.trials ?? 500) };
    const run = async <T>(task: Task): Promise<T> => {
      if (signal.aborted) throw abortError(signal);
      return unwrap<T>(pool ? await pool.run(task, { group, signal }) : runTask(task, data));
    };
    // Fixed size: each chunk's partial (~0.5 MB for a 2,000-unit fleet, whatever its trials) is
    // copied through the event loop, so smaller chunks for big fleets cost the loop more.
    const chunk = CHUNK_TRIALS;
    const prepared = await run<Prepared>({ kind: 'prepare', inputs });
    // The evaluated year, then each options.years year that is not it (same seed streams).
    const sims: (SimPlan | null)[] = [
      prepared.main.sim,
      ...prepared.sweep.map((ys) => (ys.year === prepared.year ? null : ys.sim)),
    ];
    const total = sims.filter((sim) => sim !== null).length * prepared.trials;
    let done = 0;
    const runSim = (sim: SimPlan | null): Promise<TrialPartial[]> | null => {
      if (sim === null) return null;
      const chunks: Promise<TrialPartial>[] = [];
      for (let start = 0; start < sim.trials; start += chunk) {
        const end = Math.min(sim.trials, start + chunk);
        chunks.push(
          run<TrialPartial>({ kind: 'trials', sim, start, end }).then((partial) => {
            done += end - start;
            onProgress?.(done, total);
            return partial;
          }),
        );
      }
      return Promise.all(chunks);
    };
    const [main, ...sweep] = await Promise.all(sims.map(runSim));
    stats.evaluations += 1;
    return run<string>({
      kind: 'finish',
      prepared,
      partials: main ?? [],
      sweepPartials: sweep.map((p) => p ?? null),
      extras: extras?.(),
    });
  }

  /** Waits for the shared computation until this caller's signal aborts. */
  function wait(shared: Shared, signal: AbortSignal | undefined): Promise<string> {
    shared.waiters += 1;
    if (!signal) return shared.promise;
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        shared.waiters -= 1;
        if (shared.waiters === 0) shared.controller.abort(signal.reason);
        reject(abortError(signal));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (json) => (signal.removeEventListener('abort', onAbort), resolve(json)),
        (error: Error) => (signal.removeEventListener('abort', onAbort), reject(error)),
      );
    });
  }

  return {
    stats,
    get active() {
      return inFlight.size;
    },
    workers: size,
    async evaluate(inputs, extras, onProgress, control) {
      const key = cacheKey({ inputs, data: options.dataVersion, model: MODEL_VERSION });
      const hit = cache.get(key);
      if (hit !== undefined) {
        stats.cacheHits += 1;
        return { json: hit, cached: true };
      }
      let shared = inFlight.get(key);
      if (!shared) {
        if (inFlight.size >= maxActive) {
          throw new ShedError(
            'OVERLOADED',
            `${inFlight.size} evaluations are running, the most this server takes at once ` +
              '(EVALUATE_MAX_ACTIVE); retry after the Retry-After seconds.',
            2,
          );
        }
        const controller = new AbortController();
        const promise = compute(inputs, extras, onProgress, controller.signal).finally(() =>
          inFlight.delete(key),
        );
        // A computation nobody waits for any more must not be an unhandled rejection.
        promise.catch(() => undefined);
        shared = { promise, controller, waiters: 0 };
        inFlight.set(key, shared);
      }
      const json = await wait(shared, control?.signal);
      cache.set(key, json);
      return { json, cached: false };
    },
    async close() {
      await pool?.close();
    },
  };
}
