import { describe, expect, it } from 'vitest';
import {
  HVDC_CONVERTER_LOSS_FRACTION,
  hvdcLossFraction,
  lineLossFraction,
  loadabilityMultiple,
  planLine,
  ROUTING_FACTOR,
} from '../../models/transmission.ts';
import { ModelError } from '../../models/errors.ts';

// Points due north of a campus near Abilene: along a meridian the haversine distance is exactly
// R·Δφ, so 1° of latitude = 6,371.0088 km × π/180 = 111.19508 km.
const CAMPUS = { toLat: 32.45, toLon: -99.73 };
const siteKmNorth = (km: number) => ({ fromLat: 32.45 + km / 111.19508, fromLon: -99.73 });
const plan = (km: number, transferMw: number) =>
  planLine({ ...siteKmNorth(km), ...CAMPUS, transferMw });

describe('planLine route and kind', () => {
  it('treats a site 3 km away as co-located: switchyard only, no line loss', () => {
    const p = plan(3, 300);
    expect(p.kind).toBe('co-located');
    expect(p.greatCircleKm).toBeCloseTo(3, 6);
    expect(p.voltageKv).toBeNull();
    expect(p.lossFraction).toBe(0);
    expect(p.capexUsd).toBe(50e6); // §2.2 substation midpoint of $20–80M
    expect(p.lifeYears).toBe(50);
  });

  it('costs a site 10 km away as a gen-tie on a 13 km route', () => {
    // Route 1.3 × 10 = 13 km = 13 / 1.609344 = 8.07783 mi; $2M/mi × 8.07783 = $16.1557M;
    // + 20% contingency + 7.5% AFUDC (MISO guide): × 1.2 × 1.075 = × 1.29 → $20.8409M;
    // + $50M plant-end substation + $32.3M campus-end 345 kV substation = $103.1409M.
    // 300 MW ≤ 3 × 400 MW SIL, so 345 kV.
    const p = plan(10, 300);
    expect(p.kind).toBe('gen-tie');
    expect(p.routeKm).toBeCloseTo(13, 6);
    expect(p.voltageKv).toBe(345);
    expect(p.cost.lineUsd / 1e6).toBeCloseTo(16.1557, 3);
    expect(p.cost.contingencyUsd / 1e6).toBeCloseTo(3.2311, 3);
    expect(p.cost.afudcUsd / 1e6).toBeCloseTo(1.454, 3);
    expect(p.cost.substationsUsd).toBe(82.3e6);
    expect(p.capexUsd / 1e6).toBeCloseTo(103.1409, 3);
  });

  it('routes a 100 km AC line over 1.3 × 100 = 130 km', () => {
    const p = plan(100, 300);
    expect(ROUTING_FACTOR).toBe(1.3);
    expect(p.kind).toBe('ac');
    expect(p.routeKm).toBeCloseTo(130, 5);
  });
});

