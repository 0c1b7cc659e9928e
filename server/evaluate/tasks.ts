// The three steps of an evaluation, as tasks a worker thread (or the caller, inline) runs:
// prepare (deterministic set-up), trials (one chunk of Monte Carlo), finish (merge, the median
// trial's hours, timeline, economics, and the JSON text the route sends as it is). Only the
// event loop's bookkeeping stays on the main thread.
import { runPlanTrials, type SimPlan } from '../../models/coverage.ts';
import {
  finishEvaluation,
  mergePartials,
  prepareEvaluation,
  type EvaluateData,
  type EvaluateInputs,
  type Prepared,
  type TrialPartial,
} from '../../models/scenario.ts';
import { ModelError } from '../../models/errors.ts';

export type Task =
  | { kind: 'prepare'; inputs: EvaluateInputs }
  /** One chunk of one year's Monte Carlo: only that plan is copied to the worker. */
  | { kind: 'trials'; sim: SimPlan; start: number; end: number }
  | {
      kind: 'finish';
      prepared: Prepared;
      partials: TrialPartial[];
      /** Per options.years year (index k of prepared.sweep); null where it is the main year. */
      sweepPartials: (TrialPartial[] | null)[];
      extras?: EvaluationExtras;
    };

/** Per-deployment results computed outside the model (siting needs the population index). */
export interface EvaluationExtras {
  deploymentSiting?: (unknown | null)[];
}

export type TaskOutcome =
  | { ok: true; value: Prepared | TrialPartial | string }
  | {
      ok: false;
      error: { code?: ModelError['code']; message: string; details?: Record<string, unknown> };
    };

export function runTask(task: Task, data: EvaluateData): TaskOutcome {
  try {
    switch (task.kind) {
      case 'prepare':
        return { ok: true, value: prepareEvaluation(task.inputs, data) };
      case 'trials':
        return { ok: true, value: runPlanTrials(task.sim, task.start, task.end) };
      case 'finish': {
        const { prepared } = task;
        const sweep = task.sweepPartials.map((p, k) =>
          p === null ? undefined : mergePartials(prepared, p, k + 1),
        );
        const result = finishEvaluation(prepared, mergePartials(prepared, task.partials), sweep);
        const siting = task.extras?.deploymentSiting;
        const deployments = siting
          ? result.deployments.map((d, i) => ({ ...d, siting: siting[i] ?? null }))
          : result.deployments;
        return { ok: true, value: JSON.stringify({ ...result, deployments }) };
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

/** Turns a failed outcome back into the error the route maps to a status. */
export function unwrap<T>(outcome: TaskOutcome): T {
  if (outcome.ok) return outcome.value as T;
  const { code, message, details } = outcome.error;
  throw code ? new ModelError(code, message, details) : new Error(message);
}
