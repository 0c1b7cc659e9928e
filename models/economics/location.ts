// The state capital-cost location multiplier of a site (DESIGN.md "Capital (revised)": capital
// × the state location multiplier of reference-data/economics). Pure: the caller passes the
// state polygons and the multiplier tables (geo-data/location.ts loads them).

export interface StateShape {
  name: string;
  /** [west, south, east, north] degrees. */
  bbox: [number, number, number, number];
  /** MultiPolygon coordinates, [lon, lat]. */
  polygons: number[][][][];
}

export interface LocationData {
  states: StateShape[];
  /** State name → multiplier, for SMRs and for large LWRs. */
  smr: Record<string, number>;
  large: Record<string, number>;
  source: string;
}

export interface LocationFactor {
  state: string | null;
  multiplier: number;
  note: string | null;
}

/** Even-odd ray casting in lon/lat (state edges are short enough for a planar test). */
function inRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function stateAt(lat: number, lon: number, states: readonly StateShape[]): string | null {
  for (const s of states) {
    const [w, so, e, n] = s.bbox;
    if (lon < w || lon > e || lat < so || lat > n) continue;
    for (const polygon of s.polygons) {
      if (!inRing(lon, lat, polygon[0])) continue;
      if (polygon.slice(1).some((hole) => inRing(lon, lat, hole))) continue;
      return s.name;
    }
  }
  return null;
}

export function locationFactor(
  lat: number,
  lon: number,
  scale: 'smr' | 'large',
  data: LocationData | undefined,
): LocationFactor {
  if (!data) return { state: null, multiplier: 1, note: 'No location data given: multiplier 1.0.' };
  const state = stateAt(lat, lon, data.states);
  const table = scale === 'smr' ? data.smr : data.large;
  if (state === null) {
    return {
      state: null,
      multiplier: 1,
      note: 'Outside the US states: location multiplier 1.0 (the EIA table covers US states only).',
    };
  }
  const m = table[state];
  if (m === undefined) {
    return { state, multiplier: 1, note: `${state} is not in the EIA location table: 1.0.` };
  }
  return { state, multiplier: m, note: null };
}
