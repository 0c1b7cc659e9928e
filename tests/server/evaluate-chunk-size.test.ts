// Larger chunks when idle (issue 13): an evaluation alone in the worker pool runs in fewer,
// bigger trial chunks than the base size (125 trials for a fleet of ≤ 300 units; a bigger fleet's
// base chunk is already a full chunk's work and stays), one sharing the pool with another
// evaluation keeps to the base size, an aborted one posts no more chunks, and every answer is
// the inline evaluator's (workers: 0), bit for bit.
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import type { EvaluateInputs } from '../../models/scenario.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { createEvaluator, type Evaluator } from '../../server/evaluate/evaluator.ts';
import type { Task } from '../../server/evaluate/tasks.ts';

const geo = loadGeoData();
const data = evaluateDataOf(geo);
const campus = geo.campuses.find((c) => c.id === 'stargate-abilene');
if (!campus) throw new Error('stargate-abilene is missing from geo-data');
/** 8 units, counted as 300 (budget.ts): base chunks of 125 trials (evaluator.ts). */
const BASE = 125;
const GROWN_MAX = 4 * BASE;

function inputs(trials: number, seed: number, years?: [number, number]): EvaluateInputs {
  return {
    campus: campus as NonNullable<typeof campus>,
    deployments: [
      { designId: 'natrium', units: 2, lat: campus!.lat + 0.01, lon: campus!.lon },
      { designId: 'bwrx-300', units: 6, lat: campus!.lat + 0.5, lon: campus!.lon + 0.3 },
    ],
    options: { trials, year: 2035, seed, ...(years ? { years } : {}) },
  };
}

