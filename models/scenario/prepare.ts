// prepareEvaluation: everything deterministic of an evaluation, computed once on the calling
// thread (demand series, the fleet's outage plan, lines, capital by build order, backup sizing)
// into a structured-clone-able Prepared that worker threads run trials on.
import { fullBuildYear, validateCampusSpec, type CampusSpec } from '../demand.ts';
import { locationFactor } from '../economics/location.ts';
import { designAssumptionNotes } from '../supply/design-params.ts';
import { planDeployments, type DeploymentSupply } from '../supply/fleet.ts';
import { planFleetOutages } from '../supply/plan.ts';
import { planUnitsOf } from '../supply/sim-units.ts';
import { planLine } from '../transmission.ts';
import { greatCircleKm } from '../units.ts';
import {
  EVALUATE_LIMITS,
  validateDeployments,
  validateOptions,
  type EvaluateData,
  type EvaluateInputs,
} from './inputs.ts';
import { MODEL_NOTES, supplyWarnings } from './notes.ts';
import { fleetScheduleByYear } from './schedule.ts';
import type { Prepared, PreparedDeployment } from './types.ts';
import { buildYearSim } from './year-sim.ts';

/** DESIGN.md "Brownfield": within 3 km of a site counts as on it (energy-community proxy). */
const ENERGY_COMMUNITY_KM = 3;

function prepareDeployments(
  fleet: readonly DeploymentSupply[],
  spec: CampusSpec,
  data: EvaluateData,
  year: number,
  plannedShare: Float64Array,
): PreparedDeployment[] {
  const builtOfDesign = new Map<string, number>();
  let unitIndex = 0;
  return fleet.map((d): PreparedDeployment => {
    const transferMw = d.units * d.design.peakMwe;
    const line = planLine({
      fromLat: d.lat,
      fromLon: d.lon,
      toLat: spec.lat,
      toLon: spec.lon,
      transferMw,
      redundancy: d.circuits,
    });
    const record = data.designs.find((x) => x.id === d.designId);
    const scale = record?.scale === 'large-lwr' ? 'large' : 'smr';
    const loc = locationFactor(d.lat, d.lon, scale, data.location);
    const first = builtOfDesign.get(d.designId) ?? 0;
    builtOfDesign.set(d.designId, first + d.units);
    let share = 0;
    for (let u = 0; u < d.units; u += 1) share += plannedShare[unitIndex + u];
    unitIndex += d.units;
    const energyCommunity = (data.coalSites ?? []).some(
      (s) => greatCircleKm(s.lat, s.lon, d.lat, d.lon) <= ENERGY_COMMUNITY_KM,
    );
    return {
      designId: d.designId,
      units: d.units,
      lat: d.lat,
      lon: d.lon,
      codYear: d.codYear,
      online: d.codYear <= year,
      circuits: d.circuits,
      design: d.design,
      line,
      transferMw,
      state: loc.state,
      locationMultiplier: loc.multiplier,
      buildOrder: Array.from({ length: d.units }, (_, u) => first + u + 1),
      capitalCostKind: record?.capitalCostKind ?? 'default',
      energyCommunity,
      plannedShare: share / d.units,
    };
  });
}

function economicsWarnings(deployments: readonly PreparedDeployment[]): string[] {
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const d of deployments) {
    if (d.capitalCostKind !== 'vendor-target' || seen.has(d.designId)) continue;
    seen.add(d.designId);
    warnings.push(
      `${d.design.name} (${d.designId}): its capital cost ($${d.design.capitalCostUsdPerKw}/kW) is a ` +
        "vendor's target, not a project budget; costs and LCOE built on it are optimistic until a " +
        'project prices it.',
    );
  }
  return warnings;
}

function locationNotes(deployments: readonly PreparedDeployment[], data: EvaluateData): string[] {
  const notes = deployments.map(
    (d, i) =>
      `deployments[${i}] capital × location multiplier ${d.locationMultiplier} ` +
      `(${d.state ?? 'outside the US states: 1.0'}; ${data.location?.source ?? 'no location data'}).`,
  );
  return [...new Set(notes)];
}

/** The timeline's years, 2024–2045: the calendar view covers all of them. */
const TIMELINE_YEARS = Array.from(
  { length: EVALUATE_LIMITS.yearMax - EVALUATE_LIMITS.yearMin + 1 },
  (_, i) => EVALUATE_LIMITS.yearMin + i,
);

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
  const outagePlan = planFleetOutages(planUnitsOf(fleet.deployments));
  const deployments = prepareDeployments(
    fleet.deployments,
    spec,
    data,
    year,
    outagePlan.plannedShare,
  );
  const ctx = { spec, data, options, fleet: fleet.deployments, deployments, outagePlan };
  const { yearSim: main, demand } = buildYearSim(ctx, year);
  const sweep: Prepared['sweep'] = [];
  if (options.years) {
    for (let y = options.years[0]; y <= options.years[1]; y += 1) {
      sweep.push(y === year ? main : buildYearSim(ctx, y).yearSim);
    }
  }
  const schedule = fleetScheduleByYear(outagePlan, deployments, TIMELINE_YEARS);

  const usedDesigns = [...new Set(deploymentInputs.map((d) => d.designId))];
  for (const id of usedDesigns) {
    const design = data.designs.find((d) => d.id === id);
    if (design) assumptions.push(...designAssumptionNotes(design));
  }
  const lineNotes = deployments.flatMap((d) => d.line.assumptions);
  assumptions.push(
    ...new Set(lineNotes),
    ...locationNotes(deployments, data),
    ...outagePlan.assumptions,
    ...demand.assumptions,
    ...MODEL_NOTES,
  );
  const warnings = [
    ...fleet.warnings,
    ...outagePlan.warnings,
    ...supplyWarnings(deployments, year, main.sim.demandMwh),
    ...economicsWarnings(deployments),
  ];
  const { assumptions: _a, ...resolved } = options;
  return {
    year,
    trials: options.trials,
    seed: options.seed,
    targetReliability: options.targetReliability,
    campus: { lat: spec.lat, lon: spec.lon },
    ramp: demand.ramp,
    deployments,
    main,
    sweep,
    planPeriodYears: outagePlan.periodYears,
    schedule,
    options: resolved,
    assumptions,
    warnings,
  };
}
