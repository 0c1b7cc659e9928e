// The fleet's economics (DESIGN.md "Economics (revised)"):
// - capital per unit by build order (FOAK premium, learning rate) × the state location multiplier;
// - LCOE on the lifetime expected availability of the plan period (never one sampled year):
//   (CRF·capital·(1 − ITC) + fixed O&M + decommissioning sinking fund) / (8.76 × A) + fuel + VOM
//   − levelised PTC;
// - fuel and variable O&M on the energy dispatched (deliverable × (1 − curtailed share)), never on
//   curtailed energy or energy a line outage kept from the campus;
// - lines with the cost guide's contingency, AFUDC and campus-end substation (transmission.ts);
// - delivered cost = every annualised cost (reactors, lines, backup capital and gas fuel, grid
//   import less export revenue, less tax credits) ÷ MWh served after backup.
// The tornado's variants are computed analytically from the base Monte Carlo result
// (MODEL_NOTES): no re-simulation.
import {
  BASE_VARIANT,
  backupCost,
  capitalRecoveryFactor,
  deliveredCostUsdPerMwh,
  lineAnnualCostUsd,
  PLANT_LIFE_YEARS,
  sinkingFundFactor,
  tornado,
  TORNADO_SWINGS,
  unitCostFactor,
  type TornadoVariant,
} from '../economics.ts';
import { planLine, ROUTING_FACTOR, type LinePlan } from '../transmission.ts';
import { HOURS_PER_YEAR } from '../units.ts';
import { creditPhaseDown, DEFAULTS } from './defaults.ts';
import type { Prepared, PreparedDeployment, EvaluateResult } from './types.ts';

/** A −5-point availability swing on a tiny availability stops here. */
const MIN_AVAILABILITY = 0.001;

export interface CostInputs {
  deployments: readonly PreparedDeployment[];
  campus: { lat: number; lon: number };
  options: Prepared['options'];
  /** Per deployment, mean MWh a year while its line was up (plant side), from the Monte Carlo. */
  deliverableMwh: readonly number[];
  /** Share of the reactors' deliverable energy nobody took (curtailed). */
  curtailedShare: number;
  /** MWh a year served by the reactors and after backup, and the demand. */
  reactorServedMwh: number;
  servedMwh: number;
  demandMwh: number;
  gasMwh: number;
  importMwh: number;
  exportMwh: number;
  backup: { gasMw: number; batteryMw: number; batteryMwh: number };
}

type Economics = EvaluateResult['economics'];

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
          redundancy: d.circuits,
        }),
  );
}

interface Settings {
  waccReal: number;
  foakPremium: number;
  learningRate: number;
  capitalScale: number;
  taxCredit: Prepared['options']['economics']['taxCredit'];
}

function settingsOf(inputs: CostInputs, v: TornadoVariant): Settings {
  const e = inputs.options.economics;
  return {
    waccReal: e.waccReal + v.waccDelta,
    foakPremium: Math.max(1, e.foakPremium + v.foakDelta),
    learningRate: Math.min(0.99, Math.max(0, e.learningRate + v.learningDelta)),
    capitalScale: v.capitalScale,
    taxCredit: e.taxCredit,
  };
}

/** Capital of each unit, USD per kW: base × build-order factor × location × tornado scale. */
export function unitCapitalUsdPerKw(d: PreparedDeployment, s: Settings): number[] {
  return d.buildOrder.map(
    (n) =>
      d.design.capitalCostUsdPerKw *
      unitCostFactor(n, s.foakPremium, s.learningRate) *
      d.locationMultiplier *
      s.capitalScale,
  );
}

/** ITC share and the PTC $/MWh of a deployment (0 when credits are off or phased out). */
function credits(d: PreparedDeployment, s: Settings): { itcShare: number; ptcUsdPerMwh: number } {
  const phase = creditPhaseDown(d.codYear - DEFAULTS.constructionYears.value);
  const bonus = d.energyCommunity ? DEFAULTS.energyCommunityBonus.value : 0;
  if (s.taxCredit === 'itc')
    return { itcShare: (DEFAULTS.itcShare.value + bonus) * phase, ptcUsdPerMwh: 0 };
  if (s.taxCredit === 'ptc') {
    // 10 years of credit levelised over the plant's life: × CRF(r, life) / CRF(r, 10).
    const levelise =
      capitalRecoveryFactor(s.waccReal, PLANT_LIFE_YEARS) /
      capitalRecoveryFactor(s.waccReal, DEFAULTS.ptcYears.value);
    return {
      itcShare: 0,
      ptcUsdPerMwh: DEFAULTS.ptcUsdPerMwh.value * (1 + bonus) * phase * levelise,
    };
  }
  return { itcShare: 0, ptcUsdPerMwh: 0 };
}

