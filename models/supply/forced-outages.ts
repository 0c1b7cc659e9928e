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
// (+weight at s, −weight at e); the touched hours are listed so the prefix sum visits only them.
// A storage unit also lists its own up and down events, so its tank knows when it can act.

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
  /** Every hour written to in `diff`, with repeats. */
  touched: EventList;
  /** The unit's storage slot, or −1: a storage unit also records its own up and down events. */
  storageSlot: number;
  storageEvents: EventList;
}

function addDelivered(sink: UnitSink, weightMw: number, start: number, end: number): void {
  if (end <= start) return;
  sink.diff[start] += weightMw;
  sink.diff[end] -= weightMw;
  sink.touched.push(start);
  sink.touched.push(end);
  sink.deliverableHours += end - start;
  if (sink.storageSlot >= 0) {
    sink.storageEvents.push(packStorageEvent(start, sink.storageSlot, true));
    sink.storageEvents.push(packStorageEvent(end, sink.storageSlot, false));
  }
}

/** Adds [start, end) minus the line's down pairs; returns the unit's up hours (plant side). */
function addUpInterval(sink: UnitSink, weightMw: number, start: number, end: number): number {
  if (end <= start) return 0;
  let from = start;
  const down = sink.lineDown;
  for (let k = sink.lineFrom; k < sink.lineTo && from < end; k += 2) {
    const ds = down[k];
    const de = down[k + 1];
    if (de <= from) continue;
    if (ds >= end) break;
    if (ds > from) addDelivered(sink, weightMw, from, ds);
    from = de;
  }
  if (from < end) addDelivered(sink, weightMw, from, end);
  return end - start;
}

/**
 * Samples one unit-year. `planned` holds merged planned pairs; the unit's are pairs `from` to
 * `to − 1`, whole hours in [0, 8760]. Returns the unit's up hours.
 */
export function sampleUnitYear(
  rng: { uniform(): number; exponential(mean: number): number },
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
  let remaining = fails ? rng.exponential(up ? mttfHours : mttrHours) : Number.POSITIVE_INFINITY;
  let upHours = 0;
  let segmentStart = 0;
  for (let k = from; k <= to; k += 1) {
    const segmentEnd = k < to ? planned[2 * k] : HOURS;
    let t = segmentStart;
    let upStart = t;
    while (t + remaining < segmentEnd) {
      t += remaining;
      if (up) {
        upHours += addUpInterval(sink, weightMw, Math.round(upStart), Math.round(t));
        remaining = rng.exponential(mttrHours);
      } else {
        upStart = t;
        remaining = rng.exponential(mttfHours);
      }
      up = !up;
    }
    remaining -= segmentEnd - t;
    if (up) upHours += addUpInterval(sink, weightMw, Math.round(upStart), segmentEnd);
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
  rng: { uniform(): number; exponential(mean: number): number },
  mttfHours: number,
  mttrHours: number,
  out: number[],
): void {
  if (!(mttfHours < Number.POSITIVE_INFINITY) || !(mttrHours > 0)) return;
  const q = mttrHours / (mttfHours + mttrHours);
  let down = rng.uniform() < q;
  let t = 0;
  while (t < HOURS) {
    const next = t + rng.exponential(down ? mttrHours : mttfHours);
    if (down) {
      const s = Math.round(t);
      const e = Math.min(HOURS, Math.round(next));
      if (e > s) out.push(s, e);
    }
    t = next;
    down = !down;
  }
}

/** Intersection of two sorted disjoint pair lists. */
export function intersectPairs(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i], b[j]);
    const e = Math.min(a[i + 1], b[j + 1]);
    if (e > s) out.push(s, e);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

/** Union of two sorted disjoint pair lists, merged. */
export function unionPairs(a: readonly number[], b: readonly number[]): number[] {
  const all: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) all.push([a[i], a[i + 1]]);
  for (let i = 0; i < b.length; i += 2) all.push([b[i], b[i + 1]]);
  return mergePairs(all);
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
