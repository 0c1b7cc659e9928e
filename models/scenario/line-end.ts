// Where a deployment's line runs (DESIGN.md "Grid (revised)"): to the campus when islanded; to
// its nearest known interconnection point when the scenario is grid-connected. The points are
// EIA-860 2019 plants at ≥ 345 kV (geo-data/interconnections.geojson), the lowest AC class the
// line model builds (models/transmission.ts), so the gen-tie lands where a line of that class
// already is. A connected campus is itself on the grid, so a deployment nearer the campus than
// any such point ties in at the campus (a reactor beside Colossus does not ship its output
// 15 km to Southaven and back). No point within INTERCONNECTION_SEARCH_KM (Canada, Mexico: EIA-860 is US-only)
// → the line runs to the campus, with a warning.
import { createInterconnectionIndex, type InterconnectionIndex } from '../grid/interconnection.ts';
import type { InterconnectionPoint } from '../records.ts';
import { greatCircleKm } from '../units.ts';

/** The voltage a connected deployment's gen-tie must reach: the line model's lowest class. */
export const CONNECTED_MIN_KV = 345;
/** Beyond this, public data shows no interconnection point: fall back to the campus. */
export const INTERCONNECTION_SEARCH_KM = 500;

export interface LineEnd {
  kind: 'campus' | 'interconnection';
  lat: number;
  lon: number;
  /** The interconnection point: `eia-<plant code>`, its name and voltage; null at the campus. */
  plantId: string | null;
  name: string | null;
  kv: number | null;
  /** Connected, but public data shows no point within reach: the line runs to the campus. */
  noPointKnown?: boolean;
}

const indexes = new WeakMap<readonly InterconnectionPoint[], InterconnectionIndex>();
function indexOf(points: readonly InterconnectionPoint[]): InterconnectionIndex {
  let index = indexes.get(points);
  if (!index) indexes.set(points, (index = createInterconnectionIndex(points)));
  return index;
}

export function lineEndOf(
  from: { lat: number; lon: number },
  campus: { lat: number; lon: number },
  connected: boolean,
  points: readonly InterconnectionPoint[] | undefined,
): LineEnd {
  const atCampus: LineEnd = {
    kind: 'campus',
    ...pick(campus),
    plantId: null,
    name: null,
    kv: null,
  };
  if (!connected) return atCampus;
  const ref = points?.length
    ? indexOf(points).nearest(from.lat, from.lon, CONNECTED_MIN_KV, INTERCONNECTION_SEARCH_KM)
    : null;
  if (!ref || !points) return { ...atCampus, noPointKnown: true };
  if (greatCircleKm(from.lat, from.lon, campus.lat, campus.lon) <= ref.km) return atCampus;
  const point = points.find((p) => p.id === ref.plantId)!;
  return {
    kind: 'interconnection',
    lat: point.lat,
    lon: point.lon,
    plantId: ref.plantId,
    name: ref.name,
    kv: ref.kv,
  };
}

const pick = (p: { lat: number; lon: number }) => ({ lat: p.lat, lon: p.lon });
