// The evaluate request (DESIGN.md `POST /api/evaluate`): limits, defaults and validation that
// names the bad field and value (400). The server's TypeBox schema mirrors EVALUATE_LIMITS.
import type { CampusSpec } from '../demand.ts';
import { invalidInput } from '../errors.ts';
import type { Design } from '../records.ts';
import type { DeploymentInput } from '../supply/fleet.ts';
import { isValidLatLon } from '../units.ts';

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
} as const;

export const DEFAULT_TRIALS = 500;
export const DEFAULT_SEED = 1;
export const DEFAULT_TARGET_RELIABILITY = 0.999;

export interface EvaluateOptions {
  year?: number;
  trials?: number;
  seed?: number;
  targetReliability?: number;
}

export interface EvaluateInputs {
  campus: CampusSpec;
  deployments: DeploymentInput[];
  options?: EvaluateOptions;
}

export interface EvaluateData {
  designs: Design[];
  gpuPower: unknown;
}

export interface ValidOptions {
  year: number | undefined;
  trials: number;
  seed: number;
  targetReliability: number;
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
    return out;
  });
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
  const trials = pick('trials', L.trialsMin, L.trialsMax, DEFAULT_TRIALS, 'DESIGN.md default');
  const seed = pick('seed', L.seedMin, L.seedMax, DEFAULT_SEED, 'DESIGN.md default');
  let targetReliability = DEFAULT_TARGET_RELIABILITY;
  if (o.targetReliability === undefined) {
    assumptions.push(
      `options.targetReliability not given: ${DEFAULT_TARGET_RELIABILITY} (DESIGN.md default).`,
    );
  } else {
    const t = o.targetReliability;
    if (typeof t !== 'number' || !(t >= L.targetReliabilityMin && t <= L.targetReliabilityMax)) {
      throw invalidInput(
        'options.targetReliability',
        t,
        `must be a number in ${L.targetReliabilityMin}..${L.targetReliabilityMax}`,
      );
    }
    targetReliability = t;
  }
  const year =
    o.year === undefined ? undefined : integerIn('options.year', o.year, L.yearMin, L.yearMax);
  return { year, trials, seed, targetReliability, assumptions };
}
