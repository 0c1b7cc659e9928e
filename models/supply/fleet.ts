// Deployments → per-deployment supply plans (DESIGN.md "Supply"): design numbers, COD year (the
// design's earliest realistic year when none is given, said in the assumptions; a warning when
// a given year is earlier than that), the site each deployment belongs to and each unit's slot in
// its site's refuelling stagger.
import { invalidInput } from '../errors.ts';
import type { Design } from '../records.ts';
import { designParams, type DesignParams } from './design-params.ts';
import { clusterSites } from './sites.ts';

export interface DeploymentInput {
  designId: string;
  units: number;
  lat: number;
  lon: number;
  codYear?: number;
}

export interface DeploymentSupply {
  index: number;
  designId: string;
  units: number;
  lat: number;
  lon: number;
  /** 1 January 00:00 of this year is when every unit of the deployment starts to contribute. */
  codYear: number;
  codYearDefaulted: boolean;
  design: DesignParams;
  /** Index of the site: the lowest deployment index among deployments within 5 km (chained). */
  site: number;
  /** Stagger slot of unit 0; unit u has slot firstSlot + u (site order: deployment, then unit). */
  firstSlot: number;
}

export interface FleetPlan {
  deployments: DeploymentSupply[];
  assumptions: string[];
  warnings: string[];
}

export function planDeployments(
  deployments: readonly DeploymentInput[],
  designs: readonly Design[],
): FleetPlan {
  const byId = new Map(designs.map((design) => [design.id, design]));
  const assumptions: string[] = [];
  const warnings: string[] = [];
  const sites = clusterSites(deployments);
  const slotsUsed = new Map<number, number>();
  const plans = deployments.map((input, index): DeploymentSupply => {
    const design = byId.get(input.designId);
    if (!design) {
      throw invalidInput(`deployments[${index}].designId`, input.designId, 'unknown design id');
    }
    const params = designParams(design);
    const earliest = params.earliestCodYear;
    const codYear = input.codYear ?? earliest;
    if (input.codYear === undefined) {
      assumptions.push(
        `deployments[${index}].codYear not given: ${codYear}, the ${design.name} earliest ` +
          'realistic commercial operation year.',
      );
    } else if (input.codYear < earliest) {
      warnings.push(
        `deployments[${index}] (${design.name}) codYear ${input.codYear} is earlier than the ` +
          `design's earliest realistic commercial operation year, ${earliest}.`,
      );
    }
    const site = sites[index];
    const firstSlot = slotsUsed.get(site) ?? 0;
    slotsUsed.set(site, firstSlot + input.units);
    return {
      index,
      designId: design.id,
      units: input.units,
      lat: input.lat,
      lon: input.lon,
      codYear,
      codYearDefaulted: input.codYear === undefined,
      design: params,
      site,
      firstSlot,
    };
  });
  for (const [site, count] of slotsUsed) {
    const members = plans.filter((p) => p.site === site).map((p) => p.index);
    if (members.length > 1) {
      assumptions.push(
        `deployments ${members.join(', ')} are within 5 km of each other: one site, ${count} ` +
          'units staggered together for refuelling.',
      );
    }
  }
  return { deployments: plans, assumptions, warnings };
}
