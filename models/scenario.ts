// evaluate = compose demand, supply, transmission, coverage and economics (DESIGN.md
// `POST /api/evaluate`). Split for the server's worker pool: prepareEvaluation (deterministic,
// once) → runTrials over chunks (any split gives the same bits) → mergePartials →
// finishEvaluation. evaluate runs the four in one thread.
import { mergePlanPartials } from './coverage/merge.ts';
import type { Aggregate, SimPlan, TrialPartial } from './coverage/plan.ts';
import { runPlanTrials } from './coverage/trials.ts';
import { finishEvaluation } from './scenario/finish.ts';
import type { EvaluateData, EvaluateInputs } from './scenario/inputs.ts';
import { prepareEvaluation } from './scenario/prepare.ts';
import type { EvaluateResult, Prepared } from './scenario/types.ts';

export {
  DEFAULT_SEED,
  DEFAULT_TARGET_RELIABILITY,
  DEFAULT_TRIALS,
  EVALUATE_LIMITS,
  type EvaluateData,
  type EvaluateInputs,
  type EvaluateOptions,
} from './scenario/inputs.ts';
export type {
  EvaluateDeployment,
  EvaluateResult,
  Prepared,
  PreparedDeployment,
  ScheduleYear,
  YearSim,
} from './scenario/types.ts';
export {
  DEFAULTS,
  DISPATCH_SOURCES,
  GRID_MODES,
  TAX_CREDITS,
  type DispatchSource,
  type GridMode,
  type TaxCredit,
} from './scenario/defaults.ts';
export type { Aggregate, TrialPartial } from './coverage/plan.ts';
export { prepareEvaluation, finishEvaluation };

/** The Monte Carlo plans of an evaluation: 0 is the evaluated year, k + 1 is sweep year k. */
export function simsOf(prepared: Prepared): SimPlan[] {
  return [prepared.main.sim, ...prepared.sweep.map((ys) => ys.sim)];
}

/** Runs trials [trialStart, trialEnd) of one of the evaluation's plans (default the main one). */
export function runTrials(
  prepared: Prepared,
  trialStart: number,
  trialEnd: number,
  onProgress?: (trialsDone: number) => void,
  which = 0,
): TrialPartial {
  return runPlanTrials(simsOf(prepared)[which], trialStart, trialEnd, onProgress);
}

/** Merges chunks that tile [0, trials) (any order) into one aggregate. */
export function mergePartials(
  prepared: Prepared,
  partials: readonly TrialPartial[],
  which = 0,
): Aggregate {
  return mergePlanPartials(simsOf(prepared)[which], partials);
}

export interface EvaluateRunOptions {
  onProgress?: (trialsDone: number) => void;
}

/** prepare → runTrials(0, trials) for every plan → merge → finish, in one thread. */
export function evaluate(
  inputs: EvaluateInputs,
  data: EvaluateData,
  options: EvaluateRunOptions = {},
): EvaluateResult {
  const prepared = prepareEvaluation(inputs, data);
  const partial = runTrials(prepared, 0, prepared.trials, options.onProgress);
  const sweep = prepared.sweep.map((ys, k) =>
    ys.year === prepared.year
      ? undefined
      : mergePartials(prepared, [runTrials(prepared, 0, prepared.trials, undefined, k + 1)], k + 1),
  );
  return finishEvaluation(prepared, mergePartials(prepared, [partial]), sweep);
}
