// Builds every geo-data file from the reference data as text. Pure of the clock and of the
// output directory, so a rebuild can be compared byte for byte with what is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEO_DATA_FILE_NAMES } from '../../geo-data/load.ts';
import { buildCampuses } from './build-campuses.ts';
import { buildDesigns } from './build-designs.ts';
import { buildCandidates } from './build-candidates.ts';
import { checkSeismicZones } from './build-sites.ts';
import { pointFeature } from './build-campuses.ts';
import { readInterconnectionPoints, readPlants, readReactorUnits } from './plants.ts';
import { readReference } from './reference.ts';

/**
 * 2-space JSON with a trailing newline. Arrays of numbers (coordinates, ranges) stay on one
 * line, so a moved vertex is a one-line diff. Key order is the order the builders write.
 */
export function toJson(value: unknown): string {
  const format = (node: unknown, indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      if (node.every((v) => typeof v === 'number'))
        return `[${node.map((v) => JSON.stringify(v)).join(', ')}]`;
      return `[\n${node.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
    }
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return '{}';
      return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(node);
  };
  return `${format(value, '')}\n`;
}

/**
 * A large FeatureCollection with one feature per line: a changed record is a one-line diff,
 * and the file is a third the size of the indented form.
 */
export function toFeatureLines(features: unknown[]): string {
  const lines = features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${lines}\n]}\n`;
}

/** Records with lat/lon → Point features whose geometry holds the position. */
const asFeatures = <T extends { id: string; lat: number; lon: number }>(records: T[]) =>
  records.map(({ lat, lon, ...rest }) => pointFeature(lon, lat, rest as Omit<T, 'lat' | 'lon'>));

/** File name → contents, for every data file in geo-data/ (README.md is written by hand). */
export function buildGeoData(referenceDir: string): Record<string, string> {
  const reference = readReference(referenceDir);
  const { campuses, supplyDeals } = buildCampuses(reference.campuses, reference.gpuPower);
  checkSeismicZones(reference.seismicZones);
  const plants = readPlants(referenceDir);
  const points = readInterconnectionPoints(referenceDir);
  const sites = buildCandidates({
    curated: reference.sites,
    plants,
    units: readReactorUnits(referenceDir),
    points,
  });
  const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  return {
    [GEO_DATA_FILE_NAMES.campuses]: toJson(collection(campuses)),
    [GEO_DATA_FILE_NAMES.supplyDeals]: toJson(collection(supplyDeals)),
    [GEO_DATA_FILE_NAMES.sites]: toFeatureLines(sites),
    [GEO_DATA_FILE_NAMES.designs]: toJson({ designs: buildDesigns(reference.designs) }),
    [GEO_DATA_FILE_NAMES.seismicZones]: toJson(reference.seismicZones),
    // Kept verbatim: the demand model reads it as published.
    [GEO_DATA_FILE_NAMES.gpuPower]: reference.gpuPowerText,
    [GEO_DATA_FILE_NAMES.plants]: toFeatureLines(asFeatures(plants)),
    [GEO_DATA_FILE_NAMES.interconnections]: toFeatureLines(asFeatures(points)),
  };
}

export function writeGeoDataFiles(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
