// The optimiser's question from the form's values (issue 13 "UI"): the target kind (served
// energy, loss-of-load hours, or firm peak with N-1), sites within a radius or the best hexes,
// a study year or the earliest year from a first year on, and an optional budget; and back, a
// request (a saved scenario's optimisation) as the form's values. Pure, so the shape it sends
// is tested against the server's schema, and the round trip, without a browser.
import type { OptimiseObjective, OptimiseRequest } from './optimise-client.ts';

export const TARGET_KINDS = ['served', 'lossOfLoad', 'firmPeak'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const CANDIDATE_KINDS = ['radius', 'hexes'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** Issue 13's example question: 99.9% within 400 km, three designs, up to 8 units at 3 sites. */
export const DEFAULTS = {
  servedPercent: 99.9,
  year: 2032,
  radiusKm: 400,
  designs: ['bwrx-300', 'xe-100', 'natrium'],
  maxUnitsPerSite: 8,
  maxSites: 3,
  objective: 'deliveredCost' as OptimiseObjective,
  trials: 200,
};

export interface QuestionValues {
  targetKind: TargetKind;
  /** Served energy, %; read when targetKind is 'served'. */
  servedPercent: number;
  /** Loss of load, hours a year; read when targetKind is 'lossOfLoad'. */
  lossOfLoadHours: number;
  year: number;
  /** Earliest-year objective: the first year searched (through `year`). */
  fromYear: number;
  candidateKind: CandidateKind;
  radiusKm: number;
  hexes: number;
  designs: string[];
  maxUnitsPerSite: number;
  maxSites: number;
  /** US$ billion; null for no budget. */
  budgetBillionUsd: number | null;
  objective: OptimiseObjective;
  trials: number;
  /** Size gas backup per fleet (options.backup 'gas'). */
  gasBackup: boolean;
}

export function questionRequest(v: QuestionValues): Omit<OptimiseRequest, 'campus'> {
  const target: OptimiseRequest['target'] =
    v.targetKind === 'served'
      ? // 99.9 / 100 is 0.9990000000000001 in floating point: sent as the 0.999 the user means.
        { servedEnergyFraction: Number((v.servedPercent / 100).toPrecision(12)) }
      : v.targetKind === 'lossOfLoad'
        ? { lossOfLoadHours: v.lossOfLoadHours }
        : { firmMw: 'peak', nMinus1: true };
  const limits: NonNullable<OptimiseRequest['limits']> = {
    maxUnitsPerSite: v.maxUnitsPerSite,
    maxSites: v.maxSites,
  };
  if (v.budgetBillionUsd !== null) limits.budgetUsd = v.budgetBillionUsd * 1e9;
  return {
    year:
      v.objective === 'earliestYear' && v.fromYear < v.year
        ? { from: v.fromYear, to: v.year }
        : v.year,
    target,
    candidates:
      v.candidateKind === 'hexes'
        ? { hexes: v.hexes, radiusKm: v.radiusKm }
        : { radiusKm: v.radiusKm },
    designs: v.designs,
    limits,
    objective: v.objective,
    options: v.gasBackup ? { trials: v.trials, backup: 'gas' } : { trials: v.trials },
  };
}

/** The request's study year: the last of a range. */
export const lastYear = (year: OptimiseRequest['year']): number =>
  typeof year === 'number' ? year : year.to;

/** The values only some requests carry (the kind of target, candidates or year decides). */
type KindValue = 'servedPercent' | 'lossOfLoadHours' | 'fromYear' | 'hexes' | 'radiusKm';
export type RequestValues = Omit<QuestionValues, KindValue> &
  Partial<Pick<QuestionValues, KindValue>>;

/**
 * The inverse of questionRequest: the values a request sets. A value the request does not carry
 * (the served % of a loss-of-load target, the first year of a one-year search, the hex count
 * of a radius search, a hex search's default radius) is left out, so the form keeps what its
 * field holds; limits, objective and trials the request leaves to the server's defaults are
 * given as those defaults.
 */
export function questionValues(request: Omit<OptimiseRequest, 'campus'>): RequestValues {
  const t = request.target;
  const y = request.year;
  const c = request.candidates;
  const limits = request.limits ?? {};
  const v: RequestValues = {
    targetKind:
      'servedEnergyFraction' in t ? 'served' : 'lossOfLoadHours' in t ? 'lossOfLoad' : 'firmPeak',
    year: lastYear(y),
    candidateKind: 'hexes' in c ? 'hexes' : 'radius',
    designs: [...request.designs],
    maxUnitsPerSite: limits.maxUnitsPerSite ?? DEFAULTS.maxUnitsPerSite,
    maxSites: limits.maxSites ?? DEFAULTS.maxSites,
    budgetBillionUsd:
      limits.budgetUsd === undefined ? null : Number((limits.budgetUsd / 1e9).toPrecision(12)),
    objective: request.objective ?? DEFAULTS.objective,
    trials: request.options?.trials ?? DEFAULTS.trials,
    gasBackup: request.options?.backup === 'gas',
  };
  // 0.999 × 100 is 99.89999999999999 in floating point: shown as the 99.9 the user typed.
  if ('servedEnergyFraction' in t)
    v.servedPercent = Number((t.servedEnergyFraction * 100).toPrecision(12));
  if ('lossOfLoadHours' in t) v.lossOfLoadHours = t.lossOfLoadHours;
  if (typeof y !== 'number') v.fromYear = y.from;
  if ('hexes' in c) v.hexes = c.hexes;
  if ('radiusKm' in c && c.radiusKm !== undefined) v.radiusKm = c.radiusKm;
  return v;
}
