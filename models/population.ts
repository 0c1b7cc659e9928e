// Population for siting (DESIGN.md "Siting" → "Population data (revised)", binding): the 2020
// Census block-group index for US people, GeoNames places for Canada and Mexico, place names
// and population centres, combined into one PopulationIndex. Barrel of models/population/.
export {
  createCensusIndex,
  type CensusIndex,
  type CensusIndexOptions,
  type CensusPoints,
} from './population/census-index.ts';
export {
  CENTRE_DENSITY_PER_MI2,
  createPlaceIndex,
  dedupePlaces,
  DUPLICATE_KM,
  equivalentDiscRadiusMi,
  SAME_POPULATION_DUPLICATE_KM,
  type DroppedPlaces,
  type Place,
  type PlaceHit,
  type PlaceIndex,
} from './population/places.ts';
export {
  createPopulationIndex,
  type PopulationIndex,
  type PopulationInput,
  type PopulationSource,
  type RingsBySource,
} from './population/combined.ts';
export {
  bearingDeg,
  SECTOR_COUNT,
  SECTOR_DEG,
  SECTOR_NAMES,
  sectorOfBearing,
} from './population/sectors.ts';
