// finishEvaluation: from the merged trials to the DESIGN.md answer. Re-runs the median trial
// (streams are per trial, so it reproduces exactly) for hourly.deliveredMw, then N-1, the
// 2024–2045 timeline, economics, tornado, assumptions and warnings. Deterministic.
import { firmTimeline, nMinus1, type FirmDeployment } from '../coverage/timeline.ts';
import { summariseCoverage } from '../coverage/metrics.ts';
import { traceTrial } from '../coverage/trials.ts';
import type { Aggregate } from '../coverage/plan.ts';
import { BACKUP_ASSUMPTIONS } from '../economics.ts';
import { fleetEconomics } from './costs.ts';
import type { EvaluateResult, Prepared } from './types.ts';

const HOURS = 8760;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function finishEvaluation(prepared: Prepared, aggregate: Aggregate): EvaluateResult {
  const { sim, deployments, year } = prepared;
  const summary = summariseCoverage(sim, aggregate, prepared.targetReliability);
  const { deliveredMw } = traceTrial(sim, summary.medianTrial);
  const assumptions = [...prepared.assumptions];
  const warnings = [...prepared.warnings];

  let nameplateMw = 0;
  let availableMwh = 0;
  let largestTripMw = 0;
  deployments.forEach((d, i) => {
    if (!d.online) return;
    const netMw = d.units * d.design.netMwe;
    nameplateMw += netMw;
    availableMwh += summary.availableMwhByDeployment[i];
    largestTripMw = Math.max(largestTripMw, d.design.peakMwe);
    assumptions.push(
      `deployments[${i}] (${d.design.name}): simulated availability ` +
        `${pct(summary.availableMwhByDeployment[i] / (netMw * HOURS))} in ${year} (long-run ` +
        `(1 − FOR)(1 − planned share) = ${pct(d.design.expectedAvailability)}); published ` +
        `capacity factor ${pct(d.design.capacityFactor)}, shown for reference only.`,
    );
  });
  const meanAvailableMw = availableMwh / HOURS;

  const firm: FirmDeployment[] = deployments.map((d) => ({
    codYear: d.codYear,
    units: d.units,
    unitDeliveredMw: d.design.netMwe * (1 - d.line.lossFraction),
    hasLine: d.line.kind !== 'co-located',
  }));
  const n1 = nMinus1(firm, year, prepared.demand.peakMw);

  const batteryMw = Math.max(prepared.demand.swingMw, largestTripMw);
  const backup = { gasMw: summary.gasMw, batteryMw, batteryMwh: batteryMw * 1 };
  const economics = fleetEconomics({
    deployments,
    campus: prepared.campus,
    availableMwh: summary.availableMwhByDeployment,
    servedMwh: summary.meanServedMwh,
    demandMwh: sim.demandMwh,
    backup: { ...backup, gasMwh: summary.gasMwh },
  });
  assumptions.push(...BACKUP_ASSUMPTIONS);

  if (sim.demandMwh > 0 && summary.meanServedMwh <= 0) {
    warnings.push(`Zero served energy: the fleet serves none of the campus demand in ${year}.`);
  }
  if (economics.deliveredCostUsdPerMwh === null) {
    warnings.push('Delivered cost is undefined (null): no energy is served.');
  }
  if (!n1.pass) {
    warnings.push(
      `N-1 fails in ${year}: online delivered supply minus the largest contingency ` +
        `(${n1.contingencyMw.toFixed(0)} MW) is ${n1.firmSupplyMw.toFixed(0)} MW, below the ` +
        `${prepared.demand.peakMw.toFixed(0)} MW facility peak.`,
    );
  }

  return {
    year,
    demand: {
      peakMw: prepared.demand.peakMw,
      meanMw: prepared.demand.meanMw,
      annualGwh: prepared.demand.annualGwh,
      loadFactor: prepared.demand.loadFactor,
    },
    supply: {
      nameplateMw,
      meanAvailableMw,
      capacityFactor: nameplateMw > 0 ? meanAvailableMw / nameplateMw : 0,
      annualGwh: availableMwh / 1000,
    },
    coverage: summary.coverage,
    nMinus1: { pass: n1.pass, contingencyMw: n1.contingencyMw },
    deployments: deployments.map((d) => ({
      designId: d.designId,
      units: d.units,
      distanceKm: d.line.greatCircleKm,
      voltageKv: d.line.voltageKv,
      lossFraction: d.line.lossFraction,
      transmissionCapexUsd: d.line.capexUsd,
      codYear: d.codYear,
      lineKind: d.line.kind,
    })),
    economics,
    backup,
    timeline: firmTimeline(firm, prepared.demand.ramp),
    hourly: { demandMw: Array.from(sim.demandMw), deliveredMw: Array.from(deliveredMw) },
    assumptions,
    warnings,
  };
}