interface PlantCost {
  capexUsd: number;
  capitalUsd: number;
  fixedOmUsd: number;
  decommissioningUsd: number;
  ptcUsdPerMwh: number;
  itcUsd: number;
  variableUsdPerMwh: number;
}

/** A deployment's yearly fixed costs and its $/MWh variable cost, at the settings. */
function plantCost(d: PreparedDeployment, s: Settings): PlantCost {
  const kw = d.units * d.design.netMwe * 1000;
  const perKw = unitCapitalUsdPerKw(d, s);
  const capexUsd = perKw.reduce((sum, c) => sum + c * d.design.netMwe * 1000, 0);
  const { itcShare, ptcUsdPerMwh } = credits(d, s);
  const crf = capitalRecoveryFactor(s.waccReal, PLANT_LIFE_YEARS);
  const decommissioningUsd =
    sinkingFundFactor(DEFAULTS.decommissioningFundRate.value, PLANT_LIFE_YEARS) *
    DEFAULTS.decommissioningUsdPerKw.value *
    kw;
  return {
    capexUsd,
    capitalUsd: crf * capexUsd * (1 - itcShare),
    itcUsd: crf * capexUsd * itcShare,
    fixedOmUsd: d.design.fixedOmUsdPerKwYr * kw,
    decommissioningUsd,
    ptcUsdPerMwh,
    variableUsdPerMwh: d.design.fuelUsdPerMwh + d.design.variableOmUsdPerMwh,
  };
}

/** Lifetime expected availability: (1 − FOR)(1 − the plan period's planned share). */
export const lifetimeAvailability = (d: PreparedDeployment): number =>
  (1 - d.design.forcedOutageRate) * (1 - d.plannedShare);

/** LCOE of deployments at their lifetime availability (with a tornado availability swing). */
function lcoeOf(
  ds: readonly PreparedDeployment[],
  s: Settings,
  availabilityDelta = 0,
): number | null {
  let costUsd = 0;
  let mwh = 0;
  for (const d of ds) {
    const c = plantCost(d, s);
    const a = Math.min(1, Math.max(MIN_AVAILABILITY, lifetimeAvailability(d) + availabilityDelta));
    const e = d.units * d.design.netMwe * HOURS_PER_YEAR * a;
    costUsd +=
      c.capitalUsd +
      c.fixedOmUsd +
      c.decommissioningUsd +
      (c.variableUsdPerMwh - c.ptcUsdPerMwh) * e;
    mwh += e;
  }
  return mwh > 0 ? costUsd / mwh : null;
}

