// Forced outages and availability (DESIGN.md "Forced outages", "Randomness"). Expected values are
// worked by hand in the comments from the design records in geo-data/designs.json.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import type { Design } from '../../models/records.ts';
import { HourSet } from '../../models/supply/hour-set.ts';
import { streamFor, type Rng } from '../../models/rng.ts';
import { LINE_STREAM_UNIT, SPECIAL_DEPLOYMENT } from '../../models/supply/streams.ts';
import { evaluate, type EvaluateInputs } from '../../models/scenario.ts';
import {
  designParams,
  sampleUnitYear,
  EventList,
  UnitStreams,
  type UnitSink,
} from '../../models/supply.ts';

const { designs, gpuPower } = loadGeoData();
const site = { lat: 35, lon: -90, utcOffsetHours: -6 };

function withField(id: string, key: 'forcedOutageRate', value: number): Design[] {
  return designs.map((d) =>
    d.id === id
      ? { ...d, [key]: { value, basis: 'assumption' as const, note: 'test override' } }
      : d,
  );
}

function oneUnit(designId: string, year: number, trials: number, codYear = 2030): EvaluateInputs {
  return {
    campus: {
      ...site,
      kind: 'ai-training',
      trainingShare: 1,
      pue: 1,
      phases: [{ start: '2024-01', itMw: 50 }],
    },
    deployments: [{ designId, units: 1, ...site, codYear }],
    options: { year, trials, seed: 7 },
  };
}

const sink = (): UnitSink => ({
  diff: new Float64Array(8761),
  touched: new HourSet(),
  storageSlot: -1,
  storageEvents: new EventList(),
  lineDown: new Float64Array(0),
  lineFrom: 0,
  lineTo: 0,
  deliverableHours: 0,
});

describe('a unit that never fails', () => {
  it('refuels in every other trial: netMwe × (8,760 − 600 / 2) h on average, whatever the year', () => {
    // BWRX-300: 25 days = 600 h every 24 months, P = 2: even trials simulate plan year 0 (the
    // outage), odd trials plan year 1 (none). Mean 300 MW × (8,760 − 300) h = 2,538 GWh, in 2031
    // and 2032 alike (the old engine gave 2,448 GWh in odd years and 2,628 GWh in even ones).
    const data = { designs: withField('bwrx-300', 'forcedOutageRate', 0), gpuPower };
    for (const year of [2031, 2032]) {
      const result = evaluate(oneUnit('bwrx-300', year, 20), data);
      expect(result.supply.annualGwh).toBeCloseTo(2538, 9);
      expect(result.supply.nameplateMw).toBe(300);
      expect(result.planPeriodYears).toBe(2);
    }
  });
});

describe('simulated availability over 2,000 trials', () => {
  it('converges to (1 − FOR)(1 − planned days / interval days) within 0.5 points: Xe-100', () => {
    // FOR 0.06, 14 maintenance days every 365.28 days: 0.94 × (1 − 14/365.28) = 0.9040. The year
    // holds exactly one 14-day outage (336 h). One trial's availability has a standard deviation
    // of ~3 points (about three 168-hour repairs a year), so 2,000 trials give ±0.07 points.
    const expected = 0.94 * (1 - 14 / 365.28);
    expect(
      designParams(designs.find((d) => d.id === 'xe-100') as Design).expectedAvailability,
    ).toBeCloseTo(expected, 12);
    const result = evaluate(oneUnit('xe-100', 2035, 2000), { designs, gpuPower });
    expect(Math.abs(result.supply.capacityFactor - expected)).toBeLessThan(0.005);
  });

  it('converges over a 24-month cycle in one study year: BWRX-300', () => {
    // FOR 0.03; the plan's planned share is 600 h / 17,520 h = 0.03425 (≈ 25/730.56), so the
    // expectation is 0.97 × (1 − 0.03425) = 0.93678, and each study year gives it on its own.
    const expected = 0.97 * (1 - 600 / 17520);
    for (const year of [2030, 2031]) {
      const r = evaluate(oneUnit('bwrx-300', year, 2000), { designs, gpuPower });
      expect(Math.abs(r.supply.capacityFactor - expected)).toBeLessThan(0.005);
    }
  });
});

