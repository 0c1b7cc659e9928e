import { describe, expect, it } from 'vitest';
import {
  sinkingFundFactor,
  unitCostFactor,
  backupCost,
  capitalRecoveryFactor,
  deliveredCostUsdPerMwh,
  lineAnnualCostUsd,
  plantAnnualCostUsd,
  plantCapexUsd,
  plantLcoeUsdPerMwh,
  tornado,
  type TornadoVariant,
} from '../../models/economics.ts';

// The siting-criteria §3 worked example: $10,000/kW, r = 7%, n = 40 y, FOM $150/kW-yr, CF 0.92.
const EXAMPLE = {
  netMw: 300,
  capitalCostUsdPerKw: 10_000,
  fixedOmUsdPerKwYr: 150,
  fuelUsdPerMwh: 0,
  variableOmUsdPerMwh: 0,
  availability: 0.92,
};

describe('capitalRecoveryFactor', () => {
  it('is 0.07501 at 7% over 40 years', () => {
    // 1.07^40 = 14.974458; 0.07 × 14.974458 / (14.974458 − 1) = 1.048212 / 13.974458 = 0.0750091.
    expect(capitalRecoveryFactor(0.07, 40)).toBeCloseTo(0.0750091, 7);
  });

  it('falls back to 1/n at a zero rate', () => {
    expect(capitalRecoveryFactor(0, 40)).toBe(0.025);
  });

  it('rejects a non-positive life, naming the field', () => {
    expect(() => capitalRecoveryFactor(0.07, 0)).toThrow(/Invalid years/);
  });
});

describe('plantLcoeUsdPerMwh', () => {
  it('reproduces the worked example before fuel and VOM: $111.68/MWh (reference: ≈ $112)', () => {
    // CRF · capex = 0.0750091 × 10,000 = $750.091/kW-yr; + FOM 150 = $900.091/kW-yr.
    // 8.76 × 0.92 = 8.0592 MWh per kW-yr; 900.091 / 8.0592 = $111.685/MWh.
    expect(plantLcoeUsdPerMwh(EXAMPLE)).toBeCloseTo(111.685, 2);
  });

  it('adds fuel $9 and VOM $2.50 to give $123.18/MWh', () => {
    // 111.685 + 9 + 2.5 = $123.185/MWh (the reference's "≈ $120" rounds 111.685 up to 112).
    const lcoe = plantLcoeUsdPerMwh({ ...EXAMPLE, fuelUsdPerMwh: 9, variableOmUsdPerMwh: 2.5 });
    expect(lcoe).toBeCloseTo(123.185, 2);
  });

  it('moves by about $9.31/MWh for each $1,000/kW of capital', () => {
    // 0.0750091 × 1,000 / 8.0592 = 75.0091 / 8.0592 = $9.307/MWh (reference: ≈ ±$9).
    const up = plantLcoeUsdPerMwh({ ...EXAMPLE, capitalCostUsdPerKw: 11_000 });
    const down = plantLcoeUsdPerMwh({ ...EXAMPLE, capitalCostUsdPerKw: 9_000 });
    expect(up - plantLcoeUsdPerMwh(EXAMPLE)).toBeCloseTo(9.307, 3);
    expect(plantLcoeUsdPerMwh(EXAMPLE) - down).toBeCloseTo(9.307, 3);
  });

  it('rejects an availability outside (0, 1], naming the field', () => {
    expect(() => plantLcoeUsdPerMwh({ ...EXAMPLE, availability: 0 })).toThrow(/availability/);
    expect(() => plantLcoeUsdPerMwh({ ...EXAMPLE, availability: 1.02 })).toThrow(/availability/);
  });
});

