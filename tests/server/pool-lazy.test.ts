// The worker pool's lazy tasks (runLazy, issue 13): a task is made as a worker takes it, told
// whether another group has a task queued or running, and a maker with nothing left to do
// answers undefined without holding a worker.
import { describe, expect, it } from 'vitest';
import { spinPools, type SpinPool } from '../helpers/spin-pool.ts';

const newPool = spinPools();

async function warmPool(size = 1): Promise<SpinPool> {
  const pool = newPool(size);
  await Promise.all(Array.from({ length: size }, () => pool.run({ label: 'warm', ms: 5 })));
  return pool;
}

describe('worker pool lazy tasks', () => {
  it('tells the maker whether other groups wait, as a worker takes its task', async () => {
    const pool = await warmPool(2);
    const mine = { cost: 1000 };
    const seen: boolean[] = [];
    const make = (label: string) => (othersWaiting: boolean) => {
      seen.push(othersWaiting);
      return { label, ms: 20 };
    };
    // Alone: nobody else has a task.
    expect(await pool.runLazy(make('alone'), { group: mine })).toEqual({ label: 'alone' });
    // Its own group's other tasks do not count: two of one group on the two workers.
    await Promise.all([
      pool.runLazy(make('a'), { group: mine }),
      pool.runLazy(make('b'), { group: mine }),
    ]);
    expect(seen).toEqual([false, false, false]);
    // Another group's task running on the other worker does.
    const other = pool.run({ label: 'other', ms: 100 }, { group: { cost: 10 } });
    expect(await pool.runLazy(make('beside'), { group: mine })).toEqual({ label: 'beside' });
    await other;
    expect(seen).toEqual([false, false, false, true]);
  });

  it('sees a queued task of another group when one is behind it', async () => {
    const pool = await warmPool();
    const seen: boolean[] = [];
    const mine = { cost: 10 };
    const running = pool.run({ label: 'busy', ms: 60 }, { group: mine });
    // Cheaper first under the quantum: mine (10) is taken before the other group's (1000).
    const lazy = pool.runLazy(
      (othersWaiting) => (seen.push(othersWaiting), { label: 'lazy', ms: 1 }),
      { group: mine },
    );
    const queued = pool.run({ label: 'queued', ms: 1 }, { group: { cost: 1000 } });
    await Promise.all([running, lazy, queued]);
    expect(seen).toEqual([true]);
  });

  it('answers undefined without a worker when the maker has nothing to do', async () => {
    const pool = await warmPool();
    const order: string[] = [];
    const busy = pool.run({ label: 'busy', ms: 80 }).then(() => order.push('busy'));
    const empty = pool.runLazy(() => undefined).then((a) => order.push(`empty:${String(a)}`));
    const next = pool.run({ label: 'next', ms: 1 }).then(() => order.push('next'));
    await Promise.all([busy, empty, next]);
    expect(order).toEqual(['busy', 'empty:undefined', 'next']);
    expect(pool.pending).toBe(0);
  });
});
