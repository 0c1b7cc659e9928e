// The fleet's planned-outage plan (DESIGN.md "Refuelling (revised)"): one plan per evaluation over
// every unit of every deployment serving the campus, repeating every P years. Each Monte Carlo
// trial simulates one plan year (trial t → plan year t mod P), so every headline metric is the
// expectation over the whole cycle, whatever the study year.
//
// 1. Period. P = lcm(12, every cycle in months) / 12, capped at 12. DESIGN.md writes
//    ceil(lcm(cycles) / 12); with the 12 inside the lcm the plan always repeats on whole years, so
//    an 18-month unit gets 2 outages in 3 years (ceil(18 / 12) = 2 years would hold 2 outages in 2
//    years, a 12-month cycle). Where the cap bites (a 20-year core), a unit's n = max(1,
//    round(12P / cycle)) outages are each stretched or shrunk by (12P / cycle) / n, so its long-run
//    planned share is kept exactly (said in the assumptions).
// 2. Years. Unit outages j = 0..n−1 of a series fall in plan year floor(φ + j·P/n) mod P; the phase
//    φ (whole years) is chosen, largest unit first, to put the outage where the fleet has the
//    fewest MW-days out already, so two 24-month units refuel in alternate years.
// 3. Days. A plan year's outages sit in its October–May season (1 October of the year before to
//    1 June: 243 days), largest unit first: spread evenly with equal gaps at both ends when the
//    season allows 14-day gaps everywhere, else packed 14 days apart in its middle, else (too many
//    to fit) overlapping from the season's start again, with a warning. An outage that starts
//    October–December lies in the previous plan year's hours (mod P): the plan is a cycle.
// 4. A yearly maintenance outage of a unit that refuels in the same plan year is absorbed by the
//    refuelling outage (the work is done there).
import { MONTH_START_DAY } from '../calendar.ts';
import { DAYS_PER_MONTH, HOURS_PER_YEAR } from '../units.ts';
import type { DesignParams } from './design-params.ts';
import { mergePairs } from './forced-outages.ts';

/** DESIGN.md: outages at least 14 days apart. */
export const STAGGER_GAP_DAYS = 14;
export const MAX_PLAN_YEARS = 12;
/** 1 October (of the previous year) to 1 June: the October–May refuelling season. */
export const SEASON_START_DAY = MONTH_START_DAY[9] - 365;
export const SEASON_END_DAY = MONTH_START_DAY[5];
export const SEASON_DAYS = SEASON_END_DAY - SEASON_START_DAY;
/** Calendar year Y uses plan year (Y − PLAN_EPOCH_YEAR) mod P (the timeline's first year). */
export const PLAN_EPOCH_YEAR = 2024;

export interface PlanUnitInput {
  deployment: number;
  unit: number;
  design: DesignParams;
}

export interface PlannedOutage {
  deployment: number;
  unit: number;
  kind: 'refuelling' | 'maintenance';
  /** The plan year whose season holds it. */
  planYear: number;
  /** Hours on that plan year's axis (0 = 1 January 00:00); negative = October–December before. */
  startHour: number;
  endHour: number;
}