describe('voltage class by St Clair loadability', () => {
  it('interpolates the multiple of SIL linearly between the anchors', () => {
    // 190 km is halfway from 80 to 300: (3 + 1.5) / 2 = 2.25; 390 km halfway to 480: 1.25.
    expect(loadabilityMultiple(50)).toBe(3);
    expect(loadabilityMultiple(80)).toBe(3);
    expect(loadabilityMultiple(190)).toBeCloseTo(2.25, 12);
    expect(loadabilityMultiple(300)).toBeCloseTo(1.5, 12);
    expect(loadabilityMultiple(390)).toBeCloseTo(1.25, 12);
    expect(loadabilityMultiple(480)).toBe(1);
    expect(loadabilityMultiple(900)).toBe(1);
  });

  it('carries 300 MW over 130 km on 345 kV, the lowest class', () => {
    // Multiple at 130 km: 3 − 1.5 × (130 − 80)/220 = 2.6591; 345 kV: 400 × 2.6591 = 1,064 MW ≥ 300.
    // Loss 300e6 × 0.036 × 130 / 345,000² = 1.404e9 / 1.19025e11 = 1.1796%.
    // Cost 130 / 1.609344 = 80.7783 mi × $3.5M = $282.724M × 1.29 = $364.714M + $50M + $32.3M
    // = $447.014M.
    const p = plan(100, 300);
    expect(p.voltageKv).toBe(345);
    expect(p.circuits).toBe(1);
    expect(p.lossFraction).toBeCloseTo(0.011796, 6);
    expect(p.capexUsd / 1e6).toBeCloseTo(447.014, 2);
  });

  it('steps 2,000 MW over 130 km up to one 500 kV circuit', () => {
    // 345 kV: 1,064 MW < 2,000. 500 kV: 900 × 2.6591 = 2,393 MW ≥ 2,000, so 500 kV, not 765.
    // Loss 2e9 × 0.015 × 130 / 500,000² = 3.9e9 / 2.5e11 = 1.56%.
    const p = plan(100, 2000);
    expect(p.voltageKv).toBe(500);
    expect(p.circuits).toBe(1);
    expect(p.lossFraction).toBeCloseTo(0.0156, 6);
  });

  it('needs 765 kV for 2,500 MW over 130 km', () => {
    // 500 kV covers 2,393 MW < 2,500; 765 kV covers 2,300 × 2.6591 = 6,116 MW.
    expect(plan(100, 2500).voltageKv).toBe(765);
  });

  it('adds a parallel 765 kV circuit when one cannot carry 3,000 MW over 400 km', () => {
    // Multiple at 400 km: 1.5 − 0.5 × (400 − 300)/180 = 1.2222; 765 kV: 2,300 × 1.2222 = 2,811 MW
    // < 3,000, so ⌈3,000 / 2,811⌉ = 2 circuits of 1,500 MW each. Route 400 < 500 km: still AC.
    // Loss 1.5e9 × 0.013 × 400 / 765,000² = 7.8e9 / 5.85225e11 = 1.3328%.
    // Cost 2 × $6.5M × (400 / 1.609344 = 248.548 mi) = $3,231.13M × 1.29 = $4,168.16M + $50M +
    // $70M (765 kV campus-end substation) = $4,288.16M.
    const p = plan(400 / 1.3, 3000);
    expect(p.kind).toBe('ac');
    expect(p.routeKm).toBeCloseTo(400, 4);
    expect(p.voltageKv).toBe(765);
    expect(p.circuits).toBe(2);
    expect(p.lossFraction).toBeCloseTo(0.013328, 6);
    expect(p.capexUsd / 1e6).toBeCloseTo(4288.16, 1);
  });
});

describe('double circuit and line outages', () => {
  it('costs 1.357 × the single-circuit $/mi and halves the I²R loss', () => {
    // 345 kV double vs single midpoints (siting-criteria §2.2): 4.75 / 3.5 = 1.35714.
    const single = plan(100, 300);
    const double = planLine({ ...siteKmNorth(100), ...CAMPUS, transferMw: 300, redundancy: 2 });
    expect(double.cost.lineUsd / single.cost.lineUsd).toBeCloseTo(4.75 / 3.5, 10);
    expect(double.lossFraction).toBeCloseTo(single.lossFraction / 2, 12);
    expect(double.redundancy).toBe(2);
  });

  it('fails a 130 km 345 kV line 1.0 × 130 / 160.93 = 0.81 times a year for 12 h', () => {
    // 1.0 outages per 100 mi a year (assumption of TADS form) = 0.6214 per 100 km; × 1.3 = 0.8078.
    // Down share r / (MTTF + r): MTTF = 8,760 / 0.8078 = 10,844 h → 12 / 10,856 = 0.1105%.
    const p = plan(100, 300);
    expect(p.outage?.pathOutagesPerYear).toBeCloseTo(0.80778, 4);
    expect(p.outage?.mttrHours).toBe(12);
    expect(1 - (p.outage?.availability ?? 0)).toBeCloseTo(12 / (8760 / 0.80778 + 12), 8);
    expect(plan(3, 300).outage).toBeNull();
  });

  it('loses a double circuit only when both circuits, or their shared towers, fail', () => {
    // Independent part 0.9 × 0.8078 = 0.7270/yr a circuit: q = 12 / (12,050 + 12) = 0.000995;
    // both: q² = 9.9e-7. Common mode 0.0808/yr: 12 / (108,444 + 12) = 0.0001106.
    // Unavailability ≈ 9.9e-7 + 1.106e-4 = 1.116e-4, about 1/10 of the single circuit's.
    const double = planLine({ ...siteKmNorth(100), ...CAMPUS, transferMw: 300, redundancy: 2 });
    const q = 12 / (8760 / (0.80778 * 0.9) + 12);
    const cm = 12 / (8760 / (0.80778 * 0.1) + 12);
    expect(1 - (double.outage?.availability ?? 0)).toBeCloseTo(1 - (1 - q * q) * (1 - cm), 8);
    expect(1 - (double.outage?.availability ?? 0)).toBeLessThan(0.11 * 0.0011105);
  });
});

