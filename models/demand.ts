// The demand model's public face (DESIGN.md layout lists models/demand.ts); the parts live in
// models/demand/.
export {
  demandForYear,
  fullBuildYear,
  resolveCampus,
  validateCampusSpec,
  type CampusSpec,
  type CrossCheckAccelerator,
  type DemandCrossCheck,
  type DemandOptions,
  type DemandResult,
  type DemandSwing,
  type RampYear,
} from './demand/index.ts';
export { demandCrossChecks } from './demand/cross-check.ts';
