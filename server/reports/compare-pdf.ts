// The comparison PDF (issue 11): 2–4 saved scenarios of one workspace, each evaluated as its
// own report would be (buildReportInput, so from the evaluate cache when the compare view has
// just run them), drawn side by side by server/reports/pdf/compare.ts.
import type { FastifyInstance } from 'fastify';
import { getScenario } from '../db/scenarios.ts';
import { HttpError } from '../plugins/errors.ts';
import type { EvaluateRequestBody } from '../schemas/evaluate.ts';
import { buildReportInput, renderSections } from './pdf.ts';
import {
  compareChartsSection,
  compareSourcesSection,
  compareTableSection,
  compareTitlePage,
  type CompareInput,
} from './pdf/compare.ts';
import { disclaimerSection } from './pdf/disclaimer.ts';

const SECTIONS = [
  compareTitlePage,
  compareTableSection,
  compareChartsSection,
  (r: Parameters<typeof compareSourcesSection>[0]) => compareSourcesSection(r),
  (r: Parameters<typeof disclaimerSection>[0]) => disclaimerSection(r),
] as const;

/** "Comparison: A vs B vs C": the file's name and the header of every page. */
export const comparisonTitle = (names: readonly string[]): string =>
  `Comparison: ${names.join(' vs ')}`;

/** Loads and evaluates the scenarios in order; a missing id is a 404 naming it. */
export async function buildCompareInput(
  app: FastifyInstance,
  workspace: string,
  ids: readonly string[],
  now: Date = new Date(),
  onEvaluated?: (done: number) => void,
): Promise<CompareInput> {
  const scenarios = await Promise.all(
    ids.map(async (id) => {
      const scenario = await getScenario(app.database.db, workspace, id);
      if (!scenario)
        throw new HttpError(404, 'NOT_FOUND', `No scenario with id ${JSON.stringify(id)}`);
      return scenario;
    }),
  );
  // One at a time: each is a Monte Carlo run on the shared worker pool.
  const inputs = [];
  for (const s of scenarios) {
    inputs.push(await buildReportInput(app, s.name, s.spec as EvaluateRequestBody, now));
    onEvaluated?.(inputs.length);
  }
  return inputs;
}

export const renderComparePdf = (
  input: CompareInput,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> =>
  renderSections(
    comparisonTitle(input.map((i) => i.name)),
    input[0].generatedAt,
    SECTIONS,
    input,
    onProgress,
  );
