// The wire shapes of POST /api/sites/check, /api/screen and /api/screen/stream (DESIGN.md
// "Siting"; server/schemas/siting.ts is the contract). The checks run only on the server.
import type { FeatureCollection, Polygon } from 'geojson';

/** A bundled campus by id, or a point. */
export type CampusRef = { id: string } | { lat: number; lon: number; name?: string };

export interface SiteCheckRequest {
  lat: number;
  lon: number;
  /** Omitted, the server uses bwrx-300 and says so in its assumptions. */
  designId?: string;
  campus?: CampusRef;
}

// Shapes the model defines are imported, not restated, so the two cannot drift.
export type { Severity, SitingCheck } from '../../models/siting/types.ts';
import type { SiteCheckResult } from '../../models/siting.ts';

export type ReportedRadiusMi = '1' | '5' | '10' | '20' | '50';
export const REPORTED_RADII_MI: readonly ReportedRadiusMi[] = ['1', '5', '10', '20', '50'];

export type PopulationCentre = NonNullable<SiteCheckResult['nearestPopulationCentre']>;

/** The model's result plus the design the server used. */
export type SiteCheckResponse = SiteCheckResult & { designId: string };

export const CRITERIA = ['populationMargin', 'distance', 'seismic', 'brownfield', 'water'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type ScreenWeights = Record<Criterion, number>;

export interface ScreenRequest {
  campus: CampusRef;
  designId: string;
  /** 10..1,000 km. */
  radiusKm: number;
  weights?: Partial<ScreenWeights>;
  /** Hexagon side, 2..100 km; omitted, radiusKm / 40. */
  cellKm?: number;
}

export interface ScreenedSite {
  siteId: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  /** 0..100, one decimal. */
  score: number;
  /** A hard check fails: ranked last whatever the score. */
  excluded: boolean;
  /** Failed hard checks first, then one per criterion in CRITERIA order. */
  reasons: string[];
  criteria: {
    distanceKm: number;
    hazard: string;
    brownfield: boolean;
    water: string;
    worstDensityPerMi2: number;
    /** Each criterion 0..1, before weighting. */
    scores: ScreenWeights;
    points: ScreenWeights;
  };
}

export interface GridCellProperties {
  score: number;
  densityPerMi2: number;
  hazard: string;
  distanceKm: number;
}

export interface ScreenResponse {
  designId: string;
  campus: { lat: number; lon: number; id?: string };
  sites: ScreenedSite[];
  grid: FeatureCollection<Polygon, GridCellProperties>;
  weights: ScreenWeights;
  cellKm: number;
  assumptions: string[];
}

export type { ScreenProgress } from '../../models/siting.ts';
