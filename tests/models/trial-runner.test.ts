// A worker keeps one TrialRunner (one workspace) per plan and runs that plan's chunks on it
// (issue 13): every chunk must equal the same chunk on a fresh workspace, bit for bit, whatever
// ran on the runner before, for plans with storage, lines, gas, battery and the grid.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { runPlanTrials, TrialRunner, type TrialPartial } from '../../models/coverage.ts';
import { prepareEvaluation, type EvaluateInputs } from '../../models/scenario.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { runnerFor } from '../../server/evaluate/tasks.ts';

const geo = loadGeoData();
const data = evaluateDataOf(geo);
const campus = geo.campuses.find((c) => c.id === 'stargate-abilene');
if (!campus) throw new Error('stargate-abilene is missing from geo-data');

function inputs(options: object): EvaluateInputs {
  return {
    campus: campus as NonNullable<typeof campus>,
    deployments: [
      { designId: 'natrium', units: 2, lat: campus!.lat + 0.01, lon: campus!.lon },
      { designId: 'bwrx-300', units: 3, lat: campus!.lat + 0.5, lon: campus!.lon + 0.3 },
      { designId: 'xe-100', units: 2, lat: campus!.lat - 1.5, lon: campus!.lon - 1, circuits: 2 },
    ],
    options: { trials: 120, year: 2035, seed: 11, ...options },
  };
}

/** Every typed array and number of the partial, as one comparable list (NaN and −0 exact). */
const bits = (p: TrialPartial) =>
  Object.entries(p).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]);

describe('TrialRunner', () => {
  const cases: [string, object][] = [
    ['storage and lines, backup off', { backup: { gas: { mw: 0 }, battery: { mw: 0, mwh: 0 } } }],
    ['gas, battery and the connected grid', { grid: { mode: 'connected', importLimitMw: 300 } }],
  ];
  for (const [name, options] of cases) {
    it(`runs chunks on one workspace with the bits of fresh ones: ${name}`, () => {
      const sim = prepareEvaluation(inputs(options), data).main.sim;
      const runner = new TrialRunner(sim);
      // Out of order and overlapping, so nothing depends on what ran before.
      for (const [a, b] of [
        [40, 80],
        [0, 40],
        [80, 120],
        [10, 11],
        [0, 120],
      ]) {
        expect(bits(runner.run(a, b))).toEqual(bits(runPlanTrials(sim, a, b)));
      }
    });
  }

  it('is kept per plan id by the worker task code, and a new id gets a new runner', () => {
    const sim = prepareEvaluation(inputs({}), data).main.sim;
    const first = runnerFor(sim, 'test-plan-a');
    expect(runnerFor(sim, 'test-plan-a')).toBe(first);
    expect(runnerFor(sim, 'test-plan-b')).not.toBe(first);
    expect(runnerFor(sim, undefined)).not.toBe(first);
    expect(bits(runnerFor(sim, 'test-plan-a').run(5, 30))).toEqual(bits(runPlanTrials(sim, 5, 30)));
  });
});
