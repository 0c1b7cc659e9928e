// Seismic hazard class at a point from the bundled zones (geo-data/seismic-zones.geojson).
// The zones are hand-drawn approximations for screening, not a hazard map: every figure says
// so. Outside every zone the class is 'low' (2%-in-50-yr PGA about 0.1–0.2 g or less).
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { SeismicHazard, SeismicZoneProps } from '../records.ts';

export type HazardClass = SeismicHazard | 'low';

export interface SeismicAnswer {
  hazard: HazardClass;
  /** The zone holding the point; null outside every zone. */
  zone: SeismicZoneProps | null;
}

export type SeismicLookup = (lat: number, lon: number) => SeismicAnswer;

/**
 * Classes that exceed a typical standard plant's design basis (DESIGN.md "Siting"): a very-high
 * or high zone (2%-in-50-yr PGA ≥ ~0.4 g) needs site-specific seismic design. OR-SAGE style
 * screens exclude PGA of the order of 0.3–0.5 g (siting-criteria §1.4, [L]).
 */
export const HAZARD_BEYOND_STANDARD_DESIGN: readonly HazardClass[] = ['very-high', 'high'];

/** Screening score per class (0..1), used by screen() and the hex grid; our judgement. */
export const HAZARD_SCORE: Record<HazardClass, number> = {
  low: 1,
  moderate: 0.6,
  high: 0.2,
  'very-high': 0,
};

/** Even-odd ray cast on one ring, lon/lat treated as planar (fine at zone scale). */
function inRing(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole (nested zones are holes in their parent). */
function inPolygon(rings: Position[][], x: number, y: number): boolean {
  if (!inRing(rings[0], x, y)) return false;
  return !rings.slice(1).some((hole) => inRing(hole, x, y));
}

/** Builds a point lookup over the zones, with a bounding-box check before each ray cast. */
export function createSeismicLookup(
  zones: FeatureCollection<Polygon | MultiPolygon, SeismicZoneProps>,
): SeismicLookup {
  const entries = zones.features.map((f) => {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const xs = polygons.flatMap((p) => p[0].map((c) => c[0]));
    const ys = polygons.flatMap((p) => p[0].map((c) => c[1]));
    const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    return { props: f.properties, polygons, bbox };
  });
  return (lat, lon) => {
    for (const { props, polygons, bbox } of entries) {
      if (lon < bbox[0] || lat < bbox[1] || lon > bbox[2] || lat > bbox[3]) continue;
      if (polygons.some((rings) => inPolygon(rings, lon, lat))) {
        return { hazard: props.hazard, zone: props };
      }
    }
    return { hazard: 'low', zone: null };
  };
}
