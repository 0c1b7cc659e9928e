// One year's Monte Carlo plan: the campus demand of that year, the units online, their lines as
// components, backup sized and dispatched, and the grid (DESIGN.md "Supply", "Backup (revised)",
// "Grid (revised)"). Gas MW not given is sized by the Coverage rule (the reactors' shortfall at
// the target quantile of trial-hours), measured on a pilot of the evaluation's own first trials
// with backup off: those trials draw the same reactor and line streams as the full run.
import { SOURCE, type DispatchPlan } from '../coverage/dispatch.ts';
import { histogramSpec } from '../coverage/histogram.ts';
import { mergePlanPartials } from '../coverage/merge.ts';
import { summariseCoverage } from '../coverage/metrics.ts';
import type { SimGas, SimLines, SimPlan } from '../coverage/plan.ts';
import { runPlanTrials } from '../coverage/trials.ts';
import { demandForYear, type CampusSpec, type DemandResult } from '../demand.ts';
import { mttfHoursOf } from '../supply/design-params.ts';
import type { DeploymentSupply } from '../supply/fleet.ts';
import type { FleetOutagePlan } from '../supply/plan.ts';
import { simUnits } from '../supply/sim-units.ts';
import { DEFAULTS } from './defaults.ts';
import type { EvaluateData, ValidOptions } from './inputs.ts';
import type { PreparedDeployment, YearSim } from './types.ts';

const HOURS = 8760;
/** Trials of the gas-sizing pilot (at most the evaluation's own count). */
export const GAS_PILOT_TRIALS = 200;

export interface YearSimContext {
  spec: CampusSpec;
  data: EvaluateData;
  options: ValidOptions;
  fleet: readonly DeploymentSupply[];
  deployments: readonly PreparedDeployment[];
  outagePlan: FleetOutagePlan;
}

function simLines(deployments: readonly PreparedDeployment[]): SimLines {
  const n = deployments.length;
  const lines: SimLines = {
    hasLine: new Uint8Array(n),
    paths: new Uint8Array(n).fill(1),
    mttfHours: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    commonMttfHours: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    mttrHours: new Float64Array(n),
  };
  deployments.forEach((d, i) => {
    const o = d.line.outage;
    if (!o || !(o.pathOutagesPerYear > 0)) return;
    lines.hasLine[i] = 1;
    lines.paths[i] = o.paths;
    lines.mttrHours[i] = o.mttrHours;
    lines.mttfHours[i] = HOURS / (o.pathOutagesPerYear * (1 - o.commonModeShare));
    if (o.commonModeShare > 0) {
      lines.commonMttfHours[i] = HOURS / (o.pathOutagesPerYear * o.commonModeShare);
    }
  });
  return lines;
}

/** Gas of `gasMw` built as units of DEFAULTS.gasUnitMw (the last one smaller). */
function simGas(gasMw: number, options: ValidOptions): SimGas {
  const unit = DEFAULTS.gasUnitMw.value;
  const count = gasMw > 0 ? Math.ceil(gasMw / unit - 1e-9) : 0;
  const unitMw = Float64Array.from({ length: count }, (_, k) =>
    k < count - 1 ? unit : gasMw - unit * (count - 1),
  );
  const FOR = options.gas.forcedOutageRate;
  const mttr = DEFAULTS.gasMttrHours.value;
  return {
    count,
    unitMw,
    forcedOutageRate: FOR,
    mttfHours: mttfHoursOf(FOR, mttr),
    mttrHours: mttr,
  };
}

export function buildYearSim(
  ctx: YearSimContext,
  year: number,
): { yearSim: YearSim; demand: DemandResult } {
  const { spec, data, options, fleet, deployments, outagePlan } = ctx;
  const demand = demandForYear(spec, { year, seed: options.seed, gpuPower: data.gpuPower });
  const { units, storage } = simUnits(
    fleet,
    outagePlan,
    year,
    deployments.map((d) => d.line.lossFraction),
  );
  const demandMw = Float64Array.from(demand.hourlyMw);
  let demandMwh = 0;
  for (let t = 0; t < HOURS; t += 1) demandMwh += demandMw[t];
  let deliveredRangeMw = 0;
  for (let i = 0; i < units.count; i += 1) deliveredRangeMw += units.deliveredMw[i];

  let largestTripMw = 0;
  for (const d of deployments) {
    if (d.codYear <= year) largestTripMw = Math.max(largestTripMw, d.design.peakMwe);
  }
  const sizedBatteryMw = Math.max(demand.swing.mw, largestTripMw);
  // One hour of storage (DESIGN.md) unless both MW and MWh are given.
  const batteryMw = options.battery.mw ?? options.battery.mwh ?? sizedBatteryMw;
  const batteryMwh = options.battery.mwh ?? batteryMw;
  const connected = options.grid.mode === 'connected';
  const importLimitMw = options.grid.importLimitMw ?? demand.peakMw;
  const A = options.grid.availability;
  const gridMttr = DEFAULTS.gridMttrHours.value;
  const dispatch: DispatchPlan = {
    batteryMw,
    batteryMwh,
    batteryEfficiency: options.battery.roundTripEfficiency,
    order: Int8Array.from(options.order, (s) => SOURCE[s]),
    connected,
    importLimitMw,
    exportLimitMw: importLimitMw,
  };
  const base: SimPlan = {
    seed: options.seed,
    trials: options.trials,
    periodYears: outagePlan.periodYears,
    deploymentCount: deployments.length,
    demandMw,
    demandMwh,
    units,
    storage,
    lines: simLines(deployments),
    gas: simGas(0, options),
    grid: {
      connected,
      mttfHours: A >= 1 ? Number.POSITIVE_INFINITY : (gridMttr * A) / (1 - A),
      mttrHours: gridMttr,
    },
    dispatch,
    dispatchActive: false,
    delivered: histogramSpec(deliveredRangeMw),
    shortfall: histogramSpec(demand.peakMw),
  };
  let gasMw = options.gas.mw ?? 0;
  const gasSized = options.gas.mw === undefined;
  if (gasSized) {
    const pilotTrials = Math.min(options.trials, GAS_PILOT_TRIALS);
    const pilot = { ...base, trials: pilotTrials };
    const agg = mergePlanPartials(pilot, [runPlanTrials(pilot, 0, pilotTrials)]);
    gasMw = summariseCoverage(pilot, agg, options.targetReliability).gasMw;
  }
  const sim: SimPlan = {
    ...base,
    gas: simGas(gasMw, options),
    dispatchActive: batteryMwh > 0 || gasMw > 0 || connected,
  };
  return {
    yearSim: {
      year,
      sim,
      demand: {
        peakMw: demand.peakMw,
        meanMw: demand.meanMw,
        annualGwh: demand.annualGwh,
        loadFactor: demand.loadFactor,
        swingMw: demand.swing.mw,
      },
      gasMw,
      gasSized,
      batteryMw: batteryMwh > 0 ? batteryMw : 0,
      batteryMwh: batteryMw > 0 ? batteryMwh : 0,
      importLimitMw: connected ? importLimitMw : 0,
    },
    demand,
  };
}
