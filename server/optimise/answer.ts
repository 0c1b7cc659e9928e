// The optimiser's answer (issue 13, "The answer"): every fleet the search evaluated, ranked by
// the objective at its Monte Carlo answer (never the relaxation's), the best with its full
// evaluation, the Pareto fronts (cost against reliability in the best fleet's year, and cost
// against the year of first full coverage) and, for each of the top five, why it ranks there.
import { paretoFront } from '../../models/optimise/pareto.ts';
import type { EvaluateResult } from '../../models/scenario.ts';
import type {
  OptimiseRequest,
  OptimiseResult,
  RankedFleet,
  SiteExclusion,
} from '../schemas/optimise.ts';

export type Deployment = {
  designId: string;
  units: number;
  lat: number;
  lon: number;
  siteId: string;
};

export interface Evaluated {
  year: number;
  deployments: Deployment[];
  evaluation: EvaluateResult;
  deliveredCostUsdPerMwh: number;
  servedEnergyFraction: number;
  lossOfLoadHours: number;
  meetsTarget: boolean;
}

/** A fleet's identity in a year, independent of the order its deployments came in. */
export const fleetKey = (year: number, deps: readonly Deployment[]): string =>
  `${year}/${deps
    .map((d) => `${d.siteId}:${d.designId}:${d.units}`)
    .sort()
    .join('|')}`;

const annualUsd = (e: Evaluated) =>
  Object.values(e.evaluation.economics.annualUsd).reduce((a, b) => a + b, 0);

export function buildAnswer(
  request: OptimiseRequest,
  evaluatedList: readonly Evaluated[],
  years: readonly number[],
  meta: { candidateSiteCount: number; excludedSites: SiteExclusion[] },
): OptimiseResult {
  // Sorted by identity first, so ties come out the same however the evaluations finished.
  const all = [...evaluatedList].sort((a, b) =>
    fleetKey(a.year, a.deployments).localeCompare(fleetKey(b.year, b.deployments)),
  );
  const objective = request.objective ?? 'deliveredCost';
  const score = (e: Evaluated) =>
    objective === 'annualisedCost' ? annualUsd(e) : e.deliveredCostUsdPerMwh;
  const ranked = [...all].sort(
    (a, b) =>
      Number(b.meetsTarget) - Number(a.meetsTarget) ||
      (objective === 'earliestYear' ? a.year - b.year : 0) ||
      score(a) - score(b) ||
      a.year - b.year,
  );
  const winner = ranked.find((e) => e.meetsTarget) ?? null;
  const reasonOf = (e: Evaluated, n: number): string => {
    const cost = `${e.deliveredCostUsdPerMwh.toFixed(2)} $/MWh delivered`;
    if (!e.meetsTarget)
      return `misses the target in ${e.year}: served ${(e.servedEnergyFraction * 100).toFixed(3)}%, loss of load ${e.lossOfLoadHours.toFixed(1)} h a year in the Monte Carlo`;
    if (n === 0)
      return objective === 'earliestYear'
        ? `earliest year a fleet meets the target (${e.year}), and the cheapest then (${cost})`
        : `cheapest fleet meeting the target in the Monte Carlo (${cost}${years.length > 1 ? `, in ${e.year}` : ''})`;
    const gap = winner ? e.deliveredCostUsdPerMwh - winner.deliveredCostUsdPerMwh : 0;
    if (winner && objective === 'earliestYear' && e.year > winner.year)
      return `meets the target only from ${e.year}, ${e.year - winner.year} year(s) later than the best (${cost})`;
    if (objective === 'annualisedCost' && winner)
      return `meets the target at ${((annualUsd(e) - annualUsd(winner)) / 1e6).toFixed(1)} M$ a year more than the best`;
    return `meets the target at ${gap.toFixed(2)} $/MWh more than the best${years.length > 1 ? ` (in ${e.year})` : ''}`;
  };
  const rankedOut: RankedFleet[] = ranked.slice(0, 5).map((e, n) => ({
    year: e.year,
    deployments: e.deployments,
    deliveredCostUsdPerMwh: e.deliveredCostUsdPerMwh,
    servedEnergyFraction: e.servedEnergyFraction,
    meetsTarget: e.meetsTarget,
    backupGasMw: e.evaluation.backup.gasMw,
    reason: reasonOf(e, n),
  }));
  // Cost against reliability among the fleets of the best one's year (or the last searched).
  const frontYear = winner?.year ?? years[years.length - 1];
  const pareto = paretoFront(
    all
      .filter((e) => e.year === frontYear)
      .map((e) => ({
        e,
        costUsdPerMwh: e.deliveredCostUsdPerMwh,
        servedEnergyFraction: e.servedEnergyFraction,
      })),
  ).map(({ e }) => ({
    year: e.year,
    deployments: e.deployments,
    deliveredCostUsdPerMwh: e.deliveredCostUsdPerMwh,
    servedEnergyFraction: e.servedEnergyFraction,
  }));
  // Cost against the year of first full coverage: each year's cheapest fleet meeting the
  // target, kept when no earlier year's is at most as dear.
  const cheapestByYear = years.map((year) => {
    const ok = all.filter((e) => e.year === year && e.meetsTarget);
    return ok.length
      ? ok.reduce((a, b) => (b.deliveredCostUsdPerMwh < a.deliveredCostUsdPerMwh ? b : a))
      : null;
  });
  const paretoByYear: OptimiseResult['paretoByYear'] = [];
  let cheapestSoFar = Infinity;
  for (const e of cheapestByYear) {
    if (!e || e.deliveredCostUsdPerMwh >= cheapestSoFar) continue;
    cheapestSoFar = e.deliveredCostUsdPerMwh;
    paretoByYear.push({
      year: e.year,
      deployments: e.deployments,
      deliveredCostUsdPerMwh: e.deliveredCostUsdPerMwh,
    });
  }
  return {
    best: winner
      ? { year: winner.year, deployments: winner.deployments, evaluation: winner.evaluation }
      : null,
    pareto,
    ranked: rankedOut,
    paretoByYear,
    years: years.map((year, i) => ({
      year,
      bestDeliveredCostUsdPerMwh: cheapestByYear[i]?.deliveredCostUsdPerMwh ?? null,
      evaluatedCount: all.filter((e) => e.year === year).length,
    })),
    evaluatedCount: all.length,
    candidateSiteCount: meta.candidateSiteCount,
    excludedSites: meta.excludedSites,
  };
}
