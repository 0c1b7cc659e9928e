// finishEvaluation: from the merged trials to the DESIGN.md answer. Re-runs the median trial
// (streams are per trial, so it reproduces exactly) for hourly.deliveredMw, then coverage before
// and after backup, grid flows, N-1, the 2024–2045 timeline (with each swept year's own Monte
// Carlo), economics, tornado, schedule, assumptions and warnings. Deterministic.
import { firmTimeline, nMinus1, type FirmDeployment } from '../coverage/timeline.ts';
import { summariseCoverage, type CoverageSummary } from '../coverage/metrics.ts';
import { traceTrial } from '../coverage/trials.ts';
import type { Aggregate } from '../coverage/plan.ts';
import { BACKUP_ASSUMPTIONS } from '../economics.ts';
import { DEFAULTS, note } from './defaults.ts';
import { fleetEconomics, lifetimeAvailability } from './costs.ts';
import type { EvaluateResult, Prepared, PreparedDeployment, YearSim } from './types.ts';
import { GAS_PILOT_TRIALS } from './year-sim.ts';

const HOURS = 8760;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

interface YearOutcome {
  summary: CoverageSummary;
  economics: ReturnType<typeof fleetEconomics>;
  curtailedMwh: number;
  dispatchedMwh: number;
}

/** Coverage and costs of one simulated year. */
function yearOutcome(prepared: Prepared, ys: YearSim, agg: Aggregate): YearOutcome {
  const summary = summariseCoverage(ys.sim, agg, prepared.targetReliability);
  const deployments: PreparedDeployment[] = prepared.deployments.map((d) => ({
    ...d,
    online: d.codYear <= ys.year,
  }));
  let campusSideMwh = 0;
  let deliverableMwh = 0;
  deployments.forEach((d, i) => {
    if (!d.online) return;
    deliverableMwh += summary.deliverableMwhByDeployment[i];
    campusSideMwh += summary.deliverableMwhByDeployment[i] * (1 - d.line.lossFraction);
  });
  const curtailedMwh = Math.max(
    0,
    summary.coverage.surplusMwh - summary.batteryChargeMwh - summary.grid.exportMwh,
  );
  const curtailedShare = campusSideMwh > 0 ? Math.min(1, curtailedMwh / campusSideMwh) : 0;
  const servedMwh = ys.sim.demandMwh - summary.afterBackup.unservedMwh;
  const economics = fleetEconomics({
    deployments,
    campus: prepared.campus,
    options: prepared.options,
    deliverableMwh: summary.deliverableMwhByDeployment,
    curtailedShare,
    reactorServedMwh: summary.meanServedMwh,
    servedMwh,
    demandMwh: ys.sim.demandMwh,
    gasMwh: summary.afterBackup.energyBySourceMwh.gas,
    importMwh: summary.grid.importMwh,
    exportMwh: summary.grid.exportMwh,
    backup: { gasMw: ys.gasMw, batteryMw: ys.batteryMw, batteryMwh: ys.batteryMwh },
  });
  return { summary, economics, curtailedMwh, dispatchedMwh: deliverableMwh * (1 - curtailedShare) };
}

function firmOf(deployments: readonly PreparedDeployment[]): FirmDeployment[] {
  return deployments.map((d) => ({
    codYear: d.codYear,
    units: d.units,
    unitDeliveredMw: d.design.netMwe * (1 - d.line.lossFraction),
    hasLine: d.line.kind !== 'co-located' && d.circuits === 1,
  }));
}

function lineWarnings(prepared: Prepared): string[] {
  const out: string[] = [];
  prepared.deployments.forEach((d, i) => {
    const o = d.line.outage;
    if (!o || d.circuits === 2 || !d.online) return;
    const hoursOut = (1 - o.availability) * HOURS;
    if (hoursOut >= 1) {
      out.push(
        `deployments[${i}] (${d.design.name}) hangs on one ${d.line.routeKm.toFixed(0)} km line: ` +
          `about ${o.pathOutagesPerYear.toFixed(1)} sustained outage(s) and ${hoursOut.toFixed(0)} ` +
          'h out a year, when it delivers nothing; a double circuit (circuits: 2) keeps it ' +
          'delivering through a single-circuit outage.',
      );
    }
  });
  return out;
}

