// Worker pools over tests/fixtures/spin-worker.ts (a task spins `ms` milliseconds and answers its
// label), closed after each test: the pool tests' shared set-up.
import { afterEach } from 'vitest';
import { WorkerPool, type PoolOptions } from '../../server/evaluate/pool.ts';

export type SpinTask = { label: string; ms: number };
export type SpinAnswer = { label: string };
export type SpinPool = WorkerPool<SpinTask, SpinAnswer>;

const entry = new URL('../fixtures/spin-worker.ts', import.meta.url);

/** Registers the after-each close; returns the pool maker the test file uses. */
export function spinPools(): (size: number, options?: PoolOptions<SpinTask>) => SpinPool {
  const pools: SpinPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });
  return (size, options) => {
    const pool = new WorkerPool<SpinTask, SpinAnswer>(entry, size, undefined, options);
    pools.push(pool);
    return pool;
  };
}
