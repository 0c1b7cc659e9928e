// The optimiser's search (issue 13): the relaxation ranks fleets without Monte Carlo (a MIP
// solved by HiGHS, models/optimise/relaxation.ts), the best K are evaluated with the full
// engine (the evaluator the HTTP routes use), a fleet that misses the target is repaired (one
// more unit at its cheapest site) and re-checked, and when none of a round meets the target the
// relaxation's requirement is raised past the largest fleet that missed and solved again. The
// answer is ranked by the Monte Carlo's delivered cost, never the relaxation's.
import pLimit from 'p-limit';
import type { GeoData } from '../../geo-data/load.ts';
import { locationFactor } from '../../models/economics/location.ts';
import { checkSite, type SitingData } from '../../models/siting.ts';
import { ModelError } from '../../models/errors.ts';
import {
  fleetOptions,
  pruneDominated,
  type CandidatePoint,
} from '../../models/optimise/options.ts';
import { paretoFront } from '../../models/optimise/pareto.ts';
import {
  durationCurve,
  lossOfLoadSupplyMw,
  servedFractionSupplyMw,
} from '../../models/optimise/requirement.ts';
import {
  selectionCostUsd,
  type Relaxation,
  type Selection,
} from '../../models/optimise/relaxation.ts';
import {
  prepareEvaluation,
  type EvaluateData,
  type EvaluateInputs,
  type EvaluateResult,
} from '../../models/scenario.ts';
import { designParams } from '../../models/supply/design-params.ts';
import { greatCircleKm } from '../../models/units.ts';
import type { Evaluator } from '../evaluate/evaluator.ts';
import { resolveCampusInput } from '../routes/resolve-campus.ts';
import type {
  OptimiseRequest,
  OptimiseResult,
  RankedFleet,
  SiteExclusion,
} from '../schemas/optimise.ts';

/** What the search needs of an evaluator: the in-process pool's (server/evaluate/evaluator.ts),
 * or one that fans each candidate out as a sub-job to a shared queue's workers. Each
 * evaluation's answer depends on its inputs only, so the search's answer does not depend on
 * which worker ran which candidate. */
export type SearchEvaluator = Pick<Evaluator, 'evaluate' | 'relax' | 'workers'>;

export interface SearchContext {
  geoData: GeoData;
  data: EvaluateData;
  evaluator: SearchEvaluator;
  /** The siting screens' data: a site × design failing a hard check is never proposed. */
  siting: SitingData;
  signal?: AbortSignal;
  progress?: (p: {
    done: number;
    total: number;
    bestDeliveredCostUsdPerMwh: number | null;
  }) => void;
}

type Deployment = { designId: string; units: number; lat: number; lon: number; siteId: string };

interface Evaluated {
  deployments: Deployment[];
  evaluation: EvaluateResult;
  relaxationCostUsd: number;
  deliveredCostUsdPerMwh: number;
  servedEnergyFraction: number;
  lossOfLoadHours: number;
  meetsTarget: boolean;
  repairedFrom?: string;
}

const ROUNDS = 4;

