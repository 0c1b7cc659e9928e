// `npm run bench` (second part): the evaluate route over real HTTP, the event loop's
// responsiveness under 20 concurrent evaluations, and the memory one evaluation takes.
// Targets (issue 4): one request ≤ 400 ms; /api/health p99 ≤ 20 ms during 20 evaluations.
// Issue 8: a 10-year sweep at 500 trials with line outages, backup dispatch and the grid on ≤ 1 s.
import { buildApp } from '../../server/app.ts';
import { quantile } from 'simple-statistics';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { resolveCampusInput } from '../../server/routes/resolve-campus.ts';

const body = (seed: number, trials = 1000) => ({
  campus: { id: 'stargate-abilene' },
  // Nine units at three sites, as the benchmark asks.
  deployments: [
    { designId: 'bwrx-300', units: 3, lat: 32.45, lon: -99.75, codYear: 2030 },
    { designId: 'bwrx-300', units: 3, lat: 32.9, lon: -99.9, codYear: 2030 },
    { designId: 'bwrx-300', units: 3, lat: 32.2, lon: -100.3, codYear: 2030 },
  ],
  options: { year: 2031, trials, seed },
});

const app = await buildApp({ databaseUrl: 'sqlite::memory:', logger: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const post = async (payload: object): Promise<number> => {
  const started = performance.now();
  const res = await fetch(`${url}/api/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (res.status !== 200) throw new Error(`evaluate answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

// Warm the workers (module load, JIT) before measuring.
await post(body(999));

const single: number[] = [];
for (let seed = 1; seed <= 10; seed += 1) single.push(await post(body(seed)));
console.log(
  `evaluate over HTTP, 9 units × 3 sites, 1,000 trials: median ${ms(quantile(single, 0.5))}, max ${ms(Math.max(...single))}`,
);

const sweepBody = (seed: number) => ({
  ...body(seed, 500),
  options: {
    years: [2030, 2039],
    trials: 500,
    seed,
    grid: { mode: 'connected' },
    backup: { gas: { mw: 300 }, battery: { mw: 300, mwh: 600 } },
  },
});
const sweep: number[] = [];
for (let seed = 1; seed <= 5; seed += 1) sweep.push(await post(sweepBody(seed)));
console.log(
  `10-year sweep over HTTP (2030–2039), 500 trials a year, lines + gas + battery + grid: median ` +
    `${ms(quantile(sweep, 0.5))}, max ${ms(Math.max(...sweep))} (target ≤ 1 s)`,
);

const healthMs: number[] = [];
let loading = true;
const poll = (async () => {
  while (loading) {
    const started = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    healthMs.push(performance.now() - started);
    await new Promise((done) => setTimeout(done, 5));
  }
})();
const burstStart = performance.now();
await Promise.all(Array.from({ length: 20 }, (_, i) => post(body(100 + i))));
const burstMs = performance.now() - burstStart;
loading = false;
await poll;
console.log(
  `20 concurrent evaluations in ${ms(burstMs)}; /api/health meanwhile: ${healthMs.length} calls, ` +
    `p50 ${ms(quantile(healthMs, 0.5))}, p99 ${ms(quantile(healthMs, 0.99))}, max ${ms(Math.max(...healthMs))}`,
);

const { prepareEvaluation, runTrials, mergePartials, finishEvaluation } =
  await import('../../models/scenario.ts');
global.gc?.();
const before = process.memoryUsage();
const request = body(7);
const campus = resolveCampusInput(app.geoData, request.campus);
const prepared = prepareEvaluation({ ...request, campus }, evaluateDataOf(app.geoData));
const result = finishEvaluation(prepared, mergePartials(prepared, [runTrials(prepared, 0, 1000)]));
const after = process.memoryUsage();
console.log(
  `one 1,000-trial evaluation in-process: heap +${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(1)} MiB, ` +
    `array buffers +${((after.arrayBuffers - before.arrayBuffers) / 2 ** 20).toFixed(1)} MiB, RSS ${(after.rss / 2 ** 20).toFixed(0)} MiB ` +
    `(served ${(result.coverage.servedEnergyFraction * 100).toFixed(1)}%)`,
);
await app.close();
