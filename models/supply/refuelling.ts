// Planned outages (DESIGN.md "Refuelling"). Each unit has a slot k at its site (the site's units
// in deployment order, then unit order). Its first outage starts k × (outage days + 14) days after
// the schedule anchor; each next one starts one interval (months × 30.44 days) after the previous
// actual start; one that would overlap 1 June–30 September moves earlier so it ends on 1 June.
//
// The anchor is one fixed instant, 1 October 2023 00:00 (the autumn before the first timeline
// year), for every site and unit, so:
// - the schedule does not depend on the evaluated year, the COD years or the other units: adding
//   a unit (appended to the site's order) never moves another unit's outages;
// - the stagger starts at the beginning of the October–May season, whose 243 days fit six
//   25-day outages 39 days apart before the summer, instead of four from 1 January.
// A unit's chain runs from the anchor regardless of its COD; outages before its COD are moot.
// Offsets longer than one interval wrap around it (k × spacing mod interval).
import { MONTH_START_DAY } from '../calendar.ts';
import { HOURS_PER_YEAR } from '../units.ts';
import { DAYS_PER_PLANNING_YEAR, type DesignParams } from './design-params.ts';

export const SCHEDULE_EPOCH_YEAR = 2023;
/** 1 October 2023 00:00, hours from 1 January 2023 on the 8,760-hour model calendar. */
export const SCHEDULE_ANCHOR_HOUR = MONTH_START_DAY[9] * 24;
/** Days between one unit's outage and the next unit's at a site (DESIGN.md). */
export const STAGGER_GAP_DAYS = 14;
/** 1 June 00:00 to 1 October 00:00: peak cooling demand, when no outage is planned. */
export const SUMMER_START_HOUR = MONTH_START_DAY[5] * 24;
export const SUMMER_END_HOUR = MONTH_START_DAY[9] * 24;

export interface OutageSeries {
  kind: 'refuelling' | 'maintenance';
  outageDays: number;
  intervalDays: number;
}

/**
 * A design's planned-outage series: refuelling every interval, and, where maintenance is not done
 * inside a refuelling outage (on-line refuelled and multi-year cores), one yearly maintenance
 * outage staggered and kept out of summer the same way.
 */
export function outageSeries(p: DesignParams): OutageSeries[] {
  const series: OutageSeries[] = [];
  if (p.refuelOutageDays > 0) {
    series.push({
      kind: 'refuelling',
      outageDays: p.refuelOutageDays,
      intervalDays: p.refuelIntervalDays,
    });
  }
  if (p.maintenanceDaysPerYear > 0) {
    series.push({
      kind: 'maintenance',
      outageDays: p.maintenanceDaysPerYear,
      intervalDays: DAYS_PER_PLANNING_YEAR,
    });
  }
  return series;
}

export interface Outage {
  kind: OutageSeries['kind'];
  /** Whole hours on the evaluated year's axis (0 = 1 January 00:00); may run past either end. */
  startHour: number;
  endHour: number;
  /** True when moving earlier could not clear the summer (an outage longer than the gap). */
  inSummer: boolean;
}

/** Absolute start hour of the first summer that [start, end) overlaps, or null. */
function summerOverlapped(start: number, end: number): number | null {
  for (let y = Math.floor(start / HOURS_PER_YEAR); ; y += 1) {
    const summerStart = y * HOURS_PER_YEAR + SUMMER_START_HOUR;
    if (summerStart >= end) return null;
    if (start < y * HOURS_PER_YEAR + SUMMER_END_HOUR) return summerStart;
  }
}

/** The outages of one series for the unit in slot k that touch the evaluated year. */
export function seriesOutagesInYear(slot: number, series: OutageSeries, year: number): Outage[] {
  const durationH = series.outageDays * 24;
  const intervalH = series.intervalDays * 24;
  const outages: Outage[] = [];
  if (!(durationH > 0) || !(intervalH > durationH)) return outages;
  const yearStart = (year - SCHEDULE_EPOCH_YEAR) * HOURS_PER_YEAR;
  const yearEnd = yearStart + HOURS_PER_YEAR;
  const offsetH = (slot * (series.outageDays + STAGGER_GAP_DAYS) * 24) % intervalH;
  let nominal = SCHEDULE_ANCHOR_HOUR + offsetH;
  for (;;) {
    let start = nominal;
    const summerStart = summerOverlapped(start, start + durationH);
    if (summerStart !== null) start = summerStart - durationH;
    if (start >= yearEnd) return outages;
    const end = start + durationH;
    if (end > yearStart) {
      outages.push({
        kind: series.kind,
        startHour: Math.round(start - yearStart),
        endHour: Math.round(end - yearStart),
        inSummer: summerStart !== null && summerOverlapped(start, end) !== null,
      });
    }
    nominal = start + intervalH;
  }
}

/** Every planned outage of the unit in slot k touching the evaluated year, by start. */
export function unitOutagesInYear(slot: number, p: DesignParams, year: number): Outage[] {
  return outageSeries(p)
    .flatMap((series) => seriesOutagesInYear(slot, series, year))
    .sort((a, b) => a.startHour - b.startHour);
}

/**
 * The unit's planned hours as merged [start, end) pairs clipped to [0, 8760), flattened. A yearly
 * maintenance outage inside a refuelling outage is absorbed by it (the work is done there).
 */
export function plannedPairs(outages: readonly Outage[]): number[] {
  const pairs: number[] = [];
  for (const outage of outages) {
    const start = Math.max(0, outage.startHour);
    const end = Math.min(HOURS_PER_YEAR, outage.endHour);
    if (end <= start) continue;
    const last = pairs.length - 1;
    if (last > 0 && start <= pairs[last]) pairs[last] = Math.max(pairs[last], end);
    else pairs.push(start, end);
  }
  return pairs;
}

export interface UnitOutages {
  label: string;
  outages: readonly Outage[];
}

/**
 * How many pairs of outages of different units at one site overlap, with the first `limit` as
 * "a and b" labels (a big site can have thousands; the count stays cheap).
 */
export function overlappingOutages(
  units: readonly UnitOutages[],
  limit = 3,
): { count: number; examples: string[] } {
  const all = units.flatMap((unit) =>
    unit.outages.map((o) => ({ label: unit.label, start: o.startHour, end: o.endHour })),
  );
  all.sort((a, b) => a.start - b.start);
  const examples: string[] = [];
  let count = 0;
  for (let i = 0; i < all.length; i += 1) {
    for (let j = i + 1; j < all.length && all[j].start < all[i].end; j += 1) {
      if (all[j].label === all[i].label) continue;
      count += 1;
      if (examples.length < limit) examples.push(`${all[i].label} and ${all[j].label}`);
    }
  }
  return { count, examples };
}
