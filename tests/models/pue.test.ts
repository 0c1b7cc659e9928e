import { describe, expect, it } from 'vitest';
import {
  annualMeanTemperatureC,
  overheadShape,
  seasonalHalfRangeC,
  solveOverheadScale,
  temperatureProxyC,
} from '../../models/demand/pue.ts';

describe('temperature proxy', () => {
  it('follows the documented formula at 33°N', () => {
    // Tmean = 54 − 1.05 × 33 = 19.35 °C; Aseason = 0.33 × 33 = 10.89 °C.
    expect(annualMeanTemperatureC(33)).toBeCloseTo(19.35, 10);
    expect(seasonalHalfRangeC(33)).toBeCloseTo(10.89, 10);
    // Southern hemisphere: the seasons flip. The tropics cap at 27 °C.
    expect(seasonalHalfRangeC(-33)).toBeCloseTo(-10.89, 10);
    expect(annualMeanTemperatureC(10)).toBe(27);
    // Day 200 (20 July), hour 14 at lon −90, UTC−6 (solar time = clock time): solar hour 14.5,
    // so T = 19.35 + 10.89 + 6 × cos(2π × −0.5 / 24) = 30.24 + 5.9487 = 36.1887 °C.
    const t = temperatureProxyC(33, -90, -6);
    expect(t).toHaveLength(8760);
    expect(t[200 * 24 + 14]).toBeCloseTo(36.1887, 4);
    // Day 17 (18 January), hour 2: 19.35 + 10.89 cos(2π(17 − 200)/365) + 6 cos(2π(2.5 − 15)/24).
    const expected =
      19.35 +
      10.89 * Math.cos((2 * Math.PI * -183) / 365) +
      6 * Math.cos((2 * Math.PI * -12.5) / 24);
    expect(t[17 * 24 + 2]).toBeCloseTo(expected, 10);
  });

  it('peaks later on the clock west of the zone meridian', () => {
    // Abilene, −99.733° on UTC−6 (meridian −90°): solar noon is (99.733 − 90) / 15 = 0.65 h late,
    // so 20 July is warmest in hour 15 (15:00–16:00 local standard time).
    const t = temperatureProxyC(32.49, -99.733, -6).subarray(200 * 24, 201 * 24);
    expect(t.indexOf(Math.max(...t))).toBe(15);
  });
});

describe('overhead shape and its calibration', () => {
  it('has a weather-independent floor and grows above 10 °C', () => {
    const s = overheadShape(Float64Array.from([-5, 10, 20, 30]));
    // 0.5 + max(0, T − 10) / 20
    expect(Array.from(s)).toEqual([0.5, 0.5, 1, 1.5]);
  });

  it('solves k so the IT-weighted PUE equals the input', () => {
    // Two hours, IT weights 1 and 3, shape 0.5 and 1.5, annual PUE 1.3:
    // k = 0.3 × (1 + 3) / (1 × 0.5 + 3 × 1.5) = 1.2 / 5 = 0.24, so PUE = 1.12 and 1.36 and
    // ΣFacility / ΣIT = (1 × 1.12 + 3 × 1.36) / 4 = 5.2 / 4 = 1.3.
    const k = solveOverheadScale(1.3, Float64Array.from([1, 3]), Float64Array.from([0.5, 1.5]));
    expect(k).toBeCloseTo(0.24, 12);
    expect((1 * (1 + 0.5 * k) + 3 * (1 + 1.5 * k)) / 4).toBeCloseTo(1.3, 12);
  });

  it('falls back to unweighted hours when there is no IT', () => {
    // Mean shape 1: k = 0.2 / 1.
    const k = solveOverheadScale(1.2, new Float64Array(2), Float64Array.from([0.5, 1.5]));
    expect(k).toBeCloseTo(0.2, 12);
  });

  it('is 0 for a PUE of 1', () => {
    expect(solveOverheadScale(1, Float64Array.from([1]), Float64Array.from([2]))).toBe(0);
  });
});
