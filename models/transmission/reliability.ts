// A line as a component with sustained forced outages (DESIGN.md "Lines (revised)"): a rate per
// 100 km per year and a mean repair time by voltage class, sampled event by event like a unit.
//
// NERC TADS (Transmission Availability Data System) publishes sustained (≥ 1 min) automatic outage
// frequency per 100 circuit-miles and mean duration by voltage class (200–299, 300–399, 400–599,
// 600–799 kV AC; DC ≥ ±200 kV). The tables themselves could not be read in this session, so the
// values below are ASSUMPTIONS of that form: they keep TADS's ordering (the rate falls as voltage
// rises) and are labelled as such wherever they are used. Verify against the current NERC TADS
// report / State of Reliability before relying on them.
// - AC 300–399 kV 1.0, 400–599 kV 0.7, 600–799 kV 0.5 outages / 100 mi / yr; DC 2.0 (sustained pole
//   and line outages; many DC faults restart within seconds and are not counted);
// - mean sustained outage 12 h (the mean is skewed by storms; 4–48 h is a fair sensitivity);
// - double circuit on shared towers: 10% of each circuit's outages take both circuits out (common
//   mode; 5–20% is the range the literature on common-mode outage rates suggests).
import { KM_PER_MI } from '../units.ts';

export type OutageLineKind = 'gen-tie' | 'ac' | 'hvdc';

const PER_100_MI_YR: Readonly<Record<string, number>> = { '345': 1.0, '500': 0.7, '765': 0.5 };
const DC_PER_100_MI_YR = 2.0;
export const LINE_MTTR_HOURS = 12;
export const COMMON_MODE_SHARE = 0.1;

export interface LineOutage {
  /** Sustained outages a year of one path (every circuit of it: any one out takes the path out). */
  pathOutagesPerYear: number;
  mttrHours: number;
  /** MTTF of one path, hours in service between outages. */
  mttfHours: number;
  /** Paths: 1 single circuit, 2 double circuit. */
  paths: 1 | 2;
  /** Share of a path's outages that take both paths out (double circuit only). */
  commonModeShare: number;
  /** Long-run share of hours the line delivers (analytic). */
  availability: number;
  note: string;
}

/** Rate per 100 km per year for an AC class or DC (km = mi × 1.609). */
export function outageRatePer100KmYr(kind: OutageLineKind, voltageKv: number): number {
  const perMi = kind === 'hvdc' ? DC_PER_100_MI_YR : (PER_100_MI_YR[String(voltageKv)] ?? 1.0);
  return perMi / KM_PER_MI;
}

export function lineOutage(
  kind: OutageLineKind,
  voltageKv: number,
  routeKm: number,
  circuits: number,
  paths: 1 | 2,
): LineOutage {
  const ratePer100Km = outageRatePer100KmYr(kind, voltageKv);
  // A path of n parallel circuits (loadability) is lost when any one is (conservative).
  const perYear = (ratePer100Km * routeKm * circuits) / 100;
  const r = LINE_MTTR_HOURS;
  const mttfHours = perYear > 0 ? 8760 / perYear : Number.POSITIVE_INFINITY;
  const cm = paths === 2 ? COMMON_MODE_SHARE : 0;
  // Down share of an alternating process: r / (MTTF + r).
  const down = (rate: number) => (rate > 0 ? r / (8760 / rate + r) : 0);
  const availability =
    paths === 1
      ? 1 - down(perYear)
      : (1 - down(perYear * (1 - cm)) ** 2) * (1 - down(perYear * cm));
  const note =
    `Line outages (assumption of NERC TADS form, values not read from TADS): ` +
    `${(ratePer100Km * 100).toFixed(2)} sustained outages per 100 km a year per circuit ` +
    `(${kind === 'hvdc' ? 'DC' : `${voltageKv} kV`}), mean repair ${r} h; ` +
    (paths === 2
      ? `double circuit: independent outages of each circuit plus ${COMMON_MODE_SHARE * 100}% ` +
        'common-mode (both circuits) outages; '
      : 'single circuit; ') +
    'the deployment delivers nothing while its line is out.';
  return {
    pathOutagesPerYear: perYear,
    mttrHours: r,
    mttfHours,
    paths,
    commonModeShare: cm,
    availability,
    note,
  };
}
