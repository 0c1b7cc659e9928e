// Campuses and supply deals from ai-campuses.json. The reference gives cumulative published
// totals by year; the demand model wants load increments (DESIGN.md "Data records"), so each
// total becomes the increment over the previous one, starting in January and ramping 6 months,
// which makes the modelled peak of the published year equal the published total. GPU counts
// that the notes state become publishedAccelerators (campus-accelerators.ts), for cross-checks.
import type { Feature, Point } from 'geojson';
import { acceleratorIds } from '../../models/gpu-power.ts';
import type { CampusPhase, PublishedTotal } from '../../models/records.ts';
import type { CampusProperties, SupplyDealProperties } from '../../geo-data/load.ts';
import { publishedAccelerators } from './campus-accelerators.ts';
import {
  CAMPUS_CAVEATS,
  campusKind,
  campusPue,
  isSupplyKind,
  trainingShare,
  utcOffsetHours,
} from './campus-rules.ts';
import type { RefCampus, RefCampusPhase, RefGpuPower } from './reference.ts';

export const RAMP_MONTHS = 6;

type Basis = 'facilityMw' | 'itMw';
const WORDS: Record<Basis, string> = { facilityMw: 'facility', itMw: 'IT' };

const round = (mw: number): number => Math.round(mw * 100) / 100;
const published = (mw: number | null | undefined): mw is number => typeof mw === 'number';

export function pointFeature<P extends { id: string }>(
  lon: number,
  lat: number,
  properties: P,
): Feature<Point, P> {
  return {
    type: 'Feature',
    id: properties.id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties,
  };
}

function publishedTotal(phase: RefCampusPhase): PublishedTotal {
  return {
    year: phase.year,
    ...(published(phase.facilityMw) && { facilityMw: phase.facilityMw }),
    ...(published(phase.itMw) && { itMw: phase.itMw }),
    note: phase.note,
    confidence: phase.confidence,
  };
}

/** Cumulative published totals → increments in one basis, with every choice said in words. */
export function convertPhases(referencePhases: RefCampusPhase[], pue: number) {
  const phases: CampusPhase[] = [];
  const publishedTotals: PublishedTotal[] = [];
  const assumptions: string[] = [];
  let basis: Basis | undefined;
  let previous = 0;
  for (const phase of referencePhases) {
    const facility = published(phase.facilityMw) ? phase.facilityMw : undefined;
    const it = published(phase.itMw) ? phase.itMw : undefined;
    if (facility === undefined && it === undefined) {
      assumptions.push(
        `Reference phase ${phase.year} has no published MW, so it is left out of phases: "${phase.note}"`,
      );
      continue;
    }
    publishedTotals.push(publishedTotal(phase));
    // Facility power first: later totals are facility or ambiguous, and it is what the grid sees.
    basis ??= facility !== undefined ? 'facilityMw' : 'itMw';
    let total = basis === 'facilityMw' ? facility : it;
    if (facility !== undefined && it !== undefined) {
      assumptions.push(
        `${phase.year} publishes both ${facility} MW facility and ${it} MW IT; the increment uses the ${WORDS[basis]} figure and both stay in publishedTotals.`,
      );
    }
    if (total === undefined) {
      total = basis === 'facilityMw' ? round(it! * pue) : round(facility! / pue);
      assumptions.push(
        `${phase.year} is published only as ${WORDS[basis === 'facilityMw' ? 'itMw' : 'facilityMw']} power; converted to ${total} MW ${WORDS[basis]} with pue ${pue} so all phases share one basis.`,
      );
    }
    const increment = round(total - previous);
    if (increment <= 0) {
      assumptions.push(
        `${phase.year} total ${total} MW is not above the previous ${previous} MW, so it adds no phase.`,
      );
      continue;
    }
    const from =
      previous === 0
        ? `the first published total (${total} MW in ${phase.year})`
        : `the published cumulative total of ${total} MW in ${phase.year} less the ${previous} MW before`;
    const also =
      basis === 'facilityMw' && it !== undefined
        ? ` The published IT figure (${it} MW) is kept in publishedTotals.`
        : '';
    phases.push({
      start: `${phase.year}-01`,
      rampMonths: RAMP_MONTHS,
      [basis]: increment,
      note: `+${increment} MW ${WORDS[basis]}: ${from}, ramped over ${RAMP_MONTHS} months from January so the total is reached within ${phase.year}.${also}`,
      confidence: phase.confidence,
    });
    previous = total;
  }
  if (phases.length === 0) {
    assumptions.push(
      'No published MW: phases is empty, so the demand API answers 422 NO_PUBLISHED_LOAD until the user gives phases.',
    );
  }
  return { phases, publishedTotals, assumptions };
}

export function buildCampus(
  ref: RefCampus,
  gpuPower: RefGpuPower,
): Feature<Point, CampusProperties> {
  const { kind, assumption: kindNote } = campusKind(ref);
  const offset = utcOffsetHours(ref);
  const pue = campusPue(ref, gpuPower);
  const share = trainingShare(kind);
  const converted = convertPhases(ref.phases, pue.value);
  const accelerators = publishedAccelerators(ref, new Set(acceleratorIds(gpuPower)));
  return pointFeature(ref.lon, ref.lat, {
    id: ref.id,
    name: ref.name,
    kind,
    utcOffsetHours: offset.value,
    pue: pue.value,
    trainingShare: share.value,
    phases: converted.phases,
    publishedTotals: converted.publishedTotals,
    ...(accelerators && { publishedAccelerators: accelerators }),
    operator: ref.operator,
    city: ref.city,
    state: ref.state,
    status: ref.status,
    iso: ref.iso,
    plannedPeakFacilityMw: ref.plannedPeakFacilityMw,
    plannedPeakBasis: ref.plannedPeakBasis,
    coordConfidence: ref.coordConfidence,
    coordPrecision: ref.coordPrecision,
    assumptions: [
      kindNote,
      ...(offset.assumption ? [offset.assumption] : []),
      pue.assumption,
      share.assumption,
      ...converted.assumptions,
      ...(CAMPUS_CAVEATS[ref.id] ?? []),
    ],
    sources: ref.sources,
    confidence: ref.confidence,
  });
}

/** A supply deal keeps its published supply as is (cumulative MW by year), never as load. */
export function buildSupplyDeal(ref: RefCampus): Feature<Point, SupplyDealProperties> {
  const supply = ref.phases.map((phase) => {
    if (!published(phase.supplyMw))
      throw new Error(`supply deal "${ref.id}": ${phase.year} has no supplyMw`);
    return {
      year: phase.year,
      supplyMw: phase.supplyMw,
      note: phase.note,
      confidence: phase.confidence,
    };
  });
  return pointFeature(ref.lon, ref.lat, {
    id: ref.id,
    name: ref.name,
    kind: ref.kind,
    supply,
    operator: ref.operator,
    city: ref.city,
    state: ref.state,
    status: ref.status,
    iso: ref.iso,
    coordConfidence: ref.coordConfidence,
    coordPrecision: ref.coordPrecision,
    sources: ref.sources,
    confidence: ref.confidence,
  });
}

export function buildCampuses(refs: RefCampus[], gpuPower: RefGpuPower) {
  return {
    campuses: refs.filter((r) => !isSupplyKind(r.kind)).map((r) => buildCampus(r, gpuPower)),
    supplyDeals: refs.filter((r) => isSupplyKind(r.kind)).map(buildSupplyDeal),
  };
}
