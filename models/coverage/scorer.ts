// Scores hours of one trial against demand: served = min(demand, delivered), shortfall, surplus,
// loss-of-load hours and the shortfall histogram. Supply is piecewise constant between events, so
// a stretch [a, b) at one delivered MW is scored through a min/max segment tree over the demand
// series: a node whose every hour is served costs O(1) (demand prefix sums), one whose every hour
// is short costs one histogram add per hour, and only mixed nodes are split down to hours. A
// well-supplied fleet-year then costs O(segments × log hours) instead of 8,760 steps.
import { BelowSum, BLOCK_HOURS as importedBlockHours } from './below-sum.ts';
import type { DemandTree, Dispatcher } from './dispatch.ts';
import { upperBin as importedUpperBin, type HistogramSpec } from './histogram.ts';
import { ShortLevels } from './short-levels.ts';

const HOURS = 8760;
/** Delivered within 1e-6 MW of demand counts as served. */
export const SERVED_TOLERANCE_MW = 1e-6;
/** Mixed nodes this short are scored hour by hour rather than split further. */
const LEAF_SPAN = 8;
// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const upperBin = importedUpperBin;
const BLOCK_HOURS = importedBlockHours;

export class HourScorer implements DemandTree {
  /** Backup and grid after the reactors; null when there is none (then nothing else runs). */
  dispatch: Dispatcher | null = null;
  served = 0;
  unserved = 0;
  surplus = 0;
  lossOfLoad = 0;
  shortfallCounts: Float64Array = new Float64Array(1);
  trace: Float64Array | null = null;
  readonly demand: Float64Array;
  private readonly size: number;
  private readonly maxTree: Float64Array;
  private readonly minTree: Float64Array;
  private readonly prefix: Float64Array;
  private readonly inv: number;
  private readonly last: number;
  private below: BelowSum | null = null;
  private readonly rightNodes = new Int32Array(32);
  private readonly rightSpans = new Int32Array(32);
  /** Counts of stretches short throughout, added per chunk (see short-levels.ts). */
  private readonly deferred: ShortLevels;

  constructor(demandMw: Float64Array, shortfall: HistogramSpec) {
    this.demand = demandMw;
    let size = 1;
    while (size < HOURS) size *= 2;
    this.size = size;
    this.maxTree = new Float64Array(2 * size).fill(Number.NEGATIVE_INFINITY);
    this.minTree = new Float64Array(2 * size).fill(Number.POSITIVE_INFINITY);
    this.prefix = new Float64Array(HOURS + 1);
    for (let t = 0; t < HOURS; t += 1) {
      this.maxTree[size + t] = demandMw[t];
      this.minTree[size + t] = demandMw[t];
      this.prefix[t + 1] = this.prefix[t] + demandMw[t];
    }
    for (let i = size - 1; i >= 1; i -= 1) {
      this.maxTree[i] = Math.max(this.maxTree[2 * i], this.maxTree[2 * i + 1]);
      this.minTree[i] = Math.min(this.minTree[2 * i], this.minTree[2 * i + 1]);
    }
    this.inv = 1 / shortfall.binMw;
    this.last = shortfall.bins - 1;
    this.deferred = new ShortLevels(demandMw, this.inv, this.last);
  }

  /**
   * Starts a trial: zero the sums, and point at this chunk's histogram and optional trace (the
   * deferred counts go into the histogram they were counted for).
   */
  reset(shortfallCounts: Float64Array, trace: Float64Array | null): void {
    if (shortfallCounts !== this.shortfallCounts) this.deferred.flush(this.shortfallCounts);
    this.served = 0;
    this.unserved = 0;
    this.surplus = 0;
    this.lossOfLoad = 0;
    this.shortfallCounts = shortfallCounts;
    this.trace = trace;
  }

  /** Ends a chunk: every deferred count is in the histogram. */
  finish(): void {
    this.deferred.flush(this.shortfallCounts);
  }

  /** Σ demand over [a, b). */
  demandMwh(a: number, b: number): number {
    return this.prefix[b] - this.prefix[a];
  }

