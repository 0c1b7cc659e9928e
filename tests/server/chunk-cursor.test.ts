// The trial-chunk sizes an evaluation hands out (issue 13, "larger chunks when idle"): the base
// size while others wait, doubling up to the cap while alone, never more than the trials left
// split over the workers, and always tiling every plan's trials exactly once.
import { describe, expect, it } from 'vitest';
import { ChunkCursor, pullChunks, type Chunk } from '../../server/evaluate/chunk-cursor.ts';

const sizes = { baseTrials: 125, maxTrials: 500, workers: 1 };

function drain(cursor: ChunkCursor, alone: (i: number) => boolean): Chunk[] {
  const chunks: Chunk[] = [];
  for (let c = cursor.next(alone(0)); c; c = cursor.next(alone(chunks.length))) chunks.push(c);
  return chunks;
}

/** Each plan's chunks in order cover [0, trials) without gap or overlap. */
function expectTiles(chunks: Chunk[], trials: number[]): void {
  trials.forEach((n, which) => {
    let next = 0;
    for (const c of chunks.filter((x) => x.which === which)) {
      expect(c.start).toBe(next);
      expect(c.end).toBeGreaterThan(c.start);
      next = c.end;
    }
    expect(next).toBe(n);
  });
}

describe('ChunkCursor', () => {
  it('alone: chunks double from twice the base up to the cap', () => {
    const chunks = drain(new ChunkCursor([2000], sizes), () => true);
    expect(chunks.map((c) => c.end - c.start)).toEqual([250, 500, 500, 500, 250]);
    expectTiles(chunks, [2000]);
  });

  it('while others wait: every chunk is the base size', () => {
    const chunks = drain(new ChunkCursor([1000], sizes), () => false);
    expect(chunks.map((c) => c.end - c.start)).toEqual(Array(8).fill(125));
  });

  it('falls back to the base the moment others wait, and ramps up again after', () => {
    const alone = [true, true, false, true, true, true];
    const chunks = drain(new ChunkCursor([2000], sizes), (i) => alone[i] ?? true);
    expect(chunks.map((c) => c.end - c.start)).toEqual([250, 500, 125, 250, 500, 375]);
    expectTiles(chunks, [2000]);
  });

  it('never takes more than the trials left split over the workers, nor less than the base', () => {
    const chunks = drain(new ChunkCursor([1000], { ...sizes, workers: 3 }), () => true);
    // 1000/3 → 334 ≥ 250; 750/3 → 250; 500/3 → 167; 333/3 → 111 < base → 125; the rest, 83.
    expect(chunks.map((c) => c.end - c.start)).toEqual([250, 250, 167, 125, 125, 83]);
    expectTiles(chunks, [1000]);
  });

  it('walks several plans (a year sweep), skipping those that are not run', () => {
    const trials = [300, 0, 300, 7];
    const chunks = drain(new ChunkCursor(trials, sizes), (i) => i % 2 === 0);
    expectTiles(chunks, trials);
    expect(chunks.every((c) => c.end - c.start <= 500)).toBe(true);
  });
});

describe('pullChunks', () => {
  it('keeps at most `depth` chunks under way and stops when the cursor is done', async () => {
    const cursor = new ChunkCursor([1000], sizes);
    let underWay = 0;
    let most = 0;
    const ran: Chunk[] = [];
    await pullChunks(
      async () => {
        underWay += 1;
        most = Math.max(most, underWay);
        await new Promise((done) => setTimeout(done, 1));
        const c = cursor.next(false);
        if (c) ran.push(c);
        underWay -= 1;
      },
      () => cursor.done,
      3,
    );
    expect(most).toBe(3);
    expectTiles(ran, [1000]);
  });

  it('rejects at the first failure and starts no more chunks', async () => {
    let calls = 0;
    const failing = pullChunks(
      async () => {
        calls += 1;
        await new Promise((done) => setTimeout(done, 1));
        throw new Error(`chunk ${calls} failed`);
      },
      () => false,
      2,
    );
    await expect(failing).rejects.toThrow(/failed/);
    await new Promise((done) => setTimeout(done, 20));
    expect(calls).toBe(2);
  });
});
