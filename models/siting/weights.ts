// How a site's criteria turn into a 0..100 score. Each criterion scores 0..1; the score is the
// weighted mean × 100. The weights and the per-criterion scales are our judgement, labelled as
// such in every answer; users may change the weights.
import { invalidInput } from '../errors.ts';
import { RG47_LIMIT_PER_MI2 } from './density.ts';

export interface ScreenWeights {
  /** Headroom under RG 4.7's 500 persons/mi² (worst radius out to 20 mi). */
  populationMargin: number;
  /** Transmission cost (and so distance) to the campus. */
  distance: number;
  /** Seismic hazard class of the approximate zone. */
  seismic: number;
  /** Reuse of a nuclear or retiring coal site within 3 km. */
  brownfield: number;
  /** A recorded cooling-water source, or a design that can cool dry. */
  water: number;
  /** Distance to the nearest known ≥ 345 kV interconnection point (an EIA-860 plant). */
  interconnection: number;
}

export type CriterionScores = ScreenWeights;
export const CRITERIA = [
  'populationMargin',
  'distance',
  'seismic',
  'brownfield',
  'water',
  'interconnection',
] as const;

/**
 * The interconnection criterion falls linearly from 1 at a ≥ 345 kV point to 0 at this
 * distance (assumption: beyond ~100 km a new 345 kV line costs more than a typical SMR
 * deployment's switchyard reuse saves; MISO cost guide ~$2.5–3.5M/km at 345 kV).
 */
export const INTERCONNECTION_REFERENCE_KM = 100;

/**
 * Defaults (assumption): population headroom first, as RG 4.7 drives NRC alternative-site
 * reviews; then cost to the campus; seismic, brownfield and water share the rest.
 */
export const DEFAULT_WEIGHTS: Readonly<ScreenWeights> = {
  populationMargin: 30,
  distance: 25,
  seismic: 15,
  brownfield: 15,
  water: 15,
  interconnection: 10,
};

export const WEIGHTS_NOTE =
  'Score = 100 × Σ weight × criterion score / Σ weight, each criterion 0..1 (our judgement): ' +
  'populationMargin = 1 − worst RG 4.7 density / 500 (floored at 0); distance = 1 − line ' +
  'capex / capex of a line as long as the screen radius; seismic low 1, moderate 0.6, high 0.2, ' +
  'very-high 0; brownfield 1 within 3 km of a nuclear or coal site, else 0; water 1 recorded, ' +
  '0.5 dry-cooling design, 0 unknown; interconnection = 1 − km to the nearest ≥ 345 kV ' +
  'EIA-860 plant / 100 km (floored at 0). Default weights: populationMargin 30, distance 25, ' +
  'seismic 15, brownfield 15, water 15, interconnection 10.';

/** Defaults overlaid with the user's weights; each ≥ 0, and not all zero. */
export function resolveWeights(weights: Partial<ScreenWeights> = {}): ScreenWeights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const key of CRITERIA) {
    const w = weights[key];
    if (w === undefined) continue;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw invalidInput(`weights.${key}`, w, 'must be a number ≥ 0');
    }
    out[key] = w;
  }
  if (CRITERIA.every((k) => out[k] === 0)) {
    throw invalidInput('weights', weights, 'at least one weight must be above 0');
  }
  return out;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function populationMarginScore(worstDensityPerMi2: number): number {
  return clamp01(1 - worstDensityPerMi2 / RG47_LIMIT_PER_MI2);
}

/** 1 at a ≥ 345 kV point, 0 at INTERCONNECTION_REFERENCE_KM or beyond (or none known). */
export function interconnectionScore(km: number | null | undefined): number {
  return km === null || km === undefined ? 0 : clamp01(1 - km / INTERCONNECTION_REFERENCE_KM);
}

/** 1 at no cost, 0 at (or beyond) the cost of a line as long as the screen's radius. */
export function costScore(capexUsd: number, referenceCapexUsd: number): number {
  return referenceCapexUsd > 0 ? clamp01(1 - capexUsd / referenceCapexUsd) : 0;
}

/** Weighted score 0..100 over the criteria given, and each criterion's points. */
export function weightedScore(
  scores: Partial<CriterionScores>,
  weights: ScreenWeights,
): {
  score: number;
  points: Partial<Record<keyof ScreenWeights, number>>;
  maxPoints: Partial<Record<keyof ScreenWeights, number>>;
} {
  const keys = CRITERIA.filter((k) => scores[k] !== undefined);
  const total = keys.reduce((s, k) => s + weights[k], 0);
  const points: Partial<Record<keyof ScreenWeights, number>> = {};
  const maxPoints: Partial<Record<keyof ScreenWeights, number>> = {};
  for (const k of keys) {
    maxPoints[k] = total > 0 ? (100 * weights[k]) / total : 0;
    points[k] = maxPoints[k] * (scores[k] as number);
  }
  const score = keys.reduce((s, k) => s + (points[k] ?? 0), 0);
  return { score, points, maxPoints };
}
