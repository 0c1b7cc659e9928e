// The checks that depend on where the site is relative to others: a campus (exclusion area,
// distance, line cost) and a border (outside the US the NRC tests are shown for comparison).
import { kmToMi } from '../units.ts';
import type { SiteFacts, SitingCheck } from './types.ts';

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const COUNTRY_NAMES: Record<string, string> = { CA: 'Canada', MX: 'Mexico' };

/** Outside the US the NRC rules are shown for comparison: never a hard bar there. */
export function comparison(facts: SiteFacts): string {
  const name = facts.country && COUNTRY_NAMES[facts.country];
  return name ? `For comparison only (site in ${name}; the NRC rule does not govern it). ` : '';
}

export function campusChecks(f: SiteFacts): SitingCheck[] {
  if (!f.campus) return [];
  const { point, distanceKm, line, transferBasis } = f.campus;
  const label = point.name ?? point.id ?? `(${point.lat}, ${point.lon})`;
  const eab = f.design.eabMi;
  const distanceMi = kmToMi(distanceKm);
  const kv = line.voltageKv === null ? 'switchyard only' : `${line.voltageKv} kV`;
  return [
    {
      id: 'campus-exclusion-area',
      severity: 'advisory',
      pass: distanceMi > eab.value,
      value: round(distanceMi, 2),
      limit: eab.value,
      unit: 'mi',
      note:
        `Campus ${label} against the ${eab.value} mi exclusion area boundary (${eab.basis}): the ` +
        'licensee must control all activities inside the EAB (10 CFR 100.3), so a campus inside ' +
        'it needs that control arranged.',
    },
    {
      id: 'campus-distance',
      severity: 'info',
      pass: null,
      value: round(distanceKm, 1),
      limit: null,
      unit: 'km',
      note: `Great-circle distance to ${label}; route ${round(line.routeKm, 1)} km (${line.kind}).`,
    },
    {
      id: 'transmission-cost',
      severity: 'info',
      pass: null,
      value: Math.round(line.capexUsd / 1000) * 1000,
      limit: null,
      unit: 'USD',
      note:
        `${line.kind} line, ${kv}, ${line.circuits} circuit(s), loss ` +
        `${round(line.lossFraction * 100, 2)}%. ${transferBasis} ${line.assumptions.join(' ')}`,
    },
  ];
}

export function jurisdictionCheck(f: SiteFacts): SitingCheck[] {
  if (!comparison(f)) return [];
  return [
    {
      id: 'jurisdiction',
      severity: 'info',
      pass: null,
      value: f.country,
      limit: null,
      unit: '',
      note:
        `${COUNTRY_NAMES[f.country ?? '']} (by the nearest GeoNames place): the NRC tests are ` +
        'shown for comparison and none is a hard bar here. Ontario plans a ~10 km detailed, ' +
        '~20 km contingency and ~50 km ingestion zone (siting-criteria §1.3 [M]).',
    },
  ];
}
