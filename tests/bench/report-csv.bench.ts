// `npx vitest bench --run tests/bench/report-csv.bench.ts`: the hourly CSV of a report (issue 11).
// Target: ≤ 200 ms for a 3-deployment scenario. The evaluation is done once, up front (the
// route takes it from the cache too); the benchmark times building the CSV text, and the whole
// POST /api/report?format=csv round trip with the evaluation cached.
import { bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { buildApp } from '../../server/app.ts';
import { buildCsv } from '../../server/reports/csv.ts';
import { evaluateScenario } from '../../server/reports/evaluated.ts';

const geoData = loadGeoData();
const app = await buildApp({ databaseUrl: 'sqlite::memory:', geoData, evaluationWorkers: 0 });
const scenario = {
  name: 'Colossus 1 on three deployments',
  campus: { id: 'xai-colossus-1' },
  deployments: [
    { designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626, codYear: 2031 },
    { designId: 'natrium', units: 1, lat: 35.6, lon: -89.4 },
    { designId: 'xe-100', units: 4, lat: 35.2, lon: -89.9 },
  ],
  options: { year: 2032, trials: 200, seed: 5 },
};
const { name, ...body } = scenario;
const evaluated = await evaluateScenario(app, name, body);
const input = {
  result: evaluated.result,
  utcOffsetHours: evaluated.campus.utcOffsetHours,
  designs: evaluated.designs,
};

describe('report CSV', () => {
  bench('buildCsv, 3 deployments × 8,760 hours', () => {
    buildCsv(input);
  });
  bench('POST /api/report?format=csv (evaluation cached)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/report?format=csv',
      payload: scenario,
    });
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${res.body}`);
  });
});
