// The optimiser's question from the form's values (issue 13 "UI"): the target kind (served
// energy, loss-of-load hours, or firm peak with N-1), sites within a radius or the best hexes,
// a study year or the earliest year from a first year on, and an optional budget. Pure, so the
// shape it sends is tested against the server's schema without a browser.
import type { OptimiseObjective, OptimiseRequest } from './optimise-client.ts';

export const TARGET_KINDS = ['served', 'lossOfLoad', 'firmPeak'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const CANDIDATE_KINDS = ['radius', 'hexes'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

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
