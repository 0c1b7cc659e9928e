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
import { WorkerPool } from './pool.ts';
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
  ): Promise<Evaluation>;
  close(): Promise<void>;
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
  const run = async <T>(task: Task): Promise<T> =>
    unwrap<T>(pool ? await pool.run(task) : runTask(task, data));
  const cache = new LruCache<string>(options.cacheEntries ?? 64);
  const inFlight = new Map<string, Promise<string>>();
  const stats = { evaluations: 0, cacheHits: 0 };

  async function compute(
    inputs: EvaluateInputs,
    extras?: () => EvaluationExtras,
    onProgress?: (trialsDone: number, trialsTotal: number) => void,
  ): Promise<string> {
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
      for (let start = 0; start < sim.trials; start += CHUNK_TRIALS) {
        const end = Math.min(sim.trials, start + CHUNK_TRIALS);
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

  return {
    stats,
    async evaluate(inputs, extras, onProgress) {
      const key = cacheKey({ inputs, data: options.dataVersion, model: MODEL_VERSION });
      const hit = cache.get(key);
      if (hit !== undefined) {
        stats.cacheHits += 1;
        return { json: hit, cached: true };
      }
      let pending = inFlight.get(key);
      if (!pending) {
        pending = compute(inputs, extras, onProgress).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      const json = await pending;
      cache.set(key, json);
      return { json, cached: false };
    },
    async close() {
      await pool?.close();
    },
  };
}
