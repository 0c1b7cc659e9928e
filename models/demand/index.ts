// Campus demand for one year (DESIGN.md "Models → Demand", `POST /api/demand`): composes the
// spec, utilisation shapes, PUE proxy, phase capacities and ramp. Facility MW per MW of capacity
// is g(t) = u(t)·PUE(t) for an AI campus and the fab shape for a fab; every year of the ramp
// reuses that one g(t), so the whole answer costs one 8,760-hour pass plus a pass per ramping year.
// Hot loops live in small helpers: V8 optimises those reliably, not this long function's loops
// (measured: a quarter of the run time until they moved).
import { ModelError, invalidInput } from '../errors.ts';
import { streamFor } from '../rng.ts';
import { HOURS_PER_YEAR } from '../units.ts';
import { phaseCapacities } from './phases.ts';
import {
  facilityPerCapacity,
  overheadShape,
  PUE_PROXY_NOTE,
  solveOverheadScale,
  temperatureProxyC,
} from './pue.ts';
import { demandCrossChecks, type DemandCrossCheck } from './cross-check.ts';
import { capacityForYear, fullBuildYear, rampByYear, type RampYear } from './ramp.ts';
import {
  blendUtilisation,
  fabLoadShape,
  inferenceUtilisation,
  trainingUtilisation,
} from './shapes.ts';
import { resolveCampus, validateCampusSpec, type CampusSpec, type ResolvedCampus } from './spec.ts';
import {
  maxOf,
  productInto,
  quantile,
  seriesStats,
  toNumberArray,
  type SeriesStats,
} from './stats.ts';
import { shapeNotes, swingOf, type DemandSwing } from './notes.ts';

export interface DemandOptions {
  /** Calendar year to model; default: the first year with every phase fully online. */
  year?: number;
  /** Default 1 (DESIGN.md "Coverage → Defaults"). */
  seed?: number;
  /** gpu-power.json as loaded by the caller. */
  gpuPower: unknown;
}

export interface DemandResult extends SeriesStats {
  year: number;
  seed: number;
  /** 8,760 hourly facility MW in local standard time from 1 January 00:00 (29 Feb dropped). */
  hourlyMw: number[];
  /** 8,760 hourly critical IT MW; absent for a fab, which has no PUE. */
  itHourlyMw?: number[];
  itPeakMw: number;
  /** ΣFacility / ΣIT over the year (ISO/IEC 30134-2); 1 for a fab. */
  pueAnnual: number;
  /** 99th-percentile hour of PUE(t); 1 for a fab. */
  pueDesignPeak: number;
  swing: DemandSwing;
  /** Facility peak MW and GWh per year, 2024–2045. */
  ramp: RampYear[];
  /** Published GPU counts against published facility MW, by year; [] when none are published. */
  crossChecks: DemandCrossCheck[];
  assumptions: string[];
}

/** Namespaces the demand streams apart from supply's (seed, trial, deployment, unit) streams. */
const DEMAND_STREAM_KEY = 0x64656d;

function checkInteger(field: string, value: number, low: number, high: number): number {
  if (!Number.isSafeInteger(value) || value < low || value > high) {
    throw invalidInput(field, value, `must be a whole number in ${low}..${high}`);
  }
  return value;
}

function utilisation(campus: ResolvedCampus, year: number, seed: number): Float64Array {
  const share = campus.trainingShare;
  const training =
    share > 0 ? trainingUtilisation(streamFor(seed, DEMAND_STREAM_KEY, year, 1)) : null;
  const inference =
    share < 1 ? inferenceUtilisation(streamFor(seed, DEMAND_STREAM_KEY, year, 2), year) : null;
  if (training && inference) return blendUtilisation(training, inference, share, training);
  return (training ?? inference) as Float64Array;
}

/**
 * Hourly facility demand of a campus in one year, its statistics, PUE, swing and ramp. Throws
 * ModelError INVALID_INPUT (400) naming the bad field, or NO_PUBLISHED_LOAD (422) for no phases.
 */
