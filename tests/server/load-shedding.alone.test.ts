// Load shedding (issue 12): the heaviest valid evaluate and the heaviest valid screen, four of
// each at once, on a listening server: /api/health sampled every ~10 ms over a real socket keeps
// p99 ≤ 20 ms, and a small evaluate sent meanwhile is answered within 1 s or refused with 503
// at once. Before: a 20,000-cell screen ran 1.6 s on the event loop (health p50 870 ms).
import type { FastifyInstance } from 'fastify';
import { quantile } from 'simple-statistics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
let url: string;
beforeAll(async () => {
  app = await testApp();
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  // Workers started and warm (module load, the screen worker's population index).
  await post('/api/screen', { ...screen, radiusKm: 100 });
  await post('/api/evaluate', small(1));
}, 60_000);
afterAll(async () => {
  await app.close();
});

async function post(path: string, body: object): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

// 2,000 units at the most trials the default budget allows (4e10 / (2,000 × 8,760) = 2,283).
const heavyEvaluate = (seed: number) => ({
  campus: { id: 'xai-colossus-1' },
  deployments: Array.from({ length: 20 }, (_, i) => ({
    designId: 'bwrx-300',
    units: 100,
    lat: 35 + i * 0.01,
    lon: -90.16,
  })),
  options: { trials: 2280, seed },
});
// The largest radius at the finest cells under the 20,000-cell cap (~18,900 cells).
const screen = { campus: { id: 'coreweave-lancaster' }, designId: 'bwrx-300', radiusKm: 1500 };
const heavyScreen = (i: number) => ({ ...screen, cellKm: 12 + i * 0.01 });
const small = (seed: number) => ({
  campus: { id: 'xai-colossus-1' },
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626 }],
  options: { trials: 200, seed },
});

// Met by: small evaluations run whole on a worker kept for them (pool.ts small lane); big
// fleets run in short chunks whose partials cross threads packed (partial-wire.ts). (Nicing the
// workers below the event loop was tried and dropped: health p99 was 12.9 ms without it, and
// under `npm run loadtest` it let RSS grow 16–31%.) Before these: health p99 28 ms, max 130 ms, small
// evaluates 1.0–2.9 s. It runs after the rest of `npm test`, alone (vitest.config.ts), since it
// measures latency; `npm run load-shedding` runs it by itself.
describe('load shedding', () => {
  it('keeps /api/health p99 ≤ 20 ms under four heaviest evaluates and screens; a small evaluate answers within 1 s or 503 at once', async () => {
    const healthMs: number[] = [];
    let loading = true;
    const poll = (async () => {
      while (loading) {
        const started = performance.now();
        const res = await fetch(`${url}/api/health`);
        await res.arrayBuffer();
        healthMs.push(performance.now() - started);
        await new Promise((done) => setTimeout(done, 10));
      }
    })();
    const heavy = [
      ...Array.from({ length: 4 }, (_, i) => post('/api/evaluate', heavyEvaluate(100 + i))),
      ...Array.from({ length: 4 }, (_, i) => post('/api/screen', heavyScreen(i))),
    ];
    const smalls: { status: number; ms: number }[] = [];
    for (let i = 0; i < 5; i += 1) {
      await new Promise((done) => setTimeout(done, 700));
      smalls.push(await post('/api/evaluate', small(10 + i)));
    }
    const answers = await Promise.all(heavy);
    loading = false;
    await poll;
    const p50 = quantile(healthMs, 0.5);
    const p99 = quantile(healthMs, 0.99);
    console.log(
      `health: ${healthMs.length} samples, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
        `max ${Math.max(...healthMs).toFixed(1)} ms; heavy ${answers.map((a) => `${a.status}/${a.ms.toFixed(0)}ms`).join(' ')}; ` +
        `small ${smalls.map((a) => `${a.status}/${a.ms.toFixed(0)}ms`).join(' ')}`,
    );
    for (const a of answers) expect([200, 503]).toContain(a.status);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(4);
    expect(healthMs.length).toBeGreaterThan(100);
    expect(p99).toBeLessThanOrEqual(20);
    for (const s of smalls) {
      if (s.status === 503) expect(s.ms).toBeLessThan(100);
      else {
        expect(s.status).toBe(200);
        expect(s.ms).toBeLessThan(1000);
      }
    }
  }, 120_000);
});
