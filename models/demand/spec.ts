// The campus a user draws or picks (the API's CampusSpec, DESIGN.md "Demand → Campus spec"):
// validation that names the bad field and value (400), and the defaults, each echoed in words.
import { parseYearMonth } from '../calendar.ts';
import { invalidInput } from '../errors.ts';
import { acceleratorIds } from '../gpu-power.ts';
import type { CampusKind, CampusPhase } from '../records.ts';

/** A campus without provenance. A bundled `Campus` record is also a valid CampusSpec. */
export interface CampusSpec {
  id?: string;
  name?: string;
  kind?: CampusKind;
  lat: number;
  lon: number;
  utcOffsetHours?: number;
  pue?: number;
  trainingShare?: number;
  phases: CampusPhase[];
}

export interface ResolvedCampus {
  label: string;
  kind: CampusKind;
  lat: number;
  lon: number;
  utcOffsetHours: number;
  pue: number;
  trainingShare: number;
  phases: CampusPhase[];
}

export const MAX_PHASES = 50;
/** Longest ramp accepted, months: ten years is longer than any published build-out. */
export const MAX_RAMP_MONTHS = 120;
export const DEFAULT_RAMP_MONTHS = 6;
const KINDS: readonly CampusKind[] = ['ai-training', 'ai-inference', 'ai-mixed', 'fab'];

/** DESIGN.md "Campus spec": trainingShare by kind where the user gives none (assumption). */
export const DEFAULT_TRAINING_SHARE: Record<CampusKind, number> = {
  'ai-training': 0.9,
  'ai-mixed': 0.5,
  'ai-inference': 0.1,
  fab: 0,
};
/**
 * Annual PUE for an AI campus where none is given (assumption): inside gpu-power.json
 * pue.designRanges for hyperscale air-cooled (1.15–1.35) and at the top of liquid-cooled AI
 * (1.08–1.2).
 */
export const DEFAULT_AI_PUE = 1.2;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function numberIn(obj: Json, key: string, field: string, low: number, high: number) {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!isFiniteNumber(value) || value < low || value > high) {
    throw invalidInput(field, value, `must be a number in ${low}..${high}`);
  }
  return value;
}

function validatePhase(raw: unknown, i: number, knownIds: Set<string> | null): CampusPhase {
  const at = `phases[${i}]`;
  if (!isObject(raw)) throw invalidInput(at, raw, 'must be an object');
  const start = raw.start;
  parseYearMonth(start, `${at}.start`);
  const phase: CampusPhase = { start: start as string };
  const ramp = numberIn(raw, 'rampMonths', `${at}.rampMonths`, 0, MAX_RAMP_MONTHS);
  if (ramp !== undefined) phase.rampMonths = ramp;
  const given = ['itMw', 'facilityMw', 'accelerator'].filter((key) => raw[key] !== undefined);
  if (given.length !== 1) {
    throw invalidInput(at, raw, 'give exactly one of itMw, facilityMw or accelerator + count');
  }
  for (const key of ['itMw', 'facilityMw'] as const) {
    const mw = raw[key];
    if (mw === undefined) continue;
    if (!isFiniteNumber(mw) || mw <= 0) throw invalidInput(`${at}.${key}`, mw, 'must be > 0 MW');
    phase[key] = mw;
  }
  if (raw.accelerator !== undefined) {
    const id = raw.accelerator;
    if (typeof id !== 'string' || (knownIds !== null && !knownIds.has(id))) {
      throw invalidInput(
        `${at}.accelerator`,
        id,
        'not an id in gpu-power.json accelerators or racks',
      );
    }
    const count = raw.count;
    if (!Number.isSafeInteger(count) || (count as number) < 1) {
      throw invalidInput(`${at}.count`, count, 'must be a whole number of GPUs ≥ 1');
    }
    phase.accelerator = id;
    phase.count = count as number;
  } else if (raw.count !== undefined) {
    throw invalidInput(`${at}.count`, raw.count, 'count needs an accelerator');
  }
  return phase;
}

/**
 * Checks a campus spec and returns a clean copy holding only the fields the model reads. With
 * `gpuPower`, accelerator ids are checked too. `phases: []` is valid here: demandForYear answers
 * it with NO_PUBLISHED_LOAD (422), since the spec is well formed but has no load to model.
 */
