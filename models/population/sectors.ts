// The 16 compass sectors of 22.5° that RG 4.7 and the NRC's population tables use. Sector 0 is
// centred on north (bearings −11.25° ≤ θ < 11.25°), then clockwise: 1 NNE … 4 E … 8 S … 15 NNW.
export const SECTOR_COUNT = 16;
export const SECTOR_DEG = 360 / SECTOR_COUNT;
export const SECTOR_NAMES = [
  'N',
  'NNE',
  'NE',
  'ENE',
  'E',
  'ESE',
  'SE',
  'SSE',
  'S',
  'SSW',
  'SW',
  'WSW',
  'W',
  'WNW',
  'NW',
  'NNW',
] as const;

/** The sector of a bearing in degrees clockwise from north (any real number). */
export function sectorOfBearing(bearingDeg: number): number {
  const s = Math.floor(bearingDeg / SECTOR_DEG + 0.5) % SECTOR_COUNT;
  return s < 0 ? s + SECTOR_COUNT : s;
}

const RAD = Math.PI / 180;

/** Initial great-circle bearing from (lat1, lon1) to (lat2, lon2), degrees in (−180, 180]. */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const [p1, p2, dl] = [lat1 * RAD, lat2 * RAD, (lon2 - lon1) * RAD];
  const east = Math.sin(dl) * Math.cos(p2);
  const north = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return Math.atan2(east, north) / RAD;
}
