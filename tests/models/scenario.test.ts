// evaluate (DESIGN.md `POST /api/evaluate`): the answer's shape, defaults echoed, warnings.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { Value } from 'typebox/value';
import {
  evaluate,
  mergePartials,
  prepareEvaluation,
  runTrials,
  type EvaluateInputs,
} from '../../models/scenario.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { ModelEvaluateResult } from '../../server/schemas/evaluate-result.ts';

const geo = loadGeoData();
const { campuses } = geo;
/** The server's own evaluation data: designs, GPU table, location multipliers, coal sites. */
const data = evaluateDataOf(geo);
const abilene = campuses.find((c) => c.id === 'stargate-abilene');
if (!abilene) throw new Error('stargate-abilene is missing from geo-data');

const inputs: EvaluateInputs = {
  campus: abilene,
  deployments: [
    { designId: 'natrium', units: 2, lat: abilene.lat + 0.01, lon: abilene.lon },
    { designId: 'xe-100', units: 4, lat: abilene.lat + 0.6, lon: abilene.lon + 0.4 },
    { designId: 'bwrx-300', units: 2, lat: abilene.lat - 1, lon: abilene.lon, codYear: 2033 },
  ],
};
const result = evaluate(inputs, data);
const keys = (o: object) => Object.keys(o).sort();

