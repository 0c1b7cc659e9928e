// Siting screens (DESIGN.md "Siting", binding): the checks at one point for one design, and the
// screen of every candidate site plus a suitability hex grid around a campus. Pure: the caller
// passes the population index, the seismic zones and the candidate sites in (createSitingData).
import { invalidInput } from './errors.ts';
import type { Design, InterconnectionRef } from './records.ts';
import { isValidLatLon, kmToMi } from './units.ts';
import {
  POPULATION_SOURCE_NOTE,
  type ReportedRadius,
  type SectorDensity,
} from './siting/density.ts';
import { checksFromFacts, passes } from './siting/checks.ts';
import { siteFacts } from './siting/facts.ts';
import {
  CELL_KM_RANGE,
  defaultCellKm,
  GRID_NOTE,
  hexCells,
  scoreCells,
  type SuitabilityGrid,
} from './siting/hexgrid.ts';
import { rankSites, type ScreenedSite } from './siting/screen.ts';
import type { CampusPoint, SitingCheck, SitingData } from './siting/types.ts';
import { resolveWeights, WEIGHTS_NOTE, type ScreenWeights } from './siting/weights.ts';

export { createSitingData, BROWNFIELD_RADIUS_KM, POPULATION_CENTRE_MIN } from './siting/facts.ts';
export { MAX_GRID_CELLS, estimateCellCount, defaultCellKm } from './siting/hexgrid.ts';
export { DEFAULT_WEIGHTS } from './siting/weights.ts';
export { RG47_LIMIT_PER_MI2, RG47_RADII_MI } from './siting/density.ts';
export type { CampusPoint, ScreenedSite, ScreenWeights, SitingCheck, SitingData, SuitabilityGrid };

export interface SiteCheckResult {
  pass: boolean;
  checks: SitingCheck[];
  populationWithinMi: Record<ReportedRadius, number>;
  /** Where the population figures come from: every source's vintage, and those used here. */
  populationSource: { vintage: string; contributing: string[] };
  /** The densest 22.5° sector × RG 4.7 radius. */
  worstSector: SectorDensity;
  nearestPopulationCentre: {
    name: string;
    country: string;
    adminCode: string;
    population: number;
    distanceMi: number;
    boundaryDistanceMi: number;
    lat: number;
    lon: number;
  } | null;
  epzMi: number;
  /** The nearest known interconnection points (EIA-860 2019 plants) at ≥ 230 and ≥ 345 kV. */
  nearestInterconnection: { kv230: InterconnectionRef | null; kv345: InterconnectionRef | null };
  /** The candidate site the point stands on (within 3 km), with its data vintage. */
  site: { id: string; name: string; kind: string; distanceKm: number; asOf: string } | null;
  /** Country of the nearest place within 150 km, or null. */
  country: string | null;
  assumptions: string[];
}

/** ScreenResult inputs; radiusKm 10..1,500, cellKm 2..100 (default radiusKm / 40). */
export interface ScreenInput {
  campus: CampusPoint;
  design: Design;
  radiusKm: number;
  weights?: Partial<ScreenWeights>;
  cellKm?: number;
}

export interface ScreenResult {
  sites: ScreenedSite[];
  grid: SuitabilityGrid;
  weights: ScreenWeights;
  cellKm: number;
  assumptions: string[];
}

export interface ScreenProgress {
  done: number;
  total: number;
}

export const RADIUS_KM_RANGE = { min: 10, max: 1500 } as const;

const BASE_ASSUMPTIONS = [
  POPULATION_SOURCE_NOTE,
  'A place is a disc of 3,000 persons/mi² for its boundary distance (centroid distance − ' +
    '√(population / (π × 3,000)), floored at 0). De-duplication drops only GeoNames sections ' +
    'of a place (PPLX) and second records of one place (same name and state or province ' +
    'within 5 km, or with the same population within 30 km), never a separate city.',
  'Seismic zones are hand-drawn approximations for screening, not a hazard map.',
  'Cooling water is the recorded source of a candidate site within 3 km (for a plant, its ' +
    'EIA-860 2019 water source); elsewhere unknown.',
  'Interconnection points are EIA-860 2019 plants at ≥ 230 kV (US only): where such a plant ' +
    'stands, the high-voltage grid is; public data does not map substations.',
];

