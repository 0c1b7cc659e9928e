// Coverage metrics, N-1 and the timeline (DESIGN.md "Coverage"). Campuses here are flat training
// campuses with PUE 1, so the facility peak equals the installed IT MW (demand.test.ts).
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { firmTimeline, histogramQuantile, histogramSpec, nMinus1 } from '../../models/coverage.ts';
import { evaluate, type EvaluateInputs } from '../../models/scenario.ts';

const { designs, gpuPower } = loadGeoData();
const site = { lat: 35, lon: -90, utcOffsetHours: -6 };

function flatCampus(itMw: number) {
  return {
    ...site,
    kind: 'ai-training' as const,
    trainingShare: 1,
    pue: 1,
    phases: [{ start: '2024-01', itMw }],
  };
}

function bwrxColocated(
  campusMw: number,
  extra: EvaluateInputs['deployments'] = [],
): EvaluateInputs {
  return {
    campus: flatCampus(campusMw),
    deployments: [{ designId: 'bwrx-300', units: 4, ...site }, ...extra],
    options: { trials: 100 },
  };
}

describe('histograms', () => {
  it('use 0.5 MW bins up to 32.8 GW and range / 65,536 above', () => {
    expect(histogramSpec(1200)).toEqual({ binMw: 0.5, bins: 2401 });
    expect(histogramSpec(100_000).binMw).toBeCloseTo(100_000 / 65_536, 12);
  });

  it('give the lower edge of delivered MW: 3 hours at 0 MW and 7 at 900 MW', () => {
    // q = 0.3: rank ⌈0.3 × 10⌉ = 3 is the last 0; q = 0.31: rank 4 is the first 900 (bin 1,800).
    const spec = histogramSpec(1200);
    const counts = new Float64Array(spec.bins);
    counts[0] = 3;
    counts[1800] = 7;
    expect(histogramQuantile(counts, spec, 10, 0.3, 'lower')).toBe(0);
    expect(histogramQuantile(counts, spec, 10, 0.31, 'lower')).toBe(900);
  });

  it('give the upper edge of shortfall MW, with zero-shortfall hours below every bin', () => {
    // 10 hours: 8 without shortfall, 2 short by exactly 300 MW (bin (299.5, 300], index 599).
    const spec = histogramSpec(1000);
    const counts = new Float64Array(spec.bins);
    counts[599] = 2;
    expect(histogramQuantile(counts, spec, 10, 0.8, 'upper')).toBe(0);
    expect(histogramQuantile(counts, spec, 10, 0.9, 'upper')).toBe(300);
  });
});

describe('N-1, worked', () => {
  it('passes 4 × 300 MWe BWRX-300 co-located with a flat 800 MW campus', () => {
    // Online 4 × 300 = 1,200 MW (co-located, no loss); the worst loss is one 300 MW unit (a
    // co-located site has no line to lose): 1,200 − 300 = 900 ≥ 800.
    const result = evaluate(bwrxColocated(800), { designs, gpuPower });
    expect(result.year).toBe(2030);
    expect(result.demand.peakMw).toBeCloseTo(800, 9);
    expect(result.nMinus1).toEqual({ pass: true, contingencyMw: 300 });
    expect(result.timeline.find((y) => y.year === 2030)).toMatchObject({
      firmSupplyMw: 900,
      gapMw: 0,
    });
  });

  it('fails the same fleet with a flat 1,000 MW campus: 900 < 1,000, a 100 MW gap', () => {
    const result = evaluate(bwrxColocated(1000), { designs, gpuPower });
    expect(result.nMinus1).toEqual({ pass: false, contingencyMw: 300 });
    const y2030 = result.timeline.find((y) => y.year === 2030);
    expect(y2030?.firmSupplyMw).toBe(900);
    expect(y2030?.gapMw).toBeCloseTo(100, 9);
    expect(result.warnings.some((w) => w.startsWith('N-1 fails in 2030'))).toBe(true);
  });

  it('loses the largest line when it carries more than the largest unit', () => {
    // Two lines: 3 × 300 MW at 2% loss = 882 MW, and one co-located 300 MW unit. Online 1,182;
    // the contingency is the 882 MW line, so firm = 300.
    const n1 = nMinus1(
      [
        { codYear: 2030, units: 3, unitDeliveredMw: 294, hasLine: true },
        { codYear: 2030, units: 1, unitDeliveredMw: 300, hasLine: false },
      ],
      2030,
      300,
    );
    expect(n1.contingencyMw).toBeCloseTo(882, 9);
    expect(n1.firmSupplyMw).toBeCloseTo(300, 9);
    expect(n1.pass).toBe(true);
  });
});