type Trials = Extract<Task, { kind: 'trials' }>;
/** Trial chunks posted to workers, in order, with when they were posted. */
let posted: { task: Trials; at: number }[] = [];
const evaluators: Evaluator[] = [];
beforeEach(() => {
  posted = [];
  const original = Worker.prototype.postMessage;
  vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (
    this: Worker,
    message: unknown,
    transfer?: readonly unknown[],
  ) {
    const task = message as Task;
    if (task?.kind === 'trials') posted.push({ task, at: performance.now() });
    return original.call(this, message, transfer as never);
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(evaluators.splice(0).map((e) => e.close()));
});

function evaluators2(workers: number): { pooled: Evaluator; inline: Evaluator } {
  const options = { data, dataVersion: geo.version, cacheEntries: 0 };
  const pooled = createEvaluator({ ...options, workers, smallLaneWorkers: 0 });
  const inline = createEvaluator({ ...options, workers: 0 });
  evaluators.push(pooled, inline);
  return { pooled, inline };
}

describe('trial chunk sizes through the worker pool', () => {
  it('alone in the pool: fewer, bigger chunks than the base size, up to 4× it', async () => {
    for (const workers of [1, 2]) {
      posted = [];
      const { pooled, inline } = evaluators2(workers);
      const question = inputs(1000, 11);
      expect((await pooled.evaluate(question)).json).toBe((await inline.evaluate(question)).json);
      const sizes = posted.map(({ task }) => task.end - task.start);
      // The base size would take 8 chunks of 125.
      expect(sizes.length).toBeLessThan(1000 / BASE);
      expect(Math.max(...sizes)).toBeGreaterThan(BASE);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(GROWN_MAX);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000);
    }
  });

  it('alone, a fleet over the 300-unit floor keeps base chunks (they are its real work)', async () => {
    const { pooled, inline } = evaluators2(1);
    // 400 units: base chunks of floor(37,500 / 400) = 93 trials, already a full chunk's work.
    const question: EvaluateInputs = {
      ...inputs(400, 12),
      deployments: Array.from({ length: 4 }, (_, i) => ({
        designId: 'bwrx-300',
        units: 100,
        lat: campus!.lat + 0.01 * i,
        lon: campus!.lon,
      })),
    };
    expect((await pooled.evaluate(question)).json).toBe((await inline.evaluate(question)).json);
    expect(posted.map(({ task }) => task.end - task.start)).toEqual([93, 93, 93, 93, 28]);
  });

  it('beside another evaluation: chunks stay at the base size, and drop to it when one comes', async () => {
    const { pooled, inline } = evaluators2(1);
    const big = inputs(4000, 21);
    const small = inputs(1000, 22);
    let smallArrived = Infinity;
    let smallAnswered = Infinity;
    let smallAnswer: Promise<string> | undefined;
    // The big one runs alone (bigger chunks) until its first chunk answers; then the small one
    // comes (cheaper, so it goes first) and has all its chunks taken beside the big one.
    const bigAnswer = await pooled.evaluate(big, undefined, () => {
      if (smallAnswer) return;
      smallArrived = performance.now();
      smallAnswer = pooled
        .evaluate(small)
        .then((r) => ((smallAnswered = performance.now()), r.json));
    });
    expect(bigAnswer.json).toBe((await inline.evaluate(big)).json);
    expect(await smallAnswer).toBe((await inline.evaluate(small)).json);
    const trialsOf = new Map<string, number>();
    for (const { task } of posted)
      if (task.sim) trialsOf.set(task.planId as string, task.sim.trials);
    const of = (trials: number) =>
      posted.filter(({ task }) => trialsOf.get(task.planId as string) === trials);
    const size = ({ task }: { task: Trials }) => task.end - task.start;
    // Alone at first: bigger than the base.
    expect(
      Math.max(
        ...of(4000)
          .filter(({ at }) => at < smallArrived)
          .map(size),
      ),
    ).toBeGreaterThan(BASE);
    // The small one's chunks all at the base size (8 of 125), and the big one's beside it too.
    expect(of(1000).map(size)).toEqual(Array(1000 / BASE).fill(BASE));
    const beside = of(4000).filter(({ at }) => at > smallArrived && at < smallAnswered);
    // (One at least: the worker takes a big chunk whenever the small one is between tasks.)
    expect(beside.length).toBeGreaterThan(0);
    for (const chunk of beside) expect(size(chunk)).toBe(BASE);
  });

  it('answers bit for bit as the inline evaluator for several trial counts and a year sweep', async () => {
    const { pooled, inline } = evaluators2(2);
    const questions = [
      inputs(251, 31),
      inputs(777, 32),
      inputs(1000, 33),
      inputs(1601, 34),
      inputs(640, 35, [2035, 2038]),
    ];
    for (const question of questions) {
      posted = [];
      const progress: [number, number][] = [];
      const answer = await pooled.evaluate(question, undefined, (done, total) =>
        progress.push([done, total]),
      );
      expect(answer.json).toBe((await inline.evaluate(question)).json);
      // Progress climbs to the total: every trial of every plan counted once.
      const total = progress[0][1];
      expect(progress.at(-1)).toEqual([total, total]);
      expect(posted.reduce((n, { task }) => n + task.end - task.start, 0)).toBe(total);
      // Alone, some chunk is bigger than the base: the answer does not depend on the sizes.
      if (question.options!.trials! >= 4 * BASE) {
        expect(Math.max(...posted.map(({ task }) => task.end - task.start))).toBeGreaterThan(BASE);
      }
    }
  });

  it('an aborted evaluation posts no more chunks and stops', async () => {
    const { pooled } = evaluators2(1);
    const controller = new AbortController();
    let abortedAt = Infinity;
    const answer = pooled.evaluate(
      inputs(4000, 41),
      undefined,
      () => {
        if (abortedAt !== Infinity) return;
        abortedAt = performance.now();
        controller.abort();
      },
      { signal: controller.signal },
    );
    await expect(answer).rejects.toThrow();
    const until = performance.now() + 2000;
    while (pooled.active > 0 && performance.now() < until) {
      await new Promise((done) => setTimeout(done, 10));
    }
    expect(pooled.active).toBe(0);
    // Only the chunk already taken when the first one answered ran on; 4,000 trials are 8+.
    expect(posted.filter(({ at }) => at > abortedAt)).toEqual([]);
    expect(posted.length).toBeLessThanOrEqual(2);
  });
});
