// Merging trial chunks: per-trial values are placed by trial index and histogram counts are added
// (integers, exact), so the aggregate is the same bits for any split of [0, n) into chunks. Sums
// over trials are taken later, in trial order, from the aggregate.
import { ModelError } from '../errors.ts';
import { addCounts } from './histogram.ts';
import { emptyPartial } from './trials.ts';
import { PER_TRIAL, type Aggregate, type SimPlan, type TrialPartial } from './plan.ts';

export function mergePlanPartials(plan: SimPlan, partials: readonly TrialPartial[]): Aggregate {
  const sorted = [...partials].sort((a, b) => a.trialStart - b.trialStart);
  let next = 0;
  for (const p of sorted) {
    if (p.trialStart !== next || p.trialEnd < p.trialStart) {
      throw new ModelError(
        'UNANSWERABLE',
        `Trial chunks must tile 0..${plan.trials} without gaps or overlaps: expected a chunk ` +
          `starting at ${next}, got [${p.trialStart}, ${p.trialEnd}).`,
        { expectedStart: next, trialStart: p.trialStart, trialEnd: p.trialEnd },
      );
    }
    next = p.trialEnd;
  }
  if (next !== plan.trials) {
    throw new ModelError('UNANSWERABLE', `Trial chunks cover 0..${next}, not 0..${plan.trials}.`, {
      covered: next,
      trials: plan.trials,
    });
  }
  const all = emptyPartial(plan, 0, plan.trials);
  const D = plan.deploymentCount;
  for (const p of sorted) {
    for (const key of PER_TRIAL) all[key].set(p[key], p.trialStart);
    all.availableMwh.set(p.availableMwh, p.trialStart * D);
    all.deliverableMwh.set(p.deliverableMwh, p.trialStart * D);
    addCounts(all.deliveredCounts, p.deliveredCounts);
    addCounts(all.shortfallCounts, p.shortfallCounts);
  }
  const { trialStart: _s, trialEnd: _e, ...rest } = all;
  return { trials: plan.trials, ...rest };
}
