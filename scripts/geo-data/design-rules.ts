// Defaults for design numbers the reference does not publish (DESIGN.md "Data records" table),
// and the judgement calls where no default fits, each with its reason.
import type { Sourced } from '../../models/records.ts';

export const GROSS_TO_NET = 0.95;
/** LWR refuelling outage where none is published; US fleet ~30–35 d (siting-criteria.md §4). */
export const LWR_REFUEL_OUTAGE_DAYS = 25;
export const MAINTENANCE_DAYS_PER_YEAR = 14;
export const MTTR_HOURS = 168;
/** siting-criteria.md §1.1: SMR applicants propose EAB ≈ site boundary (~100–400 m). */
export const EAB_MI = { smr: 0.25, large: 0.5 };
/** siting-criteria.md §1.1: large LWR LPZ ~2–3 mi. */
export const LPZ_MI = { smr: 0.5, large: 2 };
/** A site-boundary EPZ as a radius: ~400 m, the Xe-100 claim (siting-criteria.md §1.3). */
export const SITE_BOUNDARY_MI = 0.25;
/** Clinch River ESP (2019): a site-boundary or 2-mile plume EPZ depending on the SMR chosen. */
export const NO_CLAIM_SMR_EPZ_MI = 2;
export const DEFAULT_CAPITAL_USD_PER_KW = 10_000;
/** Exchange rates the reference itself uses (bwrx-300 estimate: 0.73 USD/CAD). */
export const USD_PER: Record<string, number> = { CAD: 0.73, GBP: 1.27 };
/** siting-criteria.md §3 LCOE example: FOM $150/kW-yr, LEU fuel ~$7–10/MWh, VOM ~$2–3/MWh. */
export const FIXED_OM_USD_PER_KW_YR = 150;
export const FUEL_USD_PER_MWH = { LEU: 9, HALEU: 15 };
export const VARIABLE_OM_USD_PER_MWH = 2.5;
/** Below ~20 MWe a reactor is a microreactor. */
export const MICRO_MAX_MWE = 20;

/**
 * Where a design's own record defers to another ("As US460", "Same methodology as US460") or is
 * silent, the silent fields are read from this design.
 */
export const SAME_AS: Record<string, string> = { 'nuscale-us600': 'nuscale-us460' };

type Judgement = Partial<Record<string, Sourced>>;
export const source = (value: number, note: string): Sourced => ({ value, basis: 'source', note });
export const assume = (value: number, note: string): Sourced => ({
  value,
  basis: 'assumption',
  note,
});
/** A reference note appended to ours, quoted so it reads as the reference's words. */
export const quoted = (text: string | undefined): string => (text ? ` Reference: "${text}"` : '');
/** Ends a borrowed phrase with exactly one full stop. */
export const sentence = (text: string): string => text.replace(/\.*\s*$/, '.');
export const isLwr = (type: string): boolean => type === 'BWR' || type === 'PWR';

const MULTI_YEAR_CORE_MAINTENANCE = assume(
  MAINTENANCE_DAYS_PER_YEAR,
  'A multi-year core has no regular refuelling outage to hold turbine and balance-of-plant maintenance, so it gets the on-line-refuelling allowance of 14 days a year (assumption; also brings availability near the reference capacity factor).',
);

const NUSCALE_OUTAGE = assume(
  15,
  "Upper end of the reference's per-module outage claim of ~10–15 days (staggered single-module refuelling; vendor-style claim, low confidence).",
);

const NUSCALE_COD = assume(
  2032,
  "Open-ended '~2030+ (company aspiration)' with no firm project (ENTRA1–TVA agreement has no sites or schedule): read as 'early 2030s' → 2032.",
);

/** Per design, the numbers no DESIGN.md default decides. All are assumptions unless noted. */
export const JUDGEMENTS: Record<string, Judgement> = {
  natrium: {
    refuelIntervalMonths: assume(
      24,
      'Not published; off-line refuelled like the fleet, whose 18–24-month cycle (siting-criteria.md §4) is taken at its upper end.',
    ),
    refuelOutageDays: assume(
      25,
      'Not published; LWR default of 25 days for an off-line refuelled pool SFR. The reference notes storage cannot carry output through a refuelling outage.',
    ),
  },
  'oklo-aurora': {
    refuelOutageDays: assume(
      30,
      'Not published; a whole-core reload after a ~10-year cycle is taken at the US fleet outage of ~30 days (siting-criteria.md §4).',
    ),
    maintenanceDaysPerYear: MULTI_YEAR_CORE_MAINTENANCE,
  },
  'arc-100': {
    refuelOutageDays: assume(
      30,
      'Not published; a whole-core reload after a ~20-year cycle is taken at the US fleet outage of ~30 days (siting-criteria.md §4).',
    ),
    maintenanceDaysPerYear: MULTI_YEAR_CORE_MAINTENANCE,
  },
  'westinghouse-evinci': {
    refuelOutageDays: assume(
      30,
      'Not published; after 8+ years the whole reactor is returned to the factory and replaced. Removing, shipping in and restarting a unit is taken at ~30 days, like a fleet refuelling outage.',
    ),
    maintenanceDaysPerYear: MULTI_YEAR_CORE_MAINTENANCE,
  },
  'nuscale-us460': { refuelOutageDays: NUSCALE_OUTAGE, earliestCodYear: NUSCALE_COD },
  'nuscale-us600': {
    refuelOutageDays: NUSCALE_OUTAGE,
    earliestCodYear: assume(
      2032,
      'No FOAK project (superseded commercially by the US460): taken no earlier than the US460, 2032.',
    ),
  },
  'holtec-smr-300': {
    earliestCodYear: assume(
      2032,
      "Later bound of the reference text 'Holtec aspiration ~2030; CP Part 2 due by mid-2027 makes ~2032+ more plausible (analyst judgement)'.",
    ),
  },
  'kairos-kp-fhr': {
    earliestCodYear: {
      value: 2030,
      basis: 'source',
      note: "The year published: '2030 (Hermes 2); Google 500 MW fleet by 2035'. 2030 is Hermes 2, one ~50 MWe unit for TVA; the ~75 MWe commercial units this record rates follow toward 2035. The earliest KP-FHR power unit is taken.",
    },
  },
  'ap1000-reference': {
    earliestCodYear: {
      value: 2032,
      basis: 'source',
      note: "Vogtle 3 & 4 already operate, so the earliest NEW build is the first listed target: Fermi America 'Project Matador' targets 2032 (company).",
    },
  },
};

/**
 * The later bound of a commercial-operation text, read before any '(' or ';' qualifier:
 * 'early 2030s' → 2032, 'mid-2030s' → 2035, 'late 2030s' → 2038, 'end-2029/2030' → 2030.
 * `range` is false only when the text names a single year.
 */
export function laterBoundYear(text: string): { year: number; range: boolean } | null {
  const clause = text.split(/[;(]/)[0];
  const decadeOffset: Record<string, number> = { early: 2, mid: 5, late: 8 };
  const decades = [...clause.matchAll(/\b(early|mid|late)[- ](\d{3})0s\b/gi)].map(
    (m) => Number(m[2]) * 10 + decadeOffset[m[1].toLowerCase()],
  );
  const years = [...clause.matchAll(/(?<!\d)(20\d\d)(?![\ds])/g)].map((m) => Number(m[1]));
  const all = [...decades, ...years];
  if (all.length === 0) return null;
  return { year: Math.max(...all), range: decades.length > 0 || new Set(years).size > 1 };
}
