// Bad campus specs raise INVALID_INPUT (400) naming the field and the value.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandForYear, validateCampusSpec } from '../../models/demand.ts';
import { ModelError } from '../../models/errors.ts';

const { gpuPower } = loadGeoData();
const good = {
  lat: 35,
  lon: -90,
  phases: [{ start: '2025-01', accelerator: 'nvidia-h100-sxm5', count: 1000 }],
};

function errorOf(run: () => unknown): ModelError {
  try {
    run();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

const phase = (fields: Record<string, unknown>) => ({ ...good, phases: [fields] });
const tooMany = Array.from({ length: 51 }, () => ({ start: '2025-01', itMw: 1 }));

describe('validateCampusSpec', () => {
  it('accepts a good spec and a bundled campus record', () => {
    expect(validateCampusSpec(good, gpuPower)).toEqual(good);
    for (const campus of loadGeoData().campuses) {
      expect(() => validateCampusSpec(campus, gpuPower)).not.toThrow();
    }
  });

  it.each([
    [
      'unknown accelerator',
      phase({ start: '2025-01', accelerator: 'nvidia-h900', count: 8 }),
      'phases[0].accelerator',
      'nvidia-h900',
    ],
    ['latitude out of range', { ...good, lat: 91 }, 'lat', 91],
    ['longitude out of range', { ...good, lon: -181 }, 'lon', -181],
    [
      'negative count',
      phase({ start: '2025-01', accelerator: 'nvidia-h100-sxm5', count: -8 }),
      'phases[0].count',
      -8,
    ],
    [
      'fractional count',
      phase({ start: '2025-01', accelerator: 'nvidia-h100-sxm5', count: 1.5 }),
      'phases[0].count',
      1.5,
    ],
    ['month 13', phase({ start: '2025-13', itMw: 10 }), 'phases[0].start', '2025-13'],
    ['two-digit year', phase({ start: '25-01', itMw: 10 }), 'phases[0].start', '25-01'],
    ['too many phases', { ...good, phases: tooMany }, 'phases', '51 phases'],
    ['zero itMw', phase({ start: '2025-01', itMw: 0 }), 'phases[0].itMw', 0],
    [
      'negative facilityMw',
      phase({ start: '2025-01', facilityMw: -5 }),
      'phases[0].facilityMw',
      -5,
    ],
    ['pue below 1', { ...good, pue: 0.9 }, 'pue', 0.9],
    ['pue above 3', { ...good, pue: 3.5 }, 'pue', 3.5],
    ['trainingShare above 1', { ...good, trainingShare: 1.2 }, 'trainingShare', 1.2],
    ['trainingShare below 0', { ...good, trainingShare: -0.1 }, 'trainingShare', -0.1],
    ['unknown kind', { ...good, kind: 'bitcoin' }, 'kind', 'bitcoin'],
    ['utcOffsetHours out of range', { ...good, utcOffsetHours: 15 }, 'utcOffsetHours', 15],
    [
      'negative ramp',
      phase({ start: '2025-01', itMw: 1, rampMonths: -1 }),
      'phases[0].rampMonths',
      -1,
    ],
  ])('rejects %s naming the field and value', (_name, input, field, value) => {
    const error = errorOf(() => validateCampusSpec(input, gpuPower));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ field, value });
    expect(error.message).toContain(`Invalid ${field}: ${JSON.stringify(value)}`);
  });

  it('rejects a phase with two load bases or none', () => {
    const both = errorOf(() =>
      validateCampusSpec(phase({ start: '2025-01', itMw: 1, facilityMw: 2 })),
    );
    expect(both.details?.field).toBe('phases[0]');
    const none = errorOf(() => validateCampusSpec(phase({ start: '2025-01' })));
    expect(none.message).toContain('exactly one of itMw, facilityMw or accelerator + count');
  });

  it('rejects a spec that is not an object, or phases that are not an array', () => {
    expect(errorOf(() => validateCampusSpec('Abilene')).details?.field).toBe('campus');
    expect(errorOf(() => validateCampusSpec({ lat: 1, lon: 1 })).details?.field).toBe('phases');
  });
});

describe('demandForYear input checks', () => {
  it('raises invalid input for an accelerator with no published power', () => {
    const spec = phase({ start: '2025-01', accelerator: 'future-high-density', count: 72 });
    const error = errorOf(() => demandForYear(spec, { year: 2026, gpuPower }));
    expect(error.details).toEqual({ field: 'phases[0].accelerator', value: 'future-high-density' });
  });

  it('raises invalid input for a bad year or seed', () => {
    expect(errorOf(() => demandForYear(good, { year: 2026.5, gpuPower })).details?.field).toBe(
      'year',
    );
    expect(
      errorOf(() => demandForYear(good, { year: 2026, seed: 0.5, gpuPower })).details?.field,
    ).toBe('seed');
  });
});
