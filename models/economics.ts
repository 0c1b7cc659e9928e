// Economics: capital recovery, plant LCOE, annualised line and backup costs, delivered cost and
// the tornado (DESIGN.md "Economics"; quick model from reference-data/siting-criteria.md §3).
// Costs are real 2025 USD. Capital cost is all-in (the reference budgets include financing), so
// no interest during construction is added.
import { invalidInput } from './errors.ts';
import { HOURS_PER_YEAR } from './units.ts';

/** Real WACC (DESIGN.md; the siting-criteria §3 worked example uses r = 7%). */
export const DEFAULT_WACC_REAL = 0.07;
export const PLANT_LIFE_YEARS = 40;
export const LINE_LIFE_YEARS = 50;

function need(field: string, value: number, ok: boolean, why: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok) {
    throw invalidInput(field, value, why);
  }
}

/** CRF(r, n) = r(1+r)^n / ((1+r)^n − 1); the limit 1/n at r = 0. Rates in (−1, ∞). */
export function capitalRecoveryFactor(rate: number, years: number): number {
  need('rate', rate, rate > -1, 'must be a finite real rate above -1');
  need('years', years, years > 0, 'must be a positive number of years');
  if (Math.abs(rate) < 1e-12) return 1 / years;
  const growth = (1 + rate) ** years;
  return (rate * growth) / (growth - 1);
}

export interface PlantCostInput {
  netMw: number;
  capitalCostUsdPerKw: number;
  fixedOmUsdPerKwYr: number;
  fuelUsdPerMwh: number;
  variableOmUsdPerMwh: number;
  /** Simulated availability (0, 1]; the caller clamps any tornado swing into that range. */
  availability: number;
  waccReal?: number;
  lifeYears?: number;
}

const COST_FIELDS = [
  'capitalCostUsdPerKw',
  'fixedOmUsdPerKwYr',
  'fuelUsdPerMwh',
  'variableOmUsdPerMwh',
] as const;

function nonNegative<K extends string>(o: Record<K, number>, keys: readonly K[]): void {
  for (const k of keys) need(k, o[k], o[k] >= 0, 'must be >= 0');
}

function checkPlant(p: PlantCostInput): void {
  need('netMw', p.netMw, p.netMw > 0, 'must be positive');
  nonNegative(p, COST_FIELDS);
  const a = p.availability;
  need('availability', a, a > 0 && a <= 1, 'must be in (0, 1]');
}

const plantCrf = (p: PlantCostInput): number =>
  capitalRecoveryFactor(p.waccReal ?? DEFAULT_WACC_REAL, p.lifeYears ?? PLANT_LIFE_YEARS);

/** (CRF·capital + FOM) / (8.76·availability) + fuel + VOM, $/MWh; 8.76 = 8,760 h / 1,000 kW/MW. */
export function plantLcoeUsdPerMwh(p: PlantCostInput): number {
  checkPlant(p);
  const fixedUsdPerKwYr = plantCrf(p) * p.capitalCostUsdPerKw + p.fixedOmUsdPerKwYr;
  const mwhPerKwYr = (HOURS_PER_YEAR / 1000) * p.availability;
  return fixedUsdPerKwYr / mwhPerKwYr + p.fuelUsdPerMwh + p.variableOmUsdPerMwh;
}

/** Sinking-fund factor r / ((1+r)^n − 1): the yearly deposit that grows to 1 in n years. */
export function sinkingFundFactor(rate: number, years: number): number {
  need('rate', rate, rate > -1, 'must be a finite real rate above -1');
  need('years', years, years > 0, 'must be a positive number of years');
  if (Math.abs(rate) < 1e-12) return 1 / years;
  return rate / ((1 + rate) ** years - 1);
}

/**
 * Capital of the n-th unit of a design built in the evaluation, as a multiple of the design's
 * published figure (DESIGN.md "Capital (revised)"): the FOAK premium for n = 1, and
 * n^log2(1 − learning rate) after (Wright's law: each doubling of units built costs (1 − rate)).
 */
export function unitCostFactor(n: number, foakPremium: number, learningRate: number): number {
  need('n', n, Number.isInteger(n) && n >= 1, 'must be a whole number >= 1');
  need('foakPremium', foakPremium, foakPremium >= 1, 'must be >= 1');
  need('learningRate', learningRate, learningRate >= 0 && learningRate < 1, 'must be in [0, 1)');
  return n === 1 ? foakPremium : n ** Math.log2(1 - learningRate);
}

