// Runs evaluations off the event loop. Preparation, each chunk of Monte Carlo trials and the
// finish all run in worker threads; chunks are small so concurrent requests interleave, and
// per-trial random streams make the answer independent of the chunking. The result is kept as
// the JSON text the route sends, so a cache hit costs no serialisation either.
import { availableParallelism } from 'node:os';
import type { EvaluateInputs, Prepared, TrialPartial } from '../../models/scenario.ts';
import type { Design } from '../../models/records.ts';
import { cacheKey, LruCache } from './cache.ts';
import { WorkerPool } from './pool.ts';
import { runTask, unwrap, type EvaluationExtras, type Task, type TaskOutcome } from './tasks.ts';

/** Bump when a model change alters results, so cached answers are not reused. */
export const MODEL_VERSION = '1';
/** Trials per worker task: small enough to interleave requests, big enough to amortise the copy. */
const CHUNK_TRIALS = 125;

export interface EvaluatorOptions {
  designs: Design[];
  gpuPower: unknown;
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
  evaluate(inputs: EvaluateInputs, extras?: () => EvaluationExtras): Promise<Evaluation>;
  close(): Promise<void>;
  readonly stats: { evaluations: number; cacheHits: number };
}

export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const data = { designs: options.designs, gpuPower: options.gpuPower };
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

  async function compute(inputs: EvaluateInputs, extras?: () => EvaluationExtras): Promise<string> {
    const prepared = await run<Prepared>({ kind: 'prepare', inputs });
    const chunks: Promise<TrialPartial>[] = [];
    for (let start = 0; start < prepared.trials; start += CHUNK_TRIALS) {
      const end = Math.min(prepared.trials, start + CHUNK_TRIALS);
      chunks.push(run<TrialPartial>({ kind: 'trials', prepared, start, end }));
    }
    const partials = await Promise.all(chunks);
    stats.evaluations += 1;
    return run<string>({ kind: 'finish', prepared, partials, extras: extras?.() });
  }

  return {
    stats,
    async evaluate(inputs, extras) {
      const key = cacheKey({ inputs, data: options.dataVersion, model: MODEL_VERSION });
      const hit = cache.get(key);
      if (hit !== undefined) {
        stats.cacheHits += 1;
        return { json: hit, cached: true };
      }
      let pending = inFlight.get(key);
      if (!pending) {
        pending = compute(inputs, extras).finally(() => inFlight.delete(key));
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