function candidateSites(
  request: OptimiseRequest,
  geoData: GeoData,
  campus: { lat: number; lon: number },
) {
  const c = request.candidates;
  if ('siteIds' in c) {
    return c.siteIds.map((id, i) => {
      const site = geoData.sites.find((s) => s.id === id);
      if (!site)
        throw new ModelError(
          'UNKNOWN_ID',
          `candidates.siteIds[${i}]: no site "${id.slice(0, 100)}".`,
          { field: `candidates.siteIds[${i}]` },
        );
      return site;
    });
  }
  return geoData.sites
    .filter((s) => greatCircleKm(s.lat, s.lon, campus.lat, campus.lon) <= c.radiusKm)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The deterministic set-up: checks the request against the data (a bad one throws a 4xx
 * ModelError naming the field), then builds the relaxation. The route runs it before queueing. */
export function planOptimise(
  request: OptimiseRequest,
  ctx: Pick<SearchContext, 'geoData' | 'data' | 'siting'>,
) {
  const { geoData, data } = ctx;
  const campus = resolveCampusInput(geoData, request.campus as Record<string, unknown>);
  const campusPoint = {
    lat: (campus as { lat: number }).lat,
    lon: (campus as { lon: number }).lon,
  };
  const sites = candidateSites(request, geoData, campusPoint);
  if (sites.length === 0) {
    throw new ModelError(
      'UNANSWERABLE',
      'No candidate site: widen candidates.radiusKm or list candidates.siteIds.',
      { field: 'candidates' },
    );
  }
  const records = request.designs.map((id, i) => {
    const record = data.designs.find((d) => d.id === id);
    if (!record)
      throw new ModelError(
        'INVALID_INPUT',
        `Invalid designs[${i}]: "${id.slice(0, 100)}" is not a bundled design.`,
        { field: `designs[${i}]` },
      );
    return record;
  });
  // A design that cannot be online by the year adds cost and no supply: it is left out.
  const designs = records.map(designParams).filter((d) => d.earliestCodYear <= request.year);
  if (designs.length === 0) {
    throw new ModelError(
      'UNANSWERABLE',
      `None of the designs can be online by ${request.year}: each one's earliest COD is later.`,
      { field: 'designs' },
    );
  }
  // Every site × design is screened as POST /api/sites/check does (10 CFR 100 population
  // distances, RG 4.7 density, seismic, water...): one failing a hard check is not an option.
  const siteCampus = {
    lat: (campus as { lat: number }).lat,
    lon: (campus as { lon: number }).lon,
    name: (campus as { name?: string }).name,
  };
  const excludedSites: SiteExclusion[] = [];
  const allowed = sites.map((site) =>
    designs.map((d) => {
      const record = records.find((r) => r.id === d.designId);
      if (!record) return false;
      const { pass, checks } = checkSite(ctx.siting, {
        lat: site.lat,
        lon: site.lon,
        design: record,
        campus: siteCampus,
      });
      if (!pass) {
        const failed = checks.filter((k) => k.severity === 'hard' && k.pass === false);
        const entry = excludedSites.find((e) => e.siteId === site.id);
        if (entry) {
          entry.designIds.push(d.designId);
          for (const k of failed) if (!entry.checkIds.includes(k.id)) entry.checkIds.push(k.id);
        } else {
          excludedSites.push({
            siteId: site.id,
            designIds: [d.designId],
            checkIds: failed.map((k) => k.id),
            reason: failed.map((k) => k.note).join(' '),
          });
        }
      }
      return pass;
    }),
  );
  if (allowed.every((row) => row.every((ok) => !ok))) {
    const ids = [...new Set(excludedSites.flatMap((e) => e.checkIds))].join(', ');
    throw new ModelError(
      'UNANSWERABLE',
      `Every candidate site fails a hard siting check for every design (${ids}): widen ` +
        'candidates.radiusKm or list other candidates.siteIds.',
      { field: 'candidates' },
    );
  }
  const trials = request.options?.trials ?? 200;
  const seed = request.options?.seed ?? 1;
  const baseOptions = {
    year: request.year,
    trials,
    seed,
    grid: request.options?.grid ?? { mode: 'islanded' as const },
    // The reactors must meet the target themselves: no gas or battery backup (sizing backup in
    // the search is left for later), so the Monte Carlo's after-backup figures are the fleet's.
    backup: { gas: { mw: 0 }, battery: { mw: 0, mwh: 0 } },
  };
  // One probe gives the year's demand and the economics defaults the engine applies.
  const probe = prepareEvaluation(
    {
      campus,
      deployments: [
        { designId: designs[0].designId, units: 1, lat: sites[0].lat, lon: sites[0].lon },
      ],
      options: { ...baseOptions, trials: 20 },
    } as EvaluateInputs,
    data,
  );
  const demand = probe.main.demand;
  const points: CandidatePoint[] = sites.map((s) => ({
    siteId: s.id,
    lat: s.lat,
    lon: s.lon,
    locationMultiplier: (designId) => {
      const record = records.find((r) => r.id === designId);
      const scale = record?.scale === 'large-lwr' ? 'large' : 'smr';
      return locationFactor(s.lat, s.lon, scale, data.location).multiplier;
    },
  }));
  const maxUnits = request.limits?.maxUnitsPerSite ?? 8;
  const maxSites = request.limits?.maxSites ?? 3;
  // Options dominated at ≥ maxSites other sites cannot be in the best fleet (pruneDominated).
  const options = pruneDominated(
    fleetOptions(points, designs, campusPoint, maxUnits, probe.options.economics).filter(
      (o) => allowed[o.site][designs.findIndex((d) => d.designId === o.designId)],
    ),
    maxSites,
  );
  const target = request.target;
  const meets = (r: EvaluateResult): boolean => {
    const m = r.afterBackup;
    if ('servedEnergyFraction' in target)
      return m.servedEnergyFraction >= target.servedEnergyFraction;
    if ('lossOfLoadHours' in target) return m.lossOfLoadHours <= target.lossOfLoadHours;
    return r.nMinus1.pass || !target.nMinus1;
  };
  const firm =
    'firmMw' in target ? (target.firmMw === 'peak' ? demand.peakMw : target.firmMw) : undefined;
  // The constant supply that would meet the target on this year's load-duration curve
  // (models/optimise/requirement.ts): for a served-energy target no fleet below it can meet it.
  const curve = durationCurve(probe.main.sim.demandMw);
  /** The constant supply level matching a fleet's Monte Carlo answer (or the target's). */
  const levelMw = (m: { servedEnergyFraction: number; lossOfLoadHours: number }): number =>
    'lossOfLoadHours' in target
      ? lossOfLoadSupplyMw(curve, m.lossOfLoadHours)
      : servedFractionSupplyMw(curve, m.servedEnergyFraction);
  const targetLevelMw =
    'servedEnergyFraction' in target
      ? levelMw({ servedEnergyFraction: target.servedEnergyFraction, lossOfLoadHours: 0 })
      : 'lossOfLoadHours' in target
        ? levelMw({ servedEnergyFraction: 1, lossOfLoadHours: target.lossOfLoadHours })
        : (firm ?? demand.peakMw);
  const relaxation: Relaxation = {
    options,
    siteCount: sites.length,
    maxSites,
    requiredMw: targetLevelMw,
    firmNMinus1Mw: firm !== undefined && 'nMinus1' in target && target.nMinus1 ? firm : undefined,
    budgetUsd: request.limits?.budgetUsd,
  };
  return {
    campus,
    sites,
    options,
    relaxation,
    baseOptions,
    meets,
    excludedSites,
    levelMw,
    targetLevelMw,
    firmTarget: 'firmMw' in target,
  };
}

export async function runOptimise(
  request: OptimiseRequest,
  ctx: SearchContext,
): Promise<OptimiseResult> {
  const plan = planOptimise(request, ctx);
  const { campus, sites, options, relaxation, baseOptions, meets, excludedSites } = plan;
  const k = request.options?.candidates ?? 20;
  const evaluated = new Map<string, Evaluated>();
  const keyOf = (deps: Deployment[]) =>
    deps
      .map((d) => `${d.siteId}:${d.designId}:${d.units}`)
      .sort()
      .join('|');
  const toDeployments = (sel: Selection): Deployment[] =>
    sel.map((i) => {
      const o = options[i];
      const s = sites[o.site];
      return { designId: o.designId, units: o.units, lat: s.lat, lon: s.lon, siteId: s.id };
    });
  let done = 0;
  let total = 0;
  const best = () => {
    const ok = [...evaluated.values()].filter((e) => e.meetsTarget);
    return ok.length ? Math.min(...ok.map((e) => e.deliveredCostUsdPerMwh)) : null;
  };
  const evaluate = async (
    deployments: Deployment[],
    relaxationCostUsd: number,
    repairedFrom?: string,
  ) => {
    const key = keyOf(deployments);
    const seen = evaluated.get(key);
    if (seen) return seen;
    if (ctx.signal?.aborted) throw new Error('cancelled');
    const { json } = await ctx.evaluator.evaluate(
      { campus, deployments, options: baseOptions } as EvaluateInputs,
      undefined,
      undefined,
      { signal: ctx.signal, background: true },
    );
    const evaluation = JSON.parse(json) as EvaluateResult;
    const e: Evaluated = {
      deployments,
      evaluation,
      relaxationCostUsd,
      deliveredCostUsdPerMwh: evaluation.economics.deliveredCostUsdPerMwh ?? Infinity,
      servedEnergyFraction: evaluation.afterBackup.servedEnergyFraction,
      lossOfLoadHours: evaluation.afterBackup.lossOfLoadHours,
      meetsTarget: meets(evaluation),
      repairedFrom,
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
  // Candidates are evaluated cheapest first, as many at a time as there are workers: progress
  // and the best so far then move steadily, and a cancel leaves little running.
  const limit = pLimit(Math.max(1, ctx.evaluator.workers));
  for (let round = 0; round < ROUNDS; round += 1) {
    const selections = await ctx.evaluator.relax(relaxation, k, ctx.signal);
    if (selections.length === 0) break;
    total += selections.length;
    const results = await Promise.all(
      selections.map((sel) =>
        limit(() => evaluate(toDeployments(sel), selectionCostUsd(relaxation, sel))),
      ),
    );
    // Repair each miss once: one more unit at its cheapest site.
    const repairs = selections
      .map((sel, n) => (results[n].meetsTarget ? null : repair(sel)))
      .filter((sel): sel is Selection => sel !== null);
    total += repairs.length;
    await Promise.all(
      repairs.map((sel) =>
        evaluate(toDeployments(sel), selectionCostUsd(relaxation, sel), 'repair'),
      ),
    );
    if (best() !== null) break;
    // None met it: ask the relaxation for more than the largest expected supply that missed,
    // and at least what the Monte Carlo says these fleets' outages cost: each missed fleet's
    // expected MW over the constant level its answer matches is its derating (≥ 1 by Jensen),
    // and the target's level times the least derating seen is the next requirement.
    const expectedOf = (sel: Selection) => sel.reduce((sum, i) => sum + options[i].expectedMw, 0);
    const missedMw = Math.max(...selections.map(expectedOf));
    let calibratedMw = 0;
    if (!plan.firmTarget) {
      const deratings = selections
        .map((sel, n) => expectedOf(sel) / plan.levelMw(results[n]))
        .filter((r) => Number.isFinite(r) && r > 0);
      if (deratings.length > 0) calibratedMw = plan.targetLevelMw * Math.min(...deratings);
    }
    relaxation.requiredMw = Math.max(missedMw * 1.0001 + 1e-6, calibratedMw);
  }
  const all = [...evaluated.values()];
  const objective = request.objective ?? 'deliveredCost';
  const annual = (e: Evaluated) =>
    Object.values(e.evaluation.economics.annualUsd).reduce((a, b) => a + b, 0);
  const score = (e: Evaluated) =>
    objective === 'annualisedCost' ? annual(e) : e.deliveredCostUsdPerMwh;
  const ranked = [...all].sort(
    (a, b) =>
      Number(b.meetsTarget) - Number(a.meetsTarget) ||
      score(a) - score(b) ||
      keyOf(a.deployments).localeCompare(keyOf(b.deployments)),
  );
  const winner = ranked.find((e) => e.meetsTarget) ?? null;
  const reasonOf = (e: Evaluated, n: number): string => {
    if (!e.meetsTarget)
      return `misses the target: served ${(e.servedEnergyFraction * 100).toFixed(3)}%, loss of load ${e.lossOfLoadHours.toFixed(1)} h a year in the Monte Carlo`;
    if (n === 0)
      return `cheapest fleet meeting the target in the Monte Carlo (${e.deliveredCostUsdPerMwh.toFixed(2)} $/MWh delivered)`;
    const gap = winner ? e.deliveredCostUsdPerMwh - winner.deliveredCostUsdPerMwh : 0;
    return `meets the target at ${gap.toFixed(2)} $/MWh more than the best`;
  };
  const rankedOut: RankedFleet[] = ranked.slice(0, 5).map((e, n) => ({
    deployments: e.deployments,
    deliveredCostUsdPerMwh: e.deliveredCostUsdPerMwh,
    servedEnergyFraction: e.servedEnergyFraction,
    meetsTarget: e.meetsTarget,
    reason: reasonOf(e, n),
  }));
  return {
    best: winner ? { deployments: winner.deployments, evaluation: winner.evaluation } : null,
    pareto: paretoFront(
      all.map((e) => ({
        deployments: e.deployments,
        costUsdPerMwh: e.deliveredCostUsdPerMwh,
        servedEnergyFraction: e.servedEnergyFraction,
      })),
    ).map((p) => ({
      deployments: p.deployments,
      deliveredCostUsdPerMwh: p.costUsdPerMwh,
      servedEnergyFraction: p.servedEnergyFraction,
    })),
    ranked: rankedOut,
    evaluatedCount: all.length,
    candidateSiteCount: sites.length,
    excludedSites,
  };
}
