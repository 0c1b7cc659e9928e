// Record shapes of the bundled datasets (geo-data/), shared by the server, the web app, the
// CLI and the tests. DESIGN.md "Data records" is binding; extra fields only add provenance.

export type Confidence = 'high' | 'medium' | 'low';

/** One published source: what said it and when (ISO date or year-month as published). */
export interface SourceRef {
  publication: string;
  date?: string;
}

export const CAMPUS_KINDS = ['ai-training', 'ai-inference', 'ai-mixed', 'fab'] as const;
export type CampusKind = (typeof CAMPUS_KINDS)[number];

/**
 * A load increment. Exactly one of `itMw`, `facilityMw` or `accelerator` + `count` is set.
 * `start` is 'YYYY-MM' (first hour of that month); the phase ramps linearly over `rampMonths`.
 */
export interface CampusPhase {
  start: string;
  rampMonths?: number;
  itMw?: number;
  facilityMw?: number;
  /** An id from gpu-power.json's accelerators or racks. */
  accelerator?: string;
  /** GPUs (one GB200 superchip counts as 2 GPUs). */
  count?: number;
  note?: string;
  confidence?: Confidence;
}

/** A cumulative total as published, kept so the demand model can be checked against it. */
export interface PublishedTotal {
  year: number;
  facilityMw?: number;
  itMw?: number;
  note?: string;
  confidence: Confidence;
}

/**
 * An accelerator count a published note states for a year (the reference phases mention GPU
 * counts only in their notes). `note` quotes that note as the provenance; `basis` says how the
 * count was read from it (a range's midpoint, a split of a mixed fleet), in words.
 */
export interface PublishedAccelerators {
  year: number;
  /** An id from gpu-power.json's accelerators or racks. */
  accelerator: string;
  /** GPUs (one GB200 superchip counts as 2 GPUs). */
  count: number;
  note: string;
  basis: string;
  confidence: Confidence;
}

export interface Campus {
  id: string;
  name: string;
  kind: CampusKind;
  lat: number;
  lon: number;
  /** Local standard time offset; never derived from longitude (Abilene is on Central time). */
  utcOffsetHours: number;
  /** Annual energy-weighted PUE (ISO/IEC 30134-2). A fab has no PUE: 1. */
  pue: number;
  /** Share of IT load that is training (0..1); the rest is inference. */
  trainingShare: number;
  phases: CampusPhase[];
  publishedTotals: PublishedTotal[];
  /** GPU counts stated in the published notes, for cross-checks; absent when none is stated. */
  publishedAccelerators?: PublishedAccelerators[];
  operator?: string;
  city?: string;
  state?: string;
  status?: string;
  iso?: string;
  plannedPeakFacilityMw?: number | null;
  plannedPeakBasis?: string;
  coordConfidence?: Confidence;
  coordPrecision?: string;
  /** Every value above that the reference data did not give, said in words. */
  assumptions: string[];
  sources: SourceRef[];
  confidence: Confidence;
}

/** A nuclear supply deal (PPA, restart, offtake): not a campus load. */
export interface SupplyDeal {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  supply: { year: number; supplyMw: number; note?: string; confidence?: Confidence }[];
  operator?: string;
  city?: string;
  state?: string;
  status?: string;
  iso?: string;
  coordConfidence?: Confidence;
  coordPrecision?: string;
  sources: SourceRef[];
  confidence: Confidence;
}

/** A number with its provenance: published ('source') or a labelled modelling assumption. */
export interface Sourced<T = number> {
  value: T;
  basis: 'source' | 'assumption';
  note: string;
}

export type ReactorScale = 'micro' | 'smr' | 'large-lwr';

export interface Design {
  id: string;
  name: string;
  vendor: string;
  /** BWR, PWR, HTGR, SFR, FHR, heat-pipe */
  type: string;
  typeDetail?: string;
  scale: ReactorScale;
  fuelClass: 'LEU' | 'HALEU' | string;
  onlineRefuelling: boolean;
  /** True when the design can reject heat to air (dry cooling), so unknown water is not fatal. */
  dryCoolingCapable: boolean;
  netMwe: Sourced;
  grossMwe?: Sourced;
  thermalMwt?: Sourced;
  /** Storage designs (Natrium type): peak output, and the energy behind the boost. */
  peakMwe?: Sourced;
  peakDurationHours?: Sourced;
  storageMwh?: Sourced;
  refuelIntervalMonths: Sourced;
  refuelOutageDays: Sourced;
  /**
   * Planned maintenance days a year outside refuelling outages: on-line refuelled and multi-year
   * core designs (no regular outage to hold the maintenance); 0 where it fits in the refuelling outage.
   */
  maintenanceDaysPerYear: Sourced;
  forcedOutageRate: Sourced;
  mttrHours: Sourced;
  /** A published or assumed capacity factor, shown for reference only. */
  capacityFactor: Sourced;
  earliestCodYear: Sourced;
  eabMi: Sourced;
  lpzMi: Sourced;
  epzMi: Sourced;
  /** All-in capital cost, 2025 USD per kW net. */
  capitalCostUsdPerKw: Sourced;
  /** What the figure is: a project budget, a vendor's target (warned about) or the default. */
  capitalCostKind: 'project-budget' | 'vendor-target' | 'default';
  fixedOmUsdPerKwYr: Sourced;
  fuelUsdPerMwh: Sourced;
  variableOmUsdPerMwh: Sourced;
  cooling: string;
  epzClaim: string;
  typicalPlant?: string;
  foakProject?: string;
  licensing?: Record<string, string | null>;
  sources: string[];
  confidence: Confidence;
}