function annualCosts(inputs: CostInputs, v: TornadoVariant, lines: readonly LinePlan[]) {
  const s = settingsOf(inputs, v);
  const out: Economics['annualUsd'] = {
    reactorCapital: 0,
    reactorFixedOm: 0,
    reactorFuelAndVom: 0,
    decommissioning: 0,
    taxCredit: 0,
    lines: 0,
    backupCapital: 0,
    gasFuel: 0,
    gridImport: inputs.importMwh * inputs.options.grid.importPriceUsdPerMwh,
    gridExportRevenue: inputs.exportMwh * inputs.options.grid.exportPriceUsdPerMwh,
  };
  let deliveredMwh = 0;
  let baseDeliveredMwh = 0;
  inputs.deployments.forEach((d, i) => {
    if (!d.online) return;
    const c = plantCost(d, s);
    const netMw = d.units * d.design.netMwe;
    const base = Math.max(MIN_AVAILABILITY, inputs.deliverableMwh[i] / (netMw * HOURS_PER_YEAR));
    const a = Math.min(1, Math.max(MIN_AVAILABILITY, base + v.availabilityDelta));
    const dispatchedMwh = inputs.deliverableMwh[i] * (a / base) * (1 - inputs.curtailedShare);
    out.reactorCapital += c.capitalUsd + c.itcUsd;
    out.taxCredit -= c.itcUsd + c.ptcUsdPerMwh * dispatchedMwh;
    out.reactorFixedOm += c.fixedOmUsd;
    out.decommissioning += c.decommissioningUsd;
    out.reactorFuelAndVom += c.variableUsdPerMwh * dispatchedMwh;
    out.lines += lineAnnualCostUsd(lines[i].capexUsd, s.waccReal, lines[i].lifeYears);
    deliveredMwh += dispatchedMwh * (1 - lines[i].lossFraction);
    baseDeliveredMwh +=
      inputs.deliverableMwh[i] * (1 - inputs.curtailedShare) * (1 - d.line.lossFraction);
  });
  const gasFuelUsdPerMwh =
    inputs.options.gas.heatRateMmbtuPerMwh * inputs.options.gas.fuelPriceUsdPerMmbtu +
    DEFAULTS.gasVariableOmUsdPerMwh.value;
  const backup = backupCost({
    ...inputs.backup,
    gasMwh: 0,
    gasFuelUsdPerMwh,
    waccReal: s.waccReal,
  });
  out.backupCapital = backup.annualCostUsd;
  out.gasFuel = gasFuelUsdPerMwh * inputs.gasMwh;
  return { out, ratio: baseDeliveredMwh > 0 ? deliveredMwh / baseDeliveredMwh : 1 };
}

const totalOf = (a: Economics['annualUsd']): number =>
  a.reactorCapital +
  a.reactorFixedOm +
  a.reactorFuelAndVom +
  a.decommissioning +
  a.taxCredit +
  a.lines +
  a.backupCapital +
  a.gasFuel +
  a.gridImport -
  a.gridExportRevenue;

const BASE = BASE_VARIANT;

export interface FleetEconomics extends Economics {
  /** Per deployment: capital of each unit ($/kW), its capex and its own LCOE. */
  perDeployment: { unitCapitalUsdPerKw: number[]; capexUsd: number; lcoeUsdPerMwh: number }[];
}

export function fleetEconomics(inputs: CostInputs): FleetEconomics {
  const linesByScale = new Map<number, LinePlan[]>();
  const baseLines = inputs.deployments.map((d) => d.line);
  linesByScale.set(1, baseLines);
  const base = annualCosts(inputs, BASE, baseLines);
  const costAt = (v: TornadoVariant): number => {
    let lines = linesByScale.get(v.distanceScale);
    if (!lines) {
      lines = scaledLines(inputs, v.distanceScale);
      linesByScale.set(v.distanceScale, lines);
    }
    const { out, ratio } = annualCosts(inputs, v, lines);
    // Served energy follows the reactors' delivered energy, capped at demand (an upper bound:
    // served is capped hour by hour); backup energy is held at the base case.
    const servedMwh =
      ratio === 1
        ? inputs.servedMwh
        : Math.min(inputs.demandMwh, inputs.servedMwh + inputs.reactorServedMwh * (ratio - 1));
    return deliveredCostUsdPerMwh(Math.max(0, totalOf(out)), Math.max(0, servedMwh));
  };
  const s = settingsOf(inputs, BASE);
  const perDeployment = inputs.deployments.map((d) => {
    const perKw = unitCapitalUsdPerKw(d, s);
    return {
      unitCapitalUsdPerKw: perKw,
      capexUsd: perKw.reduce((sum, c) => sum + c * d.design.netMwe * 1000, 0),
      lcoeUsdPerMwh: lcoeOf([d], s) ?? 0,
    };
  });
  return {
    lcoeUsdPerMwh: lcoeOf(inputs.deployments, s),
    deliveredCostUsdPerMwh: finiteOrNull(costAt(BASE)),
    capexUsd: perDeployment.reduce((sum, d) => sum + d.capexUsd, 0),
    transmissionCapexUsd: inputs.deployments.reduce((sum, d) => sum + d.line.capexUsd, 0),
    backupCapexUsd: backupCost({ ...inputs.backup, gasMwh: 0, gasFuelUsdPerMwh: 0 }).capexUsd,
    annualUsd: base.out,
    taxCredit: inputs.options.economics.taxCredit,
    tornado: tornado(costAt),
    perDeployment,
  };
}

export { TORNADO_SWINGS };
