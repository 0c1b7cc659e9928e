// The comparison PDF and the streamed downloads (issue 11). POST /api/report/compare draws 2–4
// saved scenarios side by side; POST /api/report/stream and /api/report/compare/stream send the
// same files as server-sent events, with progress while each scenario is evaluated and each
// section drawn, so the workspace can show a progress bar (a plain download cannot).
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { HttpError } from '../plugins/errors.ts';
import { buildCompareInput, comparisonTitle, renderComparePdf } from '../reports/compare-pdf.ts';
import { contentDisposition, safeFileStem } from '../reports/filename.ts';
import { buildReportInput, renderReportPdf } from '../reports/pdf.ts';
import { ErrorBody } from '../schemas/common.ts';
import { ScenarioInput, type ScenarioInputBody } from '../schemas/evaluate.ts';
import {
  CompareReportRequest,
  REPORT_CONTENT_TYPES,
  REPORT_STREAM_DESCRIPTION,
  ReportFileResponse,
  ReportFormatQuery,
  type CompareReportRequestBody,
  type ReportFormat,
  type ReportFormatQueryT,
  type ReportProgress,
  type ReportResult,
} from '../schemas/report.ts';
import { buildReport } from '../reports/build.ts';
import { sseEvent } from './sse-format.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const tags = ['reports'];
const streamSchema = {
  produces: ['text/event-stream'],
  response: { ...errors, 200: Type.String({ description: REPORT_STREAM_DESCRIPTION }) },
};

type Progress = (event: ReportProgress) => void;
interface Built {
  name: string;
  format: ReportFormat;
  bytes: string | Buffer;
}

/**
 * Answers with an event stream: `work` reports progress and gives the file, sent as one
 * `result` event; an error becomes one `error` event in the API's error shape (a 5xx's cause
 * goes to the log only).
 */
function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (progress: Progress) => Promise<Built>,
): FastifyReply {
  const out = new PassThrough();
  let closed = false;
  reply.raw.once('close', () => (closed = true));
  const send = (event: string, data: unknown) => {
    if (!closed) out.write(sseEvent(event, data));
  };
  void work((p) => send('progress', p))
    .then(({ name, format, bytes }) => {
      const result: ReportResult = {
        filename: `${safeFileStem(name)}.${format}`,
        contentType: REPORT_CONTENT_TYPES[format],
        base64: Buffer.from(bytes).toString('base64'),
      };
      send('result', result);
    })
    .catch((error: unknown) => {
      if (error instanceof HttpError && error.statusCode < 500) {
        send('error', { error: { code: error.code, message: error.message } });
        return;
      }
      request.log.error({ err: error }, 'report stream failed');
      send('error', {
        error: { code: 'INTERNAL', message: 'The report failed; see the server log.' },
      });
    })
    .finally(() => out.end());
  reply.header('content-type', 'text/event-stream; charset=utf-8');
  reply.header('cache-control', 'no-store');
  return reply.send(out);
}

/** A single scenario's file; the PDF reports evaluating, then each section drawn. */
async function buildOne(
  app: FastifyInstance,
  format: ReportFormat,
  { name, ...body }: ScenarioInputBody,
  progress: Progress,
): Promise<Built> {
  progress({ stage: 'evaluating', done: 0, total: 1 });
  if (format !== 'pdf') {
    const bytes = await buildReport(app, format, name, body);
    return { name, format, bytes };
  }
  const input = await buildReportInput(app, name, body);
  progress({ stage: 'evaluating', done: 1, total: 1 });
  const bytes = await renderReportPdf(input, (done, total) =>
    progress({ stage: 'drawing', done, total }),
  );
  return { name, format, bytes };
}

async function buildComparison(
  app: FastifyInstance,
  workspace: string,
  ids: readonly string[],
  progress: Progress,
): Promise<Built> {
  progress({ stage: 'evaluating', done: 0, total: ids.length });
  const input = await buildCompareInput(app, workspace, ids, new Date(), (done) =>
    progress({ stage: 'evaluating', done, total: ids.length }),
  );
  const bytes = await renderComparePdf(input, (done, total) =>
    progress({ stage: 'drawing', done, total }),
  );
  return { name: comparisonTitle(input.map((i) => i.name)), format: 'pdf', bytes };
}

export default async function reportStreamRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: CompareReportRequestBody }>(
    '/api/report/compare',
    {
      schema: {
        tags,
        summary: 'Saved scenarios compared in one PDF: the side-by-side table and overlaid charts',
        body: CompareReportRequest,
        response: { ...errors, 200: ReportFileResponse },
      },
    },
    async (request, reply) => {
      const input = await buildCompareInput(app, request.workspace, request.body.scenarioIds);
      const bytes = await renderComparePdf(input);
      return reply
        .header(
          'content-disposition',
          contentDisposition(comparisonTitle(input.map((i) => i.name)), 'pdf'),
        )
        .header('cache-control', 'no-store')
        .type(REPORT_CONTENT_TYPES.pdf)
        .send(bytes);
    },
  );

  app.post<{ Querystring: ReportFormatQueryT; Body: ScenarioInputBody }>(
    '/api/report/stream',
    {
      schema: {
        tags,
        summary: 'POST /api/report as server-sent events, with progress',
        description: REPORT_STREAM_DESCRIPTION,
        querystring: ReportFormatQuery,
        body: ScenarioInput,
        ...streamSchema,
      },
    },
    async (request, reply) =>
      stream(request, reply, (progress) =>
        buildOne(app, request.query.format, request.body, progress),
      ),
  );

  app.post<{ Body: CompareReportRequestBody }>(
    '/api/report/compare/stream',
    {
      schema: {
        tags,
        summary: 'POST /api/report/compare as server-sent events, with progress',
        description: REPORT_STREAM_DESCRIPTION,
        body: CompareReportRequest,
        ...streamSchema,
      },
    },
    async (request, reply) => {
      const ids = request.body.scenarioIds;
      return stream(request, reply, (progress) =>
        buildComparison(app, request.workspace, ids, progress),
      );
    },
  );
}
