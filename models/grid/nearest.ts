// Nearest point to a query among a few thousand (candidate sites, interconnection points):
// points sorted by latitude; a query walks outwards from its latitude and stops once the
// latitude gap alone is farther than the best so far. No tree is needed at this size, and the
// answer is exact (great-circle distance, ties to the earlier point in the given order).
import { KM_PER_DEG } from '../siting/sphere.ts';
import { greatCircleKm } from '../units.ts';

export interface NearestHit<T> {
  item: T;
  km: number;
}

export interface NearestIndex<T> {
  readonly size: number;
  /** The nearest item that `accept` allows, within maxKm (default: anywhere), or null. */
  nearest(
    lat: number,
    lon: number,
    accept?: (item: T) => boolean,
    maxKm?: number,
  ): NearestHit<T> | null;
}

export function createNearestIndex<T extends { lat: number; lon: number }>(
  items: readonly T[],
): NearestIndex<T> {
  const order = items.map((_, i) => i).sort((a, b) => items[a].lat - items[b].lat || a - b);
  const lats = Float64Array.from(order, (i) => items[i].lat);
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
    size: items.length,
    nearest(lat, lon, accept = () => true, maxKm = Infinity) {
      let best = -1;
      let bestKm = maxKm;
      const consider = (k: number): boolean => {
        if (Math.abs(lats[k] - lat) * KM_PER_DEG > bestKm) return false;
        const i = order[k];
        const item = items[i];
        if (accept(item)) {
          const km = greatCircleKm(lat, lon, item.lat, item.lon);
          if (km < bestKm || (km === bestKm && (best < 0 || i < best))) [best, bestKm] = [i, km];
        }
        return true;
      };
      const start = firstAtOrAbove(lat);
      for (let k = start; k < order.length && consider(k); k++);
      for (let k = start - 1; k >= 0 && consider(k); k--);
      return best < 0 ? null : { item: items[best], km: bestKm };
    },
  };
}
