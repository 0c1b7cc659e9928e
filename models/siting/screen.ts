// Ranks the candidate sites for a campus and a design: the full checks at each site, a hard
// failure excludes it, and the weighted criteria give a 0..100 score with a reason per point.
import { planLine } from '../transmission.ts';
import { greatCircleKm, kmToMi } from '../units.ts';
import type { Design, InterconnectionRef } from '../records.ts';
import { checksFromFacts, passes } from './checks.ts';
import { BROWNFIELD_RADIUS_KM, siteFacts, unitTransfer } from './facts.ts';
import { HAZARD_SCORE } from './seismic.ts';
import { KM_PER_DEG } from './sphere.ts';
import type { CampusPoint, SiteFacts, SitingData, WaterStatus } from './types.ts';
import {
  costScore,
  interconnectionScore,
  populationMarginScore,
  weightedScore,
  type CriterionScores,
  type ScreenWeights,
} from './weights.ts';

export interface SiteCriteria {
  distanceKm: number;
  routeKm: number;
  lineKind: string;
  voltageKv: number | null;
  transmissionCapexUsd: number;
  lossFraction: number;
  worstDensityPerMi2: number;
  worstDensityRadiusMi: number;
  populationCentre: {
    name: string;
    population: number;
    boundaryDistanceMi: number;
    limitMi: number;
  } | null;
  hazard: string;
  brownfield: boolean;
  brownfieldDistanceKm: number | null;
  water: WaterStatus;
  waterSource: string | null;
  /** The nearest known ≥ 345 kV interconnection point (an EIA-860 2019 plant), or null. */
  interconnection: InterconnectionRef | null;
  /** The nearest at ≥ 230 kV, which may be nearer. */
  interconnection230: InterconnectionRef | null;
  scores: CriterionScores;
  points: CriterionScores;
}

export interface ScreenedSite {
  siteId: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  score: number;
  excluded: boolean;
  reasons: string[];
  criteria: SiteCriteria;
}

const WATER_SCORE: Record<WaterStatus, number> = { known: 1, 'dry-cooling': 0.5, unknown: 0 };
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** The capex of the same transfer over a line as long as the screen radius: distance score 0. */
export function referenceCapexUsd(campus: CampusPoint, design: Design, radiusKm: number): number {
  const north = campus.lat + radiusKm / KM_PER_DEG <= 90;
  const toLat = campus.lat + ((north ? 1 : -1) * radiusKm) / KM_PER_DEG;
  const { transferMw } = unitTransfer(design);
  return planLine({
    fromLat: campus.lat,
    fromLon: campus.lon,
    toLat,
    toLon: campus.lon,
    transferMw,
  }).capexUsd;
}

function criteriaOf(f: SiteFacts, referenceUsd: number): Omit<SiteCriteria, 'points'> {
  const campus = f.campus!;
  const brownfieldKm = f.brownfield?.distanceKm ?? null;
  const brownfield = brownfieldKm !== null && brownfieldKm <= BROWNFIELD_RADIUS_KM;
  const c = f.centre;
  return {
    distanceKm: campus.distanceKm,
    routeKm: campus.line.routeKm,
    lineKind: campus.line.kind,
    voltageKv: campus.line.voltageKv,
    transmissionCapexUsd: campus.line.capexUsd,
    lossFraction: campus.line.lossFraction,
    worstDensityPerMi2: f.density.worst.densityPerMi2,
    worstDensityRadiusMi: f.density.worst.radiusMi,
    populationCentre: c && {
      name: c.name,
      population: c.population,
      boundaryDistanceMi: kmToMi(c.boundaryDistanceKm),
      limitMi: f.centreLimitMi,
    },
    hazard: f.seismic.hazard,
    brownfield,
    brownfieldDistanceKm: brownfieldKm,
    water: f.water.status,
    waterSource: f.water.source,
    interconnection: f.interconnection.kv345,
    interconnection230: f.interconnection.kv230,
    scores: {
      populationMargin: populationMarginScore(f.density.worst.densityPerMi2),
      distance: costScore(campus.line.capexUsd, referenceUsd),
      seismic: HAZARD_SCORE[f.seismic.hazard],
      brownfield: brownfield ? 1 : 0,
      water: WATER_SCORE[f.water.status],
      interconnection: interconnectionScore(f.interconnection.kv345?.km),
    },
  };
}

