// Fetches the boundary files that Vite copies into the build as hashed assets (same origin,
// no network beyond the planner's own server) and builds the basemap data from them.
import statesUrl from 'us-atlas/states-10m.json?url';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { Topology } from 'topojson-specification';
import {
  buildBasemapData,
  buildCountyData,
  type BasemapData,
  type CountyData,
} from './basemap-build.ts';

async function fetchTopology(url: string): Promise<Topology> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Basemap file ${url} answered HTTP ${response.status}`);
  return (await response.json()) as Topology;
}

export async function loadBasemapData(): Promise<BasemapData> {
  const [states, countries] = await Promise.all([
    fetchTopology(statesUrl),
    fetchTopology(countriesUrl),
  ]);
  return buildBasemapData({ states, countries });
}

/** Counties are only drawn zoomed in: loaded after the first view so they never delay it. */
export async function loadCountyData(): Promise<CountyData> {
  return buildCountyData(await fetchTopology(countiesUrl));
}
