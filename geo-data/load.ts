// Reads the bundled datasets, validates them and hands out typed records. A bad file stops the
// load with one error that lists every problem, so a broken dataset never reaches a route.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  Campus,
  CandidateSite,
  Design,
  InterconnectionPoint,
  PowerPlant,
  SeismicZoneProps,
  SupplyDeal,
} from '../models/records.ts';
import { GEO_DATA_FILE_NAMES, validateGeoData, type GeoDataKey } from './validate.ts';

export { GEO_DATA_FILE_NAMES, type GeoDataKey };

export const DEFAULT_GEO_DATA_DIR = fileURLToPath(new URL('.', import.meta.url));

// Feature properties are the records without lat/lon: the geometry's [lon, lat] is the truth.
export type CampusProperties = Omit<Campus, 'lat' | 'lon'>;
export type SupplyDealProperties = Omit<SupplyDeal, 'lat' | 'lon'>;
export type SiteProperties = Omit<CandidateSite, 'lat' | 'lon'>;
export type PlantProperties = Omit<PowerPlant, 'lat' | 'lon'>;
export type InterconnectionProperties = Omit<InterconnectionPoint, 'lat' | 'lon'>;
export type SeismicZoneCollection = FeatureCollection<Polygon | MultiPolygon, SeismicZoneProps> & {
  metadata?: unknown;
};

/** The parsed JSON of each file, as validateGeoData receives it (tests mutate a copy). */
export interface GeoDataFiles {
  campuses: FeatureCollection<Point, CampusProperties>;
  supplyDeals: FeatureCollection<Point, SupplyDealProperties>;
  sites: FeatureCollection<Point, SiteProperties>;
  designs: { designs: Design[] };
  seismicZones: SeismicZoneCollection;
  /** gpu-power.json verbatim: accelerators[] and racks[] with ids, PUE ranges, load facts. */
  gpuPower: unknown;
  plants: FeatureCollection<Point, PlantProperties>;
  interconnections: FeatureCollection<Point, InterconnectionProperties>;
}

export interface GeoData {
  campuses: Campus[];
  supplyDeals: SupplyDeal[];
  sites: CandidateSite[];
  designs: Design[];
  seismicZones: SeismicZoneCollection;
  gpuPower: unknown;
  /** Every plant of 100 MW+ in North America (NACEI 2017), for the map. */
  plants: PowerPlant[];
  /** EIA-860 2019 plants at ≥ 230 kV: the known high-voltage interconnection points. */
  interconnections: InterconnectionPoint[];
  /** The GeoJSON as bundled, served by the data routes. */
  raw: {
    campuses: GeoDataFiles['campuses'];
    sites: GeoDataFiles['sites'];
    supplyDeals: GeoDataFiles['supplyDeals'];
    plants: GeoDataFiles['plants'];
    interconnections: GeoDataFiles['interconnections'];
  };
  /** Short sha256 of the file bytes; part of cache keys. */
  version: string;
}

const keys = Object.keys(GEO_DATA_FILE_NAMES) as GeoDataKey[];

/** Reads and parses every file; throws one Error naming each file that is missing or not JSON. */
export function readGeoDataFiles(dir: string = DEFAULT_GEO_DATA_DIR): {
  files: GeoDataFiles;
  texts: Record<GeoDataKey, string>;
} {
  const texts: Partial<Record<GeoDataKey, string>> = {};
  const parsed: Partial<Record<GeoDataKey, unknown>> = {};
  const failures: string[] = [];
  for (const key of keys) {
    const path = join(dir, GEO_DATA_FILE_NAMES[key]);
    try {
      texts[key] = readFileSync(path, 'utf8');
      parsed[key] = JSON.parse(texts[key]);
    } catch (error) {
      failures.push(`${GEO_DATA_FILE_NAMES[key]}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    throw new Error(`Cannot read geo-data in ${dir}:\n${failures.join('\n')}`);
  }
  return { files: parsed as GeoDataFiles, texts: texts as Record<GeoDataKey, string> };
}

/** The first 12 hex digits of sha256 over each file's name and bytes, in a fixed order. */
export function geoDataVersion(texts: Record<GeoDataKey, string>): string {
  const hash = createHash('sha256');
  for (const key of keys) hash.update(`${GEO_DATA_FILE_NAMES[key]}\0${texts[key]}\0`);
  return hash.digest('hex').slice(0, 12);
}

function withLatLon<P>(feature: { geometry: Point; properties: P }): P & {
  lat: number;
  lon: number;
} {
  const [lon, lat] = feature.geometry.coordinates;
  return { ...feature.properties, lat, lon };
}

export function loadGeoData(dir: string = DEFAULT_GEO_DATA_DIR): GeoData {
  const { files, texts } = readGeoDataFiles(dir);
  const problems = validateGeoData(files);
  if (problems.length > 0) {
    throw new Error(
      `geo-data in ${dir} has ${problems.length} problem(s):\n${problems.join('\n')}`,
    );
  }
  return {
    campuses: files.campuses.features.map(withLatLon),
    supplyDeals: files.supplyDeals.features.map(withLatLon),
    sites: files.sites.features.map(withLatLon),
    designs: files.designs.designs,
    seismicZones: files.seismicZones,
    gpuPower: files.gpuPower,
    plants: files.plants.features.map(withLatLon),
    interconnections: files.interconnections.features.map(withLatLon),
    raw: {
      campuses: files.campuses,
      sites: files.sites,
      supplyDeals: files.supplyDeals,
      plants: files.plants,
      interconnections: files.interconnections,
    },
    version: geoDataVersion(texts),
  };
}
