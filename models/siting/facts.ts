// Gathers what is true at a point for a design (population, seismic zone, water, brownfield,
// the line to a campus) before any of it is judged; checks.ts and screen.ts read the facts.
import { createSeismicLookup } from './seismic.ts';
import { densityProfile } from './density.ts';
import { createInterconnectionIndex } from '../grid/interconnection.ts';
import { createNearestIndex } from '../grid/nearest.ts';
import { planLine } from '../transmission.ts';
import { greatCircleKm, miToKm } from '../units.ts';
import type { CandidateSite, Design } from '../records.ts';
import type { CampusPoint, SiteFacts, SitingData, SitingDataInput, WaterStatus } from './types.ts';

/** 10 CFR 100.3: a population centre has more than about 25,000 residents (§1.1 [H]). */
export const POPULATION_CENTRE_MIN = 25_000;
/** 10 CFR 100.21(b) → 100.11: centre boundary ≥ 1⅓ × the LPZ outer radius (§1.1 [H]). */
export const LPZ_MULTIPLE = 4 / 3;
/** DESIGN.md: brownfield reuse within 3 km of a nuclear or retiring coal site. */
export const BROWNFIELD_RADIUS_KM = 3;
/** How far to look for a population centre before saying there is none. */
export const CENTRE_SEARCH_KM = 1000;
/** The nearest place within this distance gives the point's country (jurisdiction note). */
export const COUNTRY_SEARCH_KM = 150;

/**
 * A site whose coal or nuclear infrastructure a new plant could reuse (DOE coal-to-nuclear):
 * from the plant's own record (coal or nuclear MW), or a retired reactor or coal site. A gas
 * plant alone earns no credit: C2N's 15–35% saving is for coal and nuclear steam sites.
 */
export function isBrownfield(site: CandidateSite): boolean {
  if (['nuclear-plant', 'retired-nuclear', 'coal-retirement', 'coal-plant'].includes(site.kind))
    return true;
  const mw = site.mwByFuel;
  return (mw?.coal ?? 0) > 0 || (mw?.nuclear ?? 0) > 0;
}

/** A recorded cooling-water source, or null when the record says it is unknown. */
export function knownWater(site: CandidateSite | undefined): string | null {
  const water = site?.coolingWater?.trim();
  return water && !/^(unknown|n\/a)\b/i.test(water) ? water : null;
}

export function createSitingData(input: SitingDataInput): SitingData {
  const siteIndex = createNearestIndex(input.sites);
  const interconnections = createInterconnectionIndex(input.interconnections ?? []);
  return {
    population: input.population,
    seismic: createSeismicLookup(input.seismicZones),
    sites: input.sites,
    nearestSite: (lat, lon, accept) => {
      const hit = siteIndex.nearest(lat, lon, accept);
      return hit && { site: hit.item, distanceKm: hit.km };
    },
    interconnections,
  };
}

/** One unit of the design; a storage design's line is sized to its peak (DESIGN.md "Storage"). */
export function unitTransfer(design: Design): { transferMw: number; transferBasis: string } {
  const peak = design.peakMwe?.value;
  const transferMw = peak ?? design.netMwe.value;
  const what = peak ? `peakMwe ${peak} MW (storage boost)` : `netMwe ${transferMw} MW`;
  const plant = design.typicalPlant ? `; typical plant: ${design.typicalPlant}` : '';
  return {
    transferMw,
    transferBasis: `Line sized for one unit of ${design.name}, ${what}${plant}. More units need a bigger line.`,
  };
}

export function siteFacts(
  data: SitingData,
  point: { lat: number; lon: number },
  design: Design,
  campus?: CampusPoint,
): SiteFacts {
  const { lat, lon } = point;
  const { population } = data;
  const atSite = data.nearestSite(lat, lon);
  const onSite = atSite && atSite.distanceKm <= BROWNFIELD_RADIUS_KM ? atSite : null;
  const source = knownWater(onSite?.site);
  const status: WaterStatus = source
    ? 'known'
    : design.dryCoolingCapable
      ? 'dry-cooling'
      : 'unknown';
  let campusFacts: SiteFacts['campus'] = null;
  if (campus) {
    const { transferMw, transferBasis } = unitTransfer(design);
    const line = planLine({
      fromLat: lat,
      fromLon: lon,
      toLat: campus.lat,
      toLon: campus.lon,
      transferMw,
    });
    const distanceKm = greatCircleKm(lat, lon, campus.lat, campus.lon);
    campusFacts = { point: campus, distanceKm, transferMw, transferBasis, line };
  }
  return {
    lat,
    lon,
    design,
    country: population.nearest(lat, lon, COUNTRY_SEARCH_KM)?.country ?? null,
    density: densityProfile(population, lat, lon),
    centre: population.nearestAbove(lat, lon, POPULATION_CENTRE_MIN, CENTRE_SEARCH_KM),
    centreLimitMi: LPZ_MULTIPLE * design.lpzMi.value,
    epzPopulation: population.populationWithin(lat, lon, miToKm(design.epzMi.value)),
    seismic: data.seismic(lat, lon),
    atSite: onSite,
    brownfield: data.nearestSite(lat, lon, isBrownfield),
    interconnection: {
      kv230: data.interconnections.nearest(lat, lon, 230),
      kv345: data.interconnections.nearest(lat, lon, 345),
    },
    water: { status, source },
    campus: campusFacts,
  };
}