describe('the forced-outage clock', () => {
  it('starts each year in the stationary state: up with probability 1 − FOR', () => {
    // FOR 0.06: of 4,000 unit-years, 3,760 ± 15 (1σ) start up.
    let up = 0;
    for (let trial = 0; trial < 4000; trial += 1) {
      const s = sink();
      sampleUnitYear(streamFor(3, trial, 0, 0), new Float64Array(0), 0, 0, 0.06, 2632, 168, 1, s);
      if (s.diff[0] > 0) up += 1;
    }
    expect(Math.abs(up / 4000 - 0.94)).toBeLessThan(0.015);
  });

  it('stops during planned outages: no up-interval crosses one', () => {
    // Planned hours 1,000–3,000 and 5,000–5,500: the unit is never up inside them.
    const planned = Float64Array.of(1000, 3000, 5000, 5500);
    for (let trial = 0; trial < 200; trial += 1) {
      const s = sink();
      const upHours = sampleUnitYear(streamFor(5, trial), planned, 0, 2, 0.2, 672, 168, 1, s);
      let level = 0;
      let counted = 0;
      let upInPlanned = 0;
      for (let t = 0; t < 8760; t += 1) {
        level += s.diff[t];
        if ((t >= 1000 && t < 3000) || (t >= 5000 && t < 5500)) upInPlanned += Math.abs(level);
        counted += level;
      }
      expect(upInPlanned).toBeLessThan(1e-9);
      expect(counted).toBeCloseTo(upHours, 6);
    }
  });

  it('gives a share of non-planned hours down equal to FOR', () => {
    // FOR 0.2, MTTR 168 h, MTTF 672 h; 6,260 non-planned hours × 500 trials.
    const planned = Float64Array.of(1000, 3000, 5000, 5500);
    let upHours = 0;
    for (let trial = 0; trial < 500; trial += 1) {
      upHours += sampleUnitYear(streamFor(9, trial), planned, 0, 2, 0.2, 672, 168, 1, sink());
    }
    expect(Math.abs(upHours / (500 * 6260) - 0.8)).toBeLessThan(0.01);
  });
});

describe('per-unit streams', () => {
  it('are streamFor(seed, trial, deployment, unit), bit for bit', () => {
    const streams = new UnitStreams(42, 3);
    for (const trial of [0, 1, 999, 123456]) {
      streams.startTrial(trial);
      for (let d = 0; d < 3; d += 1) {
        for (let u = 0; u < 4; u += 1) {
          const a = streams.unit(d, u);
          const b = streamFor(42, trial, d, u);
          for (let k = 0; k < 5; k += 1) expect(a.nextUint32()).toBe(b.nextUint32());
        }
      }
    }
  });

  it('match streamFor for big seeds, line streams and the gas and grid streams', () => {
    for (const seed of [0, 1, 2 ** 31 - 1, 2 ** 40 + 12345]) {
      const streams = new UnitStreams(seed, 2);
      for (const trial of [0, 7, 4999]) {
        streams.startTrial(trial);
        // One generator is reseeded per call (valid until the next), so each is drawn at once.
        const pairs: [() => Rng, Rng][] = [
          [() => streams.unit(1, LINE_STREAM_UNIT), streamFor(seed, trial, 1, LINE_STREAM_UNIT)],
          [() => streams.special(0), streamFor(seed, trial, SPECIAL_DEPLOYMENT, 0)],
          [() => streams.special(1), streamFor(seed, trial, SPECIAL_DEPLOYMENT, 1)],
          [() => streams.unit(0, 99), streamFor(seed, trial, 0, 99)],
        ];
        for (const [make, b] of pairs) {
          const a = make();
          for (let k = 0; k < 4; k += 1) expect(a.nextUint32()).toBe(b.nextUint32());
        }
      }
    }
  });
});
