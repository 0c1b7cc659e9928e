// The evaluate request (DESIGN.md `POST /api/evaluate`): limits, defaults and validation that
// names the bad field and value (400). The server's TypeBox schema mirrors EVALUATE_LIMITS.
import type { CampusSpec } from '../demand.ts';
import { invalidInput } from '../errors.ts';
import type { LocationData } from '../economics/location.ts';
import type { Design, InterconnectionPoint } from '../records.ts';
import type { DeploymentInput } from '../supply/fleet.ts';
import { isValidLatLon } from '../units.ts';
import {
  DEFAULTS,
  DISPATCH_SOURCES,
  GRID_MODES,
  TAX_CREDITS,
  note,
  type Default,
  type DispatchSource,
  type GridMode,
  type TaxCredit,
} from './defaults.ts';

export const EVALUATE_LIMITS = {
  deploymentsMin: 1,
  deploymentsMax: 20,
  unitsMin: 1,
  unitsMax: 100,
  trialsMin: 20,
  trialsMax: 5000,
  /** The demand ramp and timeline span 2024–2045 (DESIGN.md "Ramp"). */
  yearMin: 2024,
  yearMax: 2045,
  codYearMin: 2024,
  codYearMax: 2045,
  seedMin: 0,
  seedMax: 2 ** 31 - 1,
  targetReliabilityMin: 0.5,
  targetReliabilityMax: 0.99999,
  mwMax: 100_000,
  mwhMax: 1_000_000,
  priceUsdPerMwhMin: -1000,
  priceUsdPerMwhMax: 10_000,
  vollUsdPerMwhMax: 1_000_000,
  gridAvailabilityMin: 0.9,
  forcedOutageRateMax: 0.5,
  heatRateMin: 5,
  heatRateMax: 20,
  fuelPriceMax: 100,
  roundTripEfficiencyMin: 0.5,
  waccRealMax: 0.2,
  foakPremiumMin: 1,
  foakPremiumMax: 3,
  learningRateMax: 0.5,
} as const;

export const DEFAULT_TRIALS = 500;
export const DEFAULT_SEED = 1;
export const DEFAULT_TARGET_RELIABILITY = 0.999;

export interface GridOptions {
  mode: GridMode;
  importLimitMw?: number;
  importPriceUsdPerMwh?: number;
  exportPriceUsdPerMwh?: number;
  availability?: number;
}

export interface BackupOptions {
  gas?: {
    mw?: number;
    forcedOutageRate?: number;
    heatRateMmbtuPerMwh?: number;
    fuelPriceUsdPerMmbtu?: number;
  };
  battery?: { mw?: number; mwh?: number; roundTripEfficiency?: number };
  order?: DispatchSource[];
}

export interface EconomicsOptions {
  waccReal?: number;
  foakPremium?: number;
  learningRate?: number;
  taxCredit?: TaxCredit;
}

export interface EvaluateOptions {
  year?: number;
  /** Evaluate each year of [from, to] with its own Monte Carlo (the timeline carries them). */
  years?: [number, number];
  trials?: number;
  seed?: number;
  targetReliability?: number;
  grid?: GridOptions;
  backup?: BackupOptions;
  vollUsdPerMwh?: number;
  economics?: EconomicsOptions;
}

export interface EvaluateInputs {
  campus: CampusSpec;
  deployments: DeploymentInput[];
  options?: EvaluateOptions;
}

export interface EvaluateData {
  designs: Design[];
  gpuPower: unknown;
  /** State polygons and capital-cost location multipliers (geo-data/location.ts). */
  location?: LocationData;
  /** Retired coal sites for the energy-community bonus. */
  coalSites?: { lat: number; lon: number }[];
  /** Known interconnection points (EIA-860 plants at ≥ 230 kV) for grid-connected lines. */
  interconnections?: InterconnectionPoint[];
}

/** Options resolved: a number left undefined is sized later by its rule (gas MW, battery). */
export interface ValidOptions {
  year: number | undefined;
  years: [number, number] | null;
  trials: number;
  seed: number;
  targetReliability: number;
  grid: {
    mode: GridMode;
    /** undefined: the campus facility peak (resolved in prepare). */
    importLimitMw: number | undefined;
    importPriceUsdPerMwh: number;
    exportPriceUsdPerMwh: number;
    availability: number;
  };
  gas: {
    mw: number | undefined;
    forcedOutageRate: number;
    heatRateMmbtuPerMwh: number;
    fuelPriceUsdPerMmbtu: number;
  };
  battery: { mw: number | undefined; mwh: number | undefined; roundTripEfficiency: number };
  order: DispatchSource[];
  vollUsdPerMwh: number;
  economics: { waccReal: number; foakPremium: number; learningRate: number; taxCredit: TaxCredit };
  assumptions: string[];
}

