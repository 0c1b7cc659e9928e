// Runs evaluations off the event loop. Preparation, each chunk of Monte Carlo trials and the
// finish all run in worker threads; chunks are small so concurrent requests interleave (bigger
// while a small fleet's evaluation is alone: chunk-cursor.ts), and per-trial random streams make
// the answer independent of the chunking. The result is kept as the JSON text the route sends, so
// a cache hit costs no serialisation either.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { SimPlan } from '../../models/coverage.ts';
import type { EvaluateData, EvaluateInputs, Prepared } from '../../models/scenario.ts';
import { cacheKey, LruCache } from './cache.ts';
import {
  cheapestSelections,
  type Relaxation,
  type Selection,
} from '../../models/optimise/relaxation.ts';
import { highsSolver } from '../optimise/highs.ts';
import type { PackedPartial } from './partial-wire.ts';
import { evaluateCost, FLEET_FLOOR_UNITS, type EvaluateCost } from './budget.ts';
import { abortError, WorkerPool } from './pool.ts';
import { ShedError } from './shed.ts';
import { ChunkCursor, pullChunks, type Chunk } from './chunk-cursor.ts';
import {
  planSender,
  runTask,
  unwrap,
  type EvaluationExtras,
  type Task,
  type TaskOutcome,
} from './tasks.ts';

/** Bump when a model change alters results, so cached answers are not reused. */
export const MODEL_VERSION = '4';
/**
 * Work per trial chunk, in counted unit-trials (max(units, 300) × trials): 125 trials of a fleet
 * up to 300 units, 18 of a 2,000-unit fleet. Measured this session: a 125-trial chunk of 2,000
 * units held the worker 201 ms, 18 trials 59 ms; a small request waits for at most one running
 * chunk per worker, so big fleets get short chunks (their partials cross threads packed: partial-wire.ts).
 */
const CHUNK_UNIT_TRIALS = 125 * FLEET_FLOOR_UNITS;
const MAX_CHUNK_TRIALS = 125;
const MIN_CHUNK_TRIALS = 4;
/**
 * A chunk taken while the evaluation is alone (chunk-cursor.ts) holds up to this many base
 * chunks' trials, and at most one base chunk's real work (CHUNK_UNIT_TRIALS over the fleet's
 * actual units): so only fleets under the 300-unit floor grow, whose base chunks overstate their
 * work, and whoever arrives next waits no longer than a base chunk may hold a worker anyway.
 * Measured this session (runPlanTrials): 125 trials of 300 units 12.4 ms; 500 trials of 36
 * units 6.8 ms, of 1 unit 15.6 ms. The 36-unit bench (tests/bench/evaluate-pool.ts): 8 → 3 chunks.
 */
const GROWN_CHUNKS = 4;
/**
 * An evaluation this small (counted unit-trials × simulated years) runs as one worker task:
 * two chunks' work, at most ~120 ms (4 units × 200 trials took 15 ms plus 19 ms set-up).
 */
const WHOLE_UNIT_TRIALS = 2 * CHUNK_UNIT_TRIALS;
export interface EvaluatorOptions {
  /** Designs, GPU table, location multipliers and coal sites (server/evaluate/data.ts). */
  data: EvaluateData;
  dataVersion: string;
  /** Worker threads; default one per core but one. 0 runs everything on the calling thread. */
  workers?: number;
  cacheEntries?: number;
  /** Workers kept for small evaluations (see WHOLE_UNIT_TRIALS); default 1 when workers > 0. */
  smallLaneWorkers?: number;
  /** Evaluations computing at once (cache hits aside); one more answers 503 OVERLOADED. */
  maxActive?: number;
}

export interface EvaluateControl {
  /** Aborts this caller's wait; the computation stops once no caller waits for it. */
  signal?: AbortSignal;
  /**
   * A job's work (the optimiser's candidates), already bounded by the job queue: it is never
   * refused OVERLOADED, which is load shedding for requests that can retry.
   */
  background?: boolean;
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
  /** The optimiser's K cheapest relaxation selections, solved in a worker (inline: here). */
  relax(relaxation: Relaxation, k: number, signal?: AbortSignal): Promise<Selection[]>;
  close(): Promise<void>;
  /** Evaluations computing now. */
  readonly active: number;
  /** Worker threads (0: inline). */
  readonly workers: number;
  readonly stats: { evaluations: number; cacheHits: number };
}

function costOf(inputs: EvaluateInputs): EvaluateCost | null {
  const deployments: unknown = inputs?.deployments;
  if (!Array.isArray(deployments)) return null;
  if (!deployments.every((d) => Number.isSafeInteger((d as { units?: unknown })?.units)))
    return null;
  return evaluateCost(inputs as Parameters<typeof evaluateCost>[0]);
}

