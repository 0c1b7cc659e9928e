// The fleet's economics (DESIGN.md "Economics"): reactor capex and LCOE at the simulated
// availability, line and backup costs, delivered cost per MWh served, and the tornado. The
// tornado's variants are computed analytically from the base Monte Carlo result (MODEL_NOTES):
// no re-simulation, so the whole tornado costs nine cheap evaluations of costAt.
import {
  backupCost,
  DEFAULT_WACC_REAL,
  deliveredCostUsdPerMwh,
  lineAnnualCostUsd,
  plantAnnualCostUsd,
  plantCapexUsd,
  tornado,
  TORNADO_SWINGS,
  type TornadoBar,
  type TornadoVariant,
} from '../economics.ts';
import { planLine, ROUTING_FACTOR, type LinePlan } from '../transmission.ts';
import type { PreparedDeployment } from './types.ts';

const HOURS = 8760;
/** economics.ts needs availability in (0, 1]; a −5-point swing on a tiny availability stops here. */
const MIN_AVAILABILITY = 0.001;

export interface CostInputs {
  deployments: readonly PreparedDeployment[];
  campus: { lat: number; lon: number };
  /** Mean available MWh a year per deployment (before line losses), from the Monte Carlo. */
  availableMwh: readonly number[];
  servedMwh: number;
  demandMwh: number;
  backup: { gasMw: number; gasMwh: number; batteryMw: number; batteryMwh: number };
}

export interface FleetEconomics {
  lcoeUsdPerMwh: number | null;
  deliveredCostUsdPerMwh: number | null;
  capexUsd: number;
  transmissionCapexUsd: number;
  backupCapexUsd: number;
  tornado: TornadoBar[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Each line re-planned with its route scaled (routing factor 1.3 × scale); co-located stays. */
function scaledLines(inputs: CostInputs, scale: number): LinePlan[] {
  return inputs.deployments.map((d) =>
    scale === 1 || d.line.kind === 'co-located'
      ? d.line
      : planLine({
          fromLat: d.lat,
          fromLon: d.lon,
          toLat: inputs.campus.lat,
          toLon: inputs.campus.lon,
          transferMw: d.transferMw,
          routingFactor: ROUTING_FACTOR * scale,
        }),
  );
}

interface AnnualCosts {
  plantsUsd: number;
  linesUsd: number;
  backupUsd: number;
  generatedMwh: number;
  deliveredMwh: number;
}

function annualCosts(
  inputs: CostInputs,
  v: TornadoVariant,
  lines: readonly LinePlan[],
): AnnualCosts {
  const waccReal = DEFAULT_WACC_REAL + v.waccDelta;
  const out: AnnualCosts = {
    plantsUsd: 0,
    linesUsd: 0,
    backupUsd: 0,
    generatedMwh: 0,
    deliveredMwh: 0,
  };
  inputs.deployments.forEach((d, i) => {
    if (!d.online) return;
    const netMw = d.units * d.design.netMwe;
    const baseMwh = inputs.availableMwh[i];
    const base = Math.max(MIN_AVAILABILITY, baseMwh / (netMw * HOURS));
    const availability = Math.min(1, Math.max(MIN_AVAILABILITY, base + v.availabilityDelta));
    const generatedMwh = v.availabilityDelta === 0 ? baseMwh : (baseMwh * availability) / base;
    const plant = {
      netMw,
      capitalCostUsdPerKw: d.design.capitalCostUsdPerKw * v.capitalScale,
      fixedOmUsdPerKwYr: d.design.fixedOmUsdPerKwYr,
      fuelUsdPerMwh: d.design.fuelUsdPerMwh,
      variableOmUsdPerMwh: d.design.variableOmUsdPerMwh,
      availability,
      waccReal,
    };
    out.plantsUsd += plantAnnualCostUsd(plant, generatedMwh);
    out.linesUsd += lineAnnualCostUsd(lines[i].capexUsd, waccReal, lines[i].lifeYears);
    out.generatedMwh += generatedMwh;
    out.deliveredMwh += generatedMwh * (1 - lines[i].lossFraction);
  });
  out.backupUsd = backupCost({ ...inputs.backup, waccReal }).annualCostUsd;
  return out;
}

const BASE: TornadoVariant = {
  capitalScale: 1,
  waccDelta: 0,
  availabilityDelta: 0,
  distanceScale: 1,
};

export function fleetEconomics(inputs: CostInputs): FleetEconomics {
  const linesByScale = new Map<number, LinePlan[]>();
  for (const scale of [1, 1 - TORNADO_SWINGS.distanceScale, 1 + TORNADO_SWINGS.distanceScale]) {
    linesByScale.set(scale, scaledLines(inputs, scale));
  }
  const baseLines = linesByScale.get(1) as LinePlan[];
  const base = annualCosts(inputs, BASE, baseLines);
  const costAt = (v: TornadoVariant): number => {
    const lines = linesByScale.get(v.distanceScale) ?? scaledLines(inputs, v.distanceScale);
    const c = annualCosts(inputs, v, lines);
    // Served energy follows the delivered energy, capped at demand (an upper bound: served is
    // capped hour by hour, so more supply in surplus hours serves nothing more).
    const ratio = base.deliveredMwh > 0 ? c.deliveredMwh / base.deliveredMwh : 1;
    const servedMwh =
      ratio === 1 ? inputs.servedMwh : Math.min(inputs.demandMwh, inputs.servedMwh * ratio);
    return deliveredCostUsdPerMwh(
      c.plantsUsd + c.linesUsd + c.backupUsd,
      servedMwh + inputs.backup.gasMwh,
    );
  };
  const capexUsd = inputs.deployments.reduce(
    (sum, d) =>
      sum +
      plantCapexUsd({
        netMw: d.units * d.design.netMwe,
        capitalCostUsdPerKw: d.design.capitalCostUsdPerKw,
      }),
    0,
  );
  return {
    lcoeUsdPerMwh: base.generatedMwh > 0 ? base.plantsUsd / base.generatedMwh : null,
    deliveredCostUsdPerMwh: finiteOrNull(costAt(BASE)),
    capexUsd,
    transmissionCapexUsd: inputs.deployments.reduce((sum, d) => sum + d.line.capexUsd, 0),
    backupCapexUsd: backupCost({ ...inputs.backup }).capexUsd,
    tornado: tornado(costAt),
  };
}
