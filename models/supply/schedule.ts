// The fleet's planned outages in the evaluated year, and the warnings they raise: outages that
// overlap at a site (allowed, DESIGN.md) and outages that could not be moved out of summer.
import type { DeploymentSupply } from './fleet.ts';
import { overlappingOutages, unitOutagesInYear, type Outage } from './refuelling.ts';

export interface UnitSchedule {
  deployment: number;
  unit: number;
  slot: number;
  outages: Outage[];
}

export interface FleetSchedule {
  /** Units online on 1 January of the year (codYear ≤ year), in deployment then unit order. */
  units: UnitSchedule[];
  warnings: string[];
}

const MAX_LISTED = 3;

export function fleetSchedule(plans: readonly DeploymentSupply[], year: number): FleetSchedule {
  const units: UnitSchedule[] = [];
  const warnings: string[] = [];
  for (const plan of plans) {
    if (plan.codYear > year) continue;
    for (let u = 0; u < plan.units; u += 1) {
      const slot = plan.firstSlot + u;
      units.push({
        deployment: plan.index,
        unit: u,
        slot,
        outages: unitOutagesInYear(slot, plan.design, year),
      });
    }
  }
  const sites = [...new Set(plans.map((p) => p.site))];
  for (const site of sites) {
    const atSite = units.filter((u) => plans[u.deployment].site === site);
    const { count, examples } = overlappingOutages(
      atSite.map((u) => ({
        label: `deployments[${u.deployment}] unit ${u.unit}`,
        outages: u.outages,
      })),
      MAX_LISTED,
    );
    if (count > 0) {
      const more = count > examples.length ? ` and ${count - examples.length} more` : '';
      warnings.push(
        `Refuelling overlap at the site of deployments[${site}] in ${year}: ` +
          `${examples.join('; ')}${more}. The stagger (k × (outage days + 14) from 1 October, ` +
          'summer avoided) cannot keep every outage apart, so they overlap (DESIGN.md allows it).',
      );
    }
  }
  const inSummer = units.filter((u) => u.outages.some((o) => o.inSummer));
  if (inSummer.length > 0) {
    warnings.push(
      `${inSummer.length} unit(s) have a planned outage in ${year} that overlaps 1 June–30 ` +
        'September even after moving earlier (the outage is longer than the October–May season).',
    );
  }
  return { units, warnings };
}
