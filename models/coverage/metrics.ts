// Coverage metrics from the merged trials (DESIGN.md "Coverage"). Sums run over trials in trial
// order, so they are the same bits however the trials were split.
import { countSum, histogramQuantile } from './histogram.ts';
import type { Aggregate, SimPlan } from './plan.ts';

const HOURS = 8760;

export interface CoverageMetrics {
  /** Mean over trials of served MWh / demand MWh. */
  servedEnergyFraction: number;
  /** 5th percentile of the per-trial served fraction (linear between order statistics). */
  servedEnergyFractionP05: number;
  /** Mean unserved MWh a year. */
  unservedMwh: number;
  /** Mean hours a year with delivered below demand. */
  lossOfLoadHours: number;
  /** Mean over trials of the share of hours fully served. */
  hoursFullyServedFraction: number;
  /** Share of trial-hours with delivered ≥ demand, pooled over trials. */
  reliability: number;
  /** (1 − target) quantile of hourly delivered MW without the storage boost. */
  firmCapacityMw: number;
  /** Mean MWh a year delivered beyond demand (before battery charging and export). */
  surplusMwh: number;
  /** 95th percentile of shortfall MW over the trial-hours that have one; 0 if none do. */
  p95ShortfallMw: number;
}

/** Demand met after backup and grid, in every trial (DESIGN.md "Sources (revised)"). */
export interface AfterBackupMetrics {
  servedEnergyFraction: number;
  servedEnergyFractionP05: number;
  /** Mean MWh a year still unserved after battery, gas and grid. */
  unservedMwh: number;
  lossOfLoadHours: number;
  /** Share of trial-hours fully served after backup, pooled over trials. */
  reliability: number;
  /** Mean MWh a year served by each source. */
  energyBySourceMwh: { reactors: number; battery: number; gas: number; grid: number };
}

export interface GridFlows {
  importMwh: number;
  exportMwh: number;
  /** Largest hourly import in any trial, MW. */
  peakImportMw: number;
}

export interface CoverageSummary {
  afterBackup: AfterBackupMetrics;
  grid: GridFlows;
  /** Mean MWh a year charged into the battery (reactor surplus at the campus). */
  batteryChargeMwh: number;
  /** Per deployment: mean MWh a year available while its line was up (plant side). */
  deliverableMwhByDeployment: number[];
  coverage: CoverageMetrics;
  /** Shortfall MW at the target quantile of all trial-hours: the rule that sizes backup gas. */
  gasMw: number;
  meanServedMwh: number;
  /** The trial with the median served fraction (lower median; ties by trial index). */
  medianTrial: number;
  /** Mean available MWh a year per deployment, before line losses. */
  availableMwhByDeployment: number[];
}

export function servedFractions(plan: SimPlan, agg: Aggregate): Float64Array {
  const out = new Float64Array(agg.trials);
  for (let t = 0; t < agg.trials; t += 1) {
    out[t] = plan.demandMwh > 0 ? agg.servedMwh[t] / plan.demandMwh : 1;
  }
  return out;
}

/** Type-7 quantile (linear between order statistics) of an ascending array. */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const meanOf = (values: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i];
  return values.length > 0 ? sum / values.length : 0;
};

export function summariseCoverage(
  plan: SimPlan,
  agg: Aggregate,
  targetReliability: number,
): CoverageSummary {
  const n = agg.trials;
  const trialHours = n * HOURS;
  const fractions = servedFractions(plan, agg);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => fractions[a] - fractions[b] || a - b,
  );
  const sorted = Float64Array.from(order, (i) => fractions[i]);
  let lossOfLoad = 0;
  let fullyServed = 0;
  for (let t = 0; t < n; t += 1) {
    lossOfLoad += agg.lossOfLoadHours[t];
    fullyServed += (HOURS - agg.lossOfLoadHours[t]) / HOURS;
  }
  const shortfallHours = countSum(agg.shortfallCounts);
  const gasMw = histogramQuantile(
    agg.shortfallCounts,
    plan.shortfall,
    trialHours,
    targetReliability,
    'upper',
  );
  const D = plan.deploymentCount;
  const byDeployment = (values: Float64Array) =>
    Array.from({ length: D }, (_, d) => {
      let sum = 0;
      for (let t = 0; t < n; t += 1) sum += values[t * D + d];
      return n > 0 ? sum / n : 0;
    });
  const availableMwhByDeployment = byDeployment(agg.availableMwh);
  const after = Float64Array.from(agg.unservedAfterMwh, (u) =>
    plan.demandMwh > 0 ? (plan.demandMwh - u) / plan.demandMwh : 1,
  );
  const afterSorted = Float64Array.from(after).sort();
  const lolAfter = meanOf(agg.lossOfLoadAfterHours);
  let peakImportMw = 0;
  for (let t = 0; t < n; t += 1) peakImportMw = Math.max(peakImportMw, agg.peakImportMw[t]);
  return {
    afterBackup: {
      servedEnergyFraction: meanOf(after),
      servedEnergyFractionP05: sortedQuantile(afterSorted, 0.05),
      unservedMwh: meanOf(agg.unservedAfterMwh),
      lossOfLoadHours: lolAfter,
      reliability: n > 0 ? 1 - lolAfter / HOURS : 1,
      energyBySourceMwh: {
        reactors: meanOf(agg.servedMwh),
        battery: meanOf(agg.batteryMwh),
        gas: meanOf(agg.gasMwh),
        grid: meanOf(agg.importMwh),
      },
    },
    grid: { importMwh: meanOf(agg.importMwh), exportMwh: meanOf(agg.exportMwh), peakImportMw },
    batteryChargeMwh: meanOf(agg.batteryChargeMwh),
    deliverableMwhByDeployment: byDeployment(agg.deliverableMwh),
    coverage: {
      servedEnergyFraction: meanOf(fractions),
      servedEnergyFractionP05: sortedQuantile(sorted, 0.05),
      unservedMwh: meanOf(agg.unservedMwh),
      lossOfLoadHours: n > 0 ? lossOfLoad / n : 0,
      hoursFullyServedFraction: n > 0 ? fullyServed / n : 1,
      reliability: trialHours > 0 ? (trialHours - lossOfLoad) / trialHours : 1,
      firmCapacityMw: histogramQuantile(
        agg.deliveredCounts,
        plan.delivered,
        trialHours,
        1 - targetReliability,
        'lower',
      ),
      surplusMwh: meanOf(agg.surplusMwh),
      p95ShortfallMw: histogramQuantile(
        agg.shortfallCounts,
        plan.shortfall,
        shortfallHours,
        0.95,
        'upper',
      ),
    },
    gasMw,
    meanServedMwh: meanOf(agg.servedMwh),
    medianTrial: order[Math.floor((n - 1) / 2)] ?? 0,
    availableMwhByDeployment,
  };
}