export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const data = options.data;
  // One core stays with the event loop, so health checks and data requests answer at once
  // while evaluations run (issue 4: /api/health p99 ≤ 20 ms under 20 concurrent evaluations).
  const size = options.workers ?? Math.max(1, availableParallelism() - 1);
  const pool =
    size > 0
      ? new WorkerPool<Task, TaskOutcome>(new URL('./worker.ts', import.meta.url), size, data, {
          // One more worker for small evaluations only (run whole): issue 12, a small evaluate
          // answered within 1 s while the heaviest run. It idles unless small work comes.
          smallLane: { workers: options.smallLaneWorkers ?? 1, maxCost: WHOLE_UNIT_TRIALS },
          // A plan goes to each worker once per evaluation year; later chunks carry its planId.
          encoder: planSender,
        })
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
    // Malformed inputs (the CLI's, unchecked) run whole: prepare then names the bad field.
    const cost = costOf(inputs);
    const countedUnits = cost?.countedUnits ?? FLEET_FLOOR_UNITS;
    const trials = cost?.trials ?? 0;
    const group = { cost: countedUnits * trials * (cost?.simulatedYears ?? 1) };
    const run = async <T>(task: Task): Promise<T> => {
      if (signal.aborted) throw abortError(signal);
      return unwrap<T>(pool ? await pool.run(task, { group, signal }) : runTask(task, data));
    };
    if (group.cost <= WHOLE_UNIT_TRIALS) {
      const json = await run<string>({ kind: 'whole', inputs, extras: extras?.() });
      stats.evaluations += 1;
      if (cost) onProgress?.(trials * cost.simulatedYears, trials * cost.simulatedYears);
      return json;
    }
    const chunk = Math.max(
      MIN_CHUNK_TRIALS,
      Math.min(MAX_CHUNK_TRIALS, Math.floor(CHUNK_UNIT_TRIALS / countedUnits)),
    );
    const prepared = await run<Prepared>({ kind: 'prepare', inputs });
    // The evaluated year, then each options.years year that is not it (same seed streams).
    const sims: (SimPlan | null)[] = [
      prepared.main.sim,
      ...prepared.sweep.map((ys) => (ys.year === prepared.year ? null : ys.sim)),
    ];
    const total = sims.filter((sim) => sim !== null).length * prepared.trials;
    let done = 0;
    // Names each plan for the workers' cached workspaces (tasks.ts runnerFor); unique across
    // evaluators, which share the thread's cache when they run inline.
    const evaluationId = randomUUID();
    const realWork = Math.floor(CHUNK_UNIT_TRIALS / Math.max(1, cost?.units ?? countedUnits));
    const cursor = new ChunkCursor(
      sims.map((sim) => sim?.trials ?? 0),
      {
        baseTrials: chunk,
        maxTrials: Math.max(chunk, Math.min(GROWN_CHUNKS * chunk, realWork)),
        workers: pool?.size ?? 1,
      },
    );
    const partials: PackedPartial[][] = sims.map(() => []);
    const runChunk = async (): Promise<void> => {
      if (signal.aborted) throw abortError(signal);
      let taken: Chunk | undefined;
      // Sized as a worker takes it: alone means no other group in the pool and no other
      // evaluation between its tasks (inFlight counts this one).
      const make = (othersWaiting: boolean): Task | undefined => {
        taken = cursor.next(!othersWaiting && inFlight.size <= 1);
        if (!taken) return undefined;
        const { which, start, end } = taken;
        return {
          kind: 'trials',
          sim: sims[which] as SimPlan,
          start,
          end,
          planId: `${evaluationId}:${which}`,
        };
      };
      const outcome = pool ? await pool.runLazy(make, { group, signal }) : runInline(make(true));
      if (!taken || !outcome) return; // every trial was taken by the time a worker took this one
      partials[taken.which].push(unwrap<PackedPartial>(outcome));
      done += taken.end - taken.start;
      onProgress?.(done, total);
    };
    const runInline = (task: Task | undefined) => (task ? runTask(task, data) : undefined);
    // One chunk more than the workers stays queued, so a worker freed by this evaluation finds
    // its next chunk waiting and the pool's order between groups holds as if all were queued.
    await pullChunks(runChunk, () => cursor.done, (pool?.size ?? 0) + 1);
    const [main, ...sweep] = sims.map((sim, k) => (sim === null ? null : partials[k]));
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
        if (inFlight.size >= maxActive && !control?.background) {
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
    async relax(relaxation, k, signal) {
      if (!pool) return cheapestSelections(relaxation, k, await highsSolver());
      // A general worker's task (cost above the small lane's), never the small lane.
      const group = { cost: Number.MAX_SAFE_INTEGER };
      return unwrap<Selection[]>(
        await pool.run({ kind: 'relax', relaxation, k }, { group, signal }),
      );
    },
    async close() {
      await pool?.close();
    },
  };
}
