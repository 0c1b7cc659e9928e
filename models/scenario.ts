// evaluate = compose demand, supply, transmission, coverage and economics (DESIGN.md
// `POST /api/evaluate`). Split for the server's worker pool: prepareEvaluation (deterministic,
// once) → runTrials over chunks (any split gives the same bits) → mergePartials →
// finishEvaluation. evaluate runs the four in one thread.
import { mergePlanPartials } from './coverage/merge.ts';
import type { Aggregate, TrialPartial } from './coverage/plan.ts';
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
} from './scenario/types.ts';
export type { Aggregate, TrialPartial } from './coverage/plan.ts';
export { prepareEvaluation, finishEvaluation };

/** Runs trials [trialStart, trialEnd) of a prepared evaluation; reports progress every 25. */
export function runTrials(
  prepared: Prepared,
  trialStart: number,
  trialEnd: number,
  onProgress?: (trialsDone: number) => void,
): TrialPartial {
  return runPlanTrials(prepared.sim, trialStart, trialEnd, onProgress);
}

/** Merges chunks that tile [0, trials) (any order) into one aggregate. */
export function mergePartials(prepared: Prepared, partials: readonly TrialPartial[]): Aggregate {
  return mergePlanPartials(prepared.sim, partials);
}

export interface EvaluateRunOptions {
  onProgress?: (trialsDone: number) => void;
}

/** prepare → runTrials(0, trials) → merge → finish, in one thread. */
export function evaluate(
  inputs: EvaluateInputs,
  data: EvaluateData,
  options: EvaluateRunOptions = {},
): EvaluateResult {
  const prepared = prepareEvaluation(inputs, data);
  const partial = runTrials(prepared, 0, prepared.trials, options.onProgress);
  return finishEvaluation(prepared, mergePartials(prepared, [partial]));
}
