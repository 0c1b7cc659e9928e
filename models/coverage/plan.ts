// What the Monte Carlo needs, prepared once and shipped to workers: plain objects and typed
// arrays only (structured-clone-able), so the server's worker pool can post it as is.
import type { StorageArrays } from '../supply/storage.ts';
import type { DispatchPlan } from './dispatch.ts';
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
  /**
   * Unit i's planned pairs in plan year p are pairs plannedFrom[p·count + i] ..
   * plannedFrom[p·count + i + 1] − 1 of plannedHours ([start, end) whole hours).
   */
  plannedFrom: Int32Array;
  plannedHours: Float64Array;
  /** Index into the storage arrays, or −1 for a unit without storage. */
  storageSlot: Int32Array;
}

/** Each deployment's line as a component (DESIGN.md "Lines (revised)"). */
export interface SimLines {
  /** 1 where the deployment has a line that can fail (not co-located, not perfect). */
  hasLine: Uint8Array;
  /** 1 single path, 2 double circuit. */
  paths: Uint8Array;
  /** Mean hours between independent outages of one path. */
  mttfHours: Float64Array;
  /** Mean hours between common-mode outages (both paths); Infinity for a single path. */
  commonMttfHours: Float64Array;
  mttrHours: Float64Array;
}

/** Gas backup units (DESIGN.md "Backup (revised)"): each with its own forced outages. */
export interface SimGas {
  count: number;
  unitMw: Float64Array;
  forcedOutageRate: number;
  mttfHours: number;
  mttrHours: number;
}

export interface SimGrid {
  connected: boolean;
  mttfHours: number;
  mttrHours: number;
}

export interface SimPlan {
  seed: number;
  trials: number;
  /** Plan period P: trial t simulates plan year t mod P. */
  periodYears: number;
  deploymentCount: number;
  demandMw: Float64Array;
  demandMwh: number;
  units: SimUnits;
  storage: StorageArrays;
  lines: SimLines;
  gas: SimGas;
  grid: SimGrid;
  dispatch: DispatchPlan;
  /** False when there is no battery, gas or grid: the dispatch pass is skipped. */
  dispatchActive: boolean;
  delivered: HistogramSpec;
  shortfall: HistogramSpec;
}

/** Per-trial sums of a chunk, by trial order (one Float64Array each). */
export const PER_TRIAL = [
  'servedMwh',
  'unservedMwh',
  'surplusMwh',
  'lossOfLoadHours',
  'batteryMwh',
  'batteryChargeMwh',
  'gasMwh',
  'importMwh',
  'exportMwh',
  'peakImportMw',
  'unservedAfterMwh',
  'lossOfLoadAfterHours',
] as const;
export type PerTrialKey = (typeof PER_TRIAL)[number];

/** A chunk of trials [trialStart, trialEnd): per-trial values by trial order, and histograms. */
export type TrialPartial = Record<PerTrialKey, Float64Array> & {
  trialStart: number;
  trialEnd: number;
  /** Available MWh before line losses, trial-major: [trial × deploymentCount + deployment]. */
  availableMwh: Float64Array;
  /** Of that, MWh while the deployment's line was up (deliverable), same layout. */
  deliverableMwh: Float64Array;
  /** Trial-hours by delivered MW before any storage dispatch. */
  deliveredCounts: Float64Array;
  /** Trial-hours with a shortfall, by shortfall MW (after storage). */
  shortfallCounts: Float64Array;
};

/** Every trial's values in trial order 0..trials − 1, and the merged histograms. */
export type Aggregate = Omit<TrialPartial, 'trialStart' | 'trialEnd'> & { trials: number };
