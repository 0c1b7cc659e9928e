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
   * One chunk of one year's Monte Carlo: only that plan is copied to the worker. `planId` names
   * the plan within this process (one evaluation's year): a worker that ran a chunk of it keeps
   * its workspace and runs the next chunk on it (the same bits as a fresh one).
   */
  | { kind: 'trials'; sim: SimPlan; start: number; end: number; planId?: string }
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

/** Plans whose chunks this thread ran last, with their workspaces (most recent last). */
const RUNNERS_KEPT = 4;
const runners = new Map<string, TrialRunner>();

/** The thread's runner for a plan: the cached one for its planId, else a new one (kept). */
export function runnerFor(sim: SimPlan, planId: string | undefined): TrialRunner {
  if (planId === undefined) return new TrialRunner(sim);
  let runner = runners.get(planId);
  if (runner) {
    runners.delete(planId);
  } else {
    runner = new TrialRunner(sim);
    if (runners.size >= RUNNERS_KEPT) runners.delete(runners.keys().next().value as string);
  }
  runners.set(planId, runner);
  return runner;
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
