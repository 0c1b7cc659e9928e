// The Monte Carlo (DESIGN.md "Sampling", "Coverage"). Per trial:
// 1. every online unit's up-intervals go into one difference array, +MW at the start and −MW at
//    the end, weighted by its delivered MW (netMwe × (1 − its line's loss)); storage units also
//    list their own up and down events;
// 2. the prefix sum runs over the touched hours only (sorted): between them the fleet's MW is
//    constant, and skipping the zero entries leaves every partial sum bit-identical to the dense
//    8,760-step sum;
// 3. each constant stretch is scored against demand (HourScorer), with storage dispatched where
//    there is any.
// Before the units, each deployment's line is sampled (its down pairs clip the units' up-intervals:
// nothing is delivered while the line is out), and so are the gas units and the grid, whose
// changes also break stretches; the dispatcher then serves each stretch's shortfall from battery,
// gas and grid in the chosen order. Trial t simulates plan year t mod P of the fleet's outage plan.
// Cost: O(events log events + stretches × log hours), plus one step per hour only where a stretch
// straddles demand, storage is active, the battery recharges or backup serves a shortfall. A
// stretch short throughout adds its histogram counts once per chunk, not per trial (ShortLevels).
// The arrays are allocated once per call and reused by its trials; the touched entries are zeroed
// as the sum passes them. Trial t depends only on
// (seed, t), so any split of [0, n) into chunks reproduces it bit for bit.
import { invalidInput } from '../errors.ts';
import {
  EventList,
  intersectPairsInto as importedIntersect,
  sampleDownPairs as importedSampleDown,
  sampleUnitYear as importedSample,
  STORAGE_SLOT_LIMIT,
  unionPairsInto as importedUnion,
  type UnitSink,
} from '../supply/forced-outages.ts';
import { HourSet, SUMMARY_WORDS as importedSummaryWords } from '../supply/hour-set.ts';
import {
  GAS_STREAM_INDEX,
  GRID_STREAM_INDEX,
  LINE_STREAM_UNIT,
  UnitStreams,
} from '../supply/streams.ts';
import { Dispatcher, GAS_UNIT_LIMIT as importedGasUnitLimit } from './dispatch.ts';
import { lowerBin as importedLowerBin } from './histogram.ts';
import { PER_TRIAL, type SimPlan, type TrialPartial } from './plan.ts';
import { KeySorter } from './radix-sort.ts';
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
const sampleDownPairs = importedSampleDown;
const intersectPairsInto = importedIntersect;
const unionPairsInto = importedUnion;
const lowerBin = importedLowerBin;
const GAS_UNIT_LIMIT = importedGasUnitLimit;
const storageSegment = importedStorageSegment;
const storageEvent = importedStorageEvent;
const SUMMARY_WORDS = importedSummaryWords;
/** runTrials reports progress every this many trials, and at the end. */
export const PROGRESS_EVERY = 25;

interface Workspace {
  sink: UnitSink;
  /** Grid up/down changes (±1), at touched hours. */
  gridDiff: Float64Array;
  /** The trial's gas events (see Dispatcher.setGasEvents). */
  gasEvents: EventList;
  /** Per deployment: its line's down pairs are lineDown[lineFrom[d] .. lineFrom[d + 1]). */
  lineFrom: Int32Array;
  storage: StorageState;
  scorer: HourScorer;
  dispatcher: Dispatcher | null;
  streams: UnitStreams;
  sorter: KeySorter;
  /** sampleLines' reused lists: each path's pairs, the common mode's, both paths' intersection,
   * and every deployment's (copied to lineBuf). */
  lineA: number[];
  lineB: number[];
  lineCommon: number[];
  lineBoth: number[];
  lineAll: number[];
  lineBuf: Float64Array;
}

const NO_PAIRS = new Float64Array(0);

function newSink(diff: Float64Array, touched: HourSet): UnitSink {
  return {
    diff,
    touched,
    storageSlot: -1,
    storageEvents: new EventList(),
    lineDown: NO_PAIRS,
    lineFrom: 0,
    lineTo: 0,
    deliverableHours: 0,
  };
}

