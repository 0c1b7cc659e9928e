// The SMR fleet's supply (DESIGN.md "Supply"); the parts live in models/supply/.
export {
  DAYS_PER_PLANNING_YEAR,
  designAssumptionNotes,
  designParams,
  expectedAvailability,
  mttfHoursOf,
  type DesignParams,
} from './supply/design-params.ts';
export {
  MAX_PLAN_YEARS,
  PLAN_EPOCH_YEAR,
  SEASON_DAYS,
  SEASON_END_DAY,
  SEASON_START_DAY,
  STAGGER_GAP_DAYS,
  planFleetOutages,
  planPeriodYears,
  planYearOf,
  type FleetOutagePlan,
  type PlannedOutage,
  type PlanUnitInput,
} from './supply/plan.ts';
export {
  EventList,
  intersectPairs,
  packStorageEvent,
  sampleDownPairs,
  sampleUnitYear,
  STORAGE_SLOT_LIMIT,
  unionPairs,
  type UnitSink,
} from './supply/forced-outages.ts';
export { UnitStreams } from './supply/streams.ts';
export {
  STORAGE_KEEP_PER_HOUR,
  STORAGE_STANDING_LOSS_PER_DAY,
  dispatchStorageHour,
  type StorageArrays,
} from './supply/storage.ts';
export {
  planDeployments,
  type DeploymentInput,
  type DeploymentSupply,
  type FleetPlan,
} from './supply/fleet.ts';
export { planUnitsOf, simUnits } from './supply/sim-units.ts';
