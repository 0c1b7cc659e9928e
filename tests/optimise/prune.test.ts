// pruneDominated (models/optimise/options.ts) by hand: one design and unit count at five sites.
import { describe, expect, it } from 'vitest';
import { pruneDominated, type FleetOption } from '../../models/optimise/options.ts';

const option = (
  site: number,
  annualCostUsd: number,
  expectedMw: number,
  units = 2,
): FleetOption => ({
  site,
  designId: 'bwrx-300',
  units,
  expectedMw,
  unitMw: 300,
  annualCostUsd,
  capexUsd: 0,
});

describe('pruneDominated', () => {
  it('drops an option that at least `keep` others beat on cost and supply', () => {
    const options = [
      option(0, 100, 560), // best
      option(1, 110, 565), // more supply: dominated by none
      option(2, 120, 550), // dominated by sites 0 and 1
      option(3, 130, 570), // most supply: dominated by none
      option(4, 140, 540), // dominated by all four
      option(4, 50, 200, 1), // another unit count: its own group
    ];
    // keep 2: site 2 (2 dominators) and site 4 (4) go.
    expect(pruneDominated(options, 2).map((o) => [o.site, o.units])).toEqual([
      [0, 2],
      [1, 2],
      [3, 2],
      [4, 1],
    ]);
    // keep 3: site 2 stays (2 < 3), site 4 still goes.
    expect(pruneDominated(options, 3).map((o) => o.site)).toEqual([0, 1, 2, 3, 4]);
    expect(pruneDominated(options, 3)).toHaveLength(5);
  });
});
