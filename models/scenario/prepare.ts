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
import { CONNECTED_MIN_KV, INTERCONNECTION_SEARCH_KM, lineEndOf } from './line-end.ts';
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
  connected: boolean,
): PreparedDeployment[] {
  const builtOfDesign = new Map<string, number>();
  let unitIndex = 0;
  return fleet.map((d): PreparedDeployment => {
    const transferMw = d.units * d.design.peakMwe;
    const lineTo = lineEndOf(d, spec, connected, data.interconnections);
    const line = planLine({
      fromLat: d.lat,
      fromLon: d.lon,
      toLat: lineTo.lat,
      toLon: lineTo.lon,
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
      lineTo,
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

/** Connected mode: where each line lands, and a warning where no interconnection point is known. */
function lineEndNotes(
  deployments: readonly PreparedDeployment[],
  connected: boolean,
): { assumptions: string[]; warnings: string[] } {
  if (!connected) return { assumptions: [], warnings: [] };
  const assumptions = [
    `Grid-connected: each deployment's gen-tie runs to its nearest known interconnection point at ` +
      `≥ ${CONNECTED_MIN_KV} kV (an EIA-860 2019 plant at that voltage, a proxy for a substation; ` +
      'the lowest class the line model builds), or to the campus when the campus is nearer (a ' +
      'connected campus is itself on the grid).',
  ];
  const warnings: string[] = [];
  deployments.forEach((d, i) => {
    if (d.lineTo.kind === 'interconnection') {
      assumptions.push(
        `deployments[${i}] line to ${d.lineTo.name} (${d.lineTo.plantId}, ${d.lineTo.kv} kV), ` +
          `${d.line.greatCircleKm.toFixed(1)} km.`,
      );
    } else if (!d.lineTo.noPointKnown) {
      assumptions.push(
        `deployments[${i}] ties in at the campus, nearer than any ≥ ${CONNECTED_MIN_KV} kV point.`,
      );
    } else {
      warnings.push(
        `deployments[${i}] (${d.design.name}): no interconnection point at ≥ ${CONNECTED_MIN_KV} kV ` +
          `within ${INTERCONNECTION_SEARCH_KM} km in EIA-860 (US plants only); its line runs to the campus.`,
      );
    }
  });
  return { assumptions, warnings };
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
    options.grid.mode === 'connected',
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
  const ends = lineEndNotes(deployments, options.grid.mode === 'connected');
  assumptions.push(
    ...ends.assumptions,
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
    ...ends.warnings,
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
