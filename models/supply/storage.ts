// Natrium-type storage dispatch, one hour for every storage unit (DESIGN.md "Storage"):
// - the tank holds (peakMwe − netMwe) × peakDurationHours and starts each trial full;
// - it charges only from its own unit, at most min(fleet surplus, the unit's available netMwe),
//   and only into free room;
// - it discharges at most peakMwe − netMwe, only while its unit is up, and never more than it holds;
// - it loses 1% a day standing, applied hourly as 0.99^(1/24).
// Energy moves through the unit's own line: diverting c MW at the plant lowers delivered MW by
// c·(1 − loss), and discharging x MW adds x·(1 − loss). Units are dispatched in fleet order.

export const STORAGE_STANDING_LOSS_PER_DAY = 0.01;
export const STORAGE_KEEP_PER_HOUR = (1 - STORAGE_STANDING_LOSS_PER_DAY) ** (1 / 24);

/** Structured-clone-able storage plan: one entry per storage unit. */
export interface StorageArrays {
  count: number;
  capacityMwh: Float64Array;
  dischargeMaxMw: Float64Array;
  /** The unit's netMwe: the most it can divert into its tank in an hour. */
  chargeMaxMw: Float64Array;
  /** 1 − lossFraction of the unit's line. */
  lineKeep: Float64Array;
}

/**
 * Dispatches every storage unit for one hour and returns delivered MW after storage. `levels`
 * (MWh) carries the tanks between hours; `unitUp[j]` is 1 when storage unit j's reactor is up.
 * `flows` receives, per unit j, [3j] charged MWh, [3j + 1] discharged MWh, [3j + 2] standing loss.
 */
export function dispatchStorageHour(
  storage: StorageArrays,
  levels: Float64Array,
  unitUp: Float64Array,
  deliveredMw: number,
  demandMw: number,
  flows: Float64Array,
): number {
  const keepPerHour = STORAGE_KEEP_PER_HOUR;
  const { capacityMwh, dischargeMaxMw, chargeMaxMw, lineKeep } = storage;
  let current = deliveredMw;
  for (let j = 0; j < storage.count; j += 1) {
    const before = levels[j];
    let level = before * keepPerHour;
    const lost = before - level;
    const keep = lineKeep[j];
    const gap = demandMw - current;
    let charged = 0;
    let discharged = 0;
    if (unitUp[j] > 0.5 && keep > 0) {
      if (gap > 0) {
        discharged = Math.min(gap / keep, dischargeMaxMw[j], level);
        current += discharged * keep;
        level -= discharged;
      } else if (gap < 0) {
        const room = capacityMwh[j] - level;
        charged = Math.max(0, Math.min(-gap / keep, chargeMaxMw[j], room));
        current -= charged * keep;
        // Topping up to the brim sets the level to capacity exactly, so "full" is an exact test.
        level = charged === room ? capacityMwh[j] : level + charged;
      }
    }
    levels[j] = level;
    flows[3 * j] = charged;
    flows[3 * j + 1] = discharged;
    flows[3 * j + 2] = lost;
  }
  return current;
}
