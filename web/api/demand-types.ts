// The wire shapes of POST /api/demand (DESIGN.md "Demand"), as the web app sends and reads them.
// The model itself runs only on the server; these types are the contract, nothing more.
import type { DemandResult } from '../../models/demand.ts';
import type { CampusKind, CampusPhase } from '../../models/records.ts';

export type PhaseInput = Pick<
  CampusPhase,
  'start' | 'rampMonths' | 'itMw' | 'facilityMw' | 'accelerator' | 'count'
>;

/** A campus the user drew, or a bundled one by id with the fields they changed. */
export interface CampusInput {
  id?: string;
  name?: string;
  kind?: CampusKind;
  lat?: number;
  lon?: number;
  utcOffsetHours?: number;
  pue?: number;
  trainingShare?: number;
  phases?: PhaseInput[];
}

export interface DemandRequest {
  campus: CampusInput;
  /** 2024–2045; omitted, the server picks the first year at full build and says so. */
  year?: number;
  seed?: number;
}

/** The answer is the model's result as JSON: one definition, shared with the server. */
export type { RampYear } from '../../models/demand.ts';
export type DemandResponse = DemandResult;