export interface FleetOutagePlan {
  periodYears: number;
  /** Every outage of every unit, by plan year then start. */
  outages: PlannedOutage[];
  /**
   * Unit i's planned pairs in plan year p are pairs from[p·n + i] .. from[p·n + i + 1] − 1 of
   * `hours` (merged, [start, end) whole hours in [0, 8760]); n = units.length.
   */
  from: Int32Array;
  hours: Float64Array;
  /** Per unit: planned hours over the whole period ÷ (8,760 × P). */
  plannedShare: Float64Array;
  assumptions: string[];
  warnings: string[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;

interface Series {
  kind: PlannedOutage['kind'];
  days: number;
  cycleMonths: number;
}

function seriesOf(p: DesignParams): Series[] {
  const out: Series[] = [];
  if (p.refuelOutageDays > 0) {
    const months = Math.max(1, Math.round(p.refuelIntervalDays / DAYS_PER_MONTH));
    out.push({ kind: 'refuelling', days: p.refuelOutageDays, cycleMonths: months });
  }
  if (p.maintenanceDaysPerYear > 0) {
    out.push({ kind: 'maintenance', days: p.maintenanceDaysPerYear, cycleMonths: 12 });
  }
  return out;
}

/** P in whole years: lcm(12, cycles) / 12, capped at MAX_PLAN_YEARS. */
export function planPeriodYears(designs: readonly DesignParams[]): number {
  let months = 12;
  for (const d of designs) {
    for (const s of seriesOf(d)) {
      months = lcm(months, s.cycleMonths);
      if (months / 12 > MAX_PLAN_YEARS) return MAX_PLAN_YEARS;
    }
  }
  return months / 12;
}

interface Pending {
  deployment: number;
  unit: number;
  netMwe: number;
  kind: PlannedOutage['kind'];
  days: number;
  planYear: number;
}

/** Places one season's outages (already sorted) as [startDay, endDay) from the season start. */
function placeSeason(outages: readonly Pending[]): { days: [number, number][]; overflow: boolean } {
  const n = outages.length;
  const total = outages.reduce((sum, o) => sum + o.days, 0);
  const slack = SEASON_DAYS - total;
  const out: [number, number][] = [];
  if (slack >= STAGGER_GAP_DAYS * (n + 1)) {
    const gap = slack / (n + 1);
    let t = gap;
    for (const o of outages) {
      out.push([t, t + o.days]);
      t += o.days + gap;
    }
    return { days: out, overflow: false };
  }
  if (slack >= STAGGER_GAP_DAYS * (n - 1)) {
    let t = (slack - STAGGER_GAP_DAYS * (n - 1)) / 2;
    for (const o of outages) {
      out.push([t, t + o.days]);
      t += o.days + STAGGER_GAP_DAYS;
    }
    return { days: out, overflow: false };
  }
  let t = 0;
  for (const o of outages) {
    if (t + o.days > SEASON_DAYS) t = 0;
    out.push([t, Math.min(SEASON_DAYS, t + o.days)]);
    t += o.days + STAGGER_GAP_DAYS;
  }
  return { days: out, overflow: true };
}

export function planFleetOutages(units: readonly PlanUnitInput[]): FleetOutagePlan {
  const P = planPeriodYears(units.map((u) => u.design));
  const assumptions: string[] = [];
  const warnings: string[] = [];
  // Largest unit first, then deployment and unit order: the plan is deterministic.
  const order = units
    .map((u, i) => ({ u, i }))
    .sort(
      (a, b) =>
        b.u.design.netMwe - a.u.design.netMwe ||
        a.u.deployment - b.u.deployment ||
        a.u.unit - b.u.unit,
    );
  const loadMwDays = new Float64Array(P);
  const pending: Pending[] = [];
  const stretched = new Set<string>();
  for (const { u } of order) {
    const refuelYears = new Set<number>();
    for (const s of seriesOf(u.design)) {
      const perPeriod = (12 * P) / s.cycleMonths;
      const n = Math.max(1, Math.round(perPeriod));
      const days = (s.days * perPeriod) / n;
      if (Math.abs(perPeriod - n) > 1e-9) stretched.add(`${u.design.designId}:${s.kind}:${n}`);
      const spacing = P / n;
      let bestPhase = 0;
      let bestLoad = Number.POSITIVE_INFINITY;
      for (let phase = 0; phase < Math.max(1, Math.ceil(spacing - 1e-9)); phase += 1) {
        let load = 0;
        for (let j = 0; j < n; j += 1) load += loadMwDays[Math.floor(phase + j * spacing) % P];
        if (load < bestLoad - 1e-9) {
          bestLoad = load;
          bestPhase = phase;
        }
      }
      for (let j = 0; j < n; j += 1) {
        const year = Math.floor(bestPhase + j * spacing) % P;
        if (s.kind === 'maintenance' && refuelYears.has(year)) continue;
        if (s.kind === 'refuelling') refuelYears.add(year);
        loadMwDays[year] += u.design.netMwe * days;
        pending.push({
          deployment: u.deployment,
          unit: u.unit,
          netMwe: u.design.netMwe,
          kind: s.kind,
          days,
          planYear: year,
        });
      }
    }
  }
  for (const key of stretched) {
    const [designId, kind, n] = key.split(':');
    assumptions.push(
      `Plan period capped at ${MAX_PLAN_YEARS} years: ${designId} ${kind} is planned as ${n} ` +
        `outage(s) per ${P} years, each lengthened or shortened to keep its long-run planned share.`,
    );
  }

  const outages: PlannedOutage[] = [];
  let overflowSeasons = 0;
  for (let year = 0; year < P; year += 1) {
    // `pending` is already largest unit first.
    const season = pending.filter((o) => o.planYear === year);
    const { days, overflow } = placeSeason(season);
    if (overflow) overflowSeasons += 1;
    season.forEach((o, k) => {
      outages.push({
        deployment: o.deployment,
        unit: o.unit,
        kind: o.kind,
        planYear: year,
        startHour: Math.round((SEASON_START_DAY + days[k][0]) * 24),
        endHour: Math.round((SEASON_START_DAY + days[k][1]) * 24),
      });
    });
  }
  if (overflowSeasons > 0) {
    warnings.push(
      `Planned outages overlap in ${overflowSeasons} of ${P} plan year(s): the fleet's outages ` +
        `and 14-day gaps do not fit the 243-day October–May season, so some units are out at the ` +
        'same time (DESIGN.md allows it).',
    );
  }
  const { from, hours, plannedShare } = unitPairs(units, outages, P);
  return { periodYears: P, outages, from, hours, plannedShare, assumptions, warnings };
}

/** The outage as [start, end) pieces on plan-year axes: October–December wraps to year − 1. */
function pieces(o: PlannedOutage, P: number): { year: number; start: number; end: number }[] {
  const out: { year: number; start: number; end: number }[] = [];
  if (o.startHour < 0) {
    const year = (o.planYear - 1 + P) % P;
    out.push({
      year,
      start: o.startHour + HOURS_PER_YEAR,
      end: Math.min(HOURS_PER_YEAR, o.endHour + HOURS_PER_YEAR),
    });
  }
  if (o.endHour > 0)
    out.push({ year: o.planYear, start: Math.max(0, o.startHour), end: o.endHour });
  return out;
}

function unitPairs(units: readonly PlanUnitInput[], outages: readonly PlannedOutage[], P: number) {
  const n = units.length;
  const index = new Map(units.map((u, i) => [`${u.deployment}:${u.unit}`, i]));
  const lists: [number, number][][] = Array.from({ length: P * n }, () => []);
  for (const o of outages) {
    const i = index.get(`${o.deployment}:${o.unit}`) as number;
    for (const piece of pieces(o, P)) lists[piece.year * n + i].push([piece.start, piece.end]);
  }
  const from = new Int32Array(P * n + 1);
  const flat: number[] = [];
  const plannedHours = new Float64Array(n);
  lists.forEach((list, k) => {
    const merged = mergePairs(list);
    for (let j = 0; j < merged.length; j += 2) plannedHours[k % n] += merged[j + 1] - merged[j];
    flat.push(...merged);
    from[k + 1] = from[k] + merged.length / 2;
  });
  const plannedShare = plannedHours.map((h) => h / (HOURS_PER_YEAR * P));
  return { from, hours: Float64Array.from(flat), plannedShare };
}

/** The plan year that calendar year `year` maps to. */
export function planYearOf(year: number, periodYears: number): number {
  return (((year - PLAN_EPOCH_YEAR) % periodYears) + periodYears) % periodYears;
}
