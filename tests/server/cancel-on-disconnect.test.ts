// A client that goes away cancels its work (issue 12): on a real listening server, a heavy
// evaluate whose fetch is aborted stops computing (the evaluator's computation stops once no
// caller waits: server/evaluate/evaluator.ts), so the worker is free for the next request; a
// queued screen whose client is gone leaves the queue and stops counting against
// SCREEN_MAX_ACTIVE (server/evaluate/screener.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  // A connection the server still counts as open would hold close() for the keep-alive timeout.
  app?.server.closeAllConnections();
  await app?.close();
  app = undefined;
});

async function listening(options: Parameters<typeof testApp>[0] = {}) {
  app = await testApp({ evaluationWorkers: 1, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

const post = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(10);
  }
  return performance.now() - started;
}

const seed = Date.now() % 2 ** 31;
/**
 * 2,000 units × 2,000 trials: 3.5e10 unit-trial-hours, under the default budget, about 112
 * chunks of 18 trials (~60 ms each on one worker, evaluator.ts): several seconds of work.
 */
const heavy = {
  campus: { id: 'xai-colossus-1' },
  deployments: Array.from({ length: 20 }, (_, i) => ({
    designId: 'bwrx-300',
    units: 100,
    lat: 35 + i * 0.01,
    lon: -90.16,
  })),
  options: { trials: 2000, seed },
};
/** Over the small lane's size (300 counted units × 500 trials), so it shares the big lane. */
const medium = (n: number) => ({
  campus: { id: 'xai-colossus-1' },
  deployments: [{ designId: 'bwrx-300', units: 1, lat: 35, lon: -90.16 }],
  options: { trials: 500, seed: seed + n },
});

describe('a client disconnecting cancels its work', () => {
  it('an aborted evaluate stops computing and the next one answers at once', async () => {
    const { app, url } = await listening();
    // Warm the worker first: a task dispatched to a worker still booting holds it, and a running
    // task finishes before its caller's abort counts (pool.ts).
    expect((await post(`${url}/api/evaluate`, medium(1))).status).toBe(200);
    const controller = new AbortController();
    const heavyAnswer = post(`${url}/api/evaluate`, heavy, controller.signal);
    heavyAnswer.catch(() => undefined);
    await until(() => app.evaluator.active === 1, 2000);
    // Past the fleet's set-up, into its trial chunks: the set-up is one worker task of ~1.3 s
    // (measured), and a running task finishes before a caller's abort counts (pool.ts).
    await sleep(1500);
    controller.abort();
    await expect(heavyAnswer).rejects.toThrow();
    // Without cancellation the computation runs on for seconds (~8 s in all, measured).
    await until(() => app.evaluator.active === 0, 1000);
    const started = performance.now();
    const next = await post(`${url}/api/evaluate`, medium(2));
    const nextMs = performance.now() - started;
    expect(next.status).toBe(200);
    // Behind a heavy evaluation still running, this one would wait for its remaining chunks.
    expect(nextMs).toBeLessThan(1500);
    expect(app.evaluator.active).toBe(0);
  }, 30_000);

  it('an aborted screen leaves the queue, so it no longer counts against SCREEN_MAX_ACTIVE', async () => {
    const { url } = await listening({ computeLimits: { screenMaxActive: 2 } });
    // ~18,900 cells: about 1.6 s on the one screen worker (screener.ts), after its warm-up.
    const big = {
      campus: { id: 'xai-colossus-1' },
      designId: 'bwrx-300',
      radiusKm: 500,
      cellKm: 4,
    };
    const running = post(`${url}/api/screen`, big);
    running.catch(() => undefined);
    await sleep(100);
    const controller = new AbortController();
    const queued = post(`${url}/api/screen`, { ...big, cellKm: 5 }, controller.signal);
    queued.catch(() => undefined);
    await sleep(300);
    controller.abort();
    await expect(queued).rejects.toThrow();
    await sleep(100);
    // Running plus a queued screen whose client is still counted would be 2: 503 OVERLOADED.
    const next = await post(`${url}/api/screen`, { ...big, radiusKm: 50, cellKm: 10 });
    expect(next.status).toBe(200);
    expect((await running).status).toBe(200);
  }, 30_000);
});
