// prepareEvaluation: everything deterministic of an evaluation, computed once on the calling
// thread (demand series, unit plans, refuelling schedule, lines) into a structured-clone-able
// Prepared that worker threads run trials on.
import { histogramSpec } from '../coverage/histogram.ts';
import type { SimPlan } from '../coverage/plan.ts';
import { demandForYear, fullBuildYear, validateCampusSpec } from '../demand.ts';
import { designAssumptionNotes } from '../supply/design-params.ts';
import { planDeployments } from '../supply/fleet.ts';
import { fleetSchedule } from '../supply/schedule.ts';
import { simUnits } from '../supply/sim-units.ts';
import { planLine } from '../transmission.ts';
import {
  EVALUATE_LIMITS,
  validateDeployments,
  validateOptions,
  type EvaluateData,
  type EvaluateInputs,
} from './inputs.ts';
import { MODEL_NOTES, supplyWarnings } from './notes.ts';
import type { Prepared, PreparedDeployment } from './types.ts';

const HOURS = 8760;

export function prepareEvaluation(inputs: EvaluateInputs, data: EvaluateData): Prepared {
  const raw = (inputs ?? {}) as Partial<EvaluateInputs>;
  const options = validateOptions(raw.options);
  const deploymentInputs = validateDeployments(raw.deployments, data.designs);
  const spec = validateCampusSpec(raw.campus, data.gpuPower);
  const fleet = planDeployments(deploymentInputs, data.designs);
  const assumptions = [...options.assumptions, ...fleet.assumptions];

  const lastCod = Math.max(...fleet.deployments.map((d) => d.codYear));
  const year =
    options.year ??
    Math.min(EVALUATE_LIMITS.yearMax, Math.max(fullBuildYear(spec.phases), lastCod));
  if (options.year === undefined) {
    assumptions.push(
      `options.year not given: ${year}, the first year with every deployment online and the ` +
        `campus at full build, capped at ${EVALUATE_LIMITS.yearMax}.`,
    );
  }
  const demand = demandForYear(spec, { year, seed: options.seed, gpuPower: data.gpuPower });

  const deployments = fleet.deployments.map((d): PreparedDeployment => {
    const transferMw = d.units * d.design.peakMwe;
    const line = planLine({
      fromLat: d.lat,
      fromLon: d.lon,
      toLat: spec.lat,
      toLon: spec.lon,
      transferMw,
    });
    return {
      designId: d.designId,
      units: d.units,
      lat: d.lat,
      lon: d.lon,
      codYear: d.codYear,
      online: d.codYear <= year,
      design: d.design,
      line,
      transferMw,
    };
  });
  const schedule = fleetSchedule(fleet.deployments, year);
  const { units, storage } = simUnits(
    fleet.deployments,
    schedule.units,
    deployments.map((d) => d.line.lossFraction),
  );
  const demandMw = Float64Array.from(demand.hourlyMw);
  let demandMwh = 0;
  for (let t = 0; t < HOURS; t += 1) demandMwh += demandMw[t];
  let deliveredRangeMw = 0;
  for (let i = 0; i < units.count; i += 1) deliveredRangeMw += units.deliveredMw[i];
  const sim: SimPlan = {
    seed: options.seed,
    trials: options.trials,
    deploymentCount: deployments.length,
    demandMw,
    demandMwh,
    units,
    storage,
    delivered: histogramSpec(deliveredRangeMw),
    shortfall: histogramSpec(demand.peakMw),
  };

  const usedDesigns = [...new Set(deploymentInputs.map((d) => d.designId))];
  for (const id of usedDesigns) {
    const design = data.designs.find((d) => d.id === id);
    if (design) assumptions.push(...designAssumptionNotes(design));
  }
  const lineNotes = deployments.flatMap((d) => d.line.assumptions);
  assumptions.push(...new Set(lineNotes), ...demand.assumptions, ...MODEL_NOTES);
  const warnings = [
    ...fleet.warnings,
    ...schedule.warnings,
    ...supplyWarnings(deployments, year, demandMwh),
  ];
  return {
    year,
    trials: options.trials,
    seed: options.seed,
    targetReliability: options.targetReliability,
    campus: { lat: spec.lat, lon: spec.lon },
    demand: {
      peakMw: demand.peakMw,
      meanMw: demand.meanMw,
      annualGwh: demand.annualGwh,
      loadFactor: demand.loadFactor,
      swingMw: demand.swing.mw,
      ramp: demand.ramp,
    },
    deployments,
    sim,
    assumptions,
    warnings,
  };
}
