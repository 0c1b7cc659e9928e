// The boundary files Vite copies into the build as hashed assets (same origin, no network beyond
// the planner's own server). Fetching starts as soon as the page runs, in parallel with the
// code that converts them (basemap-build.ts, loaded as its own chunk).
import statesUrl from 'us-atlas/states-10m.json?url';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { Topology } from 'topojson-specification';
import type { BasemapData, CountyData } from './basemap-build.ts';

async function fetchTopology(url: string): Promise<Topology> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Basemap file ${url} answered HTTP ${response.status}`);
  return (await response.json()) as Topology;
}

const builder = () => import('./basemap-build.ts');

export async function loadBasemapData(): Promise<BasemapData> {
  const [states, countries, { buildBasemapData }] = await Promise.all([
    fetchTopology(statesUrl),
    fetchTopology(countriesUrl),
    builder(),
  ]);
  return buildBasemapData({ states, countries });
}

/** Counties are only drawn zoomed in: loaded after the first view so they never delay it. */
export async function loadCountyData(): Promise<CountyData> {
  const [counties, { buildCountyData }] = await Promise.all([
    fetchTopology(countiesUrl),
    builder(),
  ]);
  return buildCountyData(counties);
}
