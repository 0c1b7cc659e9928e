// Properties of the Monte Carlo for any fleet and campus (fast-check, seeded so failures replay):
// the fast scorer agrees with a dense hour-by-hour reference, served never exceeds demand or
// delivered, more units never lower coverage, and results depend only on the seed, never on how
// trials are split or copied to workers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { SERVED_TOLERANCE_MW, traceTrial, type SimPlan } from '../../models/coverage.ts';
import { streamFor } from '../../models/rng.ts';
import {
  evaluate,
  finishEvaluation,
  mergePartials,
  prepareEvaluation,
  runTrials,
  type EvaluateInputs,
} from '../../models/scenario.ts';
import {
  dispatchStorageHour,
  sampleUnitYear,
  EventList,
  type UnitSink,
} from '../../models/supply.ts';

const { designs, gpuPower } = loadGeoData();
const data = { designs, gpuPower };
const campusAt = { lat: 35, lon: -90, utcOffsetHours: -6 };
const DESIGN_IDS = ['bwrx-300', 'natrium', 'xe-100', 'nuscale-us460', 'kairos-kp-fhr'];

const deployment = fc.record({
  designId: fc.constantFrom(...DESIGN_IDS),
  units: fc.integer({ min: 1, max: 4 }),
  lat: fc.oneof(fc.constant(campusAt.lat), fc.double({ min: 33, max: 37, noNaN: true })),
  lon: fc.oneof(fc.constant(campusAt.lon), fc.double({ min: -92, max: -88, noNaN: true })),
  codYear: fc.integer({ min: 2030, max: 2035 }),
});
const scenario = fc.record({
  kind: fc.constantFrom('ai-training' as const, 'ai-inference' as const, 'ai-mixed' as const),
  itMw: fc.double({ min: 50, max: 2500, noNaN: true }),
  deployments: fc.array(deployment, { minLength: 1, maxLength: 3 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function inputsOf(s: Scenario, trials = 20): EvaluateInputs {
  return {
    campus: { ...campusAt, kind: s.kind, pue: 1.2, phases: [{ start: '2024-01', itMw: s.itMw }] },
    deployments: s.deployments,
    options: { year: 2035, trials, seed: s.seed },
  };
}

/** Dense reference: every unit's hourly up flag, a per-hour sum, per-hour storage dispatch. */
function referenceTrial(sim: SimPlan, trial: number) {
  const u = sim.units;
  const up: Float64Array[] = [];
  for (let i = 0; i < u.count; i += 1) {
    const sink: UnitSink = {
      diff: new Float64Array(8761),
      touched: new EventList(),
      storageSlot: -1,
      storageEvents: new EventList(),
    };
    sampleUnitYear(
      streamFor(sim.seed, trial, u.deployment[i], u.unit[i]),
      u.plannedHours,
      u.plannedFrom[i],
      u.plannedFrom[i + 1],
      u.forcedOutageRate[i],
      u.mttfHours[i],
      u.mttrHours[i],
      1,
      sink,
    );
    const flags = new Float64Array(8760);
    let level = 0;
    for (let t = 0; t < 8760; t += 1) flags[t] = level += sink.diff[t];
    up.push(flags);
  }
  const storageUnits = Array.from({ length: u.count }, (_, i) => i).filter(
    (i) => u.storageSlot[i] >= 0,
  );
  const levels = Float64Array.from(sim.storage.capacityMwh);
  const unitUp = new Float64Array(sim.storage.count);
  const flows = new Float64Array(3 * sim.storage.count);
  const delivered = new Float64Array(8760);
  let served = 0;
  let lossOfLoad = 0;
  for (let t = 0; t < 8760; t += 1) {
    let base = 0;
    for (let i = 0; i < u.count; i += 1) base += up[i][t] * u.deliveredMw[i];
    storageUnits.forEach((i) => (unitUp[u.storageSlot[i]] = up[i][t]));
    const d = sim.demandMw[t];
    delivered[t] =
      sim.storage.count > 0
        ? dispatchStorageHour(sim.storage, levels, unitUp, base, d, flows)
        : base;
    served += Math.min(d, delivered[t]);
    if (d - delivered[t] > SERVED_TOLERANCE_MW) lossOfLoad += 1;
  }
  return { delivered, served, lossOfLoad };
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length &&
  Array.prototype.every.call(a, (x: number, i: number) => Object.is(x, b[i]));

describe('the Monte Carlo, for any fleet and campus', () => {
  it('agrees with a dense hour-by-hour reference', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 19 }), (s, trial) => {
        const prepared = prepareEvaluation(inputsOf(s), data);
        const fast = traceTrial(prepared.sim, trial);
        const ref = referenceTrial(prepared.sim, trial);
        let worst = 0;
        for (let t = 0; t < 8760; t += 1)
          worst = Math.max(worst, Math.abs(fast.deliveredMw[t] - ref.delivered[t]));
        expect(worst).toBeLessThan(1e-6);
        expect(fast.partial.servedMwh[0]).toBeCloseTo(ref.served, 3);
        expect(fast.partial.lossOfLoadHours[0]).toBe(ref.lossOfLoad);
      }),
      { numRuns: 25, seed: 4242 },
    );
  });

  it('serves at most the demand and at most what is delivered, every hour', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 19 }), (s, trial) => {
        const prepared = prepareEvaluation(inputsOf(s), data);
        const { deliveredMw, partial } = traceTrial(prepared.sim, trial);
        let served = 0;
        let unserved = 0;
        let surplus = 0;
        let violations = 0;
        for (let t = 0; t < 8760; t += 1) {
          const d = prepared.sim.demandMw[t];
          const hourServed = Math.min(d, deliveredMw[t]);
          if (hourServed > d || hourServed > deliveredMw[t]) violations += 1;
          served += hourServed;
          unserved += Math.max(0, d - deliveredMw[t]);
          surplus += Math.max(0, deliveredMw[t] - d);
        }
        expect(violations).toBe(0);
        // The trial's sums are those of its hours (the scorer sums whole stretches at once).
        expect(partial.servedMwh[0]).toBeCloseTo(served, 3);
        expect(partial.unservedMwh[0]).toBeCloseTo(unserved, 3);
        expect(partial.surplusMwh[0]).toBeCloseTo(surplus, 3);
        expect(partial.servedMwh[0]).toBeLessThanOrEqual(prepared.sim.demandMwh * (1 + 1e-12));
      }),
      { numRuns: 20, seed: 99 },
    );
  });

  it('never lowers coverage when a unit is added, for the same seed', () => {
    fc.assert(
      fc.property(scenario, deployment, (s, added) => {
        const before = prepareEvaluation(inputsOf(s), data);
        const after = prepareEvaluation(
          inputsOf({ ...s, deployments: [...s.deployments, added] }),
          data,
        );
        const a = runTrials(before, 0, 20);
        const b = runTrials(after, 0, 20);
        const slack = 1e-9 * before.sim.demandMwh;
        for (let t = 0; t < 20; t += 1) {
          expect(b.servedMwh[t]).toBeGreaterThanOrEqual(a.servedMwh[t] - slack);
          expect(b.lossOfLoadHours[t]).toBeLessThanOrEqual(a.lossOfLoadHours[t]);
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('depends only on the seed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const once = evaluate(inputsOf(s), data);
        expect(JSON.stringify(evaluate(inputsOf(s), data))).toBe(JSON.stringify(once));
        const other = evaluate(inputsOf({ ...s, seed: s.seed + 1 }), data);
        // Different seed, different draws (demand too): the hourly series differ.
        expect(other.hourly.demandMw).not.toEqual(once.hourly.demandMw);
      }),
      { numRuns: 10, seed: 11 },
    );
  });

  it('gives bit-identical results for [0, n) and any split into chunks, in any order', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.uniqueArray(fc.integer({ min: 1, max: 39 }), { maxLength: 5 }),
        (s, cuts) => {
          const prepared = prepareEvaluation(inputsOf(s, 40), data);
          const whole = mergePartials(prepared, [runTrials(prepared, 0, 40)]);
          const edges = [0, ...[...cuts].sort((x, y) => x - y), 40];
          // Each chunk runs on a structured clone, as a worker thread receives it.
          const chunks = edges
            .slice(1)
            .map((end, i) => runTrials(structuredClone(prepared), edges[i], end))
            .reverse();
          const split = mergePartials(prepared, chunks);
          for (const key of [
            'servedMwh',
            'unservedMwh',
            'surplusMwh',
            'lossOfLoadHours',
            'availableMwh',
            'deliveredCounts',
            'shortfallCounts',
          ] as const) {
            expect(sameBits(split[key], whole[key]), key).toBe(true);
          }
          expect(JSON.stringify(finishEvaluation(prepared, split))).toBe(
            JSON.stringify(finishEvaluation(prepared, whole)),
          );
        },
      ),
      { numRuns: 10, seed: 5 },
    );
  });
});