function workspace(plan: SimPlan): Workspace {
  const touched = new HourSet();
  const scorer = new HourScorer(plan.demandMw, plan.shortfall);
  const dispatcher = plan.dispatchActive ? new Dispatcher(plan.dispatch) : null;
  scorer.dispatch = dispatcher;
  const ws: Workspace = {
    sink: newSink(new Float64Array(HOURS + 1), touched),
    gridDiff: new Float64Array(HOURS + 1),
    gasEvents: new EventList(),
    lineFrom: new Int32Array(plan.deploymentCount + 1),
    storage: storageState(plan.storage),
    scorer,
    dispatcher,
    streams: new UnitStreams(plan.seed, plan.deploymentCount),
    sorter: new KeySorter(),
    lineA: [],
    lineB: [],
    lineCommon: [],
    lineBoth: [],
    lineAll: [],
    lineBuf: new Float64Array(64),
  };
  if (dispatcher !== null) dispatcher.sampleGas = () => sampleGas(plan, ws);
  return ws;
}

/** Each deployment's line-down pairs for the trial (double circuit: both paths, or common mode). */
function sampleLines(plan: SimPlan, ws: Workspace): Float64Array {
  const L = plan.lines;
  const all = ws.lineAll;
  all.length = 0;
  for (let d = 0; d < plan.deploymentCount; d += 1) {
    ws.lineFrom[d] = all.length;
    if (L.hasLine[d] === 0) continue;
    const rng = ws.streams.unit(d, LINE_STREAM_UNIT);
    const a = ws.lineA;
    a.length = 0;
    sampleDownPairs(rng, L.mttfHours[d], L.mttrHours[d], a);
    if (L.paths[d] === 1) {
      for (let k = 0; k < a.length; k += 1) all.push(a[k]);
      continue;
    }
    const b = ws.lineB;
    const common = ws.lineCommon;
    const both = ws.lineBoth;
    b.length = 0;
    common.length = 0;
    both.length = 0;
    sampleDownPairs(rng, L.mttfHours[d], L.mttrHours[d], b);
    sampleDownPairs(rng, L.commonMttfHours[d], L.mttrHours[d], common);
    intersectPairsInto(a, b, both);
    unionPairsInto(both, common, all);
  }
  ws.lineFrom[plan.deploymentCount] = all.length;
  if (all.length === 0) return NO_PAIRS;
  // Reused across trials: only [lineFrom[0], lineFrom[D]) is this trial's.
  if (ws.lineBuf.length < all.length) ws.lineBuf = new Float64Array(2 * all.length);
  const buf = ws.lineBuf;
  for (let k = 0; k < all.length; k += 1) buf[k] = all[k];
  return buf;
}

/** The trial's gas units' outages as dispatcher events (called at the trial's first short hour). */
function sampleGas(plan: SimPlan, ws: Workspace): void {
  const gas = plan.gas;
  const dispatcher = ws.dispatcher as Dispatcher;
  const events = ws.gasEvents;
  events.length = 0;
  let totalMw = 0;
  if (gas.count > 0) {
    const rng = ws.streams.special(GAS_STREAM_INDEX);
    const down: number[] = [];
    for (let k = 0; k < gas.count; k += 1) {
      totalMw += gas.unitMw[k];
      down.length = 0;
      sampleDownPairs(rng, gas.mttfHours, gas.mttrHours, down);
      for (let j = 0; j < down.length; j += 2) {
        events.push((down[j] * GAS_UNIT_LIMIT + k) * 2);
        if (down[j + 1] < HOURS) events.push((down[j + 1] * GAS_UNIT_LIMIT + k) * 2 + 1);
      }
    }
  }
  dispatcher.setGasEvents(events.values.subarray(0, events.length).sort(), gas.unitMw, totalMw);
}

/** The grid's down pairs into gridDiff (they break stretches: exports depend on them). */
function sampleGrid(plan: SimPlan, ws: Workspace): void {
  if (!plan.grid.connected) return;
  const down: number[] = [];
  sampleDownPairs(
    ws.streams.special(GRID_STREAM_INDEX),
    plan.grid.mttfHours,
    plan.grid.mttrHours,
    down,
  );
  const touched = ws.sink.touched;
  for (let k = 0; k < down.length; k += 2) {
    ws.gridDiff[down[k]] -= 1;
    ws.gridDiff[down[k + 1]] += 1;
    touched.add2(down[k], down[k + 1]);
  }
}

