// The MW a campus circle is sized by, and the words that say where the number came from.
// Pure: the map and the panel both read it, so they can never disagree.
import type { FeatureCollection, Point } from 'geojson';
import type { PublishedTotal } from '../../models/records.ts';
import type { CampusProperties } from '../api/client.ts';

export interface CampusMw {
  /** null when neither a planned peak nor any published total exists. */
  mw: number | null;
  basis: string;
}

type MwInputs = Pick<
  CampusProperties,
  'plannedPeakFacilityMw' | 'plannedPeakBasis' | 'publishedTotals'
>;

function largestPublishedTotal(
  totals: PublishedTotal[],
): { mw: number; total: PublishedTotal } | null {
  let best: { mw: number; total: PublishedTotal } | null = null;
  for (const total of totals) {
    for (const mw of [total.facilityMw, total.itMw]) {
      if (typeof mw === 'number' && Number.isFinite(mw) && (best === null || mw > best.mw)) {
        best = { mw, total };
      }
    }
  }
  return best;
}

/** The planned peak if published, else the largest published total, else unknown. */
export function campusPlannedMw(campus: MwInputs): CampusMw {
  const planned = campus.plannedPeakFacilityMw;
  if (typeof planned === 'number' && Number.isFinite(planned)) {
    return { mw: planned, basis: campus.plannedPeakBasis ?? 'planned peak (facility)' };
  }
  const largest = largestPublishedTotal(campus.publishedTotals ?? []);
  if (largest) {
    const which = largest.total.facilityMw === largest.mw ? 'facility' : 'IT';
    return { mw: largest.mw, basis: `largest published total (${which}, ${largest.total.year})` };
  }
  return { mw: null, basis: 'no published MW figure' };
}

/** Feature property names the campus layers read (see layers/campuses.ts). */
export const CAMPUS_MW_PROPERTY = 'plannedMw';
export const CAMPUS_LABEL_PROPERTY = 'label';

/** "Stargate I – Abilene (Crusoe / …)" → "Stargate I – Abilene": the map label stays short. */
export const shortCampusName = (name: string): string => name.replace(/\s*\(.*\)\s*$/, '').trim();

/**
 * Copies the collection, adding the MW and the short label each campus feature is drawn with.
 * A modelled peak (from /api/demand) replaces the planned figure once the user has one.
 */
export function withCampusMapProperties<P extends MwInputs & { name: string; id?: string }>(
  collection: FeatureCollection<Point, P>,
  modelledMw: Readonly<Record<string, number>> = {},
  servedFraction: Readonly<Record<string, number>> = {},
): FeatureCollection<Point, P & { plannedMw: number | null; label: string }> {
  return {
    ...collection,
    features: collection.features.map((feature) => {
      const id = feature.properties.id ?? '';
      const coverage = coverageClass(servedFraction[id]);
      return {
        ...feature,
        properties: {
          ...feature.properties,
          [CAMPUS_MW_PROPERTY]: modelledMw[id] ?? campusPlannedMw(feature.properties).mw,
          [CAMPUS_LABEL_PROPERTY]: shortCampusName(feature.properties.name),
          ...(coverage ? { [COVERAGE_PROPERTY]: coverage } : {}),
        } as P & { plannedMw: number | null; label: string },
      };
    }),
  };
}

/** Read by layers/campuses.ts (COVERAGE_CLASS_PROPERTY there is the same name). */
export const COVERAGE_PROPERTY = 'coverageClass';
/** Served energy at or above this counts as full (rounds to 100.0%); at or below 0.1%, none. */
export const FULL_COVERAGE = 0.9995;
export const NO_COVERAGE = 0.0005;

/** The legend's three classes (UX.md: red none, amber part, green full); undefined: unevaluated. */
export function coverageClass(fraction: number | undefined): 'none' | 'part' | 'full' | undefined {
  if (fraction === undefined || !Number.isFinite(fraction)) return undefined;
  if (fraction >= FULL_COVERAGE) return 'full';
  if (fraction <= NO_COVERAGE) return 'none';
  return 'part';
}
