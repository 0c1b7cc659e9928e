// The Monte Carlo (DESIGN.md "Sampling", "Coverage"). Per trial:
// 1. every online unit's up-intervals go into one difference array, +MW at the start and −MW at
//    the end, weighted by its delivered MW (netMwe × (1 − its line's loss)); storage units also
//    list their own up and down events;
// 2. the prefix sum runs over the touched hours only (sorted): between them the fleet's MW is
//    constant, and skipping the zero entries leaves every partial sum bit-identical to the dense
//    8,760-step sum;
// 3. each constant stretch is scored against demand (HourScorer), with storage dispatched where
//    there is any.
// Cost: O(events log events + stretches × log hours), plus one step per hour only where a stretch
// straddles demand or storage is active. The arrays are allocated once per call and reused by its
// trials; the touched entries are zeroed as the sum passes them. Trial t depends only on
// (seed, t), so any split of [0, n) into chunks reproduces it bit for bit.
import { invalidInput } from '../errors.ts';
import {
  EventList,
  sampleUnitYear as importedSample,
  STORAGE_SLOT_LIMIT,
  type UnitSink,
} from '../supply/forced-outages.ts';
import { UnitStreams } from '../supply/streams.ts';
import { lowerBin as importedLowerBin } from './histogram.ts';
import type { SimPlan, TrialPartial } from './plan.ts';
import { HourScorer } from './scorer.ts';
import {
  resetStorage,
  storageEvent as importedStorageEvent,
  storageSegment as importedStorageSegment,
  storageState,
  type StorageState,
} from './storage-segment.ts';

const HOURS = 8760;
// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const sampleUnitYear = importedSample;
const lowerBin = importedLowerBin;
const storageSegment = importedStorageSegment;
const storageEvent = importedStorageEvent;
/** runTrials reports progress every this many trials, and at the end. */
export const PROGRESS_EVERY = 25;

interface Workspace {
  sink: UnitSink;
  storage: StorageState;
  scorer: HourScorer;
  streams: UnitStreams;
}

function workspace(plan: SimPlan): Workspace {
  return {
    sink: {
      diff: new Float64Array(HOURS + 1),
      touched: new EventList(),
      storageSlot: -1,
      storageEvents: new EventList(),
    },
    storage: storageState(plan.storage),
    scorer: new HourScorer(plan.demandMw, plan.shortfall),
    streams: new UnitStreams(plan.seed, plan.deploymentCount),
  };
}

/** Samples every unit of `trial`; adds available MWh (before line loss) per deployment. */
function sampleFleet(
  plan: SimPlan,
  ws: Workspace,
  trial: number,
  available: Float64Array,
  at: number,
) {
  const u = plan.units;
  const { sink, streams } = ws;
  streams.startTrial(trial);
  for (let i = 0; i < u.count; i += 1) {
    sink.storageSlot = u.storageSlot[i];
    const upHours = sampleUnitYear(
      streams.unit(u.deployment[i], u.unit[i]),
      u.plannedHours,
      u.plannedFrom[i],
      u.plannedFrom[i + 1],
      u.forcedOutageRate[i],
      u.mttfHours[i],
      u.mttrHours[i],
      u.deliveredMw[i],
      sink,
    );
    available[at + u.deployment[i]] += upHours * u.netMw[i];
  }
}

const EVENT_HOUR = 2 * STORAGE_SLOT_LIMIT;