/** Samples every unit of `trial`; adds available and deliverable MWh per deployment. */
function sampleFleet(
  plan: SimPlan,
  ws: Workspace,
  trial: number,
  partial: TrialPartial,
  at: number,
) {
  const u = plan.units;
  const { sink, streams } = ws;
  streams.startTrial(trial);
  ws.dispatcher?.reset();
  const lineDown = sampleLines(plan, ws);
  sink.lineDown = lineDown;
  const base = (trial % plan.periodYears) * u.count;
  for (let i = 0; i < u.count; i += 1) {
    const d = u.deployment[i];
    sink.storageSlot = u.storageSlot[i];
    sink.lineFrom = ws.lineFrom[d];
    sink.lineTo = ws.lineFrom[d + 1];
    sink.deliverableHours = 0;
    const upHours = sampleUnitYear(
      streams.unit(d, u.unit[i]),
      u.plannedHours,
      u.plannedFrom[base + i],
      u.plannedFrom[base + i + 1],
      u.forcedOutageRate[i],
      u.mttfHours[i],
      u.mttrHours[i],
      u.deliveredMw[i],
      sink,
    );
    partial.availableMwh[at + d] += upHours * u.netMw[i];
    partial.deliverableMwh[at + d] += sink.deliverableHours * u.netMw[i];
  }
  sampleGrid(plan, ws);
}

const EVENT_HOUR = 2 * STORAGE_SLOT_LIMIT;

/**
 * Prefix-sums the touched hours and scores each constant stretch; zeroes what it read. The hours
 * come from the HourSet's bitmap in ascending order, with hour 8,760 always among them: it closes
 * the last stretch (events there change nothing scored).
 */
function scoreTrial(plan: SimPlan, ws: Workspace, deliveredCounts: Float64Array) {
  const { sink, scorer, gridDiff, dispatcher } = ws;
  const { diff, touched, storageEvents } = sink;
  const state = ws.storage;
  const storage = plan.storage;
  const n = storage.count;
  const inv = 1 / plan.delivered.binMw;
  const last = plan.delivered.bins - 1;
  if (n > 0) resetStorage(state, storage);
  let gridUp = 1;
  // Only a connected campus samples the grid (sampleGrid), so only then is gridDiff written.
  const connected = plan.grid.connected;
  touched.add(HOURS);
  // Sorted in place; the list's first `length` entries are the trial's.
  const eventCount = storageEvents.length;
  ws.sorter.sortPrefix(storageEvents.values, eventCount);
  const events = storageEvents.values;
  const words = touched.words;
  const summary = touched.summary;
  let e = 0;
  let baseMw = 0;
  let from = 0;
  // HourSet's scan (its drain() is the tested reference) written out here: a cursor method
  // instead measured 3–5% slower on the 9–36 unit shapes.
  for (let s = 0; s < SUMMARY_WORDS; s += 1) {
    let marked = summary[s];
    summary[s] = 0;
    while (marked !== 0) {
      const markBit = marked & -marked;
      marked ^= markBit;
      const w = (s << 5) | (31 - Math.clz32(markBit));
      let word = words[w];
      words[w] = 0;
      while (word !== 0) {
        const bit = word & -word;
        word ^= bit;
        const h = (w << 5) | (31 - Math.clz32(bit));
        if (h > from) {
          if (dispatcher !== null) dispatcher.gridUp = plan.grid.connected && gridUp > 0.5;
          deliveredCounts[lowerBin(baseMw, inv, last)] += h - from;
          if (n === 0) scorer.range(from, h, baseMw);
          else storageSegment(scorer, storage, state, from, h, baseMw);
          from = h;
        }
        baseMw += diff[h];
        diff[h] = 0;
        if (connected) {
          gridUp += gridDiff[h];
          gridDiff[h] = 0;
        }
        // Storage events are at touched hours, sorted by hour first.
        for (; e < eventCount && Math.floor(events[e] / EVENT_HOUR) === h; e += 1) {
          const rest = events[e] - h * EVENT_HOUR;
          storageEvent(state, storage, rest >> 1, (rest & 1) === 1 ? 1 : -1, h);
        }
      }
    }
  }
  storageEvents.length = 0;
}

