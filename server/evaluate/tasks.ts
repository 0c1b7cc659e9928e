// The three steps of an evaluation, as tasks a worker thread (or the caller, inline) runs:
// prepare (deterministic set-up), trials (one chunk of Monte Carlo), finish (merge, the median
// trial's hours, timeline, economics, and the JSON text the route sends as it is). A small
// evaluation runs all three as one task ('whole'): it then waits for a free worker once, not
// three times behind other requests' chunks (issue 12: a small evaluate within 1 s under load).
// Only the event loop's bookkeeping stays on the main thread.
import { TrialRunner, type SimPlan } from '../../models/coverage.ts';
import {
  evaluate,
  finishEvaluation,
  mergePartials,
  prepareEvaluation,
  type EvaluateData,
  type EvaluateInputs,
  type EvaluateResult,
  type Prepared,
} from '../../models/scenario.ts';
import { ModelError } from '../../models/errors.ts';
import { packPartial, unpackPartial, type PackedPartial } from './partial-wire.ts';
import {
  cheapestSelections,
  type LpSolver,
  type Relaxation,
  type Selection,
} from '../../models/optimise/relaxation.ts';

/** The MIP solver, loaded by the worker at start (server/optimise/highs.ts). */
let lpSolver: LpSolver | null = null;
export function setLpSolver(solver: LpSolver): void {
  lpSolver = solver;
}

export type Task =
  | { kind: 'prepare'; inputs: EvaluateInputs }
  /** The optimiser's relaxation: its K cheapest selections (seconds of HiGHS, off the loop). */
  | { kind: 'relax'; relaxation: Relaxation; k: number }
  /** prepare, every trial and finish in one task (the same bits as the split run). */
  | { kind: 'whole'; inputs: EvaluateInputs; extras?: EvaluationExtras }
  /**
   * One chunk of one year's Monte Carlo. `planId` names the plan within this process (one
   * evaluation's year): a worker that ran a chunk of it keeps its workspace and runs the next
   * chunk on it (the same bits as a fresh one). Through the pool the plan goes to each worker
   * once (planSender): its later chunks carry only the planId and trial range, no `sim`.
   */
  | { kind: 'trials'; sim?: SimPlan; start: number; end: number; planId?: string }
  | {
      kind: 'finish';
      prepared: Prepared;
      partials: PackedPartial[];
      /** Per options.years year (index k of prepared.sweep); null where it is the main year. */
      sweepPartials: (PackedPartial[] | null)[];
      extras?: EvaluationExtras;
    };

/** Per-deployment results computed outside the model (siting needs the population index). */
export interface EvaluationExtras {
  deploymentSiting?: (unknown | null)[];
}

export type TaskOutcome =
  | { ok: true; value: Prepared | PackedPartial | string | Selection[] }
  | {
      ok: false;
      error: { code?: ModelError['code']; message: string; details?: Record<string, unknown> };
    };

/** Plans whose chunks a thread ran last, with their workspaces (most recent last). */
export const RUNNERS_KEPT = 4;

/**
 * The last `capacity` keys touched, least recent first. A worker's runner cache and the pool's
 * record of what that worker holds (planSender) both use it with the same touches, in the same
 * order (the pool posts a worker one task at a time), so the two stay equal.
 */
export class RecentKeys<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  /** The entry for key, now the most recent: the kept one, else make()'s (evicting the oldest). */
  touch(key: string, make: () => V): { value: V; kept: boolean } {
    let value = this.entries.get(key);
    const kept = value !== undefined;
    if (value !== undefined) {
      this.entries.delete(key);
    } else {
      value = make();
      if (this.entries.size >= this.capacity) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    this.entries.set(key, value);
    return { value, kept };
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }
}

const runners = new RecentKeys<TrialRunner>(RUNNERS_KEPT);

/**
 * The thread's runner for a plan: the cached one for its planId, else a new one (kept). A chunk
 * without its plan (sent once per worker, planSender) must find the plan's runner cached.
 */
export function runnerFor(sim: SimPlan | undefined, planId: string | undefined): TrialRunner {
  if (planId === undefined) {
    if (sim === undefined) throw new Error('a trials task without a planId needs its plan');
    return new TrialRunner(sim);
  }
  if (sim === undefined && runners.get(planId) === undefined) {
    throw new Error(`plan ${planId} is not cached in this worker and the task has no plan`);
  }
  return runners.touch(planId, () => new TrialRunner(sim as SimPlan)).value;
}

/**
 * One per worker (WorkerPool's `encoder`): the message posted for each task it starts. A trials
 * task's plan goes only to a worker that does not hold its runner; the rest carry the planId and
 * trial range. It touches the same keys as that worker's runnerFor, in the same order.
 */
export function planSender(): (task: Task) => Task {
  const held = new RecentKeys<true>(RUNNERS_KEPT);
  return (task) => {
    if (task.kind !== 'trials' || task.planId === undefined) return task;
    if (!held.touch(task.planId, () => true).kept) return task;
    const { kind, start, end, planId } = task;
    return { kind, start, end, planId };
  };
}

export function runTask(task: Task, data: EvaluateData): TaskOutcome {
  try {
    switch (task.kind) {
      case 'prepare':
        return { ok: true, value: prepareEvaluation(task.inputs, data) };
      case 'relax': {
        if (!lpSolver) throw new Error('the MIP solver is not loaded in this thread');
        return { ok: true, value: cheapestSelections(task.relaxation, task.k, lpSolver) };
      }
      case 'whole':
        return { ok: true, value: answerJson(evaluate(task.inputs, data), task.extras) };
      case 'trials':
        return {
          ok: true,
          value: packPartial(runnerFor(task.sim, task.planId).run(task.start, task.end)),
        };
      case 'finish': {
        const { prepared } = task;
        const merge = (packed: PackedPartial[], which: number) =>
          mergePartials(prepared, packed.map(unpackPartial), which);
        const sweep = task.sweepPartials.map((p, k) => (p === null ? undefined : merge(p, k + 1)));
        const result = finishEvaluation(prepared, merge(task.partials, 0), sweep);
        return { ok: true, value: answerJson(result, task.extras) };
      }
    }
  } catch (error) {
    if (error instanceof ModelError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, details: error.details },
      };
    }
    return {
      ok: false,
      error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    };
  }
}

/** The answer as the route sends it, with each deployment's siting where the caller has it. */
function answerJson(result: EvaluateResult, extras: EvaluationExtras | undefined): string {
  const siting = extras?.deploymentSiting;
  const deployments = siting
    ? result.deployments.map((d, i) => ({ ...d, siting: siting[i] ?? null }))
    : result.deployments;
  return JSON.stringify({ ...result, deployments });
}

/** Turns a failed outcome back into the error the route maps to a status. */
export function unwrap<T>(outcome: TaskOutcome): T {
  if (outcome.ok) return outcome.value as T;
  const { code, message, details } = outcome.error;
  throw code ? new ModelError(code, message, details) : new Error(message);
}
