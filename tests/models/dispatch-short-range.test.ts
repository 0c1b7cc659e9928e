// Dispatcher.shortRange (models/coverage/dispatch.ts) solves a stretch short throughout from range
// sums once the battery is empty, instead of stepping it hour by hour. The reference is the hourly
// rule itself: a second dispatcher given the same hours one at a time through short(). Every sum
// must agree to rounding (the loss-of-load hours exactly), whatever the dispatch order, battery,
// gas outages within the stretch, grid state and import limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dispatcher, GAS_EVENT_HOUR, type DispatchPlan } from '../../models/coverage/dispatch.ts';
import { HourScorer } from '../../models/coverage/scorer.ts';
import { streamFor } from '../../models/rng.ts';

const HOURS = 8760;
const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

function demandSeries(seed: number): Float64Array {
  const rng = streamFor(seed, 0, 0, 0);
  return Float64Array.from(
    { length: HOURS },
    (_, t) => 900 + 250 * Math.sin(t / 30) + 120 * rng.uniform(),
  );
}

const SUMS = [
  'gasMwh',
  'importMwh',
  'peakImportMw',
  'unservedMwh',
  'batteryOutMwh',
  'socMwh',
] as const;

const question = fc.record({
  seed: fc.integer({ min: 0, max: 20 }),
  order: fc.constantFrom(...ORDERS),
  batteryMw: fc.constantFrom(0, 50, 300),
  batteryHours: fc.constantFrom(1, 4),
  socShare: fc.constantFrom(0, 0.3, 1),
  connected: fc.boolean(),
  gridUp: fc.boolean(),
  importLimitMw: fc.constantFrom(0, 100, 400, Number.POSITIVE_INFINITY),
  gasUnits: fc.array(
    fc.record({
      mw: fc.constantFrom(50, 100, 237.5),
      downs: fc.array(
        fc.tuple(fc.integer({ min: 0, max: HOURS - 1 }), fc.integer({ min: 1, max: 400 })),
        {
          maxLength: 4,
        },
      ),
    }),
    { maxLength: 6 },
  ),
  a: fc.integer({ min: 0, max: HOURS - 1 }),
  length: fc.integer({ min: 1, max: 3000 }),
  belowMinMw: fc.constantFrom(0.5, 40, 600),
});

describe('Dispatcher.shortRange', () => {
  it('agrees with the hourly rule on a stretch short throughout', () => {
    fc.assert(
      fc.property(question, (q) => {
        const demand = demandSeries(q.seed);
        const tree = new HourScorer(demand, { binMw: 0.5, bins: 8000 });
        const a = q.a;
        const b = Math.min(HOURS, a + q.length);
        let minMw = Infinity;
        for (let t = a; t < b; t += 1) minMw = Math.min(minMw, demand[t]);
        const baseMw = Math.max(0, minMw - q.belowMinMw);
        const plan: DispatchPlan = {
          batteryMw: q.batteryMw,
          batteryMwh: q.batteryMw * q.batteryHours,
          batteryEfficiency: 0.86,
          order: Int8Array.from(q.order),
          connected: q.connected,
          importLimitMw: q.importLimitMw,
          exportLimitMw: 0,
        };
        const events: number[] = [];
        const unitMw = Float64Array.from(q.gasUnits, (u) => u.mw);
        q.gasUnits.forEach((u, k) => {
          for (const [from, len] of u.downs) {
            events.push((from * 65536 + k) * 2);
            if (from + len < HOURS) events.push(((from + len) * 65536 + k) * 2 + 1);
          }
        });
        // One unit's overlapping outages would double-count its MW: keep each unit's first only.
        const kept = events.filter((e) => {
          const unit = (e % GAS_EVENT_HOUR) >> 1;
          const first = q.gasUnits[unit].downs[0];
          const hour = Math.floor(e / GAS_EVENT_HOUR);
          return hour === first[0] || hour === first[0] + first[1];
        });
        const sorted = Uint32Array.from(kept).sort();
        const totalMw = unitMw.reduce((s, x) => s + x, 0);
        const make = () => {
          const d = new Dispatcher(plan);
          d.reset();
          d.gridUp = q.connected && q.gridUp;
          d.socMwh = plan.batteryMwh > 0 && q.batteryMw > 0 ? q.socShare * plan.batteryMwh : 0;
          d.sampleGas = () => d.setGasEvents(sorted, unitMw, totalMw);
          return d;
        };
        const fast = make();
        const hourly = make();
        fast.shortRange(tree, a, b, baseMw);
        for (let t = a; t < b; t += 1) hourly.short(t, demand[t] - baseMw);
        for (const key of SUMS) {
          const scale = Math.max(1, Math.abs(hourly[key]));
          expect(Math.abs(fast[key] - hourly[key]) / scale, key).toBeLessThan(1e-9);
        }
        expect(fast.lossOfLoadHours).toBe(hourly.lossOfLoadHours);
        expect(fast.gasMw).toBe(hourly.gasMw);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it("agrees at the edges: gas events at a stretch's first, last and next hour, and back to back", () => {
    // Two 150 MW gas units; stretches [100, 200) and [200, 330) given one after the other on one
    // dispatcher. Unit 0 goes down at hour 100 (the first hour) and comes up at 199 (the last);
    // unit 1 goes down at 200 (the next stretch's first hour) and up at 330 (the hour after it);
    // unit 0 trips again for one hour at 250. The battery (40 MWh) empties inside the first.
    const demand = demandSeries(7);
    const tree = new HourScorer(demand, { binMw: 0.5, bins: 8000 });
    const unitMw = Float64Array.from([150, 150]);
    const packed = (hour: number, unit: number, up: 0 | 1) => (hour * 65536 + unit) * 2 + up;
    const events = Uint32Array.from([
      packed(100, 0, 0),
      packed(199, 0, 1),
      packed(200, 1, 0),
      packed(250, 0, 0),
      packed(251, 0, 1),
      packed(330, 1, 1),
    ]).sort();
    for (const order of ORDERS) {
      for (const importLimitMw of [0, 120]) {
        const plan: DispatchPlan = {
          batteryMw: 40,
          batteryMwh: 40,
          batteryEfficiency: 0.86,
          order: Int8Array.from(order),
          connected: true,
          importLimitMw,
          exportLimitMw: 0,
        };
        const make = () => {
          const d = new Dispatcher(plan);
          d.reset();
          d.sampleGas = () => d.setGasEvents(events, unitMw, 300);
          return d;
        };
        const fast = make();
        const hourly = make();
        for (const [a, b] of [
          [100, 200],
          [200, 330],
        ]) {
          let minMw = Infinity;
          for (let t = a; t < b; t += 1) minMw = Math.min(minMw, demand[t]);
          const baseMw = minMw - 450;
          fast.shortRange(tree, a, b, baseMw);
          for (let t = a; t < b; t += 1) hourly.short(t, demand[t] - baseMw);
          for (const key of SUMS) {
            const scale = Math.max(1, Math.abs(hourly[key]));
            expect(Math.abs(fast[key] - hourly[key]) / scale, `${key} ${order}`).toBeLessThan(1e-9);
          }
          expect(fast.lossOfLoadHours).toBe(hourly.lossOfLoadHours);
          expect(fast.gasMw).toBe(hourly.gasMw);
        }
      }
    }
  });
});
