// The reference data as the build reads it (geo-data/reference/, copied into the repository with
// its provenance): only the fields the build uses are typed; see that folder's README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Confidence, SourceRef } from '../../models/records.ts';

/** REFERENCE_DATA_DIR, else the copy in the repository, geo-data/reference. */
export function defaultReferenceDir(): string {
  return (
    process.env.REFERENCE_DATA_DIR ??
    fileURLToPath(new URL('../../geo-data/reference', import.meta.url))
  );
}

export interface RefCampusPhase {
  year: number;
  facilityMw?: number | null;
  itMw?: number | null;
  supplyMw?: number | null;
  note: string;
  confidence: Confidence;
}

export interface RefCampus {
  id: string;
  name: string;
  operator: string;
  kind: string;
  city: string;
  county: string;
  state: string;
  lat: number;
  lon: number;
  coordPrecision: string;
  coordConfidence: Confidence;
  status: string;
  phases: RefCampusPhase[];
  plannedPeakFacilityMw: number | null;
  plannedPeakBasis: string;
  iso: string;
  sources: SourceRef[];
  confidence: Confidence;
}

export interface RefCostEstimate {
  value: number;
  unit: string;
  basis: string;
  source: string;
  year: number;
  confidence: Confidence;
}

export interface RefDesign {
  id: string;
  name: string;
  vendor: string;
  type: string;
  typeDetail: string;
  netMwe: number | null;
  netMweRange?: [number, number];
  netMweNote?: string;
  netNote?: string;
  grossMwe: number | null;
  thermalMwt: number | null;
  thermalNote?: string;
  peakMwe: number | null;
  peakDurationHours?: number;
  typicalPlant?: string;
  fuel: { class: string };
  refuelingIntervalMonths: number | [number, number] | null;
  onlineRefueling?: boolean;
  refuelingOutageDays: number | null;
  refuelingOutageNote?: string;
  capacityFactorAssumption: number;
  forcedOutageRateAssumption: number | null;
  assumptionNote: string;
  cooling: string;
  epzClaim: string | null;
  overnightCostEstimates: RefCostEstimate[];
  costNote?: string;
  foak: { project: string; earliestCommercialOperation: string | null };
  licensing: Record<string, string | null>;
  sources: string[];
  confidence: Confidence;
}

/** A candidate site: kept field for field, so it is typed loosely. */
export type RefSite = Record<string, unknown> & {
  id: string;
  lat: number;
  lon: number;
  source: string;
  confidence: Confidence;
};

export interface RefGpuPower {
  pue: {
    designRanges: { liquidCooledAI: [number, number]; hyperscaleAirCooled: [number, number] };
  };
}

export interface Reference {
  campuses: RefCampus[];
  designs: RefDesign[];
  sites: RefSite[];
  seismicZones: { type: string; features: unknown[] } & Record<string, unknown>;
  gpuPower: RefGpuPower;
  /** gpu-power.json byte for byte: geo-data keeps it verbatim. */
  gpuPowerText: string;
}

export function readReference(dir: string): Reference {
  const text = (name: string) => readFileSync(join(dir, name), 'utf8');
  const gpuPowerText = text('gpu-power.json');
  return {
    campuses: JSON.parse(text('ai-campuses.json')),
    designs: JSON.parse(text('smr-designs.json')),
    sites: JSON.parse(text('candidate-sites.json')),
    seismicZones: JSON.parse(text('seismic-zones.geojson')),
    gpuPower: JSON.parse(gpuPowerText),
    gpuPowerText,
  };
}