export function emptyPartial(plan: SimPlan, trialStart: number, trialEnd: number): TrialPartial {
  const n = trialEnd - trialStart;
  const perTrial = Object.fromEntries(PER_TRIAL.map((k) => [k, new Float64Array(n)]));
  return {
    ...(perTrial as Record<(typeof PER_TRIAL)[number], Float64Array>),
    trialStart,
    trialEnd,
    availableMwh: new Float64Array(n * plan.deploymentCount),
    deliverableMwh: new Float64Array(n * plan.deploymentCount),
    deliveredCounts: new Float64Array(plan.delivered.bins),
    shortfallCounts: new Float64Array(plan.shortfall.bins),
  };
}

/** Writes trial i's sums from the scorer and dispatcher into the partial. */
function record(ws: Workspace, partial: TrialPartial, i: number): void {
  const s = ws.scorer;
  partial.servedMwh[i] = s.served;
  partial.unservedMwh[i] = s.unserved;
  partial.surplusMwh[i] = s.surplus;
  partial.lossOfLoadHours[i] = s.lossOfLoad;
  const d = ws.dispatcher;
  if (d === null) {
    partial.unservedAfterMwh[i] = s.unserved;
    partial.lossOfLoadAfterHours[i] = s.lossOfLoad;
    return;
  }
  partial.batteryMwh[i] = d.batteryOutMwh;
  partial.batteryChargeMwh[i] = d.batteryInMwh;
  partial.gasMwh[i] = d.gasMwh;
  partial.importMwh[i] = d.importMwh;
  partial.exportMwh[i] = d.exportMwh;
  partial.peakImportMw[i] = d.peakImportMw;
  partial.unservedAfterMwh[i] = d.unservedMwh;
  partial.lossOfLoadAfterHours[i] = d.lossOfLoadHours;
}

function checkRange(plan: SimPlan, trialStart: number, trialEnd: number): void {
  const ok = (x: number) => Number.isSafeInteger(x) && x >= 0 && x <= plan.trials;
  if (!ok(trialStart)) throw invalidInput('trialStart', trialStart, `must be in 0..${plan.trials}`);
  if (!ok(trialEnd) || trialEnd < trialStart) {
    throw invalidInput('trialEnd', trialEnd, `must be in ${trialStart}..${plan.trials}`);
  }
}

/**
 * Runs chunks of one plan's trials on one workspace, built once: a worker keeps one per plan, so
 * its chunks do not rebuild the demand tree, storage tables and streams (issue 13).
 */
export class TrialRunner {
  private ws: Workspace;
  /** True while a run is under way: a run that threw may leave the workspace part-filled. */
  private running = false;

  constructor(readonly plan: SimPlan) {
    this.ws = workspace(plan);
  }

  /** Trials [trialStart, trialEnd) into a mergeable partial (the same bits as a fresh workspace). */
  run(trialStart: number, trialEnd: number, onProgress?: (trialsDone: number) => void) {
    const plan = this.plan;
    checkRange(plan, trialStart, trialEnd);
    if (this.running) this.ws = workspace(plan);
    this.running = true;
    const ws = this.ws;
    const partial = emptyPartial(plan, trialStart, trialEnd);
    const D = plan.deploymentCount;
    const scorer = ws.scorer;
    for (let trial = trialStart; trial < trialEnd; trial += 1) {
      const i = trial - trialStart;
      scorer.reset(partial.shortfallCounts, null);
      sampleFleet(plan, ws, trial, partial, i * D);
      scoreTrial(plan, ws, partial.deliveredCounts);
      record(ws, partial, i);
      if (onProgress && ((i + 1) % PROGRESS_EVERY === 0 || trial + 1 === trialEnd)) {
        onProgress(i + 1);
      }
    }
    scorer.finish();
    this.running = false;
    return partial;
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
  return new TrialRunner(plan).run(trialStart, trialEnd, onProgress);
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
  sampleFleet(plan, ws, trial, partial, 0);
  scoreTrial(plan, ws, partial.deliveredCounts);
  record(ws, partial, 0);
  ws.scorer.finish();
  return { deliveredMw, partial };
}
