// The optimiser's candidate sites (issue 13, "the candidate set"): the bundled sites within a
// radius, a list of site ids, or free placement at the best hexes of the suitability grid
// (the grid POST /api/screen draws), spread apart so no two candidates are neighbours.
import type { GeoData } from '../../geo-data/load.ts';
import { ModelError } from '../../models/errors.ts';
import { checkSite, screen, type CampusPoint, type SitingData } from '../../models/siting.ts';
import { cellCentre } from '../../models/siting/hexgrid.ts';
import { greatCircleKm } from '../../models/units.ts';
import type { OptimiseRequest } from '../schemas/optimise.ts';

type Design = GeoData['designs'][number];

export interface CandidateSite {
  id: string;
  lat: number;
  lon: number;
}

/** The hex grid's radius when the request names none. */
export const DEFAULT_HEX_RADIUS_KM = 400;

/**
 * The `count` best-scoring cells whose centre passes every hard siting check for `design`,
 * best first, each at least two cells' widths from every one already taken (the grid's cells
 * are cellKm a side, so neighbours are about 1.7 cellKm apart).
 */
export function bestHexes(
  siting: SitingData,
  campus: CampusPoint,
  design: Design,
  count: number,
  radiusKm: number,
): CandidateSite[] {
  const { grid, cellKm } = screen(siting, { campus, design, radiusKm });
  const cells = grid.features
    .filter((f) => f.properties.score > 0)
    .map((f) => {
      const [lon, lat] = cellCentre(f);
      return { score: f.properties.score, lat, lon };
    })
    .sort((a, b) => b.score - a.score || a.lat - b.lat || a.lon - b.lon);
  const spacingKm = 4 * cellKm;
  const taken: CandidateSite[] = [];
  for (const cell of cells) {
    if (taken.length >= count) break;
    if (taken.some((t) => greatCircleKm(t.lat, t.lon, cell.lat, cell.lon) < spacingKm)) continue;
    if (!checkSite(siting, { lat: cell.lat, lon: cell.lon, design, campus }).pass) continue;
    const lat = Number(cell.lat.toFixed(4));
    const lon = Number(cell.lon.toFixed(4));
    taken.push({ id: `hex:${lat.toFixed(4)},${lon.toFixed(4)}`, lat, lon });
  }
  return taken;
}

/**
 * The candidates a request lists (site ids) or bounds (a radius): cheap, so the route checks them
 * before queueing. Null for hexes: those are the suitability screen's best cells (bestHexes),
 * found in the job.
 */
export function listedSites(
  request: OptimiseRequest,
  geoData: GeoData,
  campus: CampusPoint,
): CandidateSite[] | null {
  const c = request.candidates;
  if ('siteIds' in c) {
    return c.siteIds.map((id, i) => {
      const site = geoData.sites.find((s) => s.id === id);
      if (!site)
        throw new ModelError(
          'UNKNOWN_ID',
          `candidates.siteIds[${i}]: no site "${id.slice(0, 100)}".`,
          { field: `candidates.siteIds[${i}]` },
        );
      return site;
    });
  }
  if ('hexes' in c) return null;
  return geoData.sites
    .filter((s) => greatCircleKm(s.lat, s.lon, campus.lat, campus.lon) <= c.radiusKm)
    .sort((a, b) => a.id.localeCompare(b.id));
}
