// The nearest known high-voltage interconnection point to a place. Public data does not map
// substations, so the points are EIA-860 plants interconnected at 230 kV or more (DESIGN.md,
// issue 9): where such a plant stands, the high-voltage grid is. Pure: the caller passes the
// points in (geo-data/interconnections.geojson).
import type { InterconnectionPoint, InterconnectionRef } from '../records.ts';
import { createNearestIndex } from './nearest.ts';

/** The two classes every site reports (issue 9): 230 kV and above, 345 kV and above. */
export const INTERCONNECTION_CLASSES_KV = [230, 345] as const;

export interface InterconnectionIndex {
  readonly size: number;
  /** The nearest point at ≥ minKv within maxKm (default: anywhere), or null. */
  nearest(lat: number, lon: number, minKv: number, maxKm?: number): InterconnectionRef | null;
}

export function createInterconnectionIndex(
  points: readonly InterconnectionPoint[],
): InterconnectionIndex {
  // Sorted by id first, so equal distances always resolve to the same point.
  const index = createNearestIndex([...points].sort((a, b) => a.id.localeCompare(b.id)));
  return {
    size: index.size,
    nearest(lat, lon, minKv, maxKm) {
      const hit = index.nearest(lat, lon, (p) => p.kv >= minKv, maxKm);
      return hit && { plantId: hit.item.id, name: hit.item.name, kv: hit.item.kv, km: hit.km };
    },
  };
}