describe('plant annual cost', () => {
  it('gives capex in dollars from MW and $/kW', () => {
    // 300 MW = 300,000 kW × $10,000 = $3.0B.
    expect(plantCapexUsd(EXAMPLE)).toBe(3e9);
  });

  it('divided by the MWh generated equals the LCOE', () => {
    // 300 MW × 8,760 h × 0.92 = 2,417,760 MWh. CRF · $3.0B = $225.027M; FOM 150 × 300,000 kW =
    // $45M; (9 + 2.5) × 2,417,760 = $27.804M; total $297.832M ÷ 2,417,760 MWh = $123.185/MWh.
    const p = { ...EXAMPLE, fuelUsdPerMwh: 9, variableOmUsdPerMwh: 2.5 };
    const annual = plantAnnualCostUsd(p, 2_417_760);
    expect(annual / 1e6).toBeCloseTo(297.832, 3);
    expect(deliveredCostUsdPerMwh(annual, 2_417_760)).toBeCloseTo(plantLcoeUsdPerMwh(p), 9);
  });
});

describe('lineAnnualCostUsd', () => {
  it('annualises a $200M line with CRF(7%, 50)', () => {
    // 1.07^50 = 29.457025; 0.07 × 29.457025 / 28.457025 = 0.0724598; × $200M = $14.492M/yr.
    expect(lineAnnualCostUsd(200e6) / 1e6).toBeCloseTo(14.492, 3);
  });
});

describe('backupCost', () => {
  // 9.447 MMBtu/MWh × $4/MMBtu + $5/MWh VOM = $42.788/MWh of gas dispatched.
  const FLEET = {
    gasMw: 100,
    gasMwh: 1000,
    batteryMw: 100,
    batteryMwh: 100,
    gasFuelUsdPerMwh: 42.788,
  };

  it('prices gas and battery with the stated sources', () => {
    // Capex: 100,000 kW × $2,275 (AEO2026 aeroderivative) + 100,000 kWh × $300 + 100,000 kW ×
    //   $350 = 227.5 + 30 + 35 = $292.5M.
    // Gas/yr: CRF(7%, 30) 0.0805864 × $227.5M = $18.3334M + $20 × 100,000 kW = $2M
    //   + $42.788 × 1,000 MWh = $0.042788M → $20.3762M.
    // Battery/yr: (CRF(7%, 15) 0.1097946 + 2.5% O&M) × $65M = $8.7617M. Total $29.1379M.
    const cost = backupCost(FLEET);
    expect(cost.capexUsd).toBe(292.5e6);
    expect(cost.annualCostUsd / 1e6).toBeCloseTo(29.1379, 3);
    expect(cost.assumptions.join(' ')).toMatch(/AEO2026/);
  });

  it('scales linearly with MW and MWh', () => {
    const one = backupCost(FLEET);
    const three = backupCost({
      ...FLEET,
      gasMw: 300,
      gasMwh: 3000,
      batteryMw: 300,
      batteryMwh: 300,
    });
    expect(three.capexUsd).toBeCloseTo(3 * one.capexUsd, 3);
    expect(three.annualCostUsd).toBeCloseTo(3 * one.annualCostUsd, 3);
    expect(
      backupCost({ ...FLEET, gasMw: 0, gasMwh: 0, batteryMw: 0, batteryMwh: 0 }).annualCostUsd,
    ).toBe(0);
  });
});

describe('unitCostFactor and sinkingFundFactor', () => {
  it('charges the first unit the FOAK premium and later units Wright’s law', () => {
    // 5% learning: b = log2(0.95) = −0.074001; unit 2 = 0.95, unit 3 = 3^b = e^(−0.074001 × 1.098612) = 0.92192,
    // unit 4 = 0.95² = 0.9025.
    expect(unitCostFactor(1, 1.5, 0.05)).toBe(1.5);
    expect(unitCostFactor(2, 1.5, 0.05)).toBeCloseTo(0.95, 12);
    expect(unitCostFactor(3, 1.5, 0.05)).toBeCloseTo(0.92192, 5);
    expect(unitCostFactor(4, 1.5, 0.05)).toBeCloseTo(0.9025, 12);
    expect(unitCostFactor(7, 1, 0)).toBe(1);
    expect(() => unitCostFactor(0, 1.5, 0.05)).toThrow(/n/);
  });

  it('is the deposit that grows to 1: 2% over 40 years = 0.016557', () => {
    // 0.02 / (1.02^40 − 1) = 0.02 / 1.208040 = 0.0165557.
    expect(sinkingFundFactor(0.02, 40)).toBeCloseTo(0.0165557, 6);
    expect(sinkingFundFactor(0, 40)).toBe(1 / 40);
  });
});

