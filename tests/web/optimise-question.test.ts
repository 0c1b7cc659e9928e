// The Optimise form's question (web/features/optimise/optimise-question.ts): every kind of
// target, candidate set and objective it can send is a request the server's own schema
// (server/schemas/optimise.ts) accepts, in the shape the issue gives; and questionValues, the
// way back a reopened optimisation takes into the form, inverts it for every such question.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { OptimiseRequest } from '../../server/schemas/optimise.ts';
import {
  CANDIDATE_KINDS,
  questionRequest,
  questionValues,
  TARGET_KINDS,
  type QuestionValues,
} from '../../web/features/optimise/optimise-question.ts';

const base: QuestionValues = {
  targetKind: 'served',
  servedPercent: 99.9,
  lossOfLoadHours: 5,
  year: 2032,
  fromYear: 2028,
  candidateKind: 'radius',
  radiusKm: 400,
  hexes: 20,
  designs: ['bwrx-300', 'xe-100', 'natrium'],
  maxUnitsPerSite: 8,
  maxSites: 3,
  budgetBillionUsd: null,
  objective: 'deliveredCost',
  trials: 200,
  gasBackup: false,
};

describe('questionRequest', () => {
  it("builds the issue's example question", () => {
    expect(questionRequest(base)).toEqual({
      year: 2032,
      target: { servedEnergyFraction: 0.999 },
      candidates: { radiusKm: 400 },
      designs: ['bwrx-300', 'xe-100', 'natrium'],
      limits: { maxUnitsPerSite: 8, maxSites: 3 },
      objective: 'deliveredCost',
      options: { trials: 200 },
    });
  });

  it('sends each target kind, hexes, a budget and the earliest-year range', () => {
    expect(questionRequest({ ...base, targetKind: 'lossOfLoad' }).target).toEqual({
      lossOfLoadHours: 5,
    });
    expect(questionRequest({ ...base, targetKind: 'firmPeak' }).target).toEqual({
      firmMw: 'peak',
      nMinus1: true,
    });
    expect(questionRequest({ ...base, candidateKind: 'hexes' }).candidates).toEqual({
      hexes: 20,
      radiusKm: 400,
    });
    expect(questionRequest({ ...base, budgetBillionUsd: 20 }).limits?.budgetUsd).toBe(2e10);
    expect(questionRequest({ ...base, gasBackup: true }).options).toEqual({
      trials: 200,
      backup: 'gas',
    });
    expect(questionRequest({ ...base, objective: 'earliestYear' }).year).toEqual({
      from: 2028,
      to: 2032,
    });
    // The same first and last year: one year, as a number.
    expect(questionRequest({ ...base, objective: 'earliestYear', fromYear: 2032 }).year).toBe(2032);
  });

  it('every combination passes the server schema', () => {
    for (const targetKind of TARGET_KINDS) {
      for (const candidateKind of CANDIDATE_KINDS) {
        for (const objective of ['deliveredCost', 'annualisedCost', 'earliestYear'] as const) {
          const body = {
            campus: { id: 'xai-colossus-2' },
            ...questionRequest({
              ...base,
              targetKind,
              candidateKind,
              objective,
              budgetBillionUsd: 5,
            }),
          };
          expect(Value.Check(OptimiseRequest, body), JSON.stringify(body)).toBe(true);
        }
      }
    }
  });
});

const OBJECTIVES = ['deliveredCost', 'annualisedCost', 'earliestYear'] as const;

/** Every question the form can ask: the kinds above, with and without a budget and gas. */
function everyQuestion(): QuestionValues[] {
  const all: QuestionValues[] = [];
  for (const targetKind of TARGET_KINDS)
    for (const candidateKind of CANDIDATE_KINDS)
      for (const objective of OBJECTIVES)
        for (const budgetBillionUsd of [null, 5])
          for (const gasBackup of [false, true])
            all.push({
              ...base,
              targetKind,
              candidateKind,
              objective,
              budgetBillionUsd,
              gasBackup,
            });
  // The earliest year with the first year the last: a one-year search.
  all.push({ ...base, objective: 'earliestYear', fromYear: base.year });
  return all;
}

/** The values a question's request carries: those its kinds read (the rest stay hidden). */
function carried(v: QuestionValues): Partial<QuestionValues> {
  const { servedPercent, lossOfLoadHours, fromYear, hexes, ...always } = v;
  return {
    ...always,
    ...(v.targetKind === 'served' ? { servedPercent } : {}),
    ...(v.targetKind === 'lossOfLoad' ? { lossOfLoadHours } : {}),
    ...(v.objective === 'earliestYear' && v.fromYear < v.year ? { fromYear } : {}),
    ...(v.candidateKind === 'hexes' ? { hexes } : {}),
  };
}

/** A form holding a different value in every field, so a value left unset shows. */
const other: QuestionValues = {
  targetKind: 'firmPeak',
  servedPercent: 95,
  lossOfLoadHours: 12,
  year: 2040,
  fromYear: 2035,
  candidateKind: 'hexes',
  radiusKm: 250,
  hexes: 7,
  designs: ['natrium'],
  maxUnitsPerSite: 2,
  maxSites: 1,
  budgetBillionUsd: 99,
  objective: 'annualisedCost',
  trials: 1000,
  gasBackup: true,
};

describe('questionValues', () => {
  it('values → request → values gives back every value the request carries', () => {
    const questions = everyQuestion();
    expect(questions).toHaveLength(73);
    for (const v of questions) {
      expect(questionValues(questionRequest(v)), JSON.stringify(v)).toEqual(carried(v));
    }
  });

  it('request → values → request gives back the same request, whatever the form held', () => {
    for (const v of everyQuestion()) {
      const request = questionRequest(v);
      const again = questionRequest({ ...other, ...questionValues(request) });
      expect(again, JSON.stringify(request)).toEqual(request);
    }
  });

  it("fills the server's defaults a hand-written request leaves out", () => {
    const v = questionValues({
      year: { from: 2030, to: 2034 },
      target: { servedEnergyFraction: 0.95 },
      candidates: { hexes: 12 },
      designs: ['xe-100'],
    });
    expect(v).toEqual({
      targetKind: 'served',
      servedPercent: 95,
      year: 2034,
      fromYear: 2030,
      candidateKind: 'hexes',
      hexes: 12,
      designs: ['xe-100'],
      maxUnitsPerSite: 8,
      maxSites: 3,
      budgetBillionUsd: null,
      objective: 'deliveredCost',
      trials: 200,
      gasBackup: false,
    });
  });
});
