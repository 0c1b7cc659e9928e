// The optimiser's answer in words (web/features/optimise/search-summary.ts).
import { describe, expect, it } from 'vitest';
import type { StoredOptimiseResult } from '../../web/features/optimise/optimise-client.ts';
import { gasText, searchSummary } from '../../web/features/optimise/search-summary.ts';

const result = (extra: Partial<StoredOptimiseResult>): StoredOptimiseResult =>
  ({
    best: null,
    pareto: [],
    ranked: [],
    paretoByYear: [],
    years: [{ year: 2032, bestDeliveredCostUsdPerMwh: null, evaluatedCount: 15 }],
    evaluatedCount: 1234,
    candidateSiteCount: 7,
    excludedSites: [],
    ...extra,
  }) as StoredOptimiseResult;

describe('searchSummary', () => {
  it('counts fleets and sites', () => {
    expect(searchSummary(result({}))).toBe('1,234 fleets checked over 7 candidate sites');
  });
  it('names the hard checks that left sites out, and a range of years', () => {
    const text = searchSummary(
      result({
        excludedSites: [
          {
            siteId: 'a',
            designIds: ['xe-100'],
            checkIds: ['population-centre-distance'],
            reason: '',
          },
          {
            siteId: 'b',
            designIds: ['xe-100'],
            checkIds: ['population-centre-distance', 'seismic'],
            reason: '',
          },
        ],
        years: [
          { year: 2030, bestDeliveredCostUsdPerMwh: null, evaluatedCount: 0 },
          { year: 2031, bestDeliveredCostUsdPerMwh: 200, evaluatedCount: 9 },
        ],
      }),
    );
    expect(text).toBe(
      '1,234 fleets checked over 7 candidate sites · 2 sites left out by a hard siting check (population-centre-distance, seismic) · years 2030–2031 searched',
    );
  });
  it('shows gas only when the fleet has some', () => {
    expect(gasText(0)).toBe('');
    expect(gasText(undefined)).toBe('');
    expect(gasText(215.5)).toBe(' · with 216 MW of gas backup');
  });
});