export function validateCampusSpec(input: unknown, gpuPower?: unknown): CampusSpec {
  if (!isObject(input)) throw invalidInput('campus', input, 'must be an object');
  const lat = input.lat;
  if (!isFiniteNumber(lat) || lat < -90 || lat > 90)
    throw invalidInput('lat', lat, 'must be -90..90');
  const lon = input.lon;
  if (!isFiniteNumber(lon) || lon < -180 || lon > 180) {
    throw invalidInput('lon', lon, 'must be -180..180');
  }
  const spec: CampusSpec = { lat, lon, phases: [] };
  for (const key of ['id', 'name'] as const) {
    if (typeof input[key] === 'string') spec[key] = input[key];
  }
  if (input.kind !== undefined) {
    if (!KINDS.includes(input.kind as CampusKind)) {
      throw invalidInput('kind', input.kind, `must be one of ${KINDS.join(', ')}`);
    }
    spec.kind = input.kind as CampusKind;
  }
  // Standard-time offsets in use run from UTC−12 to UTC+14.
  const utcOffsetHours = numberIn(input, 'utcOffsetHours', 'utcOffsetHours', -12, 14);
  if (utcOffsetHours !== undefined) spec.utcOffsetHours = utcOffsetHours;
  const pue = numberIn(input, 'pue', 'pue', 1, 3);
  if (pue !== undefined) spec.pue = pue;
  const trainingShare = numberIn(input, 'trainingShare', 'trainingShare', 0, 1);
  if (trainingShare !== undefined) spec.trainingShare = trainingShare;
  const phases = input.phases;
  if (!Array.isArray(phases)) throw invalidInput('phases', phases, 'must be an array');
  if (phases.length > MAX_PHASES) {
    throw invalidInput('phases', `${phases.length} phases`, `at most ${MAX_PHASES}`);
  }
  const knownIds = gpuPower === undefined ? null : new Set(acceleratorIds(gpuPower));
  spec.phases = phases.map((phase, i) => validatePhase(phase, i, knownIds));
  return spec;
}

/** Applies DESIGN.md's defaults; every default used is said in `assumptions`. */
export function resolveCampus(spec: CampusSpec): {
  campus: ResolvedCampus;
  assumptions: string[];
} {
  const assumptions: string[] = [];
  const kind = spec.kind ?? 'ai-mixed';
  if (spec.kind === undefined) assumptions.push('kind not given: ai-mixed (default).');
  let trainingShare = spec.trainingShare ?? DEFAULT_TRAINING_SHARE[kind];
  if (spec.trainingShare === undefined) {
    assumptions.push(`trainingShare not given: ${trainingShare}, the default for ${kind}.`);
  }
  let pue = spec.pue ?? DEFAULT_AI_PUE;
  if (kind === 'fab') {
    if (spec.pue !== undefined && spec.pue !== 1) {
      assumptions.push(`pue ${spec.pue} ignored: a fab has no PUE; its HVAC is in the load.`);
    }
    if (trainingShare !== 0) assumptions.push('trainingShare ignored: a fab does no training.');
    pue = 1;
    trainingShare = 0;
  } else if (spec.pue === undefined) {
    assumptions.push(
      `pue not given: ${DEFAULT_AI_PUE} (assumption, inside gpu-power.json design ranges).`,
    );
  }
  let utcOffsetHours = spec.utcOffsetHours;
  if (utcOffsetHours === undefined) {
    utcOffsetHours = Math.round(spec.lon / 15) + 0; // + 0 turns −0 into 0
    assumptions.push(
      `utcOffsetHours not given: ${utcOffsetHours} = round(lon ${spec.lon} / 15); ` +
        'civil time zones often differ (Abilene is on Central time), so give it if known.',
    );
  }
  const label = spec.name ?? spec.id ?? `campus at ${spec.lat}, ${spec.lon}`;
  const campus = { label, kind, lat: spec.lat, lon: spec.lon, utcOffsetHours, pue, trainingShare };
  return { campus: { ...campus, phases: spec.phases }, assumptions };
}
