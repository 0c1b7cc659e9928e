// What a transmission cost guide adds to a planning $/mi (DESIGN.md "Capital (revised)": lines get
// the guide's contingency, financing during construction and a campus-end substation).
// Source: MISO Transmission Cost Estimation Guide (MTEP), as tabulated in
// reference-data/siting-criteria.md §2.2 ("adds 20% contingency and ~7.5% AFUDC", [M]); the MTEP24
// edition (1 May 2024) uses 30% for exploratory estimates, so 20% is the lower, studied-route
// figure. Substations: MTEP24 Tables 4.2-1/4.2-2, a new 6-position double-breaker station, which
// already includes the guide's contingency and AFUDC (read from a transcription of the guide).

/** MISO cost guide contingency on line cost (siting-criteria §2.2). */
export const CONTINGENCY_SHARE = 0.2;
/** MISO cost guide allowance for funds used during construction, on line + contingency. */
export const AFUDC_SHARE = 0.075;
/**
 * Campus-end substation by AC class, USD (2024): MTEP24 new 6-position double-breaker station,
 * 345 kV $32.3M, 500 kV $47.4M; 765 kV not in the tables read: $70M, about 1.5 × 500 kV
 * (assumption).
 */
export const CAMPUS_SUBSTATION_USD: Readonly<Record<number, number>> = {
  345: 32.3e6,
  500: 47.4e6,
  765: 70e6,
};
/**
 * Double-circuit towers against single: siting-criteria §2.2 345 kV double-circuit $3.5–6M/mi
 * against single $2.5–4.5M/mi, midpoints 4.75 / 3.5 = 1.357; applied to every class (assumption).
 */
export const DOUBLE_CIRCUIT_COST_RATIO = 4.75 / 3.5;

export const LINE_COST_GUIDE_NOTE =
  'Line cost as a cost guide builds it (MISO Transmission Cost Estimation Guide, siting-criteria ' +
  '§2.2): conductor and tower $/mi + 20% contingency + 7.5% AFUDC on both, the $50M plant-end ' +
  'switchyard and a campus-end substation (MTEP24 new 6-position station: 345 kV $32.3M, 500 kV ' +
  '$47.4M; 765 kV $70M, assumption); a double circuit costs 1.36 × the single-circuit $/mi ' +
  '(345 kV double vs single midpoints) and halves the I²R loss.';