function reasonsOf(c: SiteCriteria, max: CriterionScores, f: SiteFacts): string[] {
  const pts = (k: keyof CriterionScores) => `${r1(c.points[k])} of ${r1(max[k])}`;
  const b = f.brownfield;
  return [
    `Population margin ${pts('populationMargin')}: RG 4.7 worst density ` +
      `${r1(c.worstDensityPerMi2)}/mi² within ${c.worstDensityRadiusMi} mi (limit 500; ` +
      `${f.density.source.contributing.join(' + ')}).`,
    `Distance ${pts('distance')}: ${r1(c.distanceKm)} km to the campus, ${c.lineKind} line` +
      `${c.voltageKv ? ` at ${c.voltageKv} kV` : ''}, $${r1(c.transmissionCapexUsd / 1e6)}M.`,
    `Seismic ${pts('seismic')}: ${c.hazard} hazard (approximate zones).`,
    `Brownfield ${pts('brownfield')}: ` +
      (b
        ? `${r1(b.distanceKm)} km from ${b.site.name} (${b.site.kind}, ${b.site.existingMw} MW` +
          `${b.site.asOf.startsWith('2017') ? ' as of 2017' : ''}` +
          `${c.brownfield ? '; C2N 15–35% capital saving' : ''}).`
        : 'no nuclear or coal site recorded.'),
    `Water ${pts('water')}: ` +
      (c.water === 'known'
        ? `${c.waterSource}.`
        : c.water === 'dry-cooling'
          ? 'unknown; dry cooling possible.'
          : 'unknown.'),
    `Interconnection ${pts('interconnection')}: ` +
      (c.interconnection
        ? `${r1(c.interconnection.km)} km to ${c.interconnection.name}, an EIA-860 2019 plant at ` +
          `${c.interconnection.kv} kV (a proxy for a substation)` +
          (c.interconnection230 && c.interconnection230.km < c.interconnection.km
            ? `; ${r1(c.interconnection230.km)} km to ${c.interconnection230.name} at ${c.interconnection230.kv} kV.`
            : '.')
        : 'no ≥ 345 kV point known (EIA-860 covers US plants only).'),
  ];
}

/** Every candidate site within radiusKm of the campus, best first, excluded sites last. */
export function rankSites(
  data: SitingData,
  input: { campus: CampusPoint; design: Design; radiusKm: number; weights: ScreenWeights },
): ScreenedSite[] {
  const { campus, design, radiusKm, weights } = input;
  const referenceUsd = referenceCapexUsd(campus, design, radiusKm);
  const ranked: ScreenedSite[] = [];
  for (const site of data.sites) {
    // The distance first: the full facts cost ~0.5 ms a site, and most sites lie far away.
    if (greatCircleKm(site.lat, site.lon, campus.lat, campus.lon) > radiusKm) continue;
    const facts = siteFacts(data, site, design, campus);
    const checks = checksFromFacts(facts);
    const base = criteriaOf(facts, referenceUsd);
    const { score, points, maxPoints } = weightedScore(base.scores, weights);
    const criteria = { ...base, points: points as CriterionScores };
    const failed = checks.filter((c) => c.severity === 'hard' && c.pass === false);
    ranked.push({
      siteId: site.id,
      name: site.name,
      kind: site.kind,
      lat: site.lat,
      lon: site.lon,
      score: r1(score),
      excluded: !passes(checks),
      reasons: [
        ...failed.map((c) => `Excluded: ${c.id} fails (${c.value} ${c.unit}, limit ${c.limit}).`),
        ...reasonsOf(criteria, maxPoints as CriterionScores, facts),
      ],
      criteria,
    });
  }
  return ranked.sort(
    (a, b) =>
      Number(a.excluded) - Number(b.excluded) ||
      b.score - a.score ||
      a.siteId.localeCompare(b.siteId),
  );
}
