// `npm run bench` (also alone: `node --import tsx tests/bench/evaluate-pool.ts`): what the worker
// pool costs an evaluation (issue 13, "larger chunks when idle"). The 36-unit fleet shape, 1,000
// trials, through the server's evaluator (its default workers, nothing else running: prepare,
// trial chunks, finish, each a worker task) against the same plan's trials in this thread
// (runPlanTrials, the Monte Carlo alone) and the inline evaluator (workers: 0, every step here).
// Medians over the repeats, the ratios, and the trial chunks the pool ran per evaluation.
import { Worker } from 'node:worker_threads';
import { loadGeoData } from '../../geo-data/load.ts';
import { runPlanTrials } from '../../models/coverage.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { createEvaluator } from '../../server/evaluate/evaluator.ts';
import { FLEET_SHAPES, simOf } from './fleet-shapes.ts';

const REPEATS = Number(process.env.POOL_BENCH_REPEATS ?? 41);
const WARMUP = 5;
const shape = FLEET_SHAPES[4];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Medians of each run's ms, the runs taken in turn each round so drift hits all alike. */
async function timed(runs: (() => unknown)[]): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) for (const run of runs) await run();
  const times = runs.map((): number[] => []);
  for (let i = 0; i < REPEATS; i += 1) {
    for (const [k, run] of runs.entries()) {
      const t0 = performance.now();
      await run();
      times[k].push(performance.now() - t0);
    }
  }
  return times.map(median);
}

// Counts the trial chunks posted to workers (the pool posts each task once).
let chunks = 0;
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: never) {
  if ((message as { kind?: string } | null)?.kind === 'trials') chunks += 1;
  return post.call(this, message, transfer);
};

const geo = loadGeoData();
const data = evaluateDataOf(geo);
const pooled = createEvaluator({ data, dataVersion: geo.version, cacheEntries: 0 });
const inline = createEvaluator({ data, dataVersion: geo.version, workers: 0, cacheEntries: 0 });
try {
  const sim = simOf(shape);
  // The same question each time (no cache): the plan is the same work every repeat.
  const [pooledMs, inlineMs, trialsMs] = await timed([
    () => pooled.evaluate(shape.inputs),
    () => inline.evaluate(shape.inputs),
    () => runPlanTrials(sim, 0, sim.trials),
  ]);
  const chunksPerEvaluation = chunks / (WARMUP + REPEATS);
  console.log(
    `\nEvaluation through the worker pool, ${shape.name}, ${sim.trials} trials ` +
      `(${pooled.workers} worker(s) + small lane; ${REPEATS} runs each, medians, ${new Date().toISOString()})`,
  );
  console.log(`  pooled evaluator            ${pooledMs.toFixed(2)} ms`);
  console.log(`  inline evaluator            ${inlineMs.toFixed(2)} ms`);
  console.log(`  runPlanTrials in-process    ${trialsMs.toFixed(2)} ms`);
  console.log(`  pooled / runPlanTrials      ${(pooledMs / trialsMs).toFixed(2)}`);
  console.log(`  pooled / inline             ${(pooledMs / inlineMs).toFixed(2)}`);
  console.log(`  trial chunks per evaluation ${chunksPerEvaluation.toFixed(1)}`);
} finally {
  await Promise.all([pooled.close(), inline.close()]);
}