const L = EVALUATE_LIMITS;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function integerIn(field: string, value: unknown, low: number, high: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < low || value > high) {
    throw invalidInput(field, value, `must be a whole number in ${low}..${high}`);
  }
  return value;
}

export function validateDeployments(raw: unknown, designs: readonly Design[]): DeploymentInput[] {
  if (!Array.isArray(raw) || raw.length < L.deploymentsMin || raw.length > L.deploymentsMax) {
    const n = Array.isArray(raw) ? raw.length : raw;
    throw invalidInput(
      'deployments',
      n,
      `must be a list of ${L.deploymentsMin}..${L.deploymentsMax} deployments`,
    );
  }
  const known = new Set(designs.map((d) => d.id));
  return raw.map((d: unknown, i): DeploymentInput => {
    const at = `deployments[${i}]`;
    if (!isObject(d)) throw invalidInput(at, d, 'must be an object');
    if (typeof d.designId !== 'string' || !known.has(d.designId)) {
      throw invalidInput(
        `${at}.designId`,
        d.designId,
        `unknown design; known: ${[...known].join(', ')}`,
      );
    }
    const units = integerIn(`${at}.units`, d.units, L.unitsMin, L.unitsMax);
    if (typeof d.lat !== 'number' || !isValidLatLon(d.lat, 0)) {
      throw invalidInput(`${at}.lat`, d.lat, 'must be a number in -90..90');
    }
    if (typeof d.lon !== 'number' || !isValidLatLon(0, d.lon)) {
      throw invalidInput(`${at}.lon`, d.lon, 'must be a number in -180..180');
    }
    const out: DeploymentInput = { designId: d.designId, units, lat: d.lat, lon: d.lon };
    if (d.codYear !== undefined) {
      out.codYear = integerIn(`${at}.codYear`, d.codYear, L.codYearMin, L.codYearMax);
    }
    if (d.circuits !== undefined) {
      if (d.circuits !== 1 && d.circuits !== 2) {
        throw invalidInput(
          `${at}.circuits`,
          d.circuits,
          'must be 1 (single) or 2 (double circuit)',
        );
      }
      out.circuits = d.circuits;
    }
    return out;
  });
}

function numberIn(field: string, value: unknown, low: number, high: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > high) {
    throw invalidInput(field, value, `must be a number in ${low}..${high}`);
  }
  return value;
}

