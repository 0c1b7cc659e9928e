// The wire shapes of POST /api/demand (DESIGN.md "Demand"), as the web app sends and reads them.
// The model itself runs only on the server; these types are the contract, nothing more.
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

export interface RampYear {
  year: number;
  peakMw: number;
  annualGwh: number;
}

export interface DemandResponse {
  year: number;
  seed: number;
  /** 8,760 hourly facility MW, local standard time from 1 January 00:00. */
  hourlyMw: number[];
  itHourlyMw?: number[];
  peakMw: number;
  itPeakMw: number;
  meanMw: number;
  loadFactor: number;
  annualGwh: number;
  p50Mw: number;
  p95Mw: number;
  p99Mw: number;
  /** MW exceeded in 0%, 1%, …, 100% of hours (101 values). */
  loadDurationMw: number[];
  pueAnnual: number;
  pueDesignPeak: number;
  swing: { mw: number; flagged: boolean; note: string };
  ramp: RampYear[];
  assumptions: string[];
}