describe('line loss', () => {
  it('grows in proportion to distance within a class', () => {
    // 1e9 × 0.015 × 100 / 2.5e11 = 0.6%; twice the length, twice the loss.
    expect(lineLossFraction(1000, 100, 500)).toBeCloseTo(0.006, 12);
    expect(lineLossFraction(1000, 200, 500)).toBeCloseTo(0.012, 12);
  });

  it('shrinks with voltage class for the same transfer and distance', () => {
    // 1,000 MW over 130 km: 345 kV 1e9 × 0.036 × 130 / 1.19025e11 = 3.932%;
    // 500 kV 1e9 × 0.015 × 130 / 2.5e11 = 0.78%; 765 kV 1e9 × 0.013 × 130 / 5.85225e11 = 0.289%.
    const at = (kv: number) => lineLossFraction(1000, 130, kv);
    expect(at(345)).toBeCloseTo(0.03932, 5);
    expect(at(500)).toBeCloseTo(0.0078, 6);
    expect(at(765)).toBeCloseTo(0.002888, 6);
    expect(at(345)).toBeGreaterThan(at(500));
    expect(at(500)).toBeGreaterThan(at(765));
  });

  it.each([
    // [kV, MW, table % per 100 km]: siting-criteria §2.1. P·R·100/V², e.g. 345 kV 300 MW:
    // 300e6 × 0.036 × 100 / 1.19025e11 = 0.907%; 765 kV 3,500 MW: 3.5e9 × 1.3 / 5.85225e11 = 0.777%.
    [345, 300, 0.9],
    [345, 500, 1.5],
    [345, 1000, 3.0],
    [500, 1000, 0.6],
    [500, 1500, 0.9],
    [500, 2000, 1.2],
    [765, 1500, 0.3],
    [765, 2500, 0.55],
    [765, 3500, 0.8],
  ])(
    'reproduces the %i kV, %i MW table row (%s percent per 100 km) within 0.05 points',
    (kv, mw, pct) => {
      expect(Math.abs(lineLossFraction(mw, 100, kv) * 100 - pct)).toBeLessThanOrEqual(0.05);
    },
  );

  it('rejects a voltage that is not an AC class, naming the field', () => {
    expect(() => lineLossFraction(500, 100, 230)).toThrow(/voltageKv/);
  });
});

describe('HVDC', () => {
  it('takes a ±525 kV bipole for 3 GW at 800 km great-circle, with the converter adder', () => {
    // Route 1.3 × 800 = 1,040 km ≥ 500 and 3,000 MW ≥ 1,000 → HVDC; 3 GW fits one ±525 kV bipole.
    // Line: P·R·L/(2V²) = 3e9 × 0.0115 × 1,040 / (2 × 525,000²) = 3.588e10 / 5.5125e11 = 6.509%;
    // + 1.75% converters = 8.259%.
    // Cost: 1,040 / 1.609344 = 646.227 mi × $4M = $2,584.91M × 1.29 = $3,334.53M + $550/kW ×
    // 3e6 kW = $1,650M (the converter pair replaces both substations) → $4,984.53M.
    const p = plan(800, 3000);
    expect(p.kind).toBe('hvdc');
    expect(p.voltageKv).toBe(525);
    expect(p.circuits).toBe(1);
    expect(p.lossFraction).toBeCloseTo(0.082588, 5);
    expect(p.lossFraction - HVDC_CONVERTER_LOSS_FRACTION).toBeCloseTo(0.065088, 5);
    expect(p.capexUsd / 1e6).toBeCloseTo(4984.53, 0);
  });

  it('matches the ±500 kV 3 GW table row (0.5–0.9% per 100 km) before converters', () => {
    // 3e9 × 0.0115 × 100 / (2 × 525,000²) = 0.626%.
    const line = hvdcLossFraction(3000, 100, 525) - HVDC_CONVERTER_LOSS_FRACTION;
    expect(line).toBeCloseTo(0.006259, 6);
  });

  it('stays AC below 1 GW even on a long route', () => {
    expect(plan(800, 900).kind).toBe('ac');
  });
});

describe('planLine input checks', () => {
  it.each([
    ['fromLat', { fromLat: 91 }],
    ['fromLon', { fromLon: -181 }],
    ['toLat', { toLat: Number.NaN }],
    ['toLon', { toLon: Number.POSITIVE_INFINITY }],
    ['transferMw', { transferMw: 0 }],
    ['transferMw', { transferMw: -50 }],
  ])('throws INVALID_INPUT naming %s', (field, bad) => {
    const input = { ...siteKmNorth(50), ...CAMPUS, transferMw: 300, ...bad };
    expect(() => planLine(input)).toThrow(new RegExp(`Invalid ${field}`));
    expect(() => planLine(input)).toThrow(ModelError);
  });
});
