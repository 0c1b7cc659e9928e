// Candidate sites (issue 9): the curated records, plus every coal, gas and nuclear plant of
// 100 MW+ in the North American table, plus the shut-down reactor sites of GeoNuclearData.
// A curated record wins over the tables within 3 km (it keeps its notes and gains the plant's
// owner, MW by fuel and interconnection voltage); every site reports its nearest known
// interconnection points at ≥ 230 kV and ≥ 345 kV.
import type { Feature, Point } from 'geojson';
import type { SiteProperties } from '../../geo-data/load.ts';
import { createInterconnectionIndex } from '../../models/grid/interconnection.ts';
import type {
  CandidateSite,
  InterconnectionPoint,
  PowerPlant,
  SiteKind,
} from '../../models/records.ts';
import { greatCircleKm } from '../../models/units.ts';
import { pointFeature } from './build-campuses.ts';
import { buildSite } from './build-sites.ts';
import { plantGridRegion, REACTORS_SOURCE, reactorSiteName, type ReactorUnit } from './plants.ts';
import type { RefSite } from './reference.ts';

/** DESIGN.md: the curated records win over the plant tables within 3 km. */
export const CURATED_MATCH_KM = 3;
/**
 * An operating unit this close keeps a site operating: GeoNuclearData gives one point per
 * station, and a large station spans kilometres (Bruce B is 3.4 km from Bruce's point).
 */
export const OPERATING_UNIT_KM = 5;
/** The vintage of the curated records (the reference data was compiled in 2026). */
export const CURATED_AS_OF = '2026';
const CANADIAN_PROVINCES = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'ON', 'PE', 'QC', 'SK']);

const PLANT_KINDS: Partial<Record<PowerPlant['primaryFuel'], SiteKind>> = {
  coal: 'coal-plant',
  naturalGas: 'gas-plant',
  nuclear: 'nuclear-plant',
};

/** A reactor site all of whose units are shut down. */
export interface RetiredReactorSite {
  id: string;
  name: string;
  country: 'US' | 'CA' | 'MX';
  lat: number;
  lon: number;
  units: ReactorUnit[];
  formerMw: number;
  lastYear: number | null;
}

