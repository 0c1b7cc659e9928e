// POST /api/optimise (issue 13): the cheapest reactor fleet meeting a reliability target, as a
// job. The request is checked cheaply against the data before it is queued (a bad design, site,
// campus or year answers 400/404/422 at once: validateOptimiseRequest); the siting screens
// (hexes, every candidate failing a hard check) and the search then run on the job queue, a plan
// that fails there ending the job 'failed' with its message (GET /api/jobs/:id,
// its SSE events, DELETE to cancel) and evaluates its candidates on the shared evaluator.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { evaluateDataOf } from '../evaluate/data.ts';
import { runOptimise } from '../optimise/search.ts';
import { validateOptimiseRequest } from '../optimise/validate.ts';
import { ErrorBody } from '../schemas/common.ts';
import { OptimiseRequest } from '../schemas/optimise.ts';
import { sitingData } from './siting.ts';

export const OptimiseAccepted = Type.Object({
  jobId: Type.String({ format: 'uuid' }),
  /** Where to read the job: GET it, or GET its /events for progress as server-sent events. */
  statusUrl: Type.String(),
});

export default async function optimiseRoutes(app: FastifyInstance): Promise<void> {
  const data = evaluateDataOf(app.geoData);
  app.jobs.register<OptimiseRequest, unknown>('optimise', async (input, ctx) =>
    runOptimise(input, {
      geoData: app.geoData,
      data,
      // The queue's shared evaluator when it has one (PostgreSQL: each candidate a sub-job
      // that any worker process takes), else this process's pool.
      evaluator: ctx.evaluator ?? app.evaluator,
      siting: sitingData(app),
      signal: ctx.signal,
      progress: (p) => ctx.progress(p),
    }),
  );
  app.post<{ Body: OptimiseRequest }>(
    '/api/optimise',
    {
      schema: {
        tags: ['models'],
        summary:
          'The cheapest reactor fleet and sites meeting a reliability target (a job: poll /api/jobs/:id)',
        body: OptimiseRequest,
        response: {
          202: OptimiseAccepted,
          400: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      // Cheap checks only: this runs on the event loop, and the job plans it all again.
      validateOptimiseRequest(request.body, { geoData: app.geoData, data });
      const { id } = await app.jobs.submit('optimise', request.body, { owner: request.workspace });
      const statusUrl = `/api/jobs/${id}`;
      return reply.code(202).header('location', statusUrl).send({ jobId: id, statusUrl });
    },
  );
}
