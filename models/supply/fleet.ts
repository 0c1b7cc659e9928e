// Deployments → per-deployment supply plans (DESIGN.md "Supply"): design numbers, COD year (the
// design's earliest realistic year when none is given, said in the assumptions; a warning when
// a given year is earlier than that) and the line's circuits. The refuelling plan is the fleet's
// (plan.ts), not per site.
import { invalidInput } from '../errors.ts';
import type { Design } from '../records.ts';
import { designParams, type DesignParams } from './design-params.ts';

export interface DeploymentInput {
  designId: string;
  units: number;
  lat: number;
  lon: number;
  codYear?: number;
  /** 1: a single-circuit line; 2: double circuit (each carries the whole transfer). Default 1. */
  circuits?: 1 | 2;
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
  circuits: 1 | 2;
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
    return {
      index,
      designId: design.id,
      units: input.units,
      lat: input.lat,
      lon: input.lon,
      codYear,
      codYearDefaulted: input.codYear === undefined,
      design: params,
      circuits: input.circuits ?? 1,
    };
  });
  return { deployments: plans, assumptions, warnings };
}
