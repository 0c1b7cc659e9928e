// Σ max(0, T − d[t]) over a 32-hour block for any threshold T: the part of a surplus above the
// export limit (exports are capped hour by hour, DESIGN.md "Grid (revised)"). A training campus's
// demand sits in a narrow band with dips, so T lands inside most demand-tree nodes and a walk down
// the tree degrades to one step per hour; the scorer walks down only to 32-hour nodes, and each
// is answered here from its block kept sorted with prefix sums: one binary search. Built once per
// scorer, when a connected campus exports or backup serves a stretch short throughout (which also
// counts a block's hours above a threshold: its loss-of-load hours after backup).
const HOURS = 8760;
export const BLOCK_HOURS = 32;

export class BelowSum {
  private readonly demand: Float64Array;
  /** Each block's demand sorted ascending. */
  private readonly sorted: Float64Array;
  /** prefix[k·(B+1) + j] = Σ of the block's j smallest values. */
  private readonly prefix: Float64Array;

  constructor(demand: Float64Array) {
    this.demand = demand;
    const B = BLOCK_HOURS;
    const blocks = Math.ceil(HOURS / B);
    this.sorted = new Float64Array(HOURS);
    this.prefix = new Float64Array(blocks * (B + 1));
    for (let k = 0; k < blocks; k += 1) {
      const start = k * B;
      const end = Math.min(HOURS, start + B);
      const block = this.sorted.subarray(start, end);
      block.set(demand.subarray(start, end));
      block.sort();
      const base = k * (B + 1);
      for (let j = 0; j < block.length; j += 1) {
        this.prefix[base + j + 1] = this.prefix[base + j] + block[j];
      }
    }
  }

  /** How many of block k's hours have demand above `thresholdMw` (one binary search). */
  countAbove(k: number, thresholdMw: number): number {
    const end = Math.min(HOURS, (k + 1) * BLOCK_HOURS);
    return end - this.rank(k, thresholdMw, true);
  }

  /** Σ max(0, thresholdMw − demand[t]) over block k's hours (one binary search). */
  block(k: number, thresholdMw: number): number {
    const count = this.rank(k, thresholdMw, false) - k * BLOCK_HOURS;
    return count > 0 ? count * thresholdMw - this.prefix[k * (BLOCK_HOURS + 1) + count] : 0;
  }

  /** Index in `sorted` of block k's first value ≥ thresholdMw (> it when `orEqual`). */
  private rank(k: number, thresholdMw: number, orEqual: boolean): number {
    const sorted = this.sorted;
    let lo = k * BLOCK_HOURS;
    let hi = Math.min(HOURS, lo + BLOCK_HOURS);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < thresholdMw || (orEqual && sorted[mid] === thresholdMw)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