export function finishEvaluation(
  prepared: Prepared,
  aggregate: Aggregate,
  sweepAggregates: readonly (Aggregate | undefined)[] = [],
): EvaluateResult {
  const { deployments, year, main } = prepared;
  const sim = main.sim;
  const outcome = yearOutcome(prepared, main, aggregate);
  const { summary, economics } = outcome;
  const { deliveredMw } = traceTrial(sim, summary.medianTrial);
  const assumptions = [...prepared.assumptions];
  const warnings = [...prepared.warnings, ...lineWarnings(prepared)];

  let nameplateMw = 0;
  let availableMwh = 0;
  let lineOutageMwh = 0;
  deployments.forEach((d, i) => {
    if (!d.online) return;
    const netMw = d.units * d.design.netMwe;
    nameplateMw += netMw;
    availableMwh += summary.availableMwhByDeployment[i];
    lineOutageMwh += summary.availableMwhByDeployment[i] - summary.deliverableMwhByDeployment[i];
    assumptions.push(
      `deployments[${i}] (${d.design.name}): simulated availability ` +
        `${pct(summary.availableMwhByDeployment[i] / (netMw * HOURS))}, the expectation over the ` +
        `${prepared.planPeriodYears}-year plan (lifetime (1 − FOR)(1 − planned share) = ` +
        `${pct(lifetimeAvailability(d))}); published capacity factor ` +
        `${pct(d.design.capacityFactor)}, shown for reference only.`,
    );
  });
  const meanAvailableMw = availableMwh / HOURS;
  const firm = firmOf(deployments);
  const n1 = nMinus1(firm, year, main.demand.peakMw);

  const gasFuel = prepared.options.gas;
  assumptions.push(
    ...BACKUP_ASSUMPTIONS,
    note('Backup gas unit size (MW)', DEFAULTS.gasUnitMw),
    note('Backup gas mean repair (h)', DEFAULTS.gasMttrHours),
    note('Backup gas variable O&M ($/MWh)', DEFAULTS.gasVariableOmUsdPerMwh),
    note('Decommissioning ($/kW)', DEFAULTS.decommissioningUsdPerKw),
    note('Decommissioning sinking-fund rate', DEFAULTS.decommissioningFundRate),
    `Gas fuel: ${gasFuel.heatRateMmbtuPerMwh} MMBtu/MWh × $${gasFuel.fuelPriceUsdPerMmbtu}/MMBtu, ` +
      'charged on the MWh dispatched.',
  );
  if (main.gasSized) {
    assumptions.push(
      `options.backup.gas.mw not given: ${main.gasMw} MW, the reactors' shortfall at the ` +
        `${prepared.targetReliability} quantile of trial-hours (DESIGN.md rule), measured on the ` +
        `first ${Math.min(prepared.trials, GAS_PILOT_TRIALS)} trials with backup off.`,
    );
  }
  if (prepared.options.battery.mw === undefined && prepared.options.battery.mwh === undefined) {
    assumptions.push(
      `options.backup.battery not given: ${main.batteryMw} MW × 1 h = max(training swing, the ` +
        'largest online unit’s trip at its peak output) (DESIGN.md rule).',
    );
  }
  if (prepared.options.economics.taxCredit !== 'none') {
    const c = prepared.options.economics.taxCredit;
    assumptions.push(
      note(
        c === 'itc' ? 'ITC share' : 'PTC ($/MWh)',
        c === 'itc' ? DEFAULTS.itcShare : DEFAULTS.ptcUsdPerMwh,
      ),
      note('Energy-community bonus', DEFAULTS.energyCommunityBonus),
      note('Construction years before COD', DEFAULTS.constructionYears),
    );
    if (c === 'ptc') assumptions.push(note('PTC years', DEFAULTS.ptcYears));
  }

  const after = summary.afterBackup;
  const voll = prepared.options.vollUsdPerMwh;
  if (sim.demandMwh > 0 && summary.meanServedMwh <= 0) {
    warnings.push(`Zero served energy: the fleet serves none of the campus demand in ${year}.`);
  }
  if (economics.deliveredCostUsdPerMwh === null) {
    warnings.push('Delivered cost is undefined (null): no energy is served.');
  }
  if (after.unservedMwh > 0.5) {
    warnings.push(
      `After backup${main.sim.grid.connected ? ' and the grid' : ''}, ` +
        `${after.unservedMwh.toFixed(0)} MWh a year (${after.lossOfLoadHours.toFixed(1)} h) is ` +
        `still unserved, costed at $${voll}/MWh: $${((after.unservedMwh * voll) / 1e6).toFixed(1)}M a year.`,
    );
  }
  if (!n1.pass) {
    warnings.push(
      `N-1 fails in ${year}: online delivered supply minus the largest contingency ` +
        `(${n1.contingencyMw.toFixed(0)} MW) is ${n1.firmSupplyMw.toFixed(0)} MW, below the ` +
        `${main.demand.peakMw.toFixed(0)} MW facility peak.`,
    );
  }

  const timeline = firmTimeline(firm, prepared.ramp);
  prepared.sweep.forEach((ys, k) => {
    const agg = ys.year === year ? aggregate : sweepAggregates[k];
    if (!agg) return;
    const o = ys.year === year ? outcome : yearOutcome(prepared, ys, agg);
    const row = timeline.find((t) => t.year === ys.year);
    if (!row) return;
    row.servedEnergyFraction = o.summary.coverage.servedEnergyFraction;
    row.servedEnergyFractionAfterBackup = o.summary.afterBackup.servedEnergyFraction;
    row.lossOfLoadHours = o.summary.coverage.lossOfLoadHours;
    row.lossOfLoadHoursAfterBackup = o.summary.afterBackup.lossOfLoadHours;
    row.deliveredCostUsdPerMwh = o.economics.deliveredCostUsdPerMwh;
  });

  const { perDeployment, ...fleetEconomicsResult } = economics;
  return {
    year,
    demand: {
      peakMw: main.demand.peakMw,
      meanMw: main.demand.meanMw,
      annualGwh: main.demand.annualGwh,
      loadFactor: main.demand.loadFactor,
    },
    supply: {
      nameplateMw,
      meanAvailableMw,
      capacityFactor: nameplateMw > 0 ? meanAvailableMw / nameplateMw : 0,
      annualGwh: availableMwh / 1000,
      dispatchedMwh: outcome.dispatchedMwh,
      curtailedMwh: outcome.curtailedMwh,
      lineOutageMwh,
    },
    coverage: summary.coverage,
    afterBackup: { ...after, vollUsdPerMwh: voll, unservedCostUsd: after.unservedMwh * voll },
    grid: {
      mode: prepared.options.grid.mode,
      importLimitMw: main.importLimitMw,
      ...summary.grid,
      importCostUsd: summary.grid.importMwh * prepared.options.grid.importPriceUsdPerMwh,
      exportRevenueUsd: summary.grid.exportMwh * prepared.options.grid.exportPriceUsdPerMwh,
    },
    nMinus1: { pass: n1.pass, contingencyMw: n1.contingencyMw },
    deployments: deployments.map((d, i) => ({
      designId: d.designId,
      units: d.units,
      distanceKm: d.line.greatCircleKm,
      voltageKv: d.line.voltageKv,
      lossFraction: d.line.lossFraction,
      transmissionCapexUsd: d.line.capexUsd,
      codYear: d.codYear,
      lineKind: d.line.kind,
      lineTo: {
        kind: d.lineTo.kind,
        plantId: d.lineTo.plantId,
        name: d.lineTo.name,
        kv: d.lineTo.kv,
        lat: d.lineTo.lat,
        lon: d.lineTo.lon,
      },
      circuits: d.circuits,
      lineOutagesPerYear: d.line.outage?.pathOutagesPerYear ?? null,
      lineAvailability: d.line.outage?.availability ?? 1,
      state: d.state,
      locationMultiplier: d.locationMultiplier,
      capexUsd: perDeployment[i].capexUsd,
      unitCapitalUsdPerKw: perDeployment[i].unitCapitalUsdPerKw,
      energyCommunity: d.energyCommunity,
      lifetimeAvailability: lifetimeAvailability(d),
      lcoeUsdPerMwh: perDeployment[i].lcoeUsdPerMwh,
    })),
    economics: fleetEconomicsResult,
    backup: {
      gasMw: main.gasMw,
      gasSized: main.gasSized,
      batteryMw: main.batteryMw,
      batteryMwh: main.batteryMwh,
      order: [...prepared.options.order],
    },
    planPeriodYears: prepared.planPeriodYears,
    schedule: prepared.schedule,
    timeline,
    hourly: { demandMw: Array.from(sim.demandMw), deliveredMw: Array.from(deliveredMw) },
    assumptions,
    warnings,
  };
}
