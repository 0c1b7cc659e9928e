// The worker pool's small lane (issue 12): a small request is not held up by a big request's
// running task.
import { describe, expect, it } from 'vitest';
import type { PoolOptions } from '../../server/evaluate/pool.ts';
import { spinPools, type SpinTask } from '../helpers/spin-pool.ts';

const newPool = spinPools();

async function smallBehindBig(
  options: PoolOptions<SpinTask>,
): Promise<{ smallMs: number; order: string[] }> {
  const pool = newPool(1, options);
  // Warm: the workers have loaded tsx and the entry.
  const lanes = 1 + (options.smallLane?.workers ?? 0);
  await Promise.all(
    Array.from({ length: lanes }, () => pool.run({ label: 'warm', ms: 1 }, { group: { cost: 1 } })),
  );
  const order: string[] = [];
  const big = pool
    .run({ label: 'big', ms: 600 }, { group: { cost: 1000 } })
    .then((a) => order.push(a.label));
  await new Promise((done) => setTimeout(done, 50)); // the big task is running
  const started = performance.now();
  await pool
    .run({ label: 'small', ms: 5 }, { group: { cost: 10 } })
    .then((a) => order.push(a.label));
  const smallMs = performance.now() - started;
  await big;
  return { smallMs, order };
}

describe('worker pool lanes', () => {
  it('answers a small task at once while a big one holds the general worker', async () => {
    const { smallMs, order } = await smallBehindBig({ smallLane: { workers: 1, maxCost: 100 } });
    expect(order).toEqual(['small', 'big']);
    expect(smallMs).toBeLessThan(300);
  });

  it('without the lane the small task waits for the big one (the case the lane fixes)', async () => {
    const { smallMs, order } = await smallBehindBig({});
    expect(order).toEqual(['big', 'small']);
    expect(smallMs).toBeGreaterThan(400);
  });

  it('never gives the small lane a big task', async () => {
    const pool = newPool(1, { smallLane: { workers: 1, maxCost: 100 } });
    const started = performance.now();
    // Two big tasks: with one general worker they run one after the other (~2 × 200 ms).
    await Promise.all([
      pool.run({ label: 'a', ms: 200 }, { group: { cost: 1000 } }),
      pool.run({ label: 'b', ms: 200 }, { group: { cost: 1000 } }),
    ]);
    expect(performance.now() - started).toBeGreaterThan(390);
  });
});
