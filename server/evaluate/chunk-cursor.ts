// Hands out an evaluation's trial chunks one at a time, sized when a worker takes each (issue 13,
// "larger chunks when idle"). While another request waits for the pool, every chunk is the base
// size, so that request waits for at most one base chunk per worker. While the evaluation has the
// pool to itself the chunks double, up to `maxTrials` (a bounded hold on a worker: whoever comes
// next waits at most that long) and at most the trials left split over the workers (so none idles
// while one holds the last big chunk). Fewer chunks mean less posting, packing and merging; any
// split gives the same bits (per-trial random streams, exact merges).

export interface ChunkSizes {
  /** Trials of a chunk while others wait (the evaluator's CHUNK_UNIT_TRIALS share). */
  baseTrials: number;
  /** The most trials one chunk may hold when alone (≥ baseTrials). */
  maxTrials: number;
  /** Workers the chunks share out. */
  workers: number;
}

/** One chunk: trials [start, end) of plan `which`. */
export interface Chunk {
  which: number;
  start: number;
  end: number;
}

export class ChunkCursor {
  private which = 0;
  private start = 0;
  private left: number;
  /** A first chunk taken alone (at the start, or after others waited): twice the base. */
  private readonly firstGrown: number;
  /** The size the next chunk taken alone gets: doubling while alone. */
  private grown: number;

  /** `trials[k]`: plan k's trials (0 for a plan that is not run). */
  constructor(
    private readonly trials: readonly number[],
    private readonly sizes: ChunkSizes,
  ) {
    this.left = trials.reduce((a, b) => a + b, 0);
    this.firstGrown = Math.min(sizes.maxTrials, 2 * sizes.baseTrials);
    this.grown = this.firstGrown;
  }

  /** Every trial has been handed out. */
  get done(): boolean {
    return this.left === 0;
  }

  /** The next chunk, or undefined when every trial has been handed out. */
  next(alone: boolean): Chunk | undefined {
    while (this.which < this.trials.length && this.start >= this.trials[this.which]) {
      this.which += 1;
      this.start = 0;
    }
    if (this.which >= this.trials.length) return undefined;
    const { baseTrials, maxTrials, workers } = this.sizes;
    let size = baseTrials;
    if (alone) {
      const share = Math.ceil(this.left / Math.max(1, workers));
      size = Math.max(baseTrials, Math.min(this.grown, maxTrials, share));
      this.grown = Math.min(maxTrials, this.grown * 2);
    } else {
      this.grown = this.firstGrown;
    }
    const end = Math.min(this.trials[this.which], this.start + size);
    const chunk = { which: this.which, start: this.start, end };
    this.left -= end - this.start;
    this.start = end;
    return chunk;
  }
}

/**
 * Calls `runChunk` until `done()`, with at most `depth` calls under way: a pull model, so each
 * chunk is sized when it is taken (not all queued up front). Rejects at the first failure and
 * starts no more; the answers of chunks still under way are dropped.
 */
export function pullChunks(
  runChunk: () => Promise<void>,
  done: () => boolean,
  depth: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let underWay = 0;
    let failed = false;
    const pump = () => {
      if (failed) return;
      while (underWay < depth && !done()) {
        underWay += 1;
        runChunk().then(
          () => ((underWay -= 1), pump()),
          (error: unknown) => ((failed = true), reject(error)),
        );
      }
      if (underWay === 0 && done()) resolve();
    };
    pump();
  });
}