/** Prefix-sums the touched hours and scores each constant stretch; zeroes what it read. */
function scoreTrial(plan: SimPlan, ws: Workspace, deliveredCounts: Float64Array) {
  const { sink, scorer } = ws;
  const { diff, touched, storageEvents } = sink;
  const state = ws.storage;
  const storage = plan.storage;
  const n = storage.count;
  const inv = 1 / plan.delivered.binMw;
  const last = plan.delivered.bins - 1;
  if (n > 0) resetStorage(state, storage);
  const hours = touched.values.subarray(0, touched.length).sort();
  const events = storageEvents.values.subarray(0, storageEvents.length).sort();
  let e = 0;
  let baseMw = 0;
  let from = 0;
  for (let i = 0; i <= hours.length; i += 1) {
    const h = i < hours.length ? hours[i] : HOURS;
    if (i > 0 && i < hours.length && h === hours[i - 1]) continue;
    if (h > from) {
      deliveredCounts[lowerBin(baseMw, inv, last)] += h - from;
      if (n === 0) scorer.range(from, h, baseMw);
      else storageSegment(scorer, storage, state, from, h, baseMw);
      from = h;
    }
    if (i === hours.length) break;
    baseMw += diff[h];
    diff[h] = 0;
    // Storage events are a subset of the touched hours, sorted by hour first.
    for (; e < events.length && Math.floor(events[e] / EVENT_HOUR) === h; e += 1) {
      const rest = events[e] - h * EVENT_HOUR;
      storageEvent(state, storage, rest >> 1, (rest & 1) === 1 ? 1 : -1, h);
    }
  }
  touched.length = 0;
  storageEvents.length = 0;
}

export function emptyPartial(plan: SimPlan, trialStart: number, trialEnd: number): TrialPartial {
  const n = trialEnd - trialStart;
  return {
    trialStart,
    trialEnd,
    servedMwh: new Float64Array(n),
    unservedMwh: new Float64Array(n),
    surplusMwh: new Float64Array(n),
    lossOfLoadHours: new Float64Array(n),
    availableMwh: new Float64Array(n * plan.deploymentCount),
    deliveredCounts: new Float64Array(plan.delivered.bins),
    shortfallCounts: new Float64Array(plan.shortfall.bins),
  };
}

function checkRange(plan: SimPlan, trialStart: number, trialEnd: number): void {
  const ok = (x: number) => Number.isSafeInteger(x) && x >= 0 && x <= plan.trials;
  if (!ok(trialStart)) throw invalidInput('trialStart', trialStart, `must be in 0..${plan.trials}`);
  if (!ok(trialEnd) || trialEnd < trialStart) {
    throw invalidInput('trialEnd', trialEnd, `must be in ${trialStart}..${plan.trials}`);
  }
}

/** Runs trials [trialStart, trialEnd) of the plan into a mergeable partial. */
export function runPlanTrials(
  plan: SimPlan,
  trialStart: number,
  trialEnd: number,
  onProgress?: (trialsDone: number) => void,
): TrialPartial {
  checkRange(plan, trialStart, trialEnd);
  const ws = workspace(plan);
  const partial = emptyPartial(plan, trialStart, trialEnd);
  const D = plan.deploymentCount;
  const scorer = ws.scorer;
  for (let trial = trialStart; trial < trialEnd; trial += 1) {
    const i = trial - trialStart;
    scorer.reset(partial.shortfallCounts, null);
    sampleFleet(plan, ws, trial, partial.availableMwh, i * D);
    scoreTrial(plan, ws, partial.deliveredCounts);
    partial.servedMwh[i] = scorer.served;
    partial.unservedMwh[i] = scorer.unserved;
    partial.surplusMwh[i] = scorer.surplus;
    partial.lossOfLoadHours[i] = scorer.lossOfLoad;
    if (onProgress && ((i + 1) % PROGRESS_EVERY === 0 || trial + 1 === trialEnd)) onProgress(i + 1);
  }
  return partial;
}

/** Re-runs one trial: its hourly delivered MW after storage, and its partial (bit-identical). */
export function traceTrial(
  plan: SimPlan,
  trial: number,
): { deliveredMw: Float64Array; partial: TrialPartial } {
  checkRange(plan, trial, trial + 1);
  const ws = workspace(plan);
  const partial = emptyPartial(plan, trial, trial + 1);
  const deliveredMw = new Float64Array(HOURS);
  ws.scorer.reset(partial.shortfallCounts, deliveredMw);
  sampleFleet(plan, ws, trial, partial.availableMwh, 0);
  scoreTrial(plan, ws, partial.deliveredCounts);
  partial.servedMwh[0] = ws.scorer.served;
  partial.unservedMwh[0] = ws.scorer.unserved;
  partial.surplusMwh[0] = ws.scorer.surplus;
  partial.lossOfLoadHours[0] = ws.scorer.lossOfLoad;
  return { deliveredMw, partial };
}
