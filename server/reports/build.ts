// One report file of a scenario, in the format asked (PDF, CSV or GeoJSON), as the body to send.
// Shared by the report routes and their streamed form (server/routes/report-stream.ts).
import type { FastifyInstance } from 'fastify';
import type { EvaluateRequestBody } from '../schemas/evaluate.ts';
import type { ReportFormat } from '../schemas/report.ts';
import { buildCsv } from './csv.ts';
import { evaluateScenario } from './evaluated.ts';
import { buildGeoJson } from './geojson.ts';
import { buildReportInput, renderReportPdf } from './pdf.ts';

/** The file of one format, as the body to send. */
export async function buildReport(
  app: FastifyInstance,
  format: ReportFormat,
  name: string,
  body: EvaluateRequestBody,
  onPdfProgress?: (done: number, total: number) => void,
): Promise<string | Buffer> {
  if (format === 'pdf') {
    return renderReportPdf(await buildReportInput(app, name, body), onPdfProgress);
  }
  const evaluated = await evaluateScenario(app, name, body);
  if (format === 'csv') {
    return buildCsv({
      result: evaluated.result,
      utcOffsetHours: evaluated.campus.utcOffsetHours,
      designs: evaluated.designs,
    });
  }
  return JSON.stringify(buildGeoJson(evaluated));
}