  /** One hour with `deliveredMw` (after storage). */
  hour(t: number, deliveredMw: number): void {
    const d = this.demand[t];
    const gap = d - deliveredMw;
    if (this.trace !== null) this.trace[t] = deliveredMw;
    if (gap > SERVED_TOLERANCE_MW) {
      this.served += deliveredMw > 0 ? deliveredMw : 0;
      this.unserved += gap;
      this.lossOfLoad += 1;
      this.shortfallCounts[upperBin(gap, this.inv, this.last)] += 1;
      if (this.dispatch !== null) this.dispatch.short(t, deliveredMw > 0 ? gap : d);
    } else {
      this.served += d;
      if (gap < 0) this.surplus -= gap;
      if (this.dispatch !== null) this.dispatch.surplus(-gap);
    }
  }

  /**
   * Hours [a, b) all at `deliveredMw`: the range splits bottom-up into O(log hours) whole tree
   * nodes, each scored by `whole`.
   */
  range(a: number, b: number, deliveredMw: number): void {
    // A stretch served throughout (the common case) is scored in one go: one max query and one
    // O(1) sum, instead of a call per tree node.
    // The year's peak (the tree's root) first: a fleet above it needs no range query.
    if (
      this.maxTree[1] - deliveredMw <= SERVED_TOLERANCE_MW ||
      this.rangeMax(a, b) - deliveredMw <= SERVED_TOLERANCE_MW
    ) {
      this.servedRange(a, b, deliveredMw);
      return;
    }
    // Nodes are scored in time order (left nodes as found, right nodes from a stack), because the
    // dispatcher's battery carries its state from hour to hour.
    let l = a + this.size;
    let r = b + this.size;
    let top = 0;
    const nodes = this.rightNodes;
    const spans = this.rightSpans;
    for (let span = 1; l < r; span *= 2) {
      if (l & 1) this.whole(l++, span, deliveredMw);
      if (r & 1) {
        nodes[top] = --r;
        spans[top] = span;
        top += 1;
      }
      l >>= 1;
      r >>= 1;
    }
    while (top > 0) {
      top -= 1;
      this.whole(nodes[top], spans[top], deliveredMw);
    }
  }

  /** Hours [a, b) known to be served at `deliveredMw` (every demand ≤ it + tolerance). */
  servedRange(a: number, b: number, deliveredMw: number): void {
    const mwh = this.prefix[b] - this.prefix[a];
    this.served += mwh;
    this.surplus += (b - a) * deliveredMw - mwh;
    if (this.trace !== null) this.trace.fill(deliveredMw, a, b);
    if (this.dispatch !== null) this.dispatch.servedRange(this, a, b, deliveredMw, mwh);
  }

  private shortRange(a: number, b: number, deliveredMw: number): void {
    const n = b - a;
    this.served += n * (deliveredMw > 0 ? deliveredMw : 0);
    this.unserved += this.prefix[b] - this.prefix[a] - n * deliveredMw;
    this.lossOfLoad += n;
    this.deferred.add(this.shortfallCounts, a, b, deliveredMw);
    if (this.dispatch !== null)
      this.dispatch.shortRange(this, a, b, deliveredMw > 0 ? deliveredMw : 0);
    if (this.trace !== null) this.trace.fill(deliveredMw, a, b);
  }

  /** max demand over [a, b) (−Infinity when empty). */
  rangeMax(a: number, b: number): number {
    return this.extreme(this.maxTree, a, b, 1);
  }

  /** min demand over [a, b) (+Infinity when empty). */
  rangeMin(a: number, b: number): number {
    return -this.extreme(this.minTree, a, b, -1);
  }

  /** max of sign × tree over [a, b)'s nodes (bottom-up, iterative). */
  private extreme(tree: Float64Array, a: number, b: number, sign: number): number {
    let l = a + this.size;
    let r = b + this.size;
    let m = Number.NEGATIVE_INFINITY;
    while (l < r) {
      if (l & 1) {
        if (sign * tree[l] > m) m = sign * tree[l];
        l += 1;
      }
      if (r & 1) {
        r -= 1;
        if (sign * tree[r] > m) m = sign * tree[r];
      }
      l >>= 1;
      r >>= 1;
    }
    return m;
  }

  /** Σ max(0, thresholdMw − demand[t]) over [a, b) (for capped exports). */
  sumBelow(a: number, b: number, thresholdMw: number): number {
    return this.query(a, b, thresholdMw, false);
  }

  /** How many hours in [a, b) have demand above `thresholdMw` (loss of load after backup). */
  countAbove(a: number, b: number, thresholdMw: number): number {
    return this.query(a, b, thresholdMw, true);
  }

