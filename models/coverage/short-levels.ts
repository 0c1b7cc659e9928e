// The shortfall histogram's counts for stretches that are short throughout, added once per chunk
// instead of once per trial (issue 13: on a fleet short most of the year, e.g. one unit against a
// campus, the per-hour bin add was most of a trial's time).
//
// A stretch [a, b) short throughout at delivered MW m adds 1 to bin(demand[t] − m) for each of its
// hours. Those counts are integers, so how they are grouped does not change a bit: here they are
// kept as hour intervals per distinct m, and at the chunk's end each m's intervals are counted in
// one pass, an hour covered by k trials adding k at once. A level whose intervals are sparse is
// counted interval by interval instead (the same adds as before); each level takes whichever costs
// fewer steps. Consecutive intervals at one m (a stretch's tree nodes, in time order) are merged
// before they are stored, and intervals under MIN_DEFERRED_HOURS are added at once (a Map lookup
// would cost more than they do).
import { upperBin as importedUpperBin } from './histogram.ts';

const HOURS = 8760;
// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const upperBin = importedUpperBin;
/** Intervals this short are counted when they close, not deferred. */
export const MIN_DEFERRED_HOURS = 32;
/** Stored interval ends across all levels, past which the levels are counted early (memory). */
const MAX_STORED_ENDS = 1 << 18;

class Level {
  ends = new Int32Array(16);
  length = 0;
  hours = 0;
  first = HOURS;
  last = 0;
  constructor(readonly mw: number) {}

  push(a: number, b: number): void {
    if (this.length + 2 > this.ends.length) {
      const grown = new Int32Array(2 * this.ends.length);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.length] = a;
    this.ends[this.length + 1] = b;
    this.length += 2;
    this.hours += b - a;
    if (a < this.first) this.first = a;
    if (b > this.last) this.last = b;
  }
}

export class ShortLevels {
  private readonly demand: Float64Array;
  private readonly inv: number;
  private readonly lastBin: number;
  private readonly levels = new Map<number, Level>();
  private recent: Level | null = null;
  private stored = 0;
  /** Per hour: +1 where an interval starts, −1 where one ends (zero between counts). */
  private readonly cover = new Int32Array(HOURS + 1);
  /** The open interval [openA, openB) at openMw, merged with the next one that continues it. */
  private openA = 0;
  private openB = 0;
  private openMw = 0;

  constructor(demandMw: Float64Array, invBinMw: number, lastBin: number) {
    this.demand = demandMw;
    this.inv = invBinMw;
    this.lastBin = lastBin;
  }

  /** Hours [a, b), every one short at `mw` (demand − mw > tolerance), each count 1 in `counts`. */
  add(counts: Float64Array, a: number, b: number, mw: number): void {
    if (a === this.openB && mw === this.openMw && this.openB > this.openA) {
      this.openB = b;
      return;
    }
    this.close(counts);
    this.openA = a;
    this.openB = b;
    this.openMw = mw;
  }

  /** Adds every deferred count to `counts` (at a chunk's end, or before counts change). */
  flush(counts: Float64Array): void {
    this.close(counts);
    for (const level of this.levels.values()) this.countLevel(counts, level);
    this.levels.clear();
    this.recent = null;
    this.stored = 0;
  }

  private close(counts: Float64Array): void {
    const a = this.openA;
    const b = this.openB;
    if (b <= a) return;
    this.openA = this.openB = 0;
    const mw = this.openMw;
    if (b - a < MIN_DEFERRED_HOURS) {
      this.countHours(counts, a, b, mw);
      return;
    }
    let level = this.recent;
    if (level === null || level.mw !== mw) {
      level = this.levels.get(mw) ?? null;
      if (level === null) {
        level = new Level(mw);
        this.levels.set(mw, level);
      }
      this.recent = level;
    }
    level.push(a, b);
    this.stored += 2;
    if (this.stored >= MAX_STORED_ENDS) this.flush(counts);
  }

  /** One level: interval by interval, or one sweep of its span with each hour's cover. */
  private countLevel(counts: Float64Array, level: Level): void {
    const ends = level.ends;
    const mw = level.mw;
    if (level.hours <= level.last - level.first + level.length) {
      for (let k = 0; k < level.length; k += 2) this.countHours(counts, ends[k], ends[k + 1], mw);
      return;
    }
    const cover = this.cover;
    for (let k = 0; k < level.length; k += 2) {
      cover[ends[k]] += 1;
      cover[ends[k + 1]] -= 1;
    }
    const { demand, inv, lastBin } = this;
    let depth = 0;
    for (let t = level.first; t < level.last; t += 1) {
      depth += cover[t];
      cover[t] = 0;
      if (depth > 0) counts[upperBin(demand[t] - mw, inv, lastBin)] += depth;
    }
    cover[level.last] = 0;
  }

  private countHours(counts: Float64Array, a: number, b: number, mw: number): void {
    const { demand, inv, lastBin } = this;
    for (let t = a; t < b; t += 1) counts[upperBin(demand[t] - mw, inv, lastBin)] += 1;
  }
}