describe('the evaluate answer', () => {
  it('has every DESIGN.md field, and matches the API’s 200 schema (no siting yet)', () => {
    const json = JSON.parse(JSON.stringify(result));
    const errors = [...Value.Errors(ModelEvaluateResult, json)].map(
      (e) => `${e.instancePath} ${e.message}`,
    );
    expect(errors).toEqual([]);
    expect(keys(result)).toEqual(
      [
        'year',
        'demand',
        'supply',
        'coverage',
        'afterBackup',
        'grid',
        'nMinus1',
        'deployments',
        'economics',
        'backup',
        'planPeriodYears',
        'schedule',
        'timeline',
        'hourly',
        'assumptions',
        'warnings',
      ].sort(),
    );
    expect(result.economics.tornado.map((b) => b.parameter).sort()).toEqual([
      'availability',
      'capitalCost',
      'distance',
      'foakPremium',
      'learningRate',
      'wacc',
    ]);
    expect(result.timeline).toHaveLength(22);
    expect(result.hourly.demandMw).toHaveLength(8760);
    expect(json).toEqual(result);
  });

  it('evaluates the first year with every deployment online and the campus built', () => {
    // Abilene's phases are complete in 2026; the last COD is the BWRX-300s' 2033.
    expect(result.year).toBe(2033);
    expect(result.deployments.map((d) => d.codYear)).toEqual([2031, 2032, 2033]);
    expect(result.deployments[0].lineKind).toBe('co-located');
  });

  it('reports nameplate and availability of the online fleet', () => {
    // 2 × 345 + 4 × 80 + 2 × 300 = 1,610 MW net; storage adds no nameplate.
    expect(result.supply.nameplateMw).toBe(1610);
    expect(result.supply.capacityFactor).toBeGreaterThan(0.85);
    expect(result.supply.capacityFactor).toBeLessThan(1);
    expect(result.supply.annualGwh).toBeCloseTo((result.supply.meanAvailableMw * 8760) / 1000, 6);
  });

  it('echoes every default it used', () => {
    const text = result.assumptions.join('\n');
    expect(text).toContain('options.year not given: 2033');
    expect(text).toContain('options.trials not given: 500');
    expect(text).toContain('options.seed not given: 1');
    expect(text).toContain('options.targetReliability not given: 0.999');
    expect(text).toContain('deployments[0].codYear not given: 2031');
    expect(text).toContain('deployments[1].codYear not given: 2032');
    expect(text).not.toContain('deployments[2].codYear not given');
    expect(text).toContain('options.economics.waccReal = 0.07');
    // Assumption-basis design numbers, e.g. Natrium's forced outage rate.
    expect(text).toMatch(/natrium forcedOutageRate = 0\.06 \(assumption/);
  });

  it('warns that HALEU fuel supply is constrained for Natrium and Xe-100, not BWRX-300', () => {
    const haleu = result.warnings.filter((w) => w.includes('HALEU fuel supply is constrained'));
    expect(haleu.map((w) => w.split(':')[0]).sort()).toEqual([
      'Natrium (natrium)',
      'Xe-100 (xe-100)',
    ]);
  });

  it('shows the median trial hour by hour', () => {
    // Its served fraction is the lower median of the per-trial fractions.
    const prepared = prepareEvaluation(inputs, data);
    const agg = mergePartials(prepared, [runTrials(prepared, 0, prepared.trials)]);
    const fractions = Array.from(agg.servedMwh, (mwh) => mwh / prepared.main.sim.demandMwh).sort(
      (a, b) => a - b,
    );
    let served = 0;
    result.hourly.deliveredMw.forEach(
      (mw, t) => (served += Math.min(mw, result.hourly.demandMw[t])),
    );
    expect(served / prepared.main.sim.demandMwh).toBeCloseTo(
      fractions[Math.floor((fractions.length - 1) / 2)],
      9,
    );
  });

  it('costs the fleet: capex, lines, backup and a delivered cost from the same base', () => {
    // Reactor capex by build order, per design: unit 1 × 1.5 (FOAK), unit n × n^log2(0.95), all
    // × Texas 0.93 (EIA location table): Natrium 345 MW × $11,600 × (1.5 + 0.95); Xe-100 80 MW ×
    // $10,000 × (1.5 + 0.95 + 0.92192 + 0.9025); BWRX-300 300 MW × $12,700 × (1.5 + 0.95).
    const f = (n: number) => (n === 1 ? 1.5 : n ** Math.log2(0.95));
    const sum = (k: number) =>
      Array.from({ length: k }, (_, i) => f(i + 1)).reduce((a, b) => a + b);
    const expected =
      0.93 * (345e3 * 11600 * sum(2) + 80e3 * 10000 * sum(4) + 300e3 * 12700 * sum(2));
    expect(result.economics.capexUsd).toBeCloseTo(expected, 0);
    expect(result.deployments.map((d) => d.state)).toEqual(['Texas', 'Texas', 'Texas']);
    expect(result.economics.transmissionCapexUsd).toBeCloseTo(
      result.deployments.reduce((s, d) => s + d.transmissionCapexUsd, 0),
      0,
    );
    for (const bar of result.economics.tornado) {
      expect(bar.baseUsdPerMwh).toBe(result.economics.deliveredCostUsdPerMwh);
    }
    const capital = result.economics.tornado.find((b) => b.parameter === 'capitalCost');
    expect(capital?.highUsdPerMwh).toBeGreaterThan(capital?.lowUsdPerMwh ?? Infinity);
  });
});

describe('warnings', () => {
  const site = { lat: 35, lon: -90, utcOffsetHours: -6 };
  const campus = {
    ...site,
    kind: 'ai-training' as const,
    trainingShare: 1,
    pue: 1,
    phases: [{ start: '2024-01', itMw: 100 }],
  };

  it('flag a codYear earlier than the design’s earliest realistic year', () => {
    const r = evaluate(
      {
        campus,
        deployments: [{ designId: 'bwrx-300', units: 1, ...site, codYear: 2026 }],
        options: { trials: 20 },
      },
      data,
    );
    expect(
      r.warnings.some((w) => w.includes('codYear 2026 is earlier than') && w.includes('2030')),
    ).toBe(true);
  });

  it('flag a modelled availability more than 2 points from the published capacity factor', () => {
    // Oklo Aurora: FOR 0.08; 30 days per 3,652.8 + 14 per 365.28 → planned 4.65%:
    // 0.92 × 0.9535 = 87.7% against the published 85%: 2.7 points.
    const r = evaluate(
      {
        campus,
        deployments: [{ designId: 'oklo-aurora', units: 1, ...site }],
        options: { trials: 20 },
      },
      data,
    );
    expect(
      r.warnings.some(
        (w) => w.includes('(oklo-aurora)') && w.includes('87.7%') && w.includes('85.0%'),
      ),
    ).toBe(true);
  });

  it('flag zero served energy when nothing is online', () => {
    const r = evaluate(
      {
        campus,
        deployments: [{ designId: 'bwrx-300', units: 1, ...site, codYear: 2040 }],
        options: { year: 2035, trials: 20 },
      },
      data,
    );
    expect(r.coverage.servedEnergyFraction).toBe(0);
    expect(r.warnings.some((w) => w.startsWith('Zero served energy'))).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('No deployment is online in 2035'))).toBe(true);
    // LCOE is the plant's lifetime figure, whatever the year; nothing is delivered in 2035.
    expect(r.economics.lcoeUsdPerMwh).toBeGreaterThan(0);
    expect(r.supply.dispatchedMwh).toBe(0);
  });

  it('flag planned outages the season cannot keep apart (20 BWRX-300, 10 a season)', () => {
    const r = evaluate(
      {
        campus,
        deployments: [{ designId: 'bwrx-300', units: 20, ...site }],
        options: { trials: 20 },
      },
      data,
    );
    expect(r.year).toBe(2030);
    expect(
      r.warnings.some((w) => w.startsWith('Planned outages overlap in 2 of 2 plan year')),
    ).toBe(true);
  });
});