export function plantCapexUsd(p: Pick<PlantCostInput, 'netMw' | 'capitalCostUsdPerKw'>): number {
  nonNegative(p, ['netMw', 'capitalCostUsdPerKw']);
  return p.netMw * 1000 * p.capitalCostUsdPerKw;
}

/** CRF·capex + FOM·kW + (fuel + VOM)·MWh generated, $/yr. */
export function plantAnnualCostUsd(p: PlantCostInput, generatedMwh: number): number {
  checkPlant(p);
  need('generatedMwh', generatedMwh, generatedMwh >= 0, 'must be >= 0');
  const kw = p.netMw * 1000;
  return (
    plantCrf(p) * plantCapexUsd(p) +
    p.fixedOmUsdPerKwYr * kw +
    (p.fuelUsdPerMwh + p.variableOmUsdPerMwh) * generatedMwh
  );
}

/** A line's capital annualised over its 50-year life; line O&M is inside the planning $/mi. */
export function lineAnnualCostUsd(
  capexUsd: number,
  waccReal = DEFAULT_WACC_REAL,
  lifeYears = LINE_LIFE_YEARS,
): number {
  need('capexUsd', capexUsd, capexUsd >= 0, 'must be >= 0');
  return capitalRecoveryFactor(waccReal, lifeYears) * capexUsd;
}

// Backup: ASSUMPTIONS, none of them in the reference data (2025 USD, planning level).
/**
 * Simple-cycle gas, $/kW: EIA AEO2026 Electricity Market Module assumptions, Table 3
 * (Sargent & Lundy, Jan 2024 data): aeroderivative combustion turbine $2,275/kW (2025 $), the
 * fast-starting kind a backup needs (a frame CT is $1,158/kW).
 */
const GAS_CAPEX_USD_PER_KW = 2275;
const GAS_FIXED_OM_USD_PER_KW_YR = 20;
const GAS_LIFE_YEARS = 30;
/** Utility Li-ion split into energy and power parts, NREL ATB-style 2025 values. */
const BATTERY_USD_PER_KWH = 300;
const BATTERY_USD_PER_KW = 350;
/** Fixed O&M as 2.5% of capex a year (NREL ATB convention for utility batteries). */
const BATTERY_FIXED_OM_SHARE = 0.025;
const BATTERY_LIFE_YEARS = 15;

export const BACKUP_ASSUMPTIONS: readonly string[] = [
  'Backup gas capital: aeroderivative combustion turbines at ' +
    `$${GAS_CAPEX_USD_PER_KW}/kW (EIA AEO2026 EMM Table 3, 2025 $), fixed O&M ` +
    `$${GAS_FIXED_OM_USD_PER_KW_YR}/kW-yr (assumption), 30-year life (assumption); its fuel is ` +
    'charged on the MWh it is dispatched for (heat rate × gas price + VOM, in the assumptions).',
  `Backup battery (assumption, NREL ATB-style 2025 planning values, not in the reference data): ` +
    `$${BATTERY_USD_PER_KWH}/kWh + $${BATTERY_USD_PER_KW}/kW installed, fixed O&M 2.5% of capex a ` +
    'year, 15-year life, no augmentation.',
];

export interface BackupInput {
  gasMw: number;
  gasMwh: number;
  batteryMw: number;
  batteryMwh: number;
  /** Heat rate × gas price + variable O&M, $/MWh of gas dispatched. */
  gasFuelUsdPerMwh: number;
  waccReal?: number;
}
export interface BackupCost {
  capexUsd: number;
  annualCostUsd: number;
  assumptions: string[];
}

/** Capex and annual cost of the backup fleet; linear in every MW and MWh. */
export function backupCost(b: BackupInput): BackupCost {
  nonNegative(b, ['gasMw', 'gasMwh', 'batteryMw', 'batteryMwh', 'gasFuelUsdPerMwh']);
  const wacc = b.waccReal ?? DEFAULT_WACC_REAL;
  const gasCapexUsd = b.gasMw * 1000 * GAS_CAPEX_USD_PER_KW;
  const batteryCapexUsd =
    b.batteryMwh * 1000 * BATTERY_USD_PER_KWH + b.batteryMw * 1000 * BATTERY_USD_PER_KW;
  const gasAnnualUsd =
    capitalRecoveryFactor(wacc, GAS_LIFE_YEARS) * gasCapexUsd +
    GAS_FIXED_OM_USD_PER_KW_YR * b.gasMw * 1000 +
    b.gasFuelUsdPerMwh * b.gasMwh;
  const batteryAnnualUsd =
    (capitalRecoveryFactor(wacc, BATTERY_LIFE_YEARS) + BATTERY_FIXED_OM_SHARE) * batteryCapexUsd;
  return {
    capexUsd: gasCapexUsd + batteryCapexUsd,
    annualCostUsd: gasAnnualUsd + batteryAnnualUsd,
    assumptions: [...BACKUP_ASSUMPTIONS],
  };
}