function checkPoint(field: string, lat: unknown, lon: unknown): void {
  if (!isValidLatLon(lat, lon)) {
    throw invalidInput(field, { lat, lon }, 'lat must be -90..90 and lon -180..180');
  }
}

/** Every siting check at (lat, lon) for a design, and against a campus when one is given. */
export function checkSite(
  data: SitingData,
  input: { lat: number; lon: number; design: Design; campus?: CampusPoint },
): SiteCheckResult {
  checkPoint('point', input.lat, input.lon);
  if (input.campus) checkPoint('campus', input.campus.lat, input.campus.lon);
  const facts = siteFacts(data, input, input.design, input.campus);
  const checks = checksFromFacts(facts);
  const c = facts.centre;
  const { places, population } = data.population.dropped;
  const assumptions = [
    ...BASE_ASSUMPTIONS,
    `De-duplication dropped ${places.toLocaleString('en-US')} places holding ` +
      `${population.toLocaleString('en-US')} people.`,
  ];
  if (facts.campus) assumptions.push(facts.campus.transferBasis);
  if (checks.some((k) => k.id === 'jurisdiction')) {
    assumptions.push('Outside the US the NRC tests are shown for comparison, never as hard bars.');
  }
  return {
    pass: passes(checks),
    checks,
    populationWithinMi: facts.density.populationWithinMi,
    populationSource: facts.density.source,
    worstSector: facts.density.worstSector,
    nearestPopulationCentre: c && {
      name: c.name,
      country: c.country,
      adminCode: c.adminCode,
      population: c.population,
      distanceMi: kmToMi(c.distanceKm),
      boundaryDistanceMi: kmToMi(c.boundaryDistanceKm),
      lat: c.lat,
      lon: c.lon,
    },
    epzMi: input.design.epzMi.value,
    nearestInterconnection: facts.interconnection,
    site: facts.atSite && {
      id: facts.atSite.site.id,
      name: facts.atSite.site.name,
      kind: facts.atSite.site.kind,
      distanceKm: facts.atSite.distanceKm,
      asOf: facts.atSite.site.asOf,
    },
    country: facts.country,
    assumptions,
  };
}

function inRange(field: string, value: number, range: { min: number; max: number }): void {
  if (!(Number.isFinite(value) && value >= range.min && value <= range.max)) {
    throw invalidInput(field, value, `must be a number in ${range.min}..${range.max}`);
  }
}

/**
 * The screen step by step: yields progress (sites, then cells in chunks) so a caller can stream
 * it, and returns the ranked sites and the scored grid.
 */
export function* screenSteps(
  data: SitingData,
  input: ScreenInput,
): Generator<ScreenProgress, ScreenResult> {
  checkPoint('campus', input.campus.lat, input.campus.lon);
  inRange('radiusKm', input.radiusKm, RADIUS_KM_RANGE);
  const cellKm = input.cellKm ?? defaultCellKm(input.radiusKm);
  inRange('cellKm', cellKm, CELL_KM_RANGE);
  const weights = resolveWeights(input.weights);
  const { campus, design, radiusKm } = input;
  const cells = hexCells(campus, radiusKm, cellKm);
  const total = data.sites.length + cells.length;
  const sites = rankSites(data, { campus, design, radiusKm, weights });
  yield { done: data.sites.length, total };
  const scoring = scoreCells(cells, data, { campus, radiusKm, weights });
  let step = scoring.next();
  while (!step.done) {
    yield { done: data.sites.length + step.value, total };
    step = scoring.next();
  }
  return {
    sites,
    grid: step.value,
    weights,
    cellKm,
    assumptions: [
      ...BASE_ASSUMPTIONS,
      `${sites.length} of ${data.sites.length} candidate sites lie within ${radiusKm} km of the campus.`,
      WEIGHTS_NOTE,
      `Sites with a failing hard check are excluded and ranked last. ${sites[0] ? '' : 'No site in range.'}`.trim(),
      GRID_NOTE,
      input.cellKm === undefined
        ? `cellKm not given: ${cellKm} km (radiusKm / 40, within 2..100).`
        : '',
    ].filter(Boolean),
  };
}

/** The whole screen at once. */
export function screen(data: SitingData, input: ScreenInput): ScreenResult {
  const steps = screenSteps(data, input);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
