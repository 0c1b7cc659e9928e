// Through the worker pool a plan is copied to each worker once per evaluation year (issue 13):
// a worker's later chunks of it carry only the planId and trial range, and the answers are the
// ones an inline evaluator (no copying at all) gives, bit for bit.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { prepareEvaluation, type EvaluateInputs } from '../../models/scenario.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { createEvaluator, type Evaluator } from '../../server/evaluate/evaluator.ts';
import {
  planSender,
  RUNNERS_KEPT,
  runnerFor,
  runTask,
  type Task,
} from '../../server/evaluate/tasks.ts';

const geo = loadGeoData();
const data = evaluateDataOf(geo);
const campus = geo.campuses.find((c) => c.id === 'stargate-abilene');
if (!campus) throw new Error('stargate-abilene is missing from geo-data');

function inputs(seed: number, years?: [number, number]): EvaluateInputs {
  return {
    campus: campus as NonNullable<typeof campus>,
    deployments: [
      { designId: 'natrium', units: 2, lat: campus!.lat + 0.01, lon: campus!.lon },
      { designId: 'bwrx-300', units: 6, lat: campus!.lat + 0.5, lon: campus!.lon + 0.3 },
    ],
    options: { trials: 400, year: 2035, seed, ...(years ? { years } : {}) },
  };
}

const evaluators: Evaluator[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(evaluators.splice(0).map((e) => e.close()));
});

describe('planSender', () => {
  const sim = prepareEvaluation(inputs(3), data).main.sim;
  const chunk = (planId: string, start: number): Task => ({
    kind: 'trials',
    sim,
    start,
    end: start + 10,
    planId,
  });

  it("sends a plan's first chunk whole and the next ones without the plan", () => {
    const send = planSender();
    expect(send(chunk('a', 0))).toEqual(chunk('a', 0));
    expect(send(chunk('a', 10))).toEqual({ kind: 'trials', start: 10, end: 20, planId: 'a' });
    // Another worker's sender knows nothing of what this one sent.
    expect(planSender()(chunk('a', 20))).toEqual(chunk('a', 20));
    // Tasks without a planId, and other kinds, go as they are.
    const loose: Task = { kind: 'trials', sim, start: 0, end: 5 };
    expect(send(loose)).toBe(loose);
    expect(send(loose)).toBe(loose);
  });

  it("re-sends a plan the worker's runner cache has dropped, as that cache does", () => {
    const send = planSender();
    send(chunk('p0', 0));
    for (let k = 1; k <= RUNNERS_KEPT; k += 1) send(chunk(`p${k}`, 0));
    // RUNNERS_KEPT newer plans since: the worker has dropped p0's runner, so it needs p0 again.
    expect(send(chunk('p0', 10))).toEqual(chunk('p0', 10));
    // p0's return dropped the oldest then held, p1; p4 is still held.
    expect(send(chunk('p1', 10))).toEqual(chunk('p1', 10));
    expect(send(chunk('p4', 10))).toEqual({ kind: 'trials', start: 10, end: 20, planId: 'p4' });
    // Mirror check against the worker side: the same touches leave runnerFor with the same keys.
    const ids = ['m0', 'm1', 'm2', 'm3', 'm4', 'm0'].map((id) => `mirror-${id}`);
    const mirror = planSender();
    for (const id of ids) {
      const message = mirror(chunk(id, 0));
      const outcome = runTask(message, data);
      expect(outcome.ok).toBe(true);
    }
    // mirror-m1 was dropped on both sides (m0 came back after m4 evicted it): a chunk the sender
    // strips still finds its runner, and the worker refuses a plan-less chunk it does not hold.
    expect(() => runnerFor(undefined, 'mirror-m1')).toThrow(/not cached/);
    const stripped = mirror(chunk('mirror-m4', 10));
    expect('sim' in stripped).toBe(false);
    expect(runTask(stripped, data).ok).toBe(true);
  });
});

describe('evaluator through workers', () => {
  it('posts each plan once per worker and answers as the inline evaluator does', async () => {
    const posted: { worker: Worker; task: Task }[] = [];
    const original = Worker.prototype.postMessage;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (
      this: Worker,
      message: unknown,
      transfer?: readonly unknown[],
    ) {
      posted.push({ worker: this, task: message as Task });
      return original.call(this, message, transfer as never);
    });
    const pooled = createEvaluator({
      data,
      dataVersion: geo.version,
      workers: 2,
      smallLaneWorkers: 0,
      cacheEntries: 0,
    });
    const inline = createEvaluator({ data, dataVersion: geo.version, workers: 0, cacheEntries: 0 });
    evaluators.push(pooled, inline);
    // Two evaluations at once (their chunks interleave on both workers), one with a year range (2035–2040).
    const questions = [inputs(5), inputs(6, [2035, 2040])];
    const answers = await Promise.all(questions.map((q) => pooled.evaluate(q)));
    for (let i = 0; i < questions.length; i += 1) {
      expect(answers[i].json).toBe((await inline.evaluate(questions[i])).json);
    }
    const chunks = posted.filter(({ task }) => task?.kind === 'trials');
    expect(new Set(chunks.map(({ worker }) => worker)).size).toBe(2);
    // Per worker: a plan's first chunk there carries it; a chunk of a plan the worker has had
    // carries only the planId and trial range (none without a planId reached the pool).
    const had = new Map<Worker, Set<string>>();
    let stripped = 0;
    for (const { worker, task } of chunks) {
      const t = task as Extract<Task, { kind: 'trials' }>;
      const seen = had.get(worker) ?? new Set<string>();
      had.set(worker, seen);
      expect(t.planId).toEqual(expect.any(String));
      if (!seen.has(t.planId as string)) {
        expect(t.sim).toBeDefined();
        seen.add(t.planId as string);
      } else if (!('sim' in t)) {
        expect(Object.keys(t).sort()).toEqual(['end', 'kind', 'planId', 'start']);
        stripped += 1;
      }
    }
    // Many chunks go without their plan (4 chunks of each of 7 plans on 2 workers).
    expect(stripped).toBeGreaterThan(chunks.length / 4);
  });
});
