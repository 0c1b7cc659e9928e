// Words for the siting checks: values against limits with units, badge text, the one-line
// reason and the verdict, from answers shaped like the server's (Naughton WY, downtown Chicago).
import { describe, expect, it } from 'vitest';
import type { SiteCheckResponse, SitingCheck } from '../../web/api/siting-types.ts';
import {
  badgeText,
  checkLabel,
  reasonOf,
  sentences,
  severityText,
  valueAndLimit,
  verdictOf,
} from '../../web/features/siting/check-format.ts';

const check = (overrides: Partial<SitingCheck>): SitingCheck => ({
  id: 'population-density',
  severity: 'advisory',
  pass: true,
  value: 8.7,
  limit: 500,
  unit: 'persons/mi²',
  note: 'RG 4.7 (Rev. 4, 2024; guidance): density should stay ≤ 500/mi². Worst: 2,739 people within 10 mi. By radius (/mi²): 1 mi 0.',
  ...overrides,
});

const centre = check({
  id: 'population-centre-distance',
  severity: 'hard',
  value: 61.34,
  limit: 0.667,
  unit: 'mi',
  note: '10 CFR 100.21(b): the nearest boundary of a place over 25,000 must be ≥ 1⅓ × the LPZ. Nearest: Logan (UT, US).',
});

const answer = (checks: SitingCheck[], overrides: Partial<SiteCheckResponse> = {}) =>
  ({
    designId: 'bwrx-300',
    pass: !checks.some((c) => c.severity === 'hard' && c.pass === false),
    checks,
    populationWithinMi: { '1': 0, '5': 0, '10': 0, '20': 0, '50': 0 },
    nearestPopulationCentre: {
      name: 'Logan',
      country: 'US',
      adminCode: 'UT',
      population: 50_371,
      distanceMi: 63.65,
      boundaryDistanceMi: 61.34,
      lat: 41.7,
      lon: -111.8,
    },
    epzMi: 0.25,
    populationSource: { vintage: '2020 Census block groups', contributing: ['2020 Census'] },
    worstSector: { radiusMi: 4, sector: 0, sectorName: 'N', population: 0, densityPerMi2: 0 },
    nearestInterconnection: { kv230: null, kv345: null },
    site: null,
    country: 'US',
    assumptions: [],
    ...overrides,
  }) satisfies SiteCheckResponse;

describe('value against limit', () => {
  it('writes the population-centre distance in miles against "≥" its limit', () => {
    expect(valueAndLimit(centre)).toEqual({ value: '61.34 mi', limit: 'limit ≥ 0.67 mi' });
  });

  it('writes RG 4.7 density with separators against "≤ 500 persons/mi²"', () => {
    expect(valueAndLimit(check({ value: 96219.6 }))).toEqual({
      value: '96,219.6 persons/mi²',
      limit: 'limit ≤ 500 persons/mi²',
    });
  });

  it('writes a line cost compactly in dollars and states no limit for it', () => {
    const cost = check({
      id: 'transmission-cost',
      severity: 'info',
      pass: null,
      value: 4_877_255_000,
      limit: null,
      unit: 'USD',
    });
    expect(valueAndLimit(cost)).toEqual({ value: '$4.88B', limit: null });
  });

  it('writes the brownfield distance as a credit radius', () => {
    const brownfield = check({
      id: 'brownfield',
      severity: 'info',
      value: 0.28,
      limit: 3,
      unit: 'km',
    });
    expect(valueAndLimit(brownfield)).toEqual({ value: '0.28 km', limit: 'credit within 3 km' });
  });

  it('says what the seismic rule asks, in words', () => {
    const seismic = check({
      id: 'seismic-hazard',
      value: 'very-high',
      limit: null,
      unit: 'hazard class',
    });
    expect(valueAndLimit(seismic)).toEqual({
      value: 'very high hazard',
      limit: 'high or very high needs site-specific design',
    });
  });

  it('names the country for the jurisdiction check', () => {
    const where = check({
      id: 'jurisdiction',
      severity: 'info',
      pass: null,
      value: 'CA',
      limit: null,
      unit: '',
    });
    expect(valueAndLimit(where).value).toBe('Canada');
  });
});

describe('badge text', () => {
  it('writes Pass, Fail and Info, never colour alone', () => {
    expect(badgeText(centre)).toBe('Pass');
    expect(badgeText({ ...centre, pass: false })).toBe('Fail');
    expect(badgeText(check({ severity: 'info', pass: null }))).toBe('Info');
  });

  it('writes the brownfield credit as Credit / No credit', () => {
    expect(badgeText(check({ id: 'brownfield', severity: 'info', pass: false }))).toBe('No credit');
  });

  it('names an unknown check by its id in words', () => {
    expect(checkLabel('flood-plain')).toBe('flood plain');
  });
});

describe('one-line reason', () => {
  it('names the nearest population centre, its size and boundary distance', () => {
    expect(reasonOf(centre, answer([centre]))).toBe(
      'Nearest place over 25,000: Logan, UT (50,371 people), boundary 61.34 mi away.',
    );
  });

  it('leads the density reason with the worst radius', () => {
    expect(reasonOf(check({}), answer([]))).toBe('Worst: 2,739 people within 10 mi.');
  });

  it('leaves "for comparison only" to the severity outside the US', () => {
    const note = `For comparison only (site in Canada; the NRC rule does not govern it). ${check({}).note}`;
    const abroad = check({ note });
    expect(reasonOf(abroad, answer([abroad]))).toBe('Worst: 2,739 people within 10 mi.');
    expect(severityText(abroad)).toBe('For comparison');
    expect(severityText(check({}))).toBe('Advisory');
  });

  it('does not split a sentence at "Rev. 4"', () => {
    expect(sentences(check({}).note)[0]).toMatch(/^RG 4\.7 \(Rev\. 4, 2024; guidance\)/);
  });
});

describe('verdict', () => {
  it('passes in words when no hard check fails, and counts advisory flags', () => {
    const water = check({
      id: 'cooling-water',
      pass: false,
      value: 'unknown',
      limit: null,
      unit: '',
    });
    expect(verdictOf(answer([centre, water]))).toEqual({
      pass: true,
      title: 'Passes every hard check',
      detail: '1 advisory flag: cooling water.',
    });
  });

  it('names the hard check that fails', () => {
    const chicago = { ...centre, value: 0, pass: false };
    expect(verdictOf(answer([chicago])).title).toBe(
      'Fails a hard check: distance to population centre',
    );
  });

  it('says the NRC tests are for comparison outside the US', () => {
    expect(verdictOf(answer([], { country: 'CA' })).detail).toMatch(/for comparison/);
  });
});
