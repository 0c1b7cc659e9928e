// Downloads (issue 11): a saved or an unsaved scenario as a PDF siting report, its hourly data
// as CSV or its sites and lines as GeoJSON; and a saved scenario as JSON that POST
// /api/scenarios takes back. Every file comes with Content-Disposition: attachment and a
// filename from the scenario's name, made safe (server/reports/filename.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { getScenario } from '../db/scenarios.ts';
import { HttpError } from '../plugins/errors.ts';
import { buildReport } from '../reports/build.ts';
import { contentDisposition } from '../reports/filename.ts';
import reportStreamRoutes from './report-stream.ts';
import { ErrorBody } from '../schemas/common.ts';
import {
  ScenarioInput,
  type EvaluateRequestBody,
  type ScenarioInputBody,
} from '../schemas/evaluate.ts';
import {
  REPORT_CONTENT_TYPES,
  ReportFileResponse,
  ReportFormatQuery,
  ReportParams,
  type ReportFormat,
  type ReportFormatQueryT,
  type ReportParamsT,
} from '../schemas/report.ts';
import {
  ScenarioExport,
  type ScenarioExportBody,
  type ScenarioOptimisationBody,
} from '../schemas/scenario.ts';
import { Type, type Static } from 'typebox';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const tags = ['reports'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function sendFile(
  reply: FastifyReply,
  format: ReportFormat,
  name: string,
  file: string | Buffer,
): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(name, format))
    .header('cache-control', 'no-store')
    .type(REPORT_CONTENT_TYPES[format])
    .send(file);
}

/**
 * A saved scenario as exactly what POST /api/scenarios accepts: its spec and, when it was loaded
 * from the optimiser, that optimisation (so an import reopens with its ranked fleets too).
 */
export function scenarioExport(scenario: {
  name: string;
  spec: unknown;
  optimisation: unknown;
}): ScenarioExportBody {
  const spec = scenario.spec as Omit<ScenarioInputBody, 'name'>;
  return {
    name: scenario.name,
    campus: spec.campus,
    deployments: spec.deployments,
    ...(spec.options === undefined ? {} : { options: spec.options }),
    ...(scenario.optimisation === null
      ? {}
      : { optimisation: scenario.optimisation as ScenarioOptimisationBody }),
  };
}

export default async function reportRoutes(app: FastifyInstance): Promise<void> {
  await app.register(reportStreamRoutes);
  const mustGet = async (workspace: string, id: string) => {
    const scenario = await getScenario(app.database.db, workspace, id);
    if (!scenario)
      throw new HttpError(404, 'NOT_FOUND', `No scenario with id ${JSON.stringify(id)}`);
    return scenario;
  };

  app.get<{ Params: ReportParamsT }>(
    '/api/scenarios/:id/report.:format',
    {
      schema: {
        tags,
        summary: 'A saved scenario as a PDF siting report, hourly CSV or GeoJSON',
        description:
          'report.pdf, report.csv or report.geojson; the file is an attachment named after the scenario',
        params: ReportParams,
        response: { ...errors, 200: ReportFileResponse },
      },
    },
    async (request, reply) => {
      const scenario = await mustGet(request.workspace, request.params.id);
      const { format } = request.params;
      const file = await buildReport(
        app,
        format,
        scenario.name,
        scenario.spec as EvaluateRequestBody,
      );
      return sendFile(reply, format, scenario.name, file);
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/scenarios/:id/export.json',
    {
      schema: {
        tags,
        summary: 'A saved scenario as JSON that POST /api/scenarios imports again',
        params: IdParams,
        response: { ...errors, 200: ScenarioExport },
      },
    },
    async (request, reply) => {
      const scenario = await mustGet(request.workspace, request.params.id);
      reply
        .header('content-disposition', contentDisposition(scenario.name, 'json'))
        .header('cache-control', 'no-store');
      return scenarioExport(scenario);
    },
  );

  app.post<{ Querystring: ReportFormatQueryT; Body: ScenarioInputBody }>(
    '/api/report',
    {
      schema: {
        tags,
        summary: 'An unsaved scenario as a PDF siting report, hourly CSV or GeoJSON',
        querystring: ReportFormatQuery,
        body: ScenarioInput,
        response: { ...errors, 200: ReportFileResponse },
      },
    },
    async (request, reply) => {
      const { name, ...body } = request.body;
      const { format } = request.query;
      return sendFile(reply, format, name, await buildReport(app, format, name, body));
    },
  );
}
