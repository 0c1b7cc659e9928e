// The trial's key sort (models/coverage/radix-sort.ts) against a comparison sort, on the sizes
// and key ranges a trial makes: short lists (insertion sort), touched hours (< 8,761) and packed
// storage events (up to ~2^31), with repeats and the extremes 0 and 2^32 − 1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeySorter } from '../../models/coverage/radix-sort.ts';

const reference = (keys: number[]) => [...keys].sort((a, b) => a - b);

describe('KeySorter', () => {
  const sorter = new KeySorter();
  const sorted = (keys: number[]) => {
    // Room past n, as an EventList's buffer has: only [0, n) may be touched.
    const values = new Uint32Array(keys.length + 5).fill(7);
    values.set(keys);
    const out = Array.from(sorter.sort(values, keys.length));
    expect(Array.from(values.subarray(keys.length))).toEqual([7, 7, 7, 7, 7]);
    return out;
  };

  for (const [name, max] of [
    ['touched hours', 8760],
    ['packed storage events', 8760 * 131072 + 131071],
    ['any 32-bit key', 0xffffffff],
  ] as const) {
    it(`sorts ${name} like a comparison sort`, () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max }), { maxLength: 2000 }), (keys) => {
          expect(sorted(keys)).toEqual(reference(keys));
        }),
        { numRuns: 200 },
      );
    });
  }

  it('handles the edges: empty, one key, all equal, 0 and 2^32 − 1 together', () => {
    expect(sorted([])).toEqual([]);
    expect(sorted([5])).toEqual([5]);
    expect(sorted(Array(100).fill(3))).toEqual(Array(100).fill(3));
    const mixed = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 0xffffffff : i % 7));
    expect(sorted(mixed)).toEqual(reference(mixed));
  });
});
