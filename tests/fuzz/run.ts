// npm run fuzz [-- <cases per route>] (or FUZZ_CASES): the fuzz generator at length on SQLite
// and PostgreSQL (TEST_DATABASE_URL, default the local server), printing a summary per
// database. FUZZ_WORKERS: evaluation worker threads (default 0, on the event loop). Exits 1
// on any 5xx, shape violation or database mismatch.
import { loadGeoData } from '../../geo-data/load.ts';
import { buildApp } from '../../server/app.ts';
import { dialects, openTestDatabase } from '../helpers/databases.ts';
import { runFuzz } from './generator.ts';

const count = Number(process.argv[2] ?? process.env.FUZZ_CASES ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const geoData = loadGeoData();
let failed = false;
for (const dialect of dialects) {
  const database = await openTestDatabase(dialect);
  const app = await buildApp({
    databaseUrl: database.url,
    geoData,
    evaluationWorkers: Number(process.env.FUZZ_WORKERS ?? 0),
  });
  const started = performance.now();
  const stats = await runFuzz(app, { count, seed });
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  await database.drop();
  console.log(
    `${dialect}: ${stats.cases} requests (${count} per route), ${stats.status5xx} × 5xx, ` +
      `${stats.shapeViolations} shape violations, ${stats.streams} event streams, database ${stats.databaseMatches ? 'matches' : 'DIFFERS'}, ` +
      `${seconds.toFixed(1)} s; statuses ${JSON.stringify(stats.byStatus)}`,
  );
  for (const failure of stats.failures) console.log(`  ${failure}`);
  failed ||= stats.status5xx > 0 || stats.shapeViolations > 0 || !stats.databaseMatches;
}
process.exit(failed ? 1 : 0);
