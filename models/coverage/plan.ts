// What the Monte Carlo needs, prepared once and shipped to workers: plain objects and typed
// arrays only (structured-clone-able), so the server's worker pool can post it as is.
import type { StorageArrays } from '../supply/storage.ts';
import type { HistogramSpec } from './histogram.ts';

/** The fleet's online units in the evaluated year, one entry per unit. */
export interface SimUnits {
  count: number;
  deployment: Int32Array;
  unit: Int32Array;
  netMw: Float64Array;
  /** netMwe × (1 − lossFraction of its deployment's line): what the campus gets while it is up. */
  deliveredMw: Float64Array;
  forcedOutageRate: Float64Array;
  mttfHours: Float64Array;
  mttrHours: Float64Array;
  /** Unit i's planned pairs are pairs plannedFrom[i] .. plannedFrom[i + 1] − 1 of plannedHours. */
  plannedFrom: Int32Array;
  /** Flattened [start, end) whole hours of the evaluated year. */
  plannedHours: Float64Array;
  /** Index into the storage arrays, or −1 for a unit without storage. */
  storageSlot: Int32Array;
}

export interface SimPlan {
  seed: number;
  trials: number;
  deploymentCount: number;
  demandMw: Float64Array;
  demandMwh: number;
  units: SimUnits;
  storage: StorageArrays;
  delivered: HistogramSpec;
  shortfall: HistogramSpec;
}

/** A chunk of trials [trialStart, trialEnd): per-trial values by trial order, and histograms. */
export interface TrialPartial {
  trialStart: number;
  trialEnd: number;
  servedMwh: Float64Array;
  unservedMwh: Float64Array;
  surplusMwh: Float64Array;
  lossOfLoadHours: Float64Array;
  /** Available MWh before line losses, trial-major: [trial × deploymentCount + deployment]. */
  availableMwh: Float64Array;
  /** Trial-hours by delivered MW before any storage dispatch. */
  deliveredCounts: Float64Array;
  /** Trial-hours with a shortfall, by shortfall MW (after storage). */
  shortfallCounts: Float64Array;
}

/** Every trial's values in trial order 0..trials − 1, and the merged histograms. */
export type Aggregate = Omit<TrialPartial, 'trialStart' | 'trialEnd'> & { trials: number };