/**
 * All annualised costs ÷ MWh served. Nothing served gives +Infinity (never NaN): the caller warns,
 * and JSON carries it as null.
 */
export function deliveredCostUsdPerMwh(annualCostsUsd: number, servedMwh: number): number {
  need('annualCostsUsd', annualCostsUsd, annualCostsUsd >= 0, 'must be >= 0');
  need('servedMwh', servedMwh, servedMwh >= 0, 'must be >= 0');
  return servedMwh === 0 ? Number.POSITIVE_INFINITY : annualCostsUsd / servedMwh;
}

export const TORNADO_PARAMETERS = [
  'capitalCost',
  'wacc',
  'availability',
  'distance',
  'foakPremium',
  'learningRate',
] as const;

export interface TornadoBar {
  parameter: (typeof TORNADO_PARAMETERS)[number];
  label: string;
  lowInput: string;
  highInput: string;
  /** Cost with the parameter at its low input (not necessarily the lower cost). */
  lowUsdPerMwh: number;
  highUsdPerMwh: number;
  baseUsdPerMwh: number;
}
export interface TornadoVariant {
  capitalScale: number;
  waccDelta: number;
  availabilityDelta: number;
  distanceScale: number;
  /** Added to the FOAK premium (floored at 1). */
  foakDelta: number;
  /** Added to the learning rate (floored at 0). */
  learningDelta: number;
}

/**
 * DESIGN.md: ±30% capital cost, ±2 points WACC, ±5 points availability, ±30% distance; and the
 * FOAK premium ±0.5 and the learning rate ±5 points (our swings: the ranges their sources give).
 */
export const TORNADO_SWINGS = {
  capitalScale: 0.3,
  waccDelta: 0.02,
  availabilityDelta: 0.05,
  distanceScale: 0.3,
  foakDelta: 0.5,
  learningDelta: 0.05,
} as const;

/** Every parameter at its base: the variant the answer itself is costed at. */
export const BASE_VARIANT: TornadoVariant = {
  capitalScale: 1,
  waccDelta: 0,
  availabilityDelta: 0,
  distanceScale: 1,
  foakDelta: 0,
  learningDelta: 0,
};
const S = TORNADO_SWINGS;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const pts = (x: number): string => `${Math.round(x * 100)} pts`;
const times = (x: number): string => `${x}×`;
const BARS = [
  ['capitalCost', 'Capital cost', 'capitalScale', 1, S.capitalScale, pct],
  ['wacc', 'Real WACC', 'waccDelta', 0, S.waccDelta, pts],
  ['availability', 'Availability', 'availabilityDelta', 0, S.availabilityDelta, pts],
  ['distance', 'Transmission distance', 'distanceScale', 1, S.distanceScale, pct],
  ['foakPremium', 'First-of-a-kind premium', 'foakDelta', 0, S.foakDelta, times],
  ['learningRate', 'Learning rate', 'learningDelta', 0, S.learningDelta, pts],
] as const;

/** One parameter at a time at −swing and +swing around the base; widest spread first. */
export function tornado(costAt: (variant: TornadoVariant) => number): TornadoBar[] {
  const baseUsdPerMwh = costAt({ ...BASE_VARIANT });
  const bars = BARS.map(([parameter, label, key, base, swing, fmt]): TornadoBar => ({
    parameter,
    label,
    lowInput: `-${fmt(swing)}`,
    highInput: `+${fmt(swing)}`,
    lowUsdPerMwh: costAt({ ...BASE_VARIANT, [key]: base - swing }),
    highUsdPerMwh: costAt({ ...BASE_VARIANT, [key]: base + swing }),
    baseUsdPerMwh,
  }));
  // A NaN spread (nothing served at both ends) counts as infinite, so it cannot poison the sort;
  // Array.prototype.sort is stable, so equal spreads keep the DESIGN.md order.
  const spread = (b: TornadoBar): number =>
    Math.abs(b.highUsdPerMwh - b.lowUsdPerMwh) ||
    (b.highUsdPerMwh === b.lowUsdPerMwh ? 0 : Infinity);
  return bars.sort((a, b) => (spread(b) > spread(a) ? 1 : spread(b) < spread(a) ? -1 : 0));
}
