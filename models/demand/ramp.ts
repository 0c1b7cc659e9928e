// Installed capacity through time (DESIGN.md "Demand → Ramp"). Each phase adds its capacity
// linearly from the first hour of its start month to the first hour `rampMonths` months later
// (a 6-month ramp from 2025-01 is complete on 1 July 00:00), valued at the middle of each hour.
import { hourAfterMonths, monthStartHour, parseYearMonth, type YearMonth } from '../calendar.ts';
import { HOURS_PER_YEAR } from '../units.ts';
import { DEFAULT_RAMP_MONTHS } from './spec.ts';
import { maxOf } from './stats.ts';

export const RAMP_FIRST_YEAR = 2024;
export const RAMP_LAST_YEAR = 2045;

/** A phase as capacity: IT MW for an AI campus, peak facility MW for a fab. */
export interface PhaseCapacity {
  start: YearMonth;
  rampMonths: number;
  capacityMw: number;
  /** How the capacity was reached, in words. */
  basis: string;
}

export interface RampYear {
  year: number;
  peakMw: number;
  annualGwh: number;
}

/** The phase's ramp window on `year`'s hour axis: [startHour, endHour). */
function window(phase: PhaseCapacity, year: number): { startHour: number; endHour: number } {
  return {
    startHour: monthStartHour(phase.start, year),
    endHour: hourAfterMonths(phase.start, phase.rampMonths, year),
  };
}

/** Share of the phase online in the middle of hour t. */
function onlineFraction(t: number, startHour: number, endHour: number): number {
  const mid = t + 0.5;
  if (endHour <= startHour) return mid >= startHour ? 1 : 0;
  return Math.min(1, Math.max(0, (mid - startHour) / (endHour - startHour)));
}

/** Capacity MW if it is the same in every hour of `year` (no phase ramps in it), else null. */
export function constantCapacityMw(phases: PhaseCapacity[], year: number): number | null {
  let total = 0;
  for (const phase of phases) {
    const { startHour, endHour } = window(phase, year);
    if (endHour <= 0) total += phase.capacityMw;
    else if (startHour < HOURS_PER_YEAR) return null;
  }
  return total;
}

/** Hourly capacity MW through `year`. */
export function capacityForYear(
  phases: PhaseCapacity[],
  year: number,
  out: Float64Array = new Float64Array(HOURS_PER_YEAR),
): Float64Array {
  out.fill(0);
  const n = out.length;
  for (const phase of phases) {
    const { startHour, endHour } = window(phase, year);
    const mw = phase.capacityMw;
    // Fractions are computed only inside the ramp window; after it the phase is fully online.
    const first = Math.min(n, Math.max(0, Math.floor(startHour)));
    const full = Math.min(n, Math.max(first, Math.ceil(endHour)));
    for (let t = first; t < full; t += 1) out[t] += mw * onlineFraction(t, startHour, endHour);
    for (let t = full; t < n; t += 1) out[t] += mw;
  }
  return out;
}

/** The first year with every phase fully online on 1 January, capped at RAMP_LAST_YEAR. */
export function fullBuildYear(phases: { start: string; rampMonths?: number }[]): number {
  let year = RAMP_FIRST_YEAR;
  for (const phase of phases) {
    const start = parseYearMonth(phase.start);
    const endHour = hourAfterMonths(start, phase.rampMonths ?? DEFAULT_RAMP_MONTHS, start.year);
    year = Math.max(year, start.year + Math.ceil(endHour / HOURS_PER_YEAR));
  }
  return Math.min(year, RAMP_LAST_YEAR);
}

/**
 * Peak MW and GWh for each year, from one hourly load shape per MW of capacity (`shape`, e.g.
 * u(t)·PUE(t)). Every year reuses the evaluated year's shape, so the ramp costs one pass per year
 * that has a phase ramping in it and nothing for the others.
 */
export function rampByYear(
  phases: PhaseCapacity[],
  shape: Float64Array,
  firstYear = RAMP_FIRST_YEAR,
  lastYear = RAMP_LAST_YEAR,
): RampYear[] {
  let shapeSum = 0;
  for (let t = 0; t < shape.length; t += 1) shapeSum += shape[t];
  const shapeMax = maxOf(shape);
  const capacity = new Float64Array(HOURS_PER_YEAR);
  const years: RampYear[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const constant = constantCapacityMw(phases, year);
    if (constant !== null) {
      years.push({ year, peakMw: constant * shapeMax, annualGwh: (constant * shapeSum) / 1000 });
      continue;
    }
    capacityForYear(phases, year, capacity);
    let peakMw = 0;
    let sumMwh = 0;
    for (let t = 0; t < capacity.length; t += 1) {
      const mw = capacity[t] * shape[t];
      sumMwh += mw;
      if (mw > peakMw) peakMw = mw;
    }
    years.push({ year, peakMw, annualGwh: sumMwh / 1000 });
  }
  return years;
}