  /** sumBelow (count false) or countAbove (count true), over [a, b)'s tree nodes. */
  private query(a: number, b: number, thr: number, count: boolean): number {
    let sum = 0;
    let l = a + this.size;
    let r = b + this.size;
    for (let span = 1; l < r; span *= 2) {
      if (l & 1) sum += this.nodeQuery(l++, span, thr, count);
      if (r & 1) sum += this.nodeQuery(--r, span, thr, count);
      l >>= 1;
      r >>= 1;
    }
    return sum;
  }

  /**
   * One node's Σ max(0, thr − demand) or count of demand > thr: O(1) when thr is outside its
   * range, else its 32-hour blocks (BelowSum) or, below that, its hours.
   */
  private nodeQuery(node: number, span: number, thr: number, count: boolean): number {
    const l = node * span - this.size;
    const end = l + span > HOURS ? HOURS : l + span;
    if (end <= l) return 0;
    const max = this.maxTree[node];
    const min = this.minTree[node];
    if (count) {
      if (max <= thr) return 0;
      if (min > thr) return end - l;
    } else {
      if (min >= thr) return 0;
      if (max <= thr) return (end - l) * thr - (this.prefix[end] - this.prefix[l]);
    }
    if (span === BLOCK_HOURS) {
      this.below ??= new BelowSum(this.demand);
      const k = l / BLOCK_HOURS;
      return count ? this.below.countAbove(k, thr) : this.below.block(k, thr);
    }
    if (span < BLOCK_HOURS) {
      let sum = 0;
      for (let t = l; t < end; t += 1) {
        const d = this.demand[t];
        if (count) sum += d > thr ? 1 : 0;
        else if (d < thr) sum += thr - d;
      }
      return sum;
    }
    return (
      this.nodeQuery(2 * node, span / 2, thr, count) +
      this.nodeQuery(2 * node + 1, span / 2, thr, count)
    );
  }

  /** A whole tree node: all served, all short, hour by hour when small, else its two halves. */
  private whole(node: number, span: number, mw: number): void {
    const l = node * span - this.size;
    const end = l + span > HOURS ? HOURS : l + span;
    if (end <= l) return;
    if (this.maxTree[node] - mw <= SERVED_TOLERANCE_MW) return this.servedRange(l, end, mw);
    if (this.minTree[node] - mw > SERVED_TOLERANCE_MW) return this.shortRange(l, end, mw);
    if (span <= LEAF_SPAN) {
      for (let t = l; t < end; t += 1) this.hour(t, mw);
      return;
    }
    this.whole(2 * node, span / 2, mw);
    this.whole(2 * node + 1, span / 2, mw);
  }

  /**
   * The first hour in [a, b) whose demand is at or below `thresholdMw`, or b if none is (the
   * storage empty-tank search): firstAbove's search on the min tree.
   */
  firstAtOrBelow(a: number, b: number, thresholdMw: number): number {
    return this.firstWhere(this.minTree, false, a, b, thresholdMw);
  }

  /**
   * The first hour in [a, b) whose demand exceeds `thresholdMw`, or b if none does (the storage
   * idle search).
   */
  firstAbove(a: number, b: number, thresholdMw: number): number {
    return this.firstWhere(this.maxTree, true, a, b, thresholdMw);
  }

  /**
   * The first hour in [a, b) where (demand > threshold) === `above`, on the tree whose nodes
   * bound it (max for above, min for at-or-below), or b. Iterative: from leaf a, climb past
   * subtrees with no such hour (moving right), stop once a subtree starts at or past b, then
   * descend into the first one with such an hour: O(log hours).
   */
  private firstWhere(
    tree: Float64Array,
    above: boolean,
    a: number,
    b: number,
    thresholdMw: number,
  ): number {
    if (a >= b) return b;
    const size = this.size;
    let node = a + size;
    let span = 1;
    while (tree[node] > thresholdMw !== above) {
      while ((node & 1) === 1) {
        node >>= 1;
        span *= 2;
      }
      if (node === 0) return b;
      node += 1;
      if (node * span - size >= b) return b;
    }
    while (node < size) {
      node *= 2;
      if (tree[node] > thresholdMw !== above) node += 1;
    }
    const hour = node - size;
    return hour < b ? hour : b;
  }
}