describe('runTrials', () => {
  it('reports progress every 25 trials and at the end', () => {
    const prepared = prepareEvaluation(
      inputsOf(
        {
          kind: 'ai-training',
          itMw: 300,
          deployments: [{ designId: 'bwrx-300', units: 2, ...campusAt, codYear: 2030 }],
          seed: 1,
        },
        60,
      ),
      data,
    );
    const seen: number[] = [];
    runTrials(prepared, 0, 60, (done) => seen.push(done));
    expect(seen).toEqual([25, 50, 60]);
  });

  it('refuses chunks that do not tile the trials', () => {
    const prepared = prepareEvaluation(
      inputsOf(
        {
          kind: 'ai-training',
          itMw: 300,
          deployments: [{ designId: 'bwrx-300', units: 2, ...campusAt, codYear: 2030 }],
          seed: 1,
        },
        20,
      ),
      data,
    );
    expect(() => mergePartials(prepared, [runTrials(prepared, 0, 10)])).toThrow(/0\.\.20/);
    expect(() =>
      mergePartials(prepared, [runTrials(prepared, 0, 12), runTrials(prepared, 10, 20)]),
    ).toThrow(/without gaps or overlaps/);
    expect(() => runTrials(prepared, 0, 21)).toThrow(/trialEnd/);
  });
});
