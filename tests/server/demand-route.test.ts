import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

const demand = (payload: object) => app.inject({ method: 'POST', url: '/api/demand', payload });

/** A drawn campus: 100,000 H100 GPUs from January 2027 near Amarillo. */
const drawn = {
  name: 'Panhandle test campus',
  kind: 'ai-training',
  lat: 35.2,
  lon: -101.8,
  utcOffsetHours: -6,
  pue: 1.2,
  phases: [{ start: '2027-01', accelerator: 'nvidia-h100-sxm5', count: 100_000 }],
};

describe('POST /api/demand', () => {
  it('models a bundled campus by id with everything DESIGN.md lists', async () => {
    const res = await demand({ campus: { id: 'stargate-abilene' }, year: 2026 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hourlyMw).toHaveLength(8760);
    for (const key of ['peakMw', 'meanMw', 'loadFactor', 'annualGwh', 'p50Mw', 'p95Mw', 'p99Mw']) {
      expect(Number.isFinite(body[key])).toBe(true);
    }
    // The bundled phases add up to the published 1,200 MW facility in 2026, so a peak near it
    // shows the route modelled the bundled record (a route check, not a calibration: the model
    // is checked against independent evidence in tests/models/calibration.test.ts).
    expect(body.peakMw).toBeGreaterThan(1200 * 0.97);
    expect(body.peakMw).toBeLessThan(1200 * 1.03);
    expect(body.annualGwh).toBeCloseTo(body.meanMw * 8.76, 6);
    expect(body.loadDurationMw[0]).toBeCloseTo(body.peakMw, 6);
    expect(body.ramp.map((r: { year: number }) => r.year)).toEqual(
      Array.from({ length: 22 }, (_, i) => 2024 + i),
    );
    expect(body.swing).toMatchObject({ flagged: true });
    expect(body.pueDesignPeak).toBeGreaterThan(body.pueAnnual);
    expect(body.assumptions.length).toBeGreaterThan(0);
  });

  it('models a drawn campus from accelerators and echoes the defaults it used', async () => {
    const res = await demand({ campus: drawn });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 100,000 × 1.275 kW (DGX H100 10.2 kW / 8) × 1.075 network adder = 137.1 MW of IT;
    // the facility peak is that times the design-day PUE (> 1.2), so between 137 and 200 MW.
    expect(body.itPeakMw).toBeLessThanOrEqual(137.1 + 0.1);
    expect(body.peakMw).toBeGreaterThan(137);
    expect(body.peakMw).toBeLessThan(200);
    // Ramp January–June 2027, so 2028 is the first whole year with every phase online.
    expect(body.year).toBe(2028);
    expect(body.assumptions.join(' ')).toMatch(/year not given/);
  });

  it('lets a user edit a bundled campus: more GPUs give a higher peak', async () => {
    const base = (await demand({ campus: drawn, year: 2028 })).json();
    const doubled = { ...drawn, phases: [{ ...drawn.phases[0], count: 200_000 }] };
    const more = (await demand({ campus: doubled, year: 2028 })).json();
    expect(more.peakMw).toBeCloseTo(base.peakMw * 2, 3);
  });

  it('applies edits on top of a bundled campus', async () => {
    const base = (await demand({ campus: { id: 'xai-colossus-1' }, year: 2025 })).json();
    const edited = (
      await demand({ campus: { id: 'xai-colossus-1', pue: 1.5 }, year: 2025 })
    ).json();
    expect(edited.pueAnnual).toBeGreaterThan(base.pueAnnual);
  });

  it('is deterministic for a seed and varies with it', async () => {
    const a = (await demand({ campus: drawn, year: 2028, seed: 7 })).json();
    const b = (await demand({ campus: drawn, year: 2028, seed: 7 })).json();
    const c = (await demand({ campus: drawn, year: 2028, seed: 8 })).json();
    expect(a.hourlyMw).toEqual(b.hourlyMw);
    expect(a.hourlyMw).not.toEqual(c.hourlyMw);
  });

  it('returns cross-checks of the published GPU counts against the published MW', async () => {
    const res = await demand({ campus: { id: 'xai-colossus-1' }, year: 2025 });
    expect(res.statusCode).toBe(200);
    const { crossChecks, pueDesignPeak } = res.json();
    expect(crossChecks.map((c: { year: number }) => c.year)).toEqual([2024, 2025]);
    const [first] = crossChecks;
    expect(first).toMatchObject({
      gpuCount: 100_000,
      accelerator: 'nvidia-h100-sxm5',
      accelerators: [{ accelerator: 'nvidia-h100-sxm5', name: 'H100 SXM5 80 GB', count: 100_000 }],
      publishedFacilityMw: 150,
      pueDesignPeak,
      confidence: 'medium',
    });
    // 100,000 × 10.2 kW / 8 × 1.075 = 137.06 MW IT, × the run's design-day PUE.
    expect(first.modelledItMw).toBeCloseTo(137.0625, 6);
    expect(first.modelledFacilityPeakMw).toBeCloseTo(137.0625 * pueDesignPeak, 6);
    expect(first.differenceMw).toBeCloseTo(first.modelledFacilityPeakMw - 150, 6);
    expect(first.differenceFraction).toBeCloseTo(first.differenceMw / 150, 9);
    expect(first.note).toContain('"~100k H100 online Sept 2024');
  });

  it('keeps a bundled campus’s cross-checks when the user edits it, at the edited PUE', async () => {
    const body = (await demand({ campus: { id: 'xai-colossus-2', pue: 1.3 }, year: 2026 })).json();
    expect(body.crossChecks).toHaveLength(1);
    expect(body.crossChecks[0]).toMatchObject({ year: 2025, pueDesignPeak: body.pueDesignPeak });
  });

  it('returns an empty crossChecks array for a campus with no published GPU counts', async () => {
    for (const campus of [drawn, { id: 'meta-prometheus' }]) {
      const res = await demand({ campus, year: 2028 });
      expect(res.statusCode).toBe(200);
      expect(res.json().crossChecks).toEqual([]);
    }
  });

  it('answers 422 NO_PUBLISHED_LOAD for a bundled campus without published load', async () => {
    const res = await demand({ campus: { id: 'microsoft-fairwater-wi' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NO_PUBLISHED_LOAD');
    expect(res.json().error.message).toMatch(/enter phases/);
  });

  it('answers 404 for an unknown campus id', async () => {
    const res = await demand({ campus: { id: 'atlantis' } });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/demand rejects bad input with a 400 naming the field and value', () => {
  const withPhase = (phase: Record<string, unknown>) => ({
    campus: { ...drawn, phases: [{ ...drawn.phases[0], ...phase }] },
  });

  it('an unknown accelerator', async () => {
    const res = await demand(withPhase({ accelerator: 'quantum-abacus' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('quantum-abacus');
  });

  it('a latitude out of range', async () => {
    const res = await demand({ campus: { ...drawn, lat: 123 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/body\.campus\.lat.*123/);
  });

  it('a non-numeric latitude', async () => {
    const res = await demand({ campus: { ...drawn, lat: 'north' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/campus\.lat.*north/);
  });

  it('a negative count', async () => {
    const res = await demand(withPhase({ count: -5 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/phases\.0\.count.*-5/);
  });

  it('a malformed month', async () => {
    const res = await demand(withPhase({ start: '2027-13' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/phases\.0\.start.*2027-13/);
  });

  it('too many phases', async () => {
    const phases = Array.from({ length: 51 }, () => drawn.phases[0]);
    const res = await demand({ campus: { ...drawn, phases } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/campus\.phases/);
  });

  it('a year outside 2024–2045', async () => {
    const res = await demand({ campus: drawn, year: 2050 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/body\.year.*2050/);
  });

  it('a phase with no load given', async () => {
    const res = await demand(withPhase({ accelerator: undefined, count: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/phases\[?\.?0/);
  });
});
