// The trial's touched hours as a bitmap (models/supply/hour-set.ts): whatever hours are added, in
// any order and with repeats, drain gives the sorted distinct list a plain Set and sort give, and
// leaves the set empty for the next trial.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HourSet } from '../../models/supply/hour-set.ts';

const sortedDistinct = (hours: number[]) => [...new Set(hours)].sort((a, b) => a - b);

describe('HourSet', () => {
  it('drains added hours ascending, each once, across word and summary edges', () => {
    const set = new HourSet();
    const hours = [8760, 0, 31, 32, 1023, 1024, 31, 8759, 4000, 0, 8760];
    for (let i = 0; i + 1 < hours.length; i += 2) set.add2(hours[i], hours[i + 1]);
    set.add(hours[hours.length - 1]);
    expect(set.drain()).toEqual(sortedDistinct(hours));
    expect(set.drain()).toEqual([]);
  });

  it('equals sort-and-dedupe on random trials, reused trial after trial', () => {
    const set = new HourSet();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8760 }), { maxLength: 400 }), (hours) => {
        for (const h of hours) set.add(h);
        expect(set.drain()).toEqual(sortedDistinct(hours));
        expect(set.words.every((w) => w === 0) && set.summary.every((w) => w === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
