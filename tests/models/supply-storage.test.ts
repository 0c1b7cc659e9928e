// Natrium-type storage (DESIGN.md "Storage"): (500 − 345) MW × 5.5 h = 852.5 MWh, starts full,
// charges only from its own unit's surplus, discharges ≤ 155 MW only while its unit is up, loses
// 1% a day, and never delivers energy it did not store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import type { Design } from '../../models/records.ts';
import {
  designParams,
  dispatchStorageHour,
  STORAGE_KEEP_PER_HOUR,
  type StorageArrays,
} from '../../models/supply.ts';

const { designs } = loadGeoData();
const natrium = designs.find((d) => d.id === 'natrium') as Design;

function tanks(count: number, keep: number[]): StorageArrays {
  return {
    count,
    capacityMwh: new Float64Array(count).fill(852.5),
    dischargeMaxMw: new Float64Array(count).fill(155),
    chargeMaxMw: new Float64Array(count).fill(345),
    lineKeep: Float64Array.from(keep.slice(0, count)),
  };
}

describe('Natrium storage', () => {
  it('holds (peakMwe − netMwe) × peakDurationHours = 155 × 5.5 = 852.5 MWh', () => {
    const p = designParams(natrium);
    expect(p.storageMwh).toBeCloseTo(852.5, 9);
    expect(p.peakMwe - p.netMwe).toBe(155);
  });

  it('loses 1% a day standing', () => {
    expect(STORAGE_KEEP_PER_HOUR ** 24).toBeCloseTo(0.99, 12);
  });

  it('discharges at most 155 MW, through its line’s loss', () => {
    // A 300 MW shortfall with a 2% line: 155 MW leaves the tank, 151.9 MW arrives.
    const s = tanks(1, [0.98]);
    const levels = Float64Array.of(852.5);
    const flows = new Float64Array(3);
    const delivered = dispatchStorageHour(s, levels, Float64Array.of(1), 700, 1000, flows);
    expect(delivered).toBeCloseTo(700 + 155 * 0.98, 9);
    expect(levels[0]).toBeCloseTo(852.5 * STORAGE_KEEP_PER_HOUR - 155, 9);
  });

  it('does nothing while its unit is down', () => {
    const s = tanks(1, [1]);
    const levels = Float64Array.of(852.5);
    const flows = new Float64Array(3);
    expect(dispatchStorageHour(s, levels, Float64Array.of(0), 700, 1000, flows)).toBe(700);
    expect(flows[1]).toBe(0);
  });
});

describe('storage dispatch, any sequence of hours', () => {
  const hour = fc.record({
    demandMw: fc.double({ min: 0, max: 3000, noNaN: true }),
    baseMw: fc.double({ min: 0, max: 3000, noNaN: true }),
    up: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  });

  it('never delivers energy it did not store: initial + charged − discharged − lost ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(hour, { minLength: 1, maxLength: 300 }),
        (count, keep, hours) => {
          const s = tanks(count, keep);
          const levels = new Float64Array(count).fill(852.5);
          const flows = new Float64Array(3 * count);
          const ledger = new Float64Array(count).fill(852.5);
          for (const h of hours) {
            const up = Float64Array.from(h.up.slice(0, count), (x) => (x ? 1 : 0));
            const delivered = dispatchStorageHour(s, levels, up, h.baseMw, h.demandMw, flows);
            let boost = 0;
            for (let j = 0; j < count; j += 1) {
              const [charged, discharged, lost] = flows.subarray(3 * j, 3 * j + 3);
              ledger[j] += charged - discharged - lost;
              // What it stored covers what it delivered, and its level is that balance.
              expect(ledger[j]).toBeGreaterThanOrEqual(-1e-9);
              expect(levels[j]).toBeCloseTo(ledger[j], 6);
              expect(levels[j]).toBeLessThanOrEqual(852.5 + 1e-9);
              expect(discharged).toBeLessThanOrEqual(155 + 1e-9);
              expect(charged).toBeLessThanOrEqual(345 + 1e-9);
              if (!up[j]) expect(charged + discharged).toBe(0);
              boost += (discharged - charged) * keep[j];
            }
            expect(delivered - h.baseMw).toBeCloseTo(boost, 6);
            // Charging only takes surplus: it never pushes delivered below demand.
            if (h.baseMw >= h.demandMw) expect(delivered).toBeGreaterThanOrEqual(h.demandMw - 1e-6);
          }
        },
      ),
      { numRuns: 200, seed: 20260601 },
    );
  });
});