/** Units grouped by site name; a site counts when every unit's status is Shutdown. */
export function retiredReactorSites(units: readonly ReactorUnit[]): RetiredReactorSite[] {
  const groups = new Map<string, ReactorUnit[]>();
  for (const unit of units) {
    const key = `${unit.country}|${reactorSiteName(unit.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const sites: RetiredReactorSite[] = [];
  for (const [key, group] of groups) {
    if (!group.every((u) => u.status === 'Shutdown')) continue;
    const first = [...group].sort((a, b) => a.id - b.id)[0];
    const years = group.map((u) => (u.operationalTo ? Number(u.operationalTo.slice(0, 4)) : NaN));
    const known = years.filter(Number.isFinite);
    sites.push({
      id: `gnd-${first.id}`,
      name: key.split('|')[1],
      country: first.country as RetiredReactorSite['country'],
      lat: first.lat,
      lon: first.lon,
      units: group,
      formerMw: group.reduce((s, u) => s + (u.capacityMw ?? 0), 0),
      lastYear: known.length > 0 ? Math.max(...known) : null,
    });
  }
  return sites.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

const within = (a: { lat: number; lon: number }, b: { lat: number; lon: number }, km: number) =>
  greatCircleKm(a.lat, a.lon, b.lat, b.lon) <= km;

function nearestWithin<T extends { lat: number; lon: number }>(
  point: { lat: number; lon: number },
  items: readonly T[],
  km: number,
): T | null {
  let best: T | null = null;
  let bestKm = km;
  for (const item of items) {
    const d = greatCircleKm(point.lat, point.lon, item.lat, item.lon);
    if (d <= bestKm) [best, bestKm] = [item, d];
  }
  return best;
}

const unknownWater = (water: unknown): boolean =>
  typeof water !== 'string' || water.trim() === '' || /^(unknown|n\/a)\b/i.test(water.trim());

type SiteDraft = Omit<CandidateSite, 'nearestInterconnection' | 'nearestInterconnection345'>;

/** A curated record, with the plant it stands on (within 3 km) filling what it lacks. */
function curatedSite(ref: RefSite, plant: PowerPlant | null): SiteDraft {
  const { properties } = buildSite(ref);
  const state = properties.state ?? '';
  const out: SiteDraft = {
    ...properties,
    lat: ref.lat,
    lon: ref.lon,
    country: CANADIAN_PROVINCES.has(state) ? 'CA' : 'US',
    gridVoltageKv: plant?.gridVoltageKv ?? null,
    asOf: CURATED_AS_OF,
  };
  if (!plant) return out;
  const water = unknownWater(out.coolingWater) && plant.waterSource;
  return {
    ...out,
    owner: plant.owner,
    mwByFuel: plant.mwByFuel,
    coolingWater: water ? plant.waterSource : out.coolingWater,
    plantId: plant.id,
    ...(plant.eiaPlantCode === null ? {} : { eiaPlantCode: plant.eiaPlantCode }),
    notes:
      `${out.notes ? `${out.notes} ` : ''}Owner, MW by fuel and interconnection voltage ` +
      `${water ? 'and cooling water ' : ''}from plant record ${plant.id} (${plant.name}, as of ` +
      `${plant.asOf}).`,
  };
}

function plantSite(plant: PowerPlant, retired: RetiredReactorSite | null): SiteDraft {
  const kind = retired ? 'retired-nuclear' : PLANT_KINDS[plant.primaryFuel]!;
  const mwByFuel = { ...plant.mwByFuel };
  if (retired) delete mwByFuel.nuclear;
  const existingMw = Object.values(mwByFuel).reduce((s, mw) => s + mw, 0);
  const basis = retired
    ? `Every reactor unit shut down by ${retired.lastYear ?? 'an unknown year'} (GeoNuclearData ` +
      `2024); the ${plant.asOf} plant table still listed ${plant.mwByFuel.nuclear ?? 0} MW nuclear.`
    : `NACEI nameplate by fuel, ${plant.asOf}`;
  return {
    id: plant.id,
    name: plant.name,
    kind,
    state: plant.state,
    lat: plant.lat,
    lon: plant.lon,
    country: plant.country,
    owner: plant.owner,
    existingMw: Math.round(existingMw * 10) / 10,
    existingMwBasis: basis,
    mwByFuel,
    ...(retired && retired.lastYear !== null ? { retirementYear: retired.lastYear } : {}),
    coolingWater: plant.waterSource,
    gridRegion: plantGridRegion(plant),
    gridVoltageKv: plant.gridVoltageKv,
    plantId: plant.id,
    ...(plant.eiaPlantCode === null ? {} : { eiaPlantCode: plant.eiaPlantCode }),
    ...(retired ? { notes: retiredNote(retired) } : {}),
    coordSource: 'NACEI',
    coordConfidence: 'high',
    asOf: plant.asOf,
    source: retired ? `${plant.source}; GeoNuclearData (ODbL)` : plant.source,
    confidence: 'medium',
  };
}

const retiredNote = (r: RetiredReactorSite): string =>
  `Shut-down reactor units: ${r.units
    .map((u) => `${u.name} (${u.capacityMw ?? '?'} MW, to ${u.operationalTo ?? '?'})`)
    .join(', ')}.`;

function retiredSite(r: RetiredReactorSite): SiteDraft {
  return {
    id: r.id,
    name: r.name,
    kind: 'retired-nuclear',
    lat: r.lat,
    lon: r.lon,
    country: r.country,
    existingMw: 0,
    existingMwBasis: `No operating units; ${r.formerMw} MW of reactors shut down (GeoNuclearData).`,
    mwByFuel: {},
    ...(r.lastYear === null ? {} : { retirementYear: r.lastYear }),
    coolingWater: null,
    gridRegion: r.country,
    gridVoltageKv: null,
    notes: `${retiredNote(r)} Site reuse depends on decommissioning status and licence termination.`,
    coordSource: 'GeoNuclearData',
    coordConfidence: 'medium',
    asOf: '2024-03',
    source: `${REACTORS_SOURCE}: reactor units ${r.units.map((u) => u.id).join(', ')}`,
    confidence: 'medium',
  };
}

export interface CandidateInputs {
  curated: readonly RefSite[];
  plants: readonly PowerPlant[];
  units: readonly ReactorUnit[];
  points: readonly InterconnectionPoint[];
}

export function buildCandidates(input: CandidateInputs): Feature<Point, SiteProperties>[] {
  const { curated, plants, units, points } = input;
  const retired = retiredReactorSites(units);
  const operating = units.filter((u) => u.status !== 'Shutdown');
  const drafts: SiteDraft[] = curated.map((ref) =>
    curatedSite(ref, nearestWithin(ref, plants, CURATED_MATCH_KM)),
  );
  for (const plant of plants) {
    if (!PLANT_KINDS[plant.primaryFuel]) continue;
    if (curated.some((c) => within(c, plant, CURATED_MATCH_KM))) continue;
    // A plant the 2017 table lists as nuclear is retired when GeoNuclearData (2024) has every
    // unit near it shut down; a shut unit beside running ones (Douglas Point at Bruce) is not.
    const shut =
      plant.primaryFuel === 'nuclear' && !nearestWithin(plant, operating, OPERATING_UNIT_KM)
        ? nearestWithin(plant, retired, CURATED_MATCH_KM)
        : null;
    drafts.push(plantSite(plant, shut));
  }
  for (const r of retired) {
    if (nearestWithin(r, operating, OPERATING_UNIT_KM)) continue;
    const host = nearestWithin(r, drafts, CURATED_MATCH_KM);
    if (!host) drafts.push(retiredSite(r));
    // A former reactor site now holding another plant (Rancho Seco beside Cosumnes) keeps that
    // plant's kind, and says what stood there.
    else if (host.kind !== 'retired-nuclear')
      host.notes = `${host.notes ? `${host.notes} ` : ''}Former reactor site. ${retiredNote(r)}`;
  }
  const index = createInterconnectionIndex(points);
  return drafts.map((site) => {
    const { lat, lon, ...rest } = site;
    const round = (ref: ReturnType<typeof index.nearest>) =>
      ref && { ...ref, km: Math.round(ref.km * 100) / 100 };
    return pointFeature(lon, lat, {
      ...rest,
      nearestInterconnection: round(index.nearest(lat, lon, 230)),
      nearestInterconnection345: round(index.nearest(lat, lon, 345)),
    } as SiteProperties);
  });
}
