// Forced outages of one unit over one year, sampled event by event (DESIGN.md "Forced outages",
// "Sampling"). Up and down times are exponential (MTTF = MTTR·(1 − FOR)/FOR). The clock runs only
// outside planned outages: a unit cannot fail, and a repair does not progress, while it is in a
// planned outage, so the service-hours share of non-planned time is 1 − FOR (GADS FOR =
// FOH/(FOH + SH)) and the expected availability is (1 − FOR)(1 − planned share).
//
// Warm start: the state at the first non-planned hour of the year is drawn from the stationary
// distribution, up with probability 1 − FOR, and the time left in it is a fresh exponential of that
// state's mean (the exponential is memoryless, so its stationary residual life is the same
// exponential). No warm-up year is needed and 1 January is not biased.
//
// Each up-interval [s, e) is rounded to whole hours and written into the fleet's difference array
// (+weight at s, −weight at e); the touched hours are marked so the prefix sum visits only them.
// A storage unit also lists its own up and down events, so its tank knows when it can act.

import type { HourSet } from './hour-set.ts';

const HOURS = 8760;

/** A growable list of whole numbers < 2^32 (grown by doubling, never shrunk). */
export class EventList {
  values = new Uint32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  /** push(a) then push(b), at one call site (the trial loop's inlining budget is tight). */
  push2(a: number, b: number): void {
    if (this.length + 2 > this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const values = this.values;
    values[this.length] = a;
    values[this.length + 1] = b;
    this.length += 2;
  }
}

/** Storage up/down events are packed as (hour × 65,536 + storage slot) × 2 + (1 up, 0 down). */
export const STORAGE_SLOT_LIMIT = 65536;
export const packStorageEvent = (hour: number, slot: number, up: boolean): number =>
  (hour * STORAGE_SLOT_LIMIT + slot) * 2 + (up ? 1 : 0);

/** Where one unit's up-intervals go. */
export interface UnitSink {
  /**
   * The unit's line's down pairs [start, end) (sorted, disjoint) are lineDown[lineFrom..lineTo):
   * the unit delivers only outside them (DESIGN.md "Lines (revised)"). Empty: lineFrom = lineTo.
   */
  lineDown: Float64Array;
  lineFrom: number;
  lineTo: number;
  /** Up hours that also had the line up (the deliverable hours), summed over calls. */
  deliverableHours: number;
  /** The fleet's difference array, 8,761 entries. */
  diff: Float64Array;
  /** Every hour written to in `diff`. */
  touched: HourSet;
  /** The unit's storage slot, or −1: a storage unit also records its own up and down events. */
  storageSlot: number;
  storageEvents: EventList;
}

function addDelivered(sink: UnitSink, weightMw: number, start: number, end: number): void {
  if (end <= start) return;
  sink.diff[start] += weightMw;
  sink.diff[end] -= weightMw;
  sink.touched.add2(start, end);
  sink.deliverableHours += end - start;
  const slot = sink.storageSlot;
  if (slot >= 0) {
    sink.storageEvents.push2(
      (start * STORAGE_SLOT_LIMIT + slot) * 2 + 1,
      (end * STORAGE_SLOT_LIMIT + slot) * 2,
    );
  }
}

/**
 * Adds [start, end) minus the line's down pairs; returns the unit's up hours (plant side). The
 * piece after the last down pair is the pair [end, end) (one addDelivered call site).
 */
function addUpInterval(sink: UnitSink, weightMw: number, start: number, end: number): number {
  if (end <= start) return 0;
  let from = start;
  const down = sink.lineDown;
  const to = sink.lineTo;
  for (let k = sink.lineFrom; from < end; k += 2) {
    let ds = end;
    let de = end;
    if (k < to) {
      de = down[k + 1];
      if (de <= from) continue;
      ds = down[k];
      if (ds >= end) {
        ds = end;
        de = end;
      }
    }
    if (ds > from) addDelivered(sink, weightMw, from, ds);
    from = de;
  }
  return end - start;
}

/**
 * Samples one unit-year. `planned` holds merged planned pairs; the unit's are pairs `from` to
 * `to − 1`, whole hours in [0, 8760]. Returns the unit's up hours.
 */
export function sampleUnitYear(
  rng: { uniform(): number },
  planned: Float64Array,
  from: number,
  to: number,
  forcedOutageRate: number,
  mttfHours: number,
  mttrHours: number,
  weightMw: number,
  sink: UnitSink,
): number {
  const fails = forcedOutageRate > 0;
  let up = fails ? rng.uniform() >= forcedOutageRate : true;
  // Exponential draws are written out as −mean × ln(1 − U), Rng.exponential's own expression (so
  // the same bits): a call V8 left out of line returned each draw as a new heap number.
  let remaining = fails
    ? -(up ? mttfHours : mttrHours) * Math.log(1 - rng.uniform())
    : Number.POSITIVE_INFINITY;
  let upHours = 0;
  let segmentStart = 0;
  // One addUpInterval and one draw call site in the loop (the trial loop's inlining budget):
  // a segment's end closes an up-interval like an event does (segmentEnd is whole, so rounding
  // it changes nothing) and ends the segment instead of flipping the state.
  for (let k = from; k <= to; k += 1) {
    const segmentEnd = k < to ? planned[2 * k] : HOURS;
    let t = segmentStart;
    let upStart = t;
    for (;;) {
      const event = t + remaining < segmentEnd;
      const until = event ? t + remaining : segmentEnd;
      if (up) upHours += addUpInterval(sink, weightMw, Math.round(upStart), Math.round(until));
      if (!event) break;
      t = until;
      if (!up) upStart = t;
      up = !up;
      remaining = -(up ? mttfHours : mttrHours) * Math.log(1 - rng.uniform());
    }
    remaining -= segmentEnd - t;
    if (k < to) segmentStart = planned[2 * k + 1];
  }
  return upHours;
}

/**
 * Down pairs of an always-on component (a line circuit, the grid) over one year: alternating
 * exponential up (mean mttfHours) and down (mean mttrHours) times, started in the stationary
 * state, rounded to whole hours; pairs that round to nothing are dropped. Appends to `out`.
 */
export function sampleDownPairs(
  rng: { uniform(): number },
  mttfHours: number,
  mttrHours: number,
  out: number[],
): void {
  if (!(mttfHours < Number.POSITIVE_INFINITY) || !(mttrHours > 0)) return;
  const q = mttrHours / (mttfHours + mttrHours);
  let down = rng.uniform() < q;
  let t = 0;
  while (t < HOURS) {
    // −mean × ln(1 − U) written out, as in sampleUnitYear (the same bits as Rng.exponential).
    const next = t + -(down ? mttrHours : mttfHours) * Math.log(1 - rng.uniform());
    if (down) {
      const s = Math.round(t);
      const e = Math.min(HOURS, Math.round(next));
      if (e > s) out.push(s, e);
    }
    t = next;
    down = !down;
  }
}

/** Appends the intersection of two sorted disjoint pair lists to `out`. */
export function intersectPairsInto(
  a: readonly number[],
  b: readonly number[],
  out: number[],
): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = a[i] > b[j] ? a[i] : b[j];
    const e = a[i + 1] < b[j + 1] ? a[i + 1] : b[j + 1];
    if (e > s) out.push(s, e);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
}

/**
 * Appends the union of two sorted disjoint pair lists to `out`, merged where they touch: a linear
 * merge (a's pair first on equal starts), so the same pairs mergePairs gives, without its sort
 * and tuples; only this union's pairs merge with each other, not pairs already in `out`.
 */
export function unionPairsInto(a: readonly number[], b: readonly number[], out: number[]): void {
  const first = out.length;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let s: number;
    let e: number;
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      s = a[i];
      e = a[i + 1];
      i += 2;
    } else {
      s = b[j];
      e = b[j + 1];
      j += 2;
    }
    const last = out.length - 1;
    if (last > first && s <= out[last]) {
      if (e > out[last]) out[last] = e;
    } else out.push(s, e);
  }
}

/** Intersection of two sorted disjoint pair lists. */
export function intersectPairs(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  intersectPairsInto(a, b, out);
  return out;
}

/** Union of two sorted disjoint pair lists, merged. */
export function unionPairs(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  unionPairsInto(a, b, out);
  return out;
}

/** [start, end) pairs (any order) sorted and merged where they touch, flattened. */
export function mergePairs(pairs: [number, number][]): number[] {
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out;
}
