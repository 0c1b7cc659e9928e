// Storage dispatch over a stretch of hours at one fleet MW (models/supply/storage.ts holds the
// hourly rule). Hours are stepped one by one only while storage is active. While every up storage
// unit is full and demand stays at or below fleet MW minus their hourly top-up (the standing loss
// they recharge), the hourly rule would just top each tank back to the brim: such hours are
// scored in one go (a segment-tree search finds the first hour that breaks the condition). A down
// unit's tank only decays, by 0.99^(hours/24); that is applied once, when the unit comes back up
// (one power for the whole time down, so stepped hours pass over down units). Likewise, while every up tank is empty and demand stays above fleet MW,
// the hourly rule moves nothing (an empty tank discharges 0 and the shortfall leaves no surplus
// to charge from): such hours are scored as a plain stretch at fleet MW until the first hour whose
// demand is at or below it (the tanks' empty time solved once, issue 13, instead of stepped).
// The stepped and skipped hours agree with the hourly rule to rounding;
// either way a trial is deterministic, so any split of trials reproduces it.
import { STORAGE_KEEP_PER_HOUR, type StorageArrays } from '../supply/storage.ts';
import type { HourScorer } from './scorer.ts';

const HOURS = 8760;
// Module bindings are read through getters under the test and tsx loaders: hot reads use locals.
const KEEP_PER_HOUR = STORAGE_KEEP_PER_HOUR;

export interface StorageState {
  levels: Float64Array;
  /** 1 while the unit's reactor is up (events add ±1). */
  unitUp: Float64Array;
  /** For a down unit: the hour from which its tank's decay is not yet applied. */
  since: Int32Array;
  flows: Float64Array;
  /** Per unit: MW a full tank draws to recharge one hour's standing loss, through its line. */
  topUpMw: Float64Array;
  /** Per unit: 1 when a full tank can always top up within its charge limit. */
  canIdle: Float64Array;
  /** keepAfter[h] = 0.99^(h/24): what a tank keeps after h idle hours. */
  keepAfter: Float64Array;
  /** [units up, up units not full (or unable to idle), Σ topUpMw of up units, up units not empty]. */
  counts: Float64Array;
}

export function storageState(storage: StorageArrays): StorageState {
  const n = storage.count;
  const topUpMw = new Float64Array(n);
  const canIdle = new Float64Array(n);
  for (let j = 0; j < n; j += 1) {
    const cap = storage.capacityMwh[j];
    // The same expressions dispatchStorageHour uses for a full tank.
    const room = cap - cap * STORAGE_KEEP_PER_HOUR;
    topUpMw[j] = room * storage.lineKeep[j];
    canIdle[j] = room <= storage.chargeMaxMw[j] && storage.lineKeep[j] > 0 ? 1 : 0;
  }
  return {
    levels: new Float64Array(n),
    unitUp: new Float64Array(n),
    since: new Int32Array(n),
    flows: new Float64Array(3 * n),
    topUpMw,
    canIdle,
    // 8,761 powers: only when there is storage to decay.
    keepAfter:
      n > 0
        ? Float64Array.from({ length: HOURS + 1 }, (_, h) => STORAGE_KEEP_PER_HOUR ** h)
        : new Float64Array(0),
    counts: new Float64Array(4),
  };
}

/** Every tank full, every reactor down, at hour 0. */
export function resetStorage(state: StorageState, storage: StorageArrays): void {
  state.levels.set(storage.capacityMwh);
  state.unitUp.fill(0);
  state.since.fill(0);
  state.counts.fill(0);
}

const idleReady = (state: StorageState, storage: StorageArrays, j: number): boolean =>
  state.canIdle[j] > 0.5 && state.levels[j] === storage.capacityMwh[j];

