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
): FeatureCollection<Point, P & { plannedMw: number | null; label: string }> {
  return {
    ...collection,
    features: collection.features.map((feature) => ({
      ...feature,
      properties: {
        ...feature.properties,
        [CAMPUS_MW_PROPERTY]:
          modelledMw[feature.properties.id ?? ''] ?? campusPlannedMw(feature.properties).mw,
        [CAMPUS_LABEL_PROPERTY]: shortCampusName(feature.properties.name),
      } as P & { plannedMw: number | null; label: string },
    })),
  };
}
