// What the report is drawn from: the request, its evaluate answer, the campus and the designs.
import type { EvaluateRequestBody } from '../../schemas/evaluate.ts';
import type { EvaluateResponseBody } from '../../schemas/evaluate-result.ts';
import type { Design } from '../../../models/records.ts';

export interface ReportInput {
  /** Scenario name (any Unicode; drawn as text). */
  name: string;
  request: EvaluateRequestBody;
  result: EvaluateResponseBody;
  campus: { id?: string; name: string; lat: number; lon: number; state?: string | null };
  designs: Design[];
  /** Passed in; nothing in the report reads the clock. */
  generatedAt: Date;
  /** The named candidate site each deployment stands on, if any (same order as deployments). */
  siteNames?: (string | null)[];
}

export const designNameOf =
  (designs: readonly Design[]) =>
  (id: string): string =>
    designs.find((d) => d.id === id)?.name ?? id;

/** "Deployment 1: 4 × BWRX-300 (Allen Fossil Plant)". */
export function deploymentTitle(input: ReportInput, i: number): string {
  const d = input.result.deployments[i];
  const site = input.siteNames?.[i];
  return `Deployment ${i + 1}: ${d.units} × ${designNameOf(input.designs)(d.designId)}${site ? ` (${site})` : ''}`;
}
