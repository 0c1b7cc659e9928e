// Coverage of campus demand by the fleet (DESIGN.md "Coverage"); the parts live in models/coverage/.
export {
  histogramQuantile,
  histogramSpec,
  FINE_BIN_MW,
  MAX_BINS,
  type HistogramSpec,
} from './coverage/histogram.ts';
export {
  PER_TRIAL,
  type Aggregate,
  type SimGas,
  type SimGrid,
  type SimLines,
  type SimPlan,
  type SimUnits,
  type TrialPartial,
} from './coverage/plan.ts';
export {
  Dispatcher,
  SOURCE,
  SOURCE_NAMES,
  type DispatchPlan,
  type SourceName,
} from './coverage/dispatch.ts';
export {
  PROGRESS_EVERY,
  TrialRunner,
  emptyPartial,
  runPlanTrials,
  traceTrial,
} from './coverage/trials.ts';
export { HourScorer, SERVED_TOLERANCE_MW } from './coverage/scorer.ts';
export {
  resetStorage,
  storageEvent,
  storageSegment,
  storageState,
  type StorageState,
} from './coverage/storage-segment.ts';
export { mergePlanPartials } from './coverage/merge.ts';
export {
  servedFractions,
  sortedQuantile,
  summariseCoverage,
  type AfterBackupMetrics,
  type GridFlows,
  type CoverageMetrics,
  type CoverageSummary,
} from './coverage/metrics.ts';
export {
  firmTimeline,
  nMinus1,
  type FirmDeployment,
  type NMinus1,
  type TimelineYear,
} from './coverage/timeline.ts';
