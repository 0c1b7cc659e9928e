// Circles drawn on the sphere, so a 20 mi ring is 20 mi in every direction at any latitude
// (a circle in screen pixels would be an ellipse on the ground away from the equator).
import type { Position } from 'geojson';
import { EARTH_RADIUS_KM } from '../../models/units.ts';

const RAD = Math.PI / 180;

/** The point `distanceKm` from (lon, lat) along the initial bearing (degrees from north). */
export function destination(
  lon: number,
  lat: number,
  bearingDeg: number,
  distanceKm: number,
): Position {
  const delta = distanceKm / EARTH_RADIUS_KM;
  const theta = bearingDeg * RAD;
  const phi1 = lat * RAD;
  const lambda1 = lon * RAD;
  const sinPhi2 =
    Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
  const phi2 = Math.asin(Math.min(1, Math.max(-1, sinPhi2)));
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
      Math.cos(delta) - Math.sin(phi1) * sinPhi2,
    );
  return [((lambda2 / RAD + 540) % 360) - 180, phi2 / RAD];
}

/** A closed ring of `steps` + 1 positions around (lon, lat) at radiusKm. */
export function geodesicCircle(lon: number, lat: number, radiusKm: number, steps = 96): Position[] {
  if (!(radiusKm > 0)) throw new Error(`Invalid circle radius: ${radiusKm} km (must be > 0)`);
  const ring = Array.from({ length: steps }, (_, i) =>
    destination(lon, lat, (360 * i) / steps, radiusKm),
  );
  return [...ring, ring[0]];
}
