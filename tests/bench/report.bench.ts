// `npx vitest bench --run tests/bench/report.bench.ts`: the PDF siting report's cost.
// Target (issue 11): a 3-deployment scenario's PDF ≤ 1.5 s. The evaluation runs once before the
// bench; only renderReportPdf is timed.
import { afterAll, bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { buildApp } from '../../server/app.ts';
import { buildReportInput, renderReportPdf } from '../../server/reports/pdf.ts';
import type { EvaluateRequestBody } from '../../server/schemas/evaluate.ts';

const THREE_SITES: EvaluateRequestBody = {
  campus: { id: 'xai-colossus-1' },
  deployments: [
    { designId: 'bwrx-300', units: 2, lat: 35.0751, lon: -90.1626, codYear: 2031 },
    { designId: 'xe-100', units: 4, lat: 35.6644, lon: -89.9489, codYear: 2033 },
    { designId: 'natrium', units: 1, lat: 36.3903, lon: -87.6539, codYear: 2035, circuits: 2 },
  ],
  options: { year: 2034, trials: 100, seed: 7, grid: { mode: 'connected' } },
};

const app = await buildApp({ databaseUrl: 'sqlite::memory:', geoData: loadGeoData() });
const input = await buildReportInput(
  app,
  'Colossus on three sites',
  THREE_SITES,
  new Date('2026-12-01T09:30:00Z'),
);
afterAll(async () => {
  await app.close();
});

describe('PDF report', () => {
  bench('renderReportPdf, 3 deployments', async () => {
    await renderReportPdf(input);
  });
});

// The whole route a user's download takes, evaluation from the cache (the workspace has just
// evaluated the same scenario): validation, the cached answer, drawing, the reply.
const body = { name: 'Colossus on three sites', ...THREE_SITES };
await app.inject({ method: 'POST', url: '/api/evaluate', payload: THREE_SITES });
const ids: string[] = [];
for (const name of ['A', 'B'])
  ids.push(
    (await app.inject({ method: 'POST', url: '/api/scenarios', payload: { ...body, name } })).json()
      .id,
  );
await app.inject({ method: 'POST', url: '/api/report/compare', payload: { scenarioIds: ids } });

describe('PDF through the routes (evaluation cached)', () => {
  bench('POST /api/report?format=pdf, 3 deployments', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/report?format=pdf', payload: body });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  bench('POST /api/report/compare, 2 scenarios', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/report/compare',
      payload: { scenarioIds: ids },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
});