/** Candidate-site kinds; defined once here and imported by the schemas, routes and web. */
export const SITE_KINDS = [
  'smr-project',
  'nuclear-plant',
  'retired-nuclear',
  'coal-plant',
  'coal-retirement',
  'gas-plant',
  'federal-site',
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Fuels of the North American plant table (NACEI), by the column each MW figure came from. */
export const PLANT_FUELS = [
  'coal',
  'naturalGas',
  'petroleum',
  'nuclear',
  'hydro',
  'pumpedStorageHydro',
  'wind',
  'solar',
  'geothermal',
  'biomass',
  'other',
] as const;
export type PlantFuel = (typeof PLANT_FUELS)[number];
/** MW of existing capacity by fuel; fuels with 0 MW are left out. */
export type MwByFuel = Partial<Record<PlantFuel, number>>;

/** The nearest known high-voltage interconnection point: an EIA-860 plant at that voltage. */
export interface InterconnectionRef {
  /** `eia-<EIA plant code>`: an id in interconnections.geojson. */
  plantId: string;
  name: string;
  /** The plant's highest interconnection voltage, kV. */
  kv: number;
  /** Great-circle distance, km. */
  km: number;
}

/** A plant of 100 MW or more (NACEI, reference period 2017), shown on the map by fuel. */
export interface PowerPlant {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: 'US' | 'CA' | 'MX';
  state: string;
  owner: string;
  totalMw: number;
  primaryFuel: PlantFuel;
  mwByFuel: MwByFuel;
  gridVoltageKv: number | null;
  waterSource: string | null;
  balancingAuthority: string | null;
  nercRegion: string | null;
  eiaPlantCode: number | null;
  /** Data vintage: the table's reference period, YYYY-MM. */
  asOf: string;
  source: string;
}

/** An EIA-860 plant interconnected at 230 kV or more: a known point on the high-voltage grid. */
export interface InterconnectionPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  kv: number;
  state: string;
  balancingAuthority: string | null;
  transmissionOwner: string | null;
  asOf: string;
  source: string;
}

export interface CandidateSite {
  id: string;
  name: string;
  kind: SiteKind;
  lat: number;
  lon: number;
  state?: string;
  existingMw: number;
  existingMwBasis?: string | null;
  plannedMw?: number | null;
  plannedMaxMw?: number | null;
  plannedPeakMw?: number | null;
  plannedNote?: string;
  retirementYear?: number | string | null;
  coolingWater: string | null;
  gridRegion: string;
  notes?: string;
  coordSource?: string;
  coordConfidence?: Confidence;
  /** ISO 3166-1 alpha-2 country: US, CA or MX. */
  country: 'US' | 'CA' | 'MX';
  owner?: string;
  /** Existing (or, for retired-nuclear, former) MW by fuel, from the plant's own record. */
  mwByFuel?: MwByFuel;
  /** The plant's highest interconnection voltage (EIA-860 2019), kV; null when not known. */
  gridVoltageKv: number | null;
  /** Nearest interconnection point at ≥ 230 kV (DESIGN.md `nearestInterconnection`). */
  nearestInterconnection: InterconnectionRef | null;
  /** Nearest interconnection point at ≥ 345 kV, the lowest class the line model builds. */
  nearestInterconnection345: InterconnectionRef | null;
  /** The plant record this site is, or that a curated site matched within 3 km. */
  plantId?: string;
  eiaPlantCode?: number;
  /** Data vintage of the record, e.g. "2017-08" for the NACEI plant table. */
  asOf: string;
  source: string;
  confidence: Confidence;
}

export type SeismicHazard = 'very-high' | 'high' | 'moderate';

export interface SeismicZoneProps {
  id: string;
  name: string;
  hazard: SeismicHazard;
  pga2in50g: [number, number];
  basis: string;
  source: string;
  confidence: Confidence;
}
