// The optimiser's search (issue 13): for each study year, the relaxation ranks fleets without
// Monte Carlo (a MIP solved by HiGHS, models/optimise/relaxation.ts), the best K are evaluated
// with the full engine (the evaluator the HTTP routes use, or a shared queue's sub-jobs), a fleet
// that misses the target is repaired (one more unit at its cheapest site) and re-checked, and
// when none of a round meets the target the relaxation's requirement is raised and solved again.
// The answer (answer.ts) is ranked by the Monte Carlo's figures, never the relaxation's.
import pLimit from 'p-limit';
import { selectionCostUsd, type Selection } from '../../models/optimise/relaxation.ts';
import type { EvaluateInputs, EvaluateResult } from '../../models/scenario.ts';
import type { Evaluator } from '../evaluate/evaluator.ts';
import type { OptimiseRequest, OptimiseResult } from '../schemas/optimise.ts';
import { buildAnswer, fleetKey, type Deployment, type Evaluated } from './answer.ts';
import { planOptimise, type PlanContext, type YearPlan } from './plan.ts';

export { planOptimise } from './plan.ts';

/** What the search needs of an evaluator: the in-process pool's (server/evaluate/evaluator.ts),
 * or one that fans each candidate out as a sub-job to a shared queue's workers. Each
 * evaluation's answer depends on its inputs only, so the search's answer does not depend on
 * which worker ran which candidate. */
export type SearchEvaluator = Pick<Evaluator, 'evaluate' | 'relax' | 'workers'>;

export interface SearchContext extends PlanContext {
  evaluator: SearchEvaluator;
  signal?: AbortSignal;
  progress?: (p: {
    done: number;
    total: number;
    bestDeliveredCostUsdPerMwh: number | null;
  }) => void;
}

const ROUNDS = 4;
/** With gas backup: the reactors' expected supply tried, as shares of the target's level. */
const GAS_REACTOR_SHARES = [1, 0.85, 0.7, 0.5];

