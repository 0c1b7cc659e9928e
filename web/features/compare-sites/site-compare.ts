// Comparing candidate sites for the next placement, without a DOM: the sites nearest the
// campus by great-circle distance, the evaluate request for each (the current design and units
// at that site, fewer trials), the row each answer becomes and the best value of each column.
import { greatCircleKm } from '../../../models/units.ts';
import type { CampusCollection, SiteFeature } from '../../api/client.ts';
import type { CampusRequest, EvaluateRequest, EvaluateResponse } from '../../api/scenario-types.ts';
import type { WorkspaceScenario } from '../../state/scenario.ts';
import { DEFAULT_FULL_TRIALS } from '../coverage/evaluation-controller.ts';
import { checkLabel } from '../siting/check-format.ts';

/** The option list's length: the nearest sites to the campus. */
export const NEAREST_SITES = 15;
/** Trials per site: enough to rank sites, quick enough to run a dozen. */
export const SITE_TRIALS_MAX = 200;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle km, as the model measures it (models/units.ts). */
export const haversineKm = (a: LatLon, b: LatLon): number =>
  greatCircleKm(a.lat, a.lon, b.lat, b.lon);

/** Where the campus is: its own coordinates (drawn), else the bundled campus of that id. */
export function campusPoint(
  campus: CampusRequest | null,
  campuses: CampusCollection | null,
): LatLon | null {
  if (!campus) return null;
  if (typeof campus.lat === 'number' && typeof campus.lon === 'number')
    return { lat: campus.lat, lon: campus.lon };
  const feature = campuses?.features.find((f) => f.properties.id === campus.id);
  if (!feature) return null;
  const [lon, lat] = feature.geometry.coordinates;
  return { lat, lon };
}

export const siteLatLon = (site: SiteFeature): LatLon => {
  const [lon, lat] = site.geometry.coordinates;
  return { lat, lon };
};

export interface SiteOption {
  site: SiteFeature;
  km: number;
}

/** The `count` sites nearest `from`, nearest first (ties by name, so the order is stable). */
export function nearestSites(
  sites: readonly SiteFeature[],
  from: LatLon,
  count = NEAREST_SITES,
): SiteOption[] {
  return sites
    .map((site) => ({ site, km: haversineKm(from, siteLatLon(site)) }))
    .sort((a, b) => a.km - b.km || a.site.properties.name.localeCompare(b.site.properties.name))
    .slice(0, count);
}

export interface Placement {
  designId: string;
  units: number;
  codYear: number | null;
}

/** The scenario's campus and options with one deployment at `site`; null without a campus. */
export function siteRequest(
  scenario: WorkspaceScenario,
  site: SiteFeature,
  placement: Placement,
): EvaluateRequest | null {
  if (!scenario.campus) return null;
  const { lat, lon } = siteLatLon(site);
  // The timeline sweep (`years`) is not shown here: each year would be another Monte Carlo.
  const { years: _years, ...options } = scenario.options;
  const trials = Math.min(options.trials ?? DEFAULT_FULL_TRIALS, SITE_TRIALS_MAX);
  return {
    campus: scenario.campus,
    deployments: [
      {
        designId: placement.designId,
        units: placement.units,
        lat,
        lon,
        siteId: site.properties.id,
        ...(placement.codYear !== null ? { codYear: placement.codYear } : {}),
      },
    ],
    options: { ...options, trials },
  };
}

export interface SiteRow {
  sitingPass: boolean | null;
  /** Names of the hard siting checks that fail. */
  failedChecks: string[];
  distanceKm: number;
  voltageKv: number | null;
  lossFraction: number;
  interconnection: { name: string; kv: number | null; km: number | null } | null;
  deliveredUsdPerMwh: number | null;
  servedFraction: number;
}

/** A site's row from its answer: the line to the grid when connected, else the site's nearest. */
export function siteRow(site: SiteFeature, result: EvaluateResponse): SiteRow {
  const deployment = result.deployments[0];
  const near = site.properties.nearestInterconnection;
  const line = deployment?.lineTo;
  const interconnection =
    line?.kind === 'interconnection'
      ? {
          name: line.name ?? line.plantId ?? 'interconnection',
          kv: line.kv,
          km: deployment.distanceKm,
        }
      : near
        ? { name: near.name, kv: near.kv, km: near.km }
        : null;
  return {
    sitingPass: deployment?.siting?.pass ?? null,
    failedChecks: (deployment?.siting?.checks ?? [])
      .filter((check) => check.severity === 'hard' && check.pass === false)
      .map((check) => checkLabel(check.id)),
    distanceKm: deployment?.distanceKm ?? NaN,
    voltageKv: deployment?.voltageKv ?? null,
    lossFraction: deployment?.lossFraction ?? NaN,
    interconnection,
    deliveredUsdPerMwh: result.economics.deliveredCostUsdPerMwh,
    servedFraction: result.coverage.servedEnergyFraction,
  };
}

export type RankedColumn = 'distance' | 'loss' | 'delivered' | 'served';

/** The best value of each ranked column over the rows in: the cells to highlight. */
export function bestValues(rows: readonly (SiteRow | null)[]): Record<RankedColumn, number | null> {
  const done = rows.filter((row): row is SiteRow => row !== null);
  const pick = (values: (number | null)[], best: 'min' | 'max') => {
    const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
    if (finite.length < 2) return null; // one row has nothing to be best against
    return best === 'min' ? Math.min(...finite) : Math.max(...finite);
  };
  return {
    distance: pick(
      done.map((r) => r.distanceKm),
      'min',
    ),
    loss: pick(
      done.map((r) => r.lossFraction),
      'min',
    ),
    delivered: pick(
      done.map((r) => r.deliveredUsdPerMwh),
      'min',
    ),
    served: pick(
      done.map((r) => r.servedFraction),
      'max',
    ),
  };
}
