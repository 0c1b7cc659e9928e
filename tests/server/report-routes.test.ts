import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Compile } from 'typebox/compile';
import { testApp } from '../helpers/app.ts';
import { ReportGeoJson } from '../../server/schemas/report.ts';

const scenario = {
  name: 'Colossus 1 · four BWRX-300 + Natrium',
  campus: { id: 'xai-colossus-1' },
  deployments: [
    { designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626, codYear: 2031 },
    { designId: 'natrium', units: 1, lat: 35.6, lon: -89.4, siteId: 'somewhere' },
  ],
  options: { year: 2032, trials: 50, seed: 5, grid: { mode: 'connected' as const } },
};
const missing = '00000000-0000-4000-8000-000000000000';

describe('report routes', () => {
  let app: FastifyInstance;
  let id: string;
  beforeAll(async () => {
    app = await testApp({ evaluationWorkers: 0 });
    id = (await app.inject({ method: 'POST', url: '/api/scenarios', payload: scenario })).json().id;
  });
  afterAll(async () => app?.close());

  it('sends a saved scenario as CSV, 8,761 lines, named after the scenario', async () => {
    const res = await app.inject({ url: `/api/scenarios/${id}/report.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Colossus 1 _ four BWRX-300 + Natrium.csv"; filename*=UTF-8''Colossus%201%20%C2%B7%20four%20BWRX-300%20%2B%20Natrium.csv`,
    );
    const lines = res.body.trimEnd().split('\n');
    expect(lines).toHaveLength(8761);
    expect(lines[0]).toContain('dep2_natrium_x1_mw_est');
    for (const line of lines.slice(1)) {
      const [demand, , served, shortfall] = line.split(',').slice(2).map(Number);
      expect(Math.abs(served + shortfall - demand)).toBeLessThan(1e-6);
    }
  });

  it('sends GeoJSON that passes the schema: campus, deployments and lines, [lon, lat]', async () => {
    const res = await app.inject({ url: `/api/scenarios/${id}/report.geojson` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename=".*\.geojson"/);
    const geo = res.json();
    const check = Compile(ReportGeoJson);
    expect([...check.Errors(geo)]).toEqual([]);
    expect(check.Check(geo)).toBe(true);
    const kinds = geo.features.map((f: { properties: { kind: string } }) => f.properties.kind);
    expect(kinds.filter((k: string) => k === 'campus')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'deployment')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'line').length).toBeGreaterThanOrEqual(1);
    const natrium = geo.features.find((f: { id: string }) => f.id === 'deployment-2');
    expect(natrium.geometry.coordinates).toEqual([-89.4, 35.6]);
    expect(natrium.properties).toMatchObject({
      design: 'natrium',
      designName: expect.any(String),
      units: 1,
      siteId: 'somewhere',
      sitingPass: expect.any(Boolean),
      distanceKm: expect.any(Number),
      capexUsd: expect.any(Number),
      lcoeUsdPerMwh: expect.any(Number),
      codYear: expect.any(Number),
    });
    const line = geo.features.find((f: { id: string }) => f.id === 'line-2');
    expect(line.geometry.coordinates[0]).toEqual([-89.4, 35.6]);
    expect(line.properties).toMatchObject({ kind: 'line', km: natrium.properties.distanceKm });
    const campus = geo.features[0];
    expect(campus.properties).toMatchObject({ kind: 'campus', year: 2032 });
    // [lon, lat]: the campus is in Tennessee, west of Greenwich.
    expect(campus.geometry.coordinates[0]).toBeLessThan(-80);
    expect(campus.geometry.coordinates[1]).toBeGreaterThan(30);
    // The schema does reject [lat, lon] past ±90.
    const swapped = structuredClone(geo);
    swapped.features[0].geometry.coordinates = [35, -120];
    expect(check.Check(swapped)).toBe(false);
  });

  it('sends a saved scenario as a PDF report (the PDF itself is tested in report-pdf.test.ts)', async () => {
    const res = await app.inject({ url: `/api/scenarios/${id}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Colossus 1 _ four BWRX-300 \+ Natrium\.pdf"; filename\*=UTF-8''.+\.pdf$/,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
  });

  it('answers an unsaved scenario with POST /api/report?format=', async () => {
    const pdf = await app.inject({
      method: 'POST',
      url: '/api/report?format=pdf',
      payload: { ...scenario, name: 'Tōkyō 東京' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="Tokyo _.pdf"; filename*=UTF-8''T%C5%8Dky%C5%8D%20%E6%9D%B1%E4%BA%AC.pdf`,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await app.inject({
      method: 'POST',
      url: '/api/report?format=csv',
      payload: { ...scenario, name: '../<script>' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="script.csv"; filename*=UTF-8''script.csv`,
    );
    expect(csv.body.trimEnd().split('\n')).toHaveLength(8761);
    const geo = await app.inject({
      method: 'POST',
      url: '/api/report?format=geojson',
      payload: scenario,
    });
    expect(geo.statusCode).toBe(200);
    expect(geo.json().type).toBe('FeatureCollection');
  });

  it('answers 400 to a bad format', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/api/report?format=docx',
      payload: scenario,
    });
    expect(post.statusCode).toBe(400);
    expect(post.json().error.message).toContain('format');
    const none = await app.inject({ method: 'POST', url: '/api/report', payload: scenario });
    expect(none.statusCode).toBe(400);
    const get = await app.inject({ url: `/api/scenarios/${id}/report.docx` });
    expect(get.statusCode).toBe(400);
    expect(get.json().error.message).toContain('format');
  });

  it('answers 404 to an unknown scenario id, and 400 to one that is not a UUID', async () => {
    for (const path of ['report.csv', 'report.geojson', 'report.pdf', 'export.json']) {
      const res = await app.inject({ url: `/api/scenarios/${missing}/${path}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await app.inject({ url: '/api/scenarios/nope/report.csv' })).statusCode).toBe(400);
  });

  it('answers 400 naming the field to an invalid unsaved scenario', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/report?format=csv',
      payload: { ...scenario, deployments: [{ ...scenario.deployments[0], units: 0 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('deployments.0.units');
  });
});

describe('scenario JSON export and import', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp({ evaluationWorkers: 0 });
  });
  afterAll(async () => app?.close());

  const drawn = {
    name: 'Drawn campus «東京» with options',
    campus: {
      name: 'A drawn campus',
      lat: 33.1,
      lon: -97.2,
      utcOffsetHours: -6,
      pue: 1.2,
      phases: [{ start: '2027-01', itMw: 400, rampMonths: 6 }],
    },
    deployments: [{ designId: 'bwrx-300', units: 2, lat: 33.3, lon: -97.5, circuits: 2 as const }],
    options: { years: [2028, 2030], backup: { order: ['battery', 'gas', 'grid'] } },
  };

  for (const [label, input] of [
    ['a bundled campus', scenario],
    ['a drawn campus', drawn],
    ['no options', { ...scenario, options: undefined }],
  ] as const) {
    it(`export then import gives back the same scenario (${label})`, async () => {
      const saved = (
        await app.inject({ method: 'POST', url: '/api/scenarios', payload: input })
      ).json();
      const exported = await app.inject({ url: `/api/scenarios/${saved.id}/export.json` });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toMatch(/^application\/json/);
      expect(exported.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"/);
      const spec = exported.json();
      // Exactly a ScenarioInput: no id, version, workspace or times.
      expect(spec).toEqual(JSON.parse(JSON.stringify(input)));
      const imported = await app.inject({ method: 'POST', url: '/api/scenarios', payload: spec });
      expect(imported.statusCode).toBe(201);
      const back = (await app.inject({ url: `/api/scenarios/${imported.json().id}` })).json();
      const { id, workspace, version, createdAt, updatedAt, ...rest } = back;
      expect([id, workspace, version, createdAt, updatedAt].every((x) => x !== undefined)).toBe(
        true,
      );
      expect(rest).toEqual(spec);
      expect(id).not.toBe(saved.id);
    });
  }

  it('answers an invalid import with a 400 naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { ...scenario, deployments: [{ ...scenario.deployments[0], lat: 123 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Invalid body\.deployments\.0\.lat: .*\(got 123\)/);
    const extra = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { ...scenario, id: 'x', version: 3 },
    });
    expect(extra.statusCode).toBe(400);
    const unnamed = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { campus: scenario.campus, deployments: scenario.deployments },
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.message).toContain('body.name');
  });
});
