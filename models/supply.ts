// The SMR fleet's supply (DESIGN.md "Supply"); the parts live in models/supply/.
export {
  DAYS_PER_PLANNING_YEAR,
  designAssumptionNotes,
  designParams,
  expectedAvailability,
  mttfHoursOf,
  type DesignParams,
} from './supply/design-params.ts';
export { SITE_RADIUS_KM, clusterSites } from './supply/sites.ts';
export {
  SCHEDULE_ANCHOR_HOUR,
  SCHEDULE_EPOCH_YEAR,
  STAGGER_GAP_DAYS,
  SUMMER_END_HOUR,
  SUMMER_START_HOUR,
  outageSeries,
  overlappingOutages,
  plannedPairs,
  seriesOutagesInYear,
  unitOutagesInYear,
  type Outage,
  type OutageSeries,
} from './supply/refuelling.ts';
export {
  EventList,
  packStorageEvent,
  sampleUnitYear,
  STORAGE_SLOT_LIMIT,
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
export { fleetSchedule, type FleetSchedule, type UnitSchedule } from './supply/schedule.ts';
export { simUnits } from './supply/sim-units.ts';
