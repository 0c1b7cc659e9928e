// GeoJSON for the siting layers (map/layers/siting.ts), built from the server's answers: the
// checked point with its rings and the line to the nearest population centre, the screened
// sites' ranks, and the hex grid with the screen radius.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { miToKm } from '../../models/units.ts';
import type {
  GridCellProperties,
  ScreenedSite,
  ScreenResponse,
  SiteCheckResponse,
} from '../api/siting-types.ts';
import { formatKm, formatMiles, formatMilesTenths, humanize } from '../format.ts';
import { destination, geodesicCircle } from './geodesic.ts';

/** NRC RG 4.7: population density is judged out to 20 mi. */
export const RG47_RING_MI = 20;

type Props = Record<string, string | number | boolean>;
const feature = (geometry: Geometry, properties: Props): Feature<Geometry, Props> => ({
  type: 'Feature',
  geometry,
  properties,
});
const collection = (features: Feature<Geometry, Props>[]): FeatureCollection<Geometry, Props> => ({
  type: 'FeatureCollection',
  features,
});

function ring(lon: number, lat: number, radiusMi: number, role: 'rg47' | 'epz', label: string) {
  const radiusKm = miToKm(radiusMi);
  return [
    feature(
      { type: 'LineString', coordinates: geodesicCircle(lon, lat, radiusKm) },
      {
        kind: 'ring',
        role,
      },
    ),
    feature(
      { type: 'Point', coordinates: destination(lon, lat, 0, radiusKm) },
      {
        kind: 'ring-label',
        role,
        label,
      },
    ),
  ];
}

/**
 * Where the centre's label goes: across the line, never along it. A mostly east-west line gets
 * its label below the dot ('top' anchor), a mostly north-south one to the right ('left').
 */
export function labelAnchor(
  from: { lon: number; lat: number },
  to: { lon: number; lat: number },
): 'top' | 'left' {
  const east = (to.lon - from.lon) * Math.cos((from.lat * Math.PI) / 180);
  return Math.abs(east) >= Math.abs(to.lat - from.lat) ? 'top' : 'left';
}

export const centreLabel = (name: string, boundaryDistanceMi: number): string =>
  `${name} · ${formatMilesTenths(boundaryDistanceMi)} to boundary`;

export function checkFeatures(
  at: { lon: number; lat: number },
  result: SiteCheckResponse,
): FeatureCollection<Geometry, Props> {
  const { lon, lat } = at;
  const features = [
    ...ring(lon, lat, RG47_RING_MI, 'rg47', `${RG47_RING_MI} mi · RG 4.7 density`),
    ...ring(lon, lat, result.epzMi, 'epz', `EPZ ${formatMiles(result.epzMi)}`),
  ];
  const centre = result.nearestPopulationCentre;
  if (centre) {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [lon, lat],
        [centre.lon, centre.lat],
      ],
    };
    const label = centreLabel(centre.name, centre.boundaryDistanceMi);
    features.push(
      feature(line, { kind: 'centre-line' }),
      feature(
        { type: 'Point', coordinates: [centre.lon, centre.lat] },
        { kind: 'centre', label, anchor: labelAnchor(at, centre) },
      ),
    );
  }
  const verdict = result.pass ? 'Passes hard checks' : 'Fails a hard check';
  features.push(
    feature({ type: 'Point', coordinates: [lon, lat] }, { kind: 'point', label: verdict }),
  );
  return collection(features);
}

export function screenFeatures(sites: readonly ScreenedSite[]): FeatureCollection<Geometry, Props> {
  return collection(
    sites.map((site, i) =>
      feature(
        { type: 'Point', coordinates: [site.lon, site.lat] },
        {
          siteId: site.siteId,
          rank: i + 1,
          score: site.score,
          excluded: site.excluded,
        },
      ),
    ),
  );
}

export function hexFeatures(result: ScreenResponse, radiusKm: number): FeatureCollection {
  const { lon, lat } = result.campus;
  const edge = feature(
    { type: 'LineString', coordinates: geodesicCircle(lon, lat, radiusKm, 180) },
    {
      kind: 'radius',
    },
  );
  return { type: 'FeatureCollection', features: [...result.grid.features, edge] };
}

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The hover text of a hex cell: its score and the three things it was scored on. */
export function hexCellSummary(cell: GridCellProperties): string {
  const density = `${ONE_DECIMAL.format(cell.densityPerMi2)} persons/mi² (2020 Census)`;
  const score = cell.score > 0 ? `Score ${ONE_DECIMAL.format(cell.score)} of 100` : 'Excluded';
  const tie =
    cell.interconnectionKm === null
      ? 'no ≥ 345 kV point known'
      : `${formatKm(cell.interconnectionKm)} to a ≥ 345 kV plant`;
  return `${score} · ${density} · ${humanize(cell.hazard)} seismic hazard · ${formatKm(cell.distanceKm)} to the campus · ${tie}`;
}
