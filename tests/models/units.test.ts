import { describe, expect, it } from 'vitest';
import { greatCircleKm, isValidLatLon, kmToMi, miToKm } from '../../models/units.ts';
import { invalidInput, ModelError } from '../../models/errors.ts';

describe('greatCircleKm', () => {
  it('measures Abilene to Memphis as about 930 km', () => {
    // Abilene (32.49, −99.733) to Memphis (35.06, −90.155), haversine by hand:
    // a = sin²(1.285°) + cos 32.49° · cos 35.06° · sin²(4.789°)
    //   = 0.000503 + 0.8434 · 0.8185 · 0.006969 = 0.005314
    // d = 2 · 6,371 km · asin(√a) = 2 · 6,371 · 0.072962 ≈ 929.7 km (straight line).
    expect(greatCircleKm(32.49, -99.733, 35.06, -90.155)).toBeCloseTo(929.7, 0);
  });

  it('is zero for the same point and symmetric', () => {
    expect(greatCircleKm(40, -100, 40, -100)).toBe(0);
    expect(greatCircleKm(30, -90, 45, -120)).toBeCloseTo(greatCircleKm(45, -120, 30, -90), 9);
  });

  it('gives one degree of latitude as 111.2 km', () => {
    expect(greatCircleKm(0, 0, 1, 0)).toBeCloseTo(111.195, 2);
  });
});

describe('mile conversions', () => {
  it('converts the RG 4.7 20-mile radius to 32.19 km and back', () => {
    expect(miToKm(20)).toBeCloseTo(32.187, 3);
    expect(kmToMi(miToKm(20))).toBeCloseTo(20, 12);
  });
});

describe('isValidLatLon', () => {
  it('accepts the corners of the world and rejects out-of-range or non-numbers', () => {
    expect(isValidLatLon(90, 180)).toBe(true);
    expect(isValidLatLon(-90, -180)).toBe(true);
    expect(isValidLatLon(90.1, 0)).toBe(false);
    expect(isValidLatLon(0, -180.5)).toBe(false);
    expect(isValidLatLon(Number.NaN, 0)).toBe(false);
    expect(isValidLatLon('32', 0)).toBe(false);
  });
});

describe('invalidInput', () => {
  it('names the field and the offending value', () => {
    const error = invalidInput('campus.lat', 123, 'must be -90..90');
    expect(error).toBeInstanceOf(ModelError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('Invalid campus.lat: 123 (must be -90..90)');
  });
});
