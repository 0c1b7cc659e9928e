// Unit conversions. Names carry units; constants cite where they come from.

/** International mile, km. */
export const KM_PER_MI = 1.609344;
export const HOURS_PER_YEAR = 8760;
/** Mean Gregorian month (365.2425 / 12), used for refuelling intervals given in months. */
export const DAYS_PER_MONTH = 30.44;
/** IUGG mean Earth radius, km, for great-circle distances. */
export const EARTH_RADIUS_KM = 6371.0088;

export const miToKm = (mi: number): number => mi * KM_PER_MI;
export const kmToMi = (km: number): number => km / KM_PER_MI;
export const mwhToGwh = (mwh: number): number => mwh / 1000;

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Haversine great-circle distance between two WGS84 points, km. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function isValidLatLon(lat: unknown, lon: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    lat >= -90 &&
    lat <= 90 &&
    lon >= -180 &&
    lon <= 180
  );
}
