import { describe, expect, it } from 'vitest';
import { questionText } from '../../web/features/optimise/saved-question.ts';

const names: Record<string, string> = { 'bwrx-300': 'BWRX-300', 'xe-100': 'Xe-100' };
const name = (id: string) => names[id] ?? id;

describe('questionText', () => {
  it('says the served target, radius, designs and limits', () => {
    expect(
      questionText(
        {
          campus: { id: 'xai-colossus-1' },
          year: 2032,
          target: { servedEnergyFraction: 0.999 },
          candidates: { radiusKm: 100 },
          designs: ['bwrx-300', 'xe-100'],
          limits: { maxUnitsPerSite: 3, maxSites: 2 },
        },
        name,
      ),
    ).toBe(
      '99.9% of 2032 load · sites within 100 km · BWRX-300, Xe-100 · up to 3 units at up to 2 sites',
    );
  });

  it('says a year range, loss-of-load hours, hexes and no limits', () => {
    expect(
      questionText(
        {
          campus: { id: 'x' },
          year: { from: 2030, to: 2035 },
          target: { lossOfLoadHours: 5 },
          candidates: { hexes: 20 },
          designs: ['natrium'],
        },
        name,
      ),
    ).toBe(
      'at most 5 h of lost load a year in 2030–2035 · the best 20 hexes within 400 km · natrium',
    );
  });

  it('says firm peak with N-1 and a site list', () => {
    expect(
      questionText(
        {
          campus: { id: 'x' },
          year: 2032,
          target: { firmMw: 'peak', nMinus1: true },
          candidates: { siteIds: ['a', 'b', 'c'] },
          designs: ['xe-100'],
          limits: { maxSites: 1 },
        },
        name,
      ),
    ).toBe('firm peak with N-1 in 2032 · 3 chosen sites · Xe-100 · at up to 1 sites');
  });
});