function objectAt(field: string, value: unknown): Json {
  if (value === undefined) return {};
  if (!isObject(value)) throw invalidInput(field, value, 'must be an object');
  return value;
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidInput(field, value, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Options with their defaults; every default used is echoed in `assumptions`. */
export function validateOptions(raw: unknown): ValidOptions {
  if (raw !== undefined && !isObject(raw)) throw invalidInput('options', raw, 'must be an object');
  const o: Json = raw ?? {};
  const assumptions: string[] = [];
  const pick = (key: string, low: number, high: number, fallback: number, why: string) => {
    if (o[key] === undefined) {
      assumptions.push(`options.${key} not given: ${fallback} (${why}).`);
      return fallback;
    }
    return integerIn(`options.${key}`, o[key], low, high);
  };
  /** A number at `field` in [low, high], or its labelled default (echoed). */
  const num = (field: string, v: unknown, low: number, high: number, d: Default): number => {
    if (v === undefined) {
      assumptions.push(note(field, d));
      return d.value;
    }
    return numberIn(field, v, low, high);
  };
  const optionalNum = (field: string, v: unknown, low: number, high: number) =>
    v === undefined ? undefined : numberIn(field, v, low, high);
  const trials = pick('trials', L.trialsMin, L.trialsMax, DEFAULT_TRIALS, 'DESIGN.md default');
  const seed = pick('seed', L.seedMin, L.seedMax, DEFAULT_SEED, 'DESIGN.md default');
  let targetReliability = DEFAULT_TARGET_RELIABILITY;
  if (o.targetReliability === undefined) {
    assumptions.push(
      `options.targetReliability not given: ${DEFAULT_TARGET_RELIABILITY} (DESIGN.md default).`,
    );
  } else {
    targetReliability = numberIn(
      'options.targetReliability',
      o.targetReliability,
      L.targetReliabilityMin,
      L.targetReliabilityMax,
    );
  }
  const year =
    o.year === undefined ? undefined : integerIn('options.year', o.year, L.yearMin, L.yearMax);
  let years: [number, number] | null = null;
  if (o.years !== undefined) {
    const y = o.years;
    if (!Array.isArray(y) || y.length !== 2) {
      throw invalidInput('options.years', y, 'must be [from, to]');
    }
    const from = integerIn('options.years[0]', y[0], L.yearMin, L.yearMax);
    const to = integerIn('options.years[1]', y[1], from, L.yearMax);
    years = [from, to];
  }

  const g = objectAt('options.grid', o.grid);
  const mode = g.mode === undefined ? 'islanded' : oneOf('options.grid.mode', g.mode, GRID_MODES);
  if (g.mode === undefined) assumptions.push('options.grid.mode not given: islanded (DESIGN.md).');
  const connected = mode === 'connected';
  const gridNum = (key: string, low: number, high: number, d: Default) =>
    connected ? num(`options.grid.${key}`, g[key], low, high, d) : d.value;
  const grid = {
    mode,
    importLimitMw: optionalNum('options.grid.importLimitMw', g.importLimitMw, 0, L.mwMax),
    importPriceUsdPerMwh: gridNum(
      'importPriceUsdPerMwh',
      L.priceUsdPerMwhMin,
      L.priceUsdPerMwhMax,
      DEFAULTS.importPriceUsdPerMwh,
    ),
    exportPriceUsdPerMwh: gridNum(
      'exportPriceUsdPerMwh',
      L.priceUsdPerMwhMin,
      L.priceUsdPerMwhMax,
      DEFAULTS.exportPriceUsdPerMwh,
    ),
    availability: gridNum('availability', L.gridAvailabilityMin, 1, DEFAULTS.gridAvailability),
  };

  const b = objectAt('options.backup', o.backup);
  const gasIn = objectAt('options.backup.gas', b.gas);
  const gas = {
    mw: optionalNum('options.backup.gas.mw', gasIn.mw, 0, L.mwMax),
    forcedOutageRate: num(
      'options.backup.gas.forcedOutageRate',
      gasIn.forcedOutageRate,
      0,
      L.forcedOutageRateMax,
      DEFAULTS.gasForcedOutageRate,
    ),
    heatRateMmbtuPerMwh: num(
      'options.backup.gas.heatRateMmbtuPerMwh',
      gasIn.heatRateMmbtuPerMwh,
      L.heatRateMin,
      L.heatRateMax,
      DEFAULTS.gasHeatRateMmbtuPerMwh,
    ),
    fuelPriceUsdPerMmbtu: num(
      'options.backup.gas.fuelPriceUsdPerMmbtu',
      gasIn.fuelPriceUsdPerMmbtu,
      0,
      L.fuelPriceMax,
      DEFAULTS.gasFuelPriceUsdPerMmbtu,
    ),
  };
  const batIn = objectAt('options.backup.battery', b.battery);
  const battery = {
    mw: optionalNum('options.backup.battery.mw', batIn.mw, 0, L.mwMax),
    mwh: optionalNum('options.backup.battery.mwh', batIn.mwh, 0, L.mwhMax),
    roundTripEfficiency: num(
      'options.backup.battery.roundTripEfficiency',
      batIn.roundTripEfficiency,
      L.roundTripEfficiencyMin,
      1,
      DEFAULTS.batteryRoundTripEfficiency,
    ),
  };
  let order: DispatchSource[] = [...DISPATCH_SOURCES];
  if (b.order === undefined) {
    assumptions.push(
      'options.backup.order not given: battery, then gas, then grid (the battery covers short ' +
        'gaps first and keeps gas starts for long ones).',
    );
  } else {
    const list = b.order;
    if (
      !Array.isArray(list) ||
      list.length !== DISPATCH_SOURCES.length ||
      new Set(list).size !== DISPATCH_SOURCES.length
    ) {
      throw invalidInput(
        'options.backup.order',
        list,
        `must list each of ${DISPATCH_SOURCES.join(', ')} once`,
      );
    }
    order = list.map((x, i) => oneOf(`options.backup.order[${i}]`, x, DISPATCH_SOURCES));
  }
  const vollUsdPerMwh = num(
    'options.vollUsdPerMwh',
    o.vollUsdPerMwh,
    0,
    L.vollUsdPerMwhMax,
    DEFAULTS.vollUsdPerMwh,
  );
  const e = objectAt('options.economics', o.economics);
  const economics = {
    waccReal: num('options.economics.waccReal', e.waccReal, 0, L.waccRealMax, DEFAULTS.waccReal),
    foakPremium: num(
      'options.economics.foakPremium',
      e.foakPremium,
      L.foakPremiumMin,
      L.foakPremiumMax,
      DEFAULTS.foakPremium,
    ),
    learningRate: num(
      'options.economics.learningRate',
      e.learningRate,
      0,
      L.learningRateMax,
      DEFAULTS.learningRate,
    ),
    taxCredit:
      e.taxCredit === undefined
        ? 'none'
        : oneOf('options.economics.taxCredit', e.taxCredit, TAX_CREDITS),
  };
  if (e.taxCredit === undefined) {
    assumptions.push('options.economics.taxCredit not given: none (credits are a toggle).');
  }
  return {
    year,
    years,
    trials,
    seed,
    targetReliability,
    grid,
    gas,
    battery,
    order,
    vollUsdPerMwh,
    economics,
    assumptions,
  };
}
