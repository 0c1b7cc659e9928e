// The suitability hex grid around a campus (OR-SAGE style, interactive): turf hexGrid with
// cellSide = cellKm, cells kept when their centre lies within the radius, each scored lightly
// from what a bare point tells: RG 4.7 density, seismic class and distance to the campus.
import { hexGrid } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { ModelError } from '../errors.ts';
import { greatCircleKm } from '../units.ts';
import { RG47_LIMIT_PER_MI2, worstDensity } from './density.ts';
import { HAZARD_SCORE, type HazardClass } from './seismic.ts';
import { boundingBox } from './sphere.ts';
import type { CampusPoint, SitingData } from './types.ts';
import {
  interconnectionScore,
  populationMarginScore,
  weightedScore,
  type ScreenWeights,
} from './weights.ts';

/** Largest grid a request may ask for (the limit), cells. */
export const MAX_GRID_CELLS = 20_000;
/** Area of a regular hexagon of side s is (3√3 / 2) s² ≈ 2.598 s². */
export const HEX_AREA_PER_SIDE2 = (3 * Math.sqrt(3)) / 2;
export const CELL_KM_RANGE = { min: 2, max: 100 } as const;

export interface GridCellProperties {
  score: number;
  densityPerMi2: number;
  hazard: HazardClass;
  distanceKm: number;
  /** To the nearest known ≥ 345 kV interconnection point; null when none is known. */
  interconnectionKm: number | null;
}
export type SuitabilityGrid = FeatureCollection<Polygon, GridCellProperties>;

export const GRID_NOTE =
  'Hex cells (turf hexGrid, cellSide = cellKm) whose centre lies within the radius. Cell score ' +
  '= the weighted mean of populationMargin (RG 4.7 worst density at the centre), seismic (class ' +
  'score), distance (1 − distance / radius) and interconnection (1 − km to the nearest ≥ 345 kV ' +
  'EIA-860 plant / 100 km), with the user weights of those four; a cell ' +
  'over 500 persons/mi² scores 0, as OR-SAGE excludes it (siting-criteria §1.2 [M]). Water, ' +
  'brownfield and the population-centre rule are not judged per cell.';

/** ≈ πR² / (2.598 × cellKm²): the cells a circle of radiusKm holds. */
export function estimateCellCount(radiusKm: number, cellKm: number): number {
  return Math.round((Math.PI * radiusKm * radiusKm) / (HEX_AREA_PER_SIDE2 * cellKm * cellKm));
}

/** radiusKm / 40 (about 1,900 cells), within 2..100 km. */
export function defaultCellKm(radiusKm: number): number {
  return Math.min(CELL_KM_RANGE.max, Math.max(CELL_KM_RANGE.min, radiusKm / 40));
}

function tooMany(radiusKm: number, cellKm: number, count: number): ModelError {
  return new ModelError(
    'INVALID_INPUT',
    `Invalid cellKm: ${cellKm} (a ${radiusKm} km radius at ${cellKm} km cells gives ` +
      `${count.toLocaleString('en-US')} cells, more than the ${MAX_GRID_CELLS.toLocaleString('en-US')}-cell limit; ` +
      'raise cellKm or lower radiusKm)',
    { field: 'cellKm', value: cellKm, radiusKm, cellCount: count, limit: MAX_GRID_CELLS },
  );
}

/** The hexagons whose centre lies within radiusKm of the campus; 400 beyond MAX_GRID_CELLS. */
export function hexCells(
  campus: CampusPoint,
  radiusKm: number,
  cellKm: number,
): Feature<Polygon>[] {
  const estimate = estimateCellCount(radiusKm, cellKm);
  if (estimate > MAX_GRID_CELLS) throw tooMany(radiusKm, cellKm, estimate);
  const [w, s, e, n] = boundingBox(campus.lat, campus.lon, radiusKm);
  const grid = hexGrid([w, Math.max(-89.9, s), e, Math.min(89.9, n)], cellKm, {
    units: 'kilometers',
  });
  const cells = grid.features.filter((cell) => {
    const [lon, lat] = cellCentre(cell);
    return greatCircleKm(campus.lat, campus.lon, lat, lon) <= radiusKm;
  });
  if (cells.length > MAX_GRID_CELLS) throw tooMany(radiusKm, cellKm, cells.length);
  return cells;
}

/** Midpoint of the first and fourth vertices: turf draws them at 0° and 180° from the centre. */
export function cellCentre(cell: Feature<Polygon>): [number, number] {
  const ring = cell.geometry.coordinates[0];
  return [(ring[0][0] + ring[3][0]) / 2, (ring[0][1] + ring[3][1]) / 2];
}

/** 5 decimal places of a degree is about 1 m: enough for a map, and a third of the bytes. */
const roundRing = (ring: number[][]): number[][] =>
  ring.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);

/** Scores the cells, yielding the number done after each chunk (for streamed progress). */
export function* scoreCells(
  cells: Feature<Polygon>[],
  data: SitingData,
  options: { campus: CampusPoint; radiusKm: number; weights: ScreenWeights; chunk?: number },
): Generator<number, SuitabilityGrid> {
  const { campus, radiusKm, weights, chunk = 500 } = options;
  const features: Feature<Polygon, GridCellProperties>[] = [];
  for (let i = 0; i < cells.length; i++) {
    const [lon, lat] = cellCentre(cells[i]);
    const density = worstDensity(data.population, lat, lon).densityPerMi2;
    const { hazard } = data.seismic(lat, lon);
    const distanceKm = greatCircleKm(campus.lat, campus.lon, lat, lon);
    const tie = data.interconnections.nearest(lat, lon, 345);
    const { score } = weightedScore(
      {
        populationMargin: populationMarginScore(density),
        seismic: HAZARD_SCORE[hazard],
        distance: Math.max(0, 1 - distanceKm / radiusKm),
        interconnection: interconnectionScore(tie?.km),
      },
      weights,
    );
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: cells[i].geometry.coordinates.map(roundRing) },
      properties: {
        score: density > RG47_LIMIT_PER_MI2 ? 0 : Math.round(score * 10) / 10,
        densityPerMi2: Math.round(density * 10) / 10,
        hazard,
        distanceKm: Math.round(distanceKm * 10) / 10,
        interconnectionKm: tie ? Math.round(tie.km * 10) / 10 : null,
      },
    });
    if ((i + 1) % chunk === 0 && i + 1 < cells.length) yield i + 1;
  }
  return { type: 'FeatureCollection', features };
}
