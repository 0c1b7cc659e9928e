// Shapes shared by the siting checks, the site screen and the hex grid (DESIGN.md "Siting").
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LinePlan } from '../transmission.ts';
import type { PlaceHit, PopulationIndex } from '../population.ts';
import type { InterconnectionIndex } from '../grid/interconnection.ts';
import type {
  CandidateSite,
  Design,
  InterconnectionPoint,
  InterconnectionRef,
  SeismicZoneProps,
} from '../records.ts';
import type { DensityProfile } from './density.ts';
import type { SeismicAnswer, SeismicLookup } from './seismic.ts';

export type Severity = 'hard' | 'advisory' | 'info';

/** One screen: its value against its limit. `pass` and `limit` may be null for info checks. */
export interface SitingCheck {
  id: string;
  severity: Severity;
  pass: boolean | null;
  value: number | string | null;
  limit: number | null;
  unit: string;
  note: string;
}

/** Everything the checks read, passed in by the caller (models/ stay pure). */
export interface SitingData {
  population: PopulationIndex;
  seismic: SeismicLookup;
  sites: readonly CandidateSite[];
  /** The nearest candidate site (that `accept` allows) to a point. */
  nearestSite(
    lat: number,
    lon: number,
    accept?: (site: CandidateSite) => boolean,
  ): SiteNearby | null;
  /** Known interconnection points: EIA-860 2019 plants at ≥ 230 kV. */
  interconnections: InterconnectionIndex;
}

export interface SitingDataInput {
  population: PopulationIndex;
  seismicZones: FeatureCollection<Polygon | MultiPolygon, SeismicZoneProps>;
  sites: readonly CandidateSite[];
  /** EIA-860 plants at ≥ 230 kV; none given, no point is ever near. */
  interconnections?: readonly InterconnectionPoint[];
}

/** A campus as the siting screens need it: a location, and a name when it has one. */
export interface CampusPoint {
  lat: number;
  lon: number;
  id?: string;
  name?: string;
}

export interface SiteNearby {
  site: CandidateSite;
  distanceKm: number;
}

export type WaterStatus = 'known' | 'dry-cooling' | 'unknown';

/** What is true at a point for a design, before it is judged: the checks and scores read it. */
export interface SiteFacts {
  lat: number;
  lon: number;
  design: Design;
  /** Country of the nearest place within 150 km; null when none is that close. */
  country: string | null;
  density: DensityProfile;
  /** Nearest place over 25,000 by its disc edge, within 1,000 km; null when none. */
  centre: PlaceHit | null;
  centreLimitMi: number;
  epzPopulation: number;
  seismic: SeismicAnswer;
  /** The candidate site the point stands on (within 3 km), for its cooling water. */
  atSite: SiteNearby | null;
  /** The nearest nuclear, coal or other site with generation on it. */
  brownfield: SiteNearby | null;
  /** The nearest known interconnection points at ≥ 230 kV and ≥ 345 kV (EIA-860 plants). */
  interconnection: { kv230: InterconnectionRef | null; kv345: InterconnectionRef | null };
  water: { status: WaterStatus; source: string | null };
  campus: {
    point: CampusPoint;
    distanceKm: number;
    transferMw: number;
    transferBasis: string;
    line: LinePlan;
  } | null;
}