/** Unit j's reactor goes up (+1) or down (−1) at `hour`. */
export function storageEvent(
  state: StorageState,
  storage: StorageArrays,
  j: number,
  delta: number,
  hour: number,
): void {
  const wasUp = state.unitUp[j] > 0.5;
  state.unitUp[j] += delta;
  const isUp = state.unitUp[j] > 0.5;
  if (wasUp === isUp) return;
  const counts = state.counts;
  if (isUp) {
    state.levels[j] *= state.keepAfter[hour - state.since[j]];
    counts[0] += 1;
    counts[2] += state.topUpMw[j];
    if (!idleReady(state, storage, j)) counts[1] += 1;
    if (state.levels[j] > 0) counts[3] += 1;
  } else {
    counts[0] -= 1;
    counts[2] -= state.topUpMw[j];
    if (!idleReady(state, storage, j)) counts[1] -= 1;
    if (state.levels[j] > 0) counts[3] -= 1;
    state.since[j] = hour;
  }
}

/**
 * One hour by the hourly rule (dispatchStorageHour's arithmetic, in its order), in one pass over
 * the up units (a down unit neither dispatches nor counts; its decay waits for storageEvent), the
 * not-ready and not-empty counts taken as each unit is done.
 */
function stepHour(
  scorer: HourScorer,
  storage: StorageArrays,
  state: StorageState,
  t: number,
  baseMw: number,
) {
  const { levels, unitUp, canIdle } = state;
  const { capacityMwh, dischargeMaxMw, chargeMaxMw, lineKeep } = storage;
  const n = storage.count;
  const demandMw = scorer.demand[t];
  let current = baseMw;
  let notReady = 0;
  let notEmpty = 0;
  for (let j = 0; j < n; j += 1) {
    // A down unit's tank only decays: that is applied when it comes back up (storageEvent).
    if (unitUp[j] < 0.5) continue;
    const before = levels[j];
    let level = before * KEEP_PER_HOUR;
    const keep = lineKeep[j];
    const gap = demandMw - current;
    if (keep > 0) {
      // Minima by comparison, in the C kernel's order: the same values as Math.min / Math.max
      // on these finite, non-negative operands, without their NaN and −0 handling.
      if (gap > 0) {
        let discharged = gap / keep;
        const dmax = dischargeMaxMw[j];
        if (dmax < discharged) discharged = dmax;
        if (level < discharged) discharged = level;
        current += discharged * keep;
        level -= discharged;
      } else if (gap < 0) {
        const cap = capacityMwh[j];
        const room = cap - level;
        let c = -gap / keep;
        const cmax = chargeMaxMw[j];
        if (cmax < c) c = cmax;
        if (room < c) c = room;
        const charged = c > 0 ? c : 0;
        current -= charged * keep;
        level = charged === room ? cap : level + charged;
      }
    }
    levels[j] = level;
    if (!(canIdle[j] > 0.5 && level === capacityMwh[j])) notReady += 1;
    if (level > 0) notEmpty += 1;
  }
  scorer.hour(t, current);
  state.counts[1] = notReady;
  state.counts[3] = notEmpty;
}

/** Scores hours [a, b) at fleet MW `baseMw` (before storage), dispatching storage. */
export function storageSegment(
  scorer: HourScorer,
  storage: StorageArrays,
  state: StorageState,
  a: number,
  b: number,
  baseMw: number,
): void {
  const counts = state.counts;
  if (counts[0] < 0.5) {
    scorer.range(a, b, baseMw);
    return;
  }
  const demand = scorer.demand;
  let t = a;
  while (t < b) {
    // Every up tank full and idle: served while demand stays within fleet MW less their top-up
    // (the search runs only when this hour is, so an hour that is not costs no search).
    if (counts[1] < 0.5 && demand[t] <= baseMw - counts[2]) {
      const deliveredMw = baseMw - counts[2];
      const until = scorer.firstAbove(t, b, deliveredMw);
      scorer.servedRange(t, until, deliveredMw);
      t = until;
      continue;
    }
    // Every up tank empty and demand above fleet MW: nothing moves until demand falls to it.
    if (counts[3] < 0.5 && demand[t] > baseMw) {
      const until = scorer.firstAtOrBelow(t, b, baseMw);
      scorer.range(t, until, baseMw);
      t = until;
      continue;
    }
    stepHour(scorer, storage, state, t, baseMw);
    t += 1;
  }
}
