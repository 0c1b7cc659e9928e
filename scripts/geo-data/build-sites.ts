// Candidate sites (every reference field kept, lat/lon moved into the geometry) and the seismic
// zones (copied; their properties are checked so a renamed field cannot slip through).
import type { Feature, Point } from 'geojson';
import type { SiteProperties } from '../../geo-data/load.ts';
import { pointFeature } from './build-campuses.ts';
import type { RefSite } from './reference.ts';

// Output order of a site's fields; a reference field not listed here stops the build, so no
// field is ever dropped silently.
const SITE_FIELDS = [
  'id',
  'name',
  'kind',
  'state',
  'existingMw',
  'existingMwBasis',
  'plannedMw',
  'plannedMaxMw',
  'plannedPeakMw',
  'plannedNote',
  'retirementYear',
  'coolingWater',
  'gridRegion',
  'notes',
  'coordSource',
  'coordConfidence',
  'source',
  'confidence',
] as const;

const SITE_KINDS = ['smr-project', 'nuclear-plant', 'coal-retirement', 'federal-site'];

export function buildSite(ref: RefSite): Feature<Point, SiteProperties> {
  const unknown = Object.keys(ref).filter(
    (k) => k !== 'lat' && k !== 'lon' && !(SITE_FIELDS as readonly string[]).includes(k),
  );
  if (unknown.length > 0)
    throw new Error(
      `site "${ref.id}": fields ${unknown.join(', ')} have no place in sites.geojson`,
    );
  if (!SITE_KINDS.includes(ref.kind as string))
    throw new Error(`site "${ref.id}": kind ${JSON.stringify(ref.kind)}`);
  const properties = Object.fromEntries(
    SITE_FIELDS.filter((k) => k in ref).map((k) => [k, ref[k]]),
  );
  return pointFeature(ref.lon, ref.lat, properties as SiteProperties);
}

const ZONE_FIELDS = ['id', 'name', 'hazard', 'pga2in50g', 'basis', 'source', 'confidence'];

export function checkSeismicZones(collection: { features: unknown[] }): void {
  for (const feature of collection.features as {
    id?: unknown;
    properties?: Record<string, unknown>;
  }[]) {
    const keys = Object.keys(feature.properties ?? {});
    const missing = ZONE_FIELDS.filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !ZONE_FIELDS.includes(k));
    if (missing.length > 0 || extra.length > 0 || feature.id !== feature.properties?.id) {
      throw new Error(
        `seismic zone ${JSON.stringify(feature.id)}: missing [${missing}] extra [${extra}] or id mismatch`,
      );
    }
  }
}
