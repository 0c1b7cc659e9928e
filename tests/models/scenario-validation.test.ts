// evaluate's input checks: a 400 that names the field and the value (DESIGN.md "Errors").
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { ModelError } from '../../models/errors.ts';
import { EVALUATE_LIMITS, evaluate, type EvaluateInputs } from '../../models/scenario.ts';

const { designs, gpuPower } = loadGeoData();
const site = { lat: 35, lon: -90, utcOffsetHours: -6 };
const campus = {
  ...site,
  kind: 'ai-training' as const,
  pue: 1,
  phases: [{ start: '2024-01', itMw: 100 }],
};
const ok = { designId: 'bwrx-300', units: 1, ...site };

function failure(inputs: unknown): ModelError {
  try {
    evaluate(inputs as EvaluateInputs, { designs, gpuPower });
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('evaluate rejects', () => {
  it('an unknown designId, naming deployments[i].designId and the value', () => {
    const e = failure({ campus, deployments: [ok, { ...ok, designId: 'warp-core' }] });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('deployments[1].designId');
    expect(e.message).toContain('"warp-core"');
    expect(e.details).toMatchObject({ field: 'deployments[1].designId', value: 'warp-core' });
  });

  for (const units of [0, 1.5, 101, '2']) {
    it(`units ${JSON.stringify(units)} (whole numbers 1..100)`, () => {
      expect(failure({ campus, deployments: [{ ...ok, units }] }).details).toMatchObject({
        field: 'deployments[0].units',
        value: units,
      });
    });
  }

  it('a latitude or longitude out of range', () => {
    expect(failure({ campus, deployments: [{ ...ok, lat: 91 }] }).details?.field).toBe(
      'deployments[0].lat',
    );
    expect(failure({ campus, deployments: [{ ...ok, lon: -181 }] }).details?.field).toBe(
      'deployments[0].lon',
    );
  });

  for (const trials of [19, 5001, 100.5]) {
    it(`trials ${trials}, naming options.trials`, () => {
      const e = failure({ campus, deployments: [ok], options: { trials } });
      expect(e.details).toMatchObject({ field: 'options.trials', value: trials });
      expect(e.message).toContain('20..5000');
    });
  }

  it('no deployments, or more than 20', () => {
    expect(failure({ campus, deployments: [] }).details?.field).toBe('deployments');
    expect(failure({ campus, deployments: Array(21).fill(ok) }).details?.field).toBe('deployments');
  });

  it('a year, codYear, seed or target outside the limits', () => {
    expect(failure({ campus, deployments: [ok], options: { year: 2050 } }).details?.field).toBe(
      'options.year',
    );
    expect(failure({ campus, deployments: [{ ...ok, codYear: 2020 }] }).details?.field).toBe(
      'deployments[0].codYear',
    );
    expect(failure({ campus, deployments: [ok], options: { seed: -1 } }).details?.field).toBe(
      'options.seed',
    );
    expect(
      failure({ campus, deployments: [ok], options: { targetReliability: 1 } }).details?.field,
    ).toBe('options.targetReliability');
  });

  it('a campus the demand model rejects', () => {
    expect(failure({ campus: { ...campus, lat: 100 }, deployments: [ok] }).details?.field).toBe(
      'lat',
    );
  });
});

describe('the limits', () => {
  it('are exported for the server’s schema', () => {
    expect(EVALUATE_LIMITS).toMatchObject({
      deploymentsMin: 1,
      deploymentsMax: 20,
      unitsMin: 1,
      unitsMax: 100,
      trialsMin: 20,
      trialsMax: 5000,
    });
  });
});