describe('deliveredCostUsdPerMwh', () => {
  it('divides annual cost by MWh served', () => {
    expect(deliveredCostUsdPerMwh(1e9, 1e7)).toBe(100);
  });

  it('is +Infinity, never NaN, when nothing is served', () => {
    expect(deliveredCostUsdPerMwh(1e9, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(deliveredCostUsdPerMwh(0, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects negative MWh served, naming the field', () => {
    expect(() => deliveredCostUsdPerMwh(1e9, -1)).toThrow(/servedMwh/);
  });
});

describe('tornado', () => {
  // Example LCOE plus a $5/MWh line cost that scales with distance.
  const costAt = (v: TornadoVariant): number =>
    plantLcoeUsdPerMwh({
      ...EXAMPLE,
      capitalCostUsdPerKw: 10_000 * v.capitalScale,
      waccReal: 0.07 + v.waccDelta,
      availability: 0.92 + v.availabilityDelta,
    }) +
    5 * v.distanceScale;

  it('returns six bars, widest first', () => {
    // Base 111.685 + 5 = 116.685. Capital ±30%: ±3 × 9.307 → 88.76 / 144.61 (spread 55.8).
    // WACC 5% / 9%: CRF 0.058278 / 0.092960 → (582.78 + 150)/8.0592 + 5 = 95.92 and
    //   (929.60 + 150)/8.0592 + 5 = 138.96 (spread 43.0).
    // Availability 0.87 / 0.97: 900.091 / 7.6212 + 5 = 123.10 and 900.091 / 8.4972 + 5 = 110.93
    //   (spread 12.2). Distance ±30% of $5 → 115.185 / 118.185 (spread 3). This cost does not
    //   depend on the FOAK premium or learning rate: spread 0, last, in DESIGN.md order.
    const bars = tornado(costAt);
    expect(bars.map((b) => b.parameter)).toEqual([
      'capitalCost',
      'wacc',
      'availability',
      'distance',
      'foakPremium',
      'learningRate',
    ]);
    expect(bars[1].lowUsdPerMwh).toBeCloseTo(95.92, 2);
    expect(bars[1].highUsdPerMwh).toBeCloseTo(138.96, 2);
    expect(bars[2].lowUsdPerMwh).toBeCloseTo(123.1, 2);
    expect(bars[3].highUsdPerMwh).toBeCloseTo(118.185, 3);
    for (const bar of bars) expect(bar.baseUsdPerMwh).toBeCloseTo(116.685, 3);
  });

  it('puts capital cost low < base < high for a cost rising with capital', () => {
    const capital = tornado(costAt).find((b) => b.parameter === 'capitalCost')!;
    expect(capital.lowInput).toBe('-30%');
    expect(capital.highInput).toBe('+30%');
    expect(capital.lowUsdPerMwh).toBeCloseTo(88.763, 3);
    expect(capital.lowUsdPerMwh).toBeLessThan(capital.baseUsdPerMwh);
    expect(capital.baseUsdPerMwh).toBeLessThan(capital.highUsdPerMwh);
  });

  it('moves one parameter at a time from the base', () => {
    const calls: TornadoVariant[] = [];
    tornado((v) => (calls.push(v), 1));
    expect(calls).toHaveLength(13);
    expect(calls[0]).toEqual({
      capitalScale: 1,
      waccDelta: 0,
      availabilityDelta: 0,
      distanceScale: 1,
      foakDelta: 0,
      learningDelta: 0,
    });
    const moved = (v: TornadoVariant) =>
      Number(v.capitalScale !== 1) +
      Number(v.waccDelta !== 0) +
      Number(v.availabilityDelta !== 0) +
      Number(v.distanceScale !== 1) +
      Number(v.foakDelta !== 0) +
      Number(v.learningDelta !== 0);
    expect(calls.slice(1).every((v) => moved(v) === 1)).toBe(true);
  });
});