describe('a unit arriving in 2040', () => {
  const late = [{ designId: 'bwrx-300', units: 2, ...site, codYear: 2040 }];
  const early = { designId: 'bwrx-300', units: 2, ...site, codYear: 2030 };
  const inputs: EvaluateInputs = {
    campus: flatCampus(800),
    deployments: [early, ...late],
    options: { year: 2035, trials: 50 },
  };
  const result = evaluate(inputs, { designs, gpuPower });
  const without = evaluate({ ...inputs, deployments: [early] }, { designs, gpuPower });

  it('gives nothing in 2035', () => {
    // The late unit is in the fleet's outage plan (one plan for every unit, DESIGN.md), so the
    // early units' outages may sit on other days; they are the same outages, so supply and
    // coverage agree with the fleet without it to Monte Carlo noise.
    expect(result.supply.nameplateMw).toBe(600);
    expect(result.supply.annualGwh / without.supply.annualGwh).toBeCloseTo(1, 2);
    expect(result.coverage.servedEnergyFraction).toBeCloseTo(
      without.coverage.servedEnergyFraction,
      2,
    );
    expect(result.warnings.some((w) => w.includes('a unit arrives after the evaluated year'))).toBe(
      true,
    );
  });

  it('shows the gap on the timeline until it arrives', () => {
    // 2030–2039: 2 × 300 − 300 = 300 MW firm against 800: a 500 MW gap. From 2040: 4 × 300 − 300
    // = 900 MW firm: no gap. Before 2030 nothing is online: the gap is the whole peak.
    const gap = (year: number) => result.timeline.find((y) => y.year === year)?.gapMw;
    expect(gap(2029)).toBeCloseTo(800, 9);
    expect(gap(2035)).toBeCloseTo(500, 9);
    expect(gap(2039)).toBeCloseTo(500, 9);
    expect(gap(2040)).toBe(0);
    expect(result.timeline.map((y) => y.year)).toEqual(
      Array.from({ length: 22 }, (_, i) => 2024 + i),
    );
  });
});

describe('the timeline', () => {
  it('takes demand peaks from the ramp and floors firm supply at zero', () => {
    const timeline = firmTimeline(
      [{ codYear: 2031, units: 1, unitDeliveredMw: 300, hasLine: false }],
      [
        { year: 2030, peakMw: 100, annualGwh: 1 },
        { year: 2031, peakMw: 100, annualGwh: 1 },
      ],
    );
    // One unit: 300 − 300 = 0 firm in 2031 too.
    expect(timeline).toEqual([
      { year: 2030, demandPeakMw: 100, firmSupplyMw: 0, gapMw: 100 },
      { year: 2031, demandPeakMw: 100, firmSupplyMw: 0, gapMw: 100 },
    ]);
  });
});

describe('backup', () => {
  it('sizes the battery to max(swing, largest unit trip) for one hour', () => {
    // 800 MW training campus: swing = 1 × 800 × 0.3 = 240 < 300 MW unit → 300 MW, 300 MWh.
    // 2,000 MW: swing 600 MW > 300 → 600 MW.
    expect(evaluate(bwrxColocated(800), { designs, gpuPower }).backup).toMatchObject({
      batteryMw: 300,
      batteryMwh: 300,
    });
    expect(evaluate(bwrxColocated(2000), { designs, gpuPower }).backup.batteryMw).toBeCloseTo(
      600,
      9,
    );
  });

  it('needs no gas when the target reliability is met, and gas otherwise', () => {
    // 500 MW: short only with three of four units down (rare). 1,000 MW: short 100 MW whenever one
    // unit is down (~12% of hours), 400 MW with two down.
    const small = evaluate(bwrxColocated(500), { designs, gpuPower });
    expect(small.coverage.reliability).toBeGreaterThanOrEqual(0.999);
    expect(small.backup.gasMw).toBe(0);
    const big = evaluate(bwrxColocated(1000), { designs, gpuPower });
    expect(big.coverage.reliability).toBeLessThan(0.999);
    expect(big.backup.gasMw).toBeGreaterThan(0);
    expect(big.backup.gasMw).toBeLessThanOrEqual(1000);
  });

  it('reads firm capacity without storage from the delivered histogram', () => {
    // 4 co-located units: the 0.1% quantile of delivered MW is 600 MW or more (two units down).
    const r = evaluate(bwrxColocated(800), { designs, gpuPower });
    expect([600, 900]).toContain(r.coverage.firmCapacityMw);
  });
});