export async function runOptimise(
  request: OptimiseRequest,
  ctx: SearchContext,
): Promise<OptimiseResult> {
  const plan = planOptimise(request, ctx);
  const k = request.options?.candidates ?? 20;
  const evaluated = new Map<string, Evaluated>();
  let done = 0;
  let total = 0;
  const best = () => {
    const ok = [...evaluated.values()].filter((e) => e.meetsTarget);
    return ok.length ? Math.min(...ok.map((e) => e.deliveredCostUsdPerMwh)) : null;
  };
  // Candidates are evaluated cheapest first, as many at a time as there are workers: progress
  // and the best so far then move steadily, and a cancel leaves little running.
  const limit = pLimit(Math.max(1, ctx.evaluator.workers));

  const searchYear = async (yp: YearPlan) => {
    const { options, relaxation } = yp;
    // In candidate-site order: the engine's random streams are keyed by deployment index, so
    // one fleet is always evaluated in one order (a repair's added site lands in its place).
    const toDeployments = (sel: Selection): Deployment[] =>
      [...sel]
        .sort((a, b) => options[a].site - options[b].site)
        .map((i) => {
          const o = options[i];
          const s = plan.sites[o.site];
          return { designId: o.designId, units: o.units, lat: s.lat, lon: s.lon, siteId: s.id };
        });
    const evaluate = async (deployments: Deployment[]): Promise<Evaluated> => {
      const key = fleetKey(yp.year, deployments);
      const seen = evaluated.get(key);
      if (seen) return seen;
      if (ctx.signal?.aborted) throw new Error('cancelled');
      const { json } = await ctx.evaluator.evaluate(
        { campus: plan.campus, deployments, options: yp.baseOptions } as EvaluateInputs,
        undefined,
        undefined,
        { signal: ctx.signal, background: true },
      );
      const evaluation = JSON.parse(json) as EvaluateResult;
      const e: Evaluated = {
        year: yp.year,
        deployments,
        evaluation,
        deliveredCostUsdPerMwh: evaluation.economics.deliveredCostUsdPerMwh ?? Infinity,
        servedEnergyFraction: evaluation.afterBackup.servedEnergyFraction,
        lossOfLoadHours: evaluation.afterBackup.lossOfLoadHours,
        meetsTarget: yp.meets(evaluation),
      };
      evaluated.set(key, e);
      done += 1;
      ctx.progress?.({ done, total, bestDeliveredCostUsdPerMwh: best() });
      return e;
    };
    /** One more unit at the site where it costs least in the relaxation (a new site if none can). */
    const repair = (sel: Selection): Selection | null => {
      let bestSel: Selection | null = null;
      let bestCost = Infinity;
      const used = new Set(sel.map((i) => options[i].site));
      for (const i of sel) {
        const o = options[i];
        const j = options.findIndex(
          (p) => p.site === o.site && p.designId === o.designId && p.units === o.units + 1,
        );
        if (j < 0) continue;
        const next = sel.map((x) => (x === i ? j : x));
        const cost = selectionCostUsd(relaxation, next);
        if (cost < bestCost) [bestSel, bestCost] = [next, cost];
      }
      if (bestSel === null && used.size < relaxation.maxSites) {
        options.forEach((o, j) => {
          if (o.units !== 1 || used.has(o.site)) return;
          const cost = selectionCostUsd(relaxation, [...sel, j]);
          if (cost < bestCost) [bestSel, bestCost] = [[...sel, j], cost];
        });
      }
      return bestSel;
    };
    const expectedOf = (sel: Selection) => sel.reduce((sum, i) => sum + options[i].expectedMw, 0);
    if (yp.gasBackup) {
      // Reactors against gas: the K cheapest fleets at each share of the target's supply
      // level, each with gas sized for its shortfall, so a smaller fleet with more gas can win.
      let met = false;
      for (const share of GAS_REACTOR_SHARES) {
        relaxation.requiredMw = share * yp.targetLevelMw;
        const selections = await ctx.evaluator.relax(relaxation, k, ctx.signal);
        total += selections.length;
        const results = await Promise.all(
          selections.map((sel) => limit(() => evaluate(toDeployments(sel)))),
        );
        met ||= results.some((e) => e.meetsTarget);
      }
      if (met) return;
      // None met it even with gas: search the reactors up as without backup.
      relaxation.requiredMw = yp.targetLevelMw;
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const selections = await ctx.evaluator.relax(relaxation, k, ctx.signal);
      if (selections.length === 0) return;
      total += selections.length;
      const results = await Promise.all(
        selections.map((sel) => limit(() => evaluate(toDeployments(sel)))),
      );
      // Repair each miss once: one more unit at its cheapest site.
      const repairs = selections
        .map((sel, n) => (results[n].meetsTarget ? null : repair(sel)))
        .filter((sel): sel is Selection => sel !== null);
      total += repairs.length;
      const repaired = await Promise.all(
        repairs.map((sel) => limit(() => evaluate(toDeployments(sel)))),
      );
      if ([...results, ...repaired].some((e) => e.meetsTarget)) return;
      // None met it: ask the relaxation for more than the largest expected supply that missed,
      // and at least what the Monte Carlo says these fleets' outages cost: each missed fleet's
      // expected MW over the constant level its answer matches is its derating (≥ 1 by
      // Jensen), and the target's level times the least derating seen is the next requirement.
      const missedMw = Math.max(...selections.map(expectedOf));
      let calibratedMw = 0;
      if (!yp.firmTarget) {
        const deratings = selections
          .map((sel, n) => expectedOf(sel) / yp.levelMw(results[n]))
          .filter((r) => Number.isFinite(r) && r > 0);
        if (deratings.length > 0) calibratedMw = yp.targetLevelMw * Math.min(...deratings);
      }
      relaxation.requiredMw = Math.max(missedMw * 1.0001 + 1e-6, calibratedMw);
    }
  };

  // Study years one after another, earliest first (each its own demand and designs online).
  for (const year of plan.years) {
    const yp = plan.planYear(year);
    if (yp) await searchYear(yp);
  }
  return buildAnswer(request, [...evaluated.values()], plan.years, {
    candidateSiteCount: plan.sites.length,
    excludedSites: plan.excludedSites,
  });
}
