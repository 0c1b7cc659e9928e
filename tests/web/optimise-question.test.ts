// The Optimise form's question (web/features/optimise/optimise-question.ts): every kind of
// target, candidate set and objective it can send is a request the server's own schema
// (server/schemas/optimise.ts) accepts, in the shape the issue gives.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { OptimiseRequest } from '../../server/schemas/optimise.ts';
import {
  CANDIDATE_KINDS,
  questionRequest,
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
