// Fast spherical distance tests for the population index. Points become unit vectors once; the
// squared chord between two of them is a few multiplications and orders distances exactly as
// the haversine does (chord = 2 sin(d / 2R)), so range queries need no trigonometry per place.
import { EARTH_RADIUS_KM } from '../units.ts';

const RAD = Math.PI / 180;
/** Mean-sphere km per degree of latitude (2π × 6,371.0088 / 360), for range boxes. */
export const KM_PER_DEG = (2 * Math.PI * EARTH_RADIUS_KM) / 360;

export interface UnitVectors {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

export function toUnitVectors(points: readonly { lat: number; lon: number }[]): UnitVectors {
  const n = points.length;
  const v = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n) };
  points.forEach((p, i) => {
    const c = Math.cos(p.lat * RAD);
    v.x[i] = c * Math.cos(p.lon * RAD);
    v.y[i] = c * Math.sin(p.lon * RAD);
    v.z[i] = Math.sin(p.lat * RAD);
  });
  return v;
}

export function unitVector(lat: number, lon: number): [number, number, number] {
  const c = Math.cos(lat * RAD);
  return [c * Math.cos(lon * RAD), c * Math.sin(lon * RAD), Math.sin(lat * RAD)];
}

/** Squared chord (unit sphere) from point i of `v` to the query vector q. */
export function chord2(v: UnitVectors, i: number, q: readonly [number, number, number]): number {
  const dx = v.x[i] - q[0];
  const dy = v.y[i] - q[1];
  const dz = v.z[i] - q[2];
  return dx * dx + dy * dy + dz * dz;
}

export function chord2ForKm(km: number): number {
  return (2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2)) ** 2;
}

export function kmForChord2(c2: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(c2) / 2));
}

/** Lon/lat box around a circle; longitude widened by 1/cos(lat) at its poleward edge. */
export function boundingBox(
  lat: number,
  lon: number,
  radiusKm: number,
): [number, number, number, number] {
  const dLat = radiusKm / KM_PER_DEG + 1e-9;
  const poleward = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = Math.min(180, dLat / Math.cos(poleward * RAD));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}
