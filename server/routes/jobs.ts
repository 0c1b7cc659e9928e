// The job routes (issue 13): a job's status, its cancellation, and its progress as server-sent
// events. Whatever a job computes (the optimiser's POST /api/optimise submits one) is read
// back here. Protected like every API route; a job submitted with an owner is that
// workspace's alone, and any other sees 404, as for an unknown id.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from '../schemas/common.ts';
import {
  FINISHED_JOB_STATES,
  JOB_EVENTS_DESCRIPTION,
  JobIdParams,
  JobStatus,
  type JobIdParamsT,
  type JobStatusBody,
} from '../schemas/jobs.ts';
import { sseEvent } from './sse-format.ts';

const tags = ['jobs'];
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };
const isFinished = (status: JobStatusBody) => FINISHED_JOB_STATES.includes(status.state);

/** The job's status, or 404 NOT_FOUND naming the id (also for another workspace's job). */
async function jobOf(app: FastifyInstance, request: FastifyRequest<{ Params: JobIdParamsT }>) {
  const { id } = request.params;
  const [status, owner] = await Promise.all([app.jobs.get(id), app.jobs.ownerOf(id)]);
  if (!status || (owner !== undefined && owner !== request.workspace)) {
    throw new HttpError(404, 'NOT_FOUND', `No job ${id} (unknown, or finished long ago)`);
  }
  return status;
}

export default async function jobRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: JobIdParamsT }>(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: "A job's state and progress, and its result once done",
        params: JobIdParams,
        response: { 200: JobStatus, ...errors },
      },
    },
    async (request, reply) => {
      const status = await jobOf(app, request);
      return reply.header('cache-control', 'no-store').send(status);
    },
  );

  app.delete<{ Params: JobIdParamsT }>(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Cancel a job: a queued one at once, a running one when its work stops',
        description:
          '202 with the status after asking: a running job shows cancelRequested and becomes ' +
          'cancelled within about a second. 409 CONFLICT for a job already finished.',
        params: JobIdParams,
        response: { 202: JobStatus, ...errors, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const before = await jobOf(app, request);
      if (!(await app.jobs.cancel(before.id))) {
        const now = (await app.jobs.get(before.id)) ?? before;
        throw new HttpError(
          409,
          'CONFLICT',
          `Job ${before.id} has already finished (${now.state}); there is nothing to cancel`,
        );
      }
      return reply.status(202).send((await app.jobs.get(before.id)) ?? before);
    },
  );

  app.get<{ Params: JobIdParamsT }>(
    '/api/jobs/:id/events',
    {
      schema: {
        tags,
        summary: "A job's progress as server-sent events, ending with its final status",
        description: JOB_EVENTS_DESCRIPTION,
        params: JobIdParams,
        produces: ['text/event-stream'],
        response: { 200: Type.String({ description: JOB_EVENTS_DESCRIPTION }), ...errors },
      },
    },
    async (request, reply) => {
      const status = await jobOf(app, request);
      const out = new PassThrough();
      let unsubscribe = () => undefined as unknown;
      let lastDone = -1;
      const send = (current: JobStatusBody) => {
        if (out.writableEnded) return;
        if (!isFinished(current)) {
          // The first read and the listener race (reads are queries on PostgreSQL): a status
          // older than one already sent is dropped, so progress never runs backwards.
          if (current.progress.done < lastDone) return;
          lastDone = current.progress.done;
          out.write(sseEvent('progress', current));
          return;
        }
        out.end(sseEvent('done', current));
        unsubscribe();
      };
      reply.raw.once('close', () => {
        unsubscribe();
        if (!out.writableEnded) out.end();
      });
      // Subscribe before the first write, so no change falls between the two.
      unsubscribe = app.jobs.subscribe(status.id, send);
      send((await app.jobs.get(status.id)) ?? status);
      reply.header('content-type', 'text/event-stream; charset=utf-8');
      reply.header('cache-control', 'no-store');
      return reply.send(out);
    },
  );
}
