// POST /api/evaluate: a campus against a reactor fleet (DESIGN.md "Supply", "Transmission",
// "Coverage", "Economics"). The Monte Carlo runs in the worker pool; identical requests are
// answered from the cache (header x-cache: hit).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorBody } from '../schemas/common.ts';
import { EvaluateRequest, type EvaluateRequestBody } from '../schemas/evaluate.ts';
import { EvaluateResponse } from '../schemas/evaluate-result.ts';
import { checkSite } from '../../models/siting.ts';
import { resolveCampusInput } from './resolve-campus.ts';
import { sitingData } from './siting.ts';
import { checkEvaluateBudget } from '../evaluate/budget.ts';
import { registerShedding, requestSignal } from '../evaluate/shed.ts';

/** Each deployment's siting checks against the campus (DESIGN.md evaluate → deployments[].siting). */
function deploymentSiting(app: FastifyInstance, body: EvaluateRequestBody, campus: object) {
  const { lat, lon, name } = campus as { lat?: unknown; lon?: unknown; name?: string };
  const point = typeof lat === 'number' && typeof lon === 'number' ? { lat, lon, name } : undefined;
  return body.deployments.map((d) => {
    const design = app.geoData.designs.find((x) => x.id === d.designId);
    // An unknown design is the model's 400 to give; nothing to check here.
    if (!design) return null;
    const { pass, checks } = checkSite(sitingData(app), {
      lat: d.lat,
      lon: d.lon,
      design,
      campus: point,
    });
    return { pass, checks };
  });
}

/** The evaluate answer as JSON text (cached or computed in the pool), with its siting. */
export async function evaluateJson(
  app: FastifyInstance,
  body: EvaluateRequestBody,
  signal?: AbortSignal,
): Promise<{ cached: boolean; json: string }> {
  // Before any work: a request over its budget answers 400 OVER_BUDGET.
  if (app.computeLimits) checkEvaluateBudget(body, app.computeLimits);
  const campus = resolveCampusInput(app.geoData, body.campus);
  const inputs = { campus, deployments: body.deployments, options: body.options };
  // Siting only runs for an answer that is not cached yet.
  return app.evaluator.evaluate(
    inputs,
    () => ({ deploymentSiting: deploymentSiting(app, body, campus) }),
    undefined,
    { signal },
  );
}

export async function evaluateBody(
  app: FastifyInstance,
  body: EvaluateRequestBody,
  reply: FastifyReply,
) {
  const signal = app.computeLimits
    ? requestSignal(reply, app.computeLimits.computeTimeoutMs, 'evaluation')
    : undefined;
  const { cached, json } = await evaluateJson(app, body, signal);
  // Already JSON (serialised in the worker): send the text as it is.
  return reply
    .header('x-cache', cached ? 'hit' : 'miss')
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(json);
}

export default async function evaluateRoutes(app: FastifyInstance): Promise<void> {
  registerShedding(app);
  app.post<{ Body: EvaluateRequestBody }>(
    '/api/evaluate',
    {
      schema: {
        tags: ['models'],
        summary:
          'Coverage, firmness, transmission, cost and timeline of a reactor fleet against a campus',
        body: EvaluateRequest,
        response: {
          200: EvaluateResponse,
          400: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => evaluateBody(app, request.body, reply),
  );
}
