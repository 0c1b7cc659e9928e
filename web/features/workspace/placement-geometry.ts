// What the map draws for the placed reactors: one line per placement from its site to where
// it delivers (the campus, or the interconnection point the last evaluation chose), labelled
// with distance and loss, and the EPZ ring of the hovered or selected one. Pure, so a test can
// check it; while a marker is dragged only this runs (no server call), which keeps the line
// and its distance under the pointer at full frame rate.
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { greatCircleKm, miToKm } from '../../../models/units.ts';
import type { DeploymentResult } from '../../api/scenario-types.ts';
import { geodesicCircle } from '../../map/geodesic.ts';
import type { Placement } from '../../state/scenario.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface PlacementLineProperties {
  key: string;
  label: string;
  distanceKm: number;
  to: 'campus' | 'interconnection';
  selected: boolean;
}

const KM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const LOSS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "84 km · 1.2% loss"; without an evaluated loss (dragging, not yet answered), "84 km". */
export function lineLabel(distanceKm: number, lossFraction: number | null): string {
  const km = `${KM.format(distanceKm)} km`;
  return lossFraction === null ? km : `${km} · ${LOSS.format(lossFraction * 100)}% loss`;
}

/**
 * Where a placement's line ends: the evaluated line end if the answer is for this placement
 * where it now stands, else the campus (grid-connected lines re-resolve when re-evaluated).
 */
export function lineEnd(
  placement: Placement,
  campus: LatLon,
  evaluated: DeploymentResult | undefined,
): { at: LatLon; to: 'campus' | 'interconnection' } {
  if (evaluated && evaluated.lineTo.kind === 'interconnection')
    return { at: { lat: evaluated.lineTo.lat, lon: evaluated.lineTo.lon }, to: 'interconnection' };
  return { at: campus, to: 'campus' };
}

/**
 * The lines. `evaluated[i]` answers `placements[i]` only when the evaluated request had the
 * same placements in the same places (`answersPlacements`), else the loss is left out.
 */
export function placementLines(
  placements: readonly Placement[],
  campus: LatLon | null,
  evaluated: readonly (DeploymentResult | undefined)[] | null,
  selectedKey: string | null,
): FeatureCollection<LineString | Point, PlacementLineProperties> {
  if (!campus) return { type: 'FeatureCollection', features: [] };
  const lines = placements.map((p, i): Feature<LineString, PlacementLineProperties> => {
    const result = evaluated?.[i];
    const end = lineEnd(p, campus, result);
    const distanceKm = greatCircleKm(p.lat, p.lon, end.at.lat, end.at.lon);
    return {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [p.lon, p.lat],
          [end.at.lon, end.at.lat],
        ],
      },
      properties: {
        key: p.key,
        label: lineLabel(
          result ? result.distanceKm : distanceKm,
          result ? result.lossFraction : null,
        ),
        distanceKm: result ? result.distanceKm : distanceKm,
        to: end.to,
        selected: p.key === selectedKey,
      },
    };
  });
  // Each label sits at its line's midpoint (a point label, so a short line still shows it).
  const labels = lines.map((line): Feature<Point, PlacementLineProperties> => {
    const [[lon1, lat1], [lon2, lat2]] = line.geometry.coordinates;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [(lon1 + lon2) / 2, (lat1 + lat2) / 2] },
      properties: line.properties,
    };
  });
  return { type: 'FeatureCollection', features: [...lines, ...labels] };
}

/** The EPZ ring (plume EPZ radius in miles) of one placement, or nothing. */
export function epzRing(
  placement: Placement | undefined,
  epzMi: number | null,
): FeatureCollection<Polygon, { key: string; epzMi: number }> {
  if (!placement || !(epzMi !== null && epzMi > 0))
    return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [geodesicCircle(placement.lon, placement.lat, miToKm(epzMi))],
        },
        properties: { key: placement.key, epzMi },
      },
    ],
  };
}

/**
 * The evaluated deployments when they answer these placements as they stand now (same count,
 * design, units and position); else null, so stale losses are never drawn on moved lines.
 */
export function matchingDeployments(
  placements: readonly Placement[],
  request: {
    deployments: readonly { designId: string; units: number; lat: number; lon: number }[];
  } | null,
  deployments: readonly DeploymentResult[] | null,
): (DeploymentResult | undefined)[] | null {
  if (!request || !deployments) return null;
  return placements.map((p, i) => {
    const asked = request.deployments[i];
    const same =
      asked &&
      asked.designId === p.designId &&
      asked.units === p.units &&
      asked.lat === p.lat &&
      asked.lon === p.lon;
    return same ? deployments[i] : undefined;
  });
}