export function demandForYear(input: CampusSpec | unknown, options: DemandOptions): DemandResult {
  const spec = validateCampusSpec(input, options.gpuPower);
  const { campus, assumptions } = resolveCampus(spec);
  if (spec.phases.length === 0) {
    throw new ModelError(
      'NO_PUBLISHED_LOAD',
      `${campus.label} has no published load: enter phases, each { start: 'YYYY-MM', accelerator, ` +
        'count } or { start, itMw } (or { start, facilityMw }), to model its demand.',
      { campus: spec.id ?? campus.label },
    );
  }
  const year = checkInteger('year', options.year ?? fullBuildYear(spec.phases), 1900, 2100);
  if (options.year === undefined) {
    assumptions.push(`year not given: ${year}, the first year with every phase fully online.`);
  }
  const seed = options.seed ?? 1;
  checkInteger('seed', seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (options.seed === undefined) assumptions.push('seed not given: 1.');

  const isFab = campus.kind === 'fab';
  const overhead = overheadShape(temperatureProxyC(campus.lat, campus.lon, campus.utcOffsetHours));
  const overheadP99 = quantile(overhead, 0.99);
  const u = isFab ? null : utilisation(campus, year, seed);
  // k is solved on full-build weights u(t), so it is a property of the plant and climate, and the
  // design-day PUE that turns published facility peaks into IT MW does not depend on the ramp.
  const k = u ? solveOverheadScale(campus.pue, u, overhead) : 0;
  const pueDesignPeak = 1 + k * overheadP99;
  const shape = u ? facilityPerCapacity(u, overhead, k) : fabLoadShape(overhead, overheadP99);

  const phases = phaseCapacities(campus.phases, campus.kind, pueDesignPeak, options.gpuPower);
  const capacity = capacityForYear(phases, year);
  const hourly = new Float64Array(HOURS_PER_YEAR);
  productInto(capacity, shape, hourly);
  const stats = seriesStats(hourly);

  let itHourlyMw: number[] | undefined;
  let itPeakMw = 0;
  let pueAnnual = 1;
  if (u) {
    const it = new Float64Array(HOURS_PER_YEAR);
    const itSum = productInto(capacity, u, it);
    itHourlyMw = toNumberArray(it);
    itPeakMw = maxOf(it);
    // Before the first phase there is no IT to weigh: report the calibrated input.
    pueAnnual = itSum > 0 ? (stats.meanMw * HOURS_PER_YEAR) / itSum : campus.pue;
  }

  assumptions.push(...phases.map((phase) => phase.basis));
  assumptions.push(...shapeNotes(campus.kind, campus.trainingShare));
  if (!isFab) assumptions.push(PUE_PROXY_NOTE);
  if (!isFab && Math.abs(pueAnnual - campus.pue) > 5e-4) {
    assumptions.push(
      `pueAnnual ${pueAnnual.toFixed(3)} differs from the input ${campus.pue} because phases ramp ` +
        'during the year; the PUE curve is calibrated at full build.',
    );
  }
  return {
    year,
    seed,
    hourlyMw: toNumberArray(hourly),
    ...(itHourlyMw ? { itHourlyMw } : {}),
    itPeakMw,
    ...stats,
    pueAnnual,
    pueDesignPeak,
    swing: swingOf(campus.trainingShare, itPeakMw),
    ramp: rampByYear(phases, shape),
    crossChecks: demandCrossChecks(input, campus.kind, pueDesignPeak, options.gpuPower),
    assumptions,
  };
}

export { validateCampusSpec, resolveCampus, type CampusSpec } from './spec.ts';
export { fullBuildYear, type RampYear } from './ramp.ts';
export type { DemandSwing } from './notes.ts';
export type { CrossCheckAccelerator, DemandCrossCheck } from './cross-check.ts';
