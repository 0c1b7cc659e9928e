// POST /api/evaluate: a campus against a reactor fleet (DESIGN.md "Supply", "Transmission",
// "Coverage", "Economics"). The Monte Carlo runs in the worker pool; identical requests are
// answered from the cache (header x-cache: hit).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorBody } from '../schemas/common.ts';
import { EvaluateRequest, type EvaluateRequestBody } from '../schemas/evaluate.ts';
import { resolveCampusInput } from './resolve-campus.ts';

export async function evaluateBody(
  app: FastifyInstance,
  body: EvaluateRequestBody,
  reply: FastifyReply,
) {
  const campus = resolveCampusInput(app.geoData, body.campus);
  const { cached, json } = await app.evaluator.evaluate({
    campus,
    deployments: body.deployments,
    options: body.options,
  });
  // Already JSON (serialised in the worker): send the text as it is.
  return reply
    .header('x-cache', cached ? 'hit' : 'miss')
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(json);
}

export default async function evaluateRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: EvaluateRequestBody }>(
    '/api/evaluate',
    {
      schema: {
        tags: ['models'],
        summary:
          'Coverage, firmness, transmission, cost and timeline of a reactor fleet against a campus',
        body: EvaluateRequest,
        response: { 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => evaluateBody(app, request.body, reply),
  );
}
