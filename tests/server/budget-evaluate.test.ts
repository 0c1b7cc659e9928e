// Compute budgets (issue 12): an evaluate over its unit-trial-hours or a screen over its grid
// cells answers 400 OVER_BUDGET before any work, naming the figure, the limit and the fix; the
// app's own heaviest uses stay within the defaults; the limits come from the environment.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { DEFAULT_BUDGETS, evaluateCost } from '../../server/evaluate/budget.ts';
import type { EvaluateRequestBody } from '../../server/schemas/evaluate.ts';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const fleet = (deployments: number, units: number) =>
  Array.from({ length: deployments }, (_, i) => ({
    designId: 'bwrx-300',
    units,
    lat: 35 + i * 0.01,
    lon: -90.16,
  }));

describe('evaluate budget', () => {
  it('refuses the schema ceiling (20 × 100 units × 5,000 trials) at once with the figures', async () => {
    app = await testApp({ evaluationWorkers: 0 });
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/evaluate',
      payload: {
        campus: { id: 'xai-colossus-1' },
        deployments: fleet(20, 100),
        options: { trials: 5000 },
      },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('OVER_BUDGET');
    expect(error.message).toContain('2,000 units × 5,000 trials × 8,760 h');
    expect(error.message).toContain('87,600,000,000 unit-trial-hours');
    expect(error.message).toContain('limit of 40,000,000,000');
    expect(error.message).toMatch(/EVALUATE_MAX_UNIT_TRIAL_HOURS.*Lower options\.trials/);
  });

  it('counts a small fleet as 300 units and the sweep years', () => {
    const cost = evaluateCost({
      campus: { id: 'x' },
      deployments: fleet(1, 1),
      options: { trials: 1000, years: [2030, 2039], year: 2031 },
    } as EvaluateRequestBody);
    expect(cost).toMatchObject({ units: 1, countedUnits: 300, simulatedYears: 10 });
    expect(cost.unitTrialHours).toBe(300 * 1000 * 8760 * 10);
  });

  it('lets the app’s heaviest normal uses through', () => {
    const fixture = JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '../fixtures/colossus-allen.scenario.json'),
        'utf8',
      ),
    );
    const bodies: EvaluateRequestBody[] = [
      fixture,
      // The web form's ceiling: 5,000 trials of one year.
      { campus: { id: 'x' }, deployments: fleet(4, 6), options: { trials: 5000 } },
      // tests/bench/http-load.ts's 10-year sweep and a 1,000-trial 11-year sweep (tests/web).
      {
        campus: { id: 'x' },
        deployments: fleet(3, 3),
        options: { trials: 500, years: [2030, 2039] },
      },
      {
        campus: { id: 'x' },
        deployments: fleet(1, 4),
        options: { trials: 1000, years: [2030, 2040] },
      },
    ] as EvaluateRequestBody[];
    for (const body of bodies) {
      expect(evaluateCost(body).unitTrialHours).toBeLessThanOrEqual(
        DEFAULT_BUDGETS.evaluateMaxUnitTrialHours,
      );
    }
  });
});

describe('screen budget', () => {
  it('answers 400 OVER_BUDGET over SCREEN_MAX_CELLS, naming the cells and the fix', async () => {
    app = await testApp({ evaluationWorkers: 0, computeLimits: { screenMaxCells: 1000 } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/screen',
      payload: { campus: { id: 'coreweave-lancaster' }, designId: 'bwrx-300', radiusKm: 400 },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('OVER_BUDGET');
    expect(error.message).toMatch(/about 1,9\d\d grid cells.*limit of 1,000 \(SCREEN_MAX_CELLS\)/);
    expect(error.message).toContain('Raise cellKm or lower radiusKm');
  });
});

describe('limits from the environment', () => {
  it('reads each limit and refuses a bad value naming the variable', () => {
    const config = loadConfig({ EVALUATE_MAX_UNIT_TRIAL_HOURS: '1e9', COMPUTE_TIMEOUT_MS: '5000' });
    expect(config.computeLimits.evaluateMaxUnitTrialHours).toBe(1e9);
    expect(config.computeLimits.computeTimeoutMs).toBe(5000);
    expect(config.shutdownDrainMs).toBe(10_000);
    expect(() => loadConfig({ EVALUATE_MAX_ACTIVE: '0' })).toThrow(/EVALUATE_MAX_ACTIVE/);
    expect(() => loadConfig({ SCREEN_MAX_CELLS: 'lots' })).toThrow(/SCREEN_MAX_CELLS/);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_MS/);
  });
});
