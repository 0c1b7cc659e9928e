// The nearest known high-voltage interconnection point to a place. Public data does not map
// substations, so the points are EIA-860 plants interconnected at 230 kV or more (DESIGN.md,
// issue 9): where such a plant stands, the high-voltage grid is. Pure: the caller passes the
// points in (geo-data/interconnections.geojson).
import { greatCircleKm } from '../units.ts';
import { KM_PER_DEG } from '../siting/sphere.ts';
import type { InterconnectionPoint, InterconnectionRef } from '../records.ts';

/** The two classes every site reports (issue 9): 230 kV and above, 345 kV and above. */
export const INTERCONNECTION_CLASSES_KV = [230, 345] as const;

export interface InterconnectionIndex {
  readonly size: number;
  /** The nearest point at ≥ minKv within maxKm (default: anywhere), or null. */
  nearest(lat: number, lon: number, minKv: number, maxKm?: number): InterconnectionRef | null;
}

/**
 * Points sorted by latitude; a query walks outwards from its latitude and stops once the
 * latitude gap alone is farther than the best so far. About 1,900 points: no tree needed.
 */
export function createInterconnectionIndex(
  points: readonly InterconnectionPoint[],
): InterconnectionIndex {
  const sorted = [...points].sort((a, b) => a.lat - b.lat || a.id.localeCompare(b.id));
  const lats = Float64Array.from(sorted, (p) => p.lat);
  const firstAtOrAbove = (lat: number): number => {
    let lo = 0;
    let hi = lats.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lats[mid] < lat) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    size: sorted.length,
    nearest(lat, lon, minKv, maxKm = Infinity) {
      let best: InterconnectionPoint | null = null;
      let bestKm = maxKm;
      const consider = (i: number): boolean => {
        const p = sorted[i];
        if (Math.abs(p.lat - lat) * KM_PER_DEG > bestKm) return false;
        if (p.kv >= minKv) {
          const km = greatCircleKm(lat, lon, p.lat, p.lon);
          // Ties go to the higher voltage, then the id, so the answer never depends on order.
          if (km < bestKm || (best && km === bestKm && p.kv > best.kv)) [best, bestKm] = [p, km];
        }
        return true;
      };
      const start = firstAtOrAbove(lat);
      for (let i = start; i < sorted.length && consider(i); i++);
      for (let i = start - 1; i >= 0 && consider(i); i--);
      const found = best as InterconnectionPoint | null;
      return found && { plantId: found.id, name: found.name, kv: found.kv, km: bestKm };
    },
  };
}
