// Saved scenarios (DESIGN.md "Scenarios"): create, list, read, replace with If-Match, delete,
// and evaluate. Each belongs to the requester's workspace; another workspace's is a 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  updateScenario,
  type Scenario,
} from '../db/scenarios.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from '../schemas/common.ts';
import {
  ScenarioInput,
  type EvaluateRequestBody,
  type ScenarioInputBody,
} from '../schemas/evaluate.ts';
import { EvaluateResponse } from '../schemas/evaluate-result.ts';
import { ScenarioList, ScenarioResponse } from '../schemas/scenario.ts';
import { evaluateBody } from './evaluate.ts';

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
type ParamsT = Static<typeof Params>;
const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 412: ErrorBody, 428: ErrorBody };

const etagOf = (scenario: { version: number }) => `"v${scenario.version}"`;

function present(scenario: Scenario) {
  const { spec, ...meta } = scenario;
  return { ...meta, ...(spec as Omit<ScenarioInputBody, 'name'>), name: scenario.name };
}

function send(reply: FastifyReply, scenario: Scenario) {
  reply.header('etag', etagOf(scenario)).header('cache-control', 'no-store');
  return present(scenario);
}

/** If-Match: "v3" (or v3, or 3) → 3. */
function expectedVersion(header: string | undefined): number {
  if (!header) {
    throw new HttpError(
      428,
      'PRECONDITION_REQUIRED',
      'PUT needs If-Match with the version you edited, e.g. If-Match: "v3"',
    );
  }
  const match = /^(?:W\/)?"?v?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `Invalid If-Match: ${JSON.stringify(header)} (want "v<version>")`,
    );
  return Number(match[1]);
}

export default async function scenarioRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const mustGet = async (workspace: string, id: string) => {
    const scenario = await getScenario(db(), workspace, id);
    if (!scenario)
      throw new HttpError(404, 'NOT_FOUND', `No scenario with id ${JSON.stringify(id)}`);
    return scenario;
  };
  const tags = ['scenarios'];

  app.post<{ Body: ScenarioInputBody }>(
    '/api/scenarios',
    {
      schema: {
        tags,
        summary: 'Save a scenario',
        body: ScenarioInput,
        response: { ...errors, 201: ScenarioResponse },
      },
    },
    async (request, reply) => {
      const { name, ...spec } = request.body;
      const scenario = await createScenario(db(), { workspace: request.workspace, name, spec });
      reply.status(201).header('location', `/api/scenarios/${scenario.id}`);
      return send(reply, scenario);
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/scenarios',
    {
      schema: {
        tags,
        summary: 'List saved scenarios, newest first',
        querystring: ListQuery,
        response: { ...errors, 200: ScenarioList },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { scenarios: await listScenarios(db(), request.workspace, request.query) };
    },
  );

  app.get<{ Params: ParamsT }>(
    '/api/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'One scenario (ETag = its version)',
        params: Params,
        response: { ...errors, 200: ScenarioResponse },
      },
    },
    async (request, reply) => send(reply, await mustGet(request.workspace, request.params.id)),
  );

  app.put<{ Params: ParamsT; Body: ScenarioInputBody }>(
    '/api/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'Replace a scenario; needs If-Match',
        params: Params,
        body: ScenarioInput,
        response: { ...errors, 200: ScenarioResponse },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request.headers['if-match']);
      const { name, ...spec } = request.body;
      const result = await updateScenario(db(), request.workspace, request.params.id, version, {
        name,
        spec,
      });
      if (result.status === 'not-found') {
        throw new HttpError(
          404,
          'NOT_FOUND',
          `No scenario with id ${JSON.stringify(request.params.id)}`,
        );
      }
      if (result.status === 'stale') {
        throw new HttpError(
          412,
          'STALE_VERSION',
          `Scenario changed since version ${version}: it is at version ${result.current.version}. Reload it, or save yours as a copy.`,
          { currentVersion: result.current.version, current: present(result.current) },
        );
      }
      return send(reply, result.scenario);
    },
  );

  app.delete<{ Params: ParamsT }>(
    '/api/scenarios/:id',
    { schema: { tags, summary: 'Delete a scenario', params: Params, response: errors } },
    async (request, reply) => {
      if (!(await deleteScenario(db(), request.workspace, request.params.id))) {
        throw new HttpError(
          404,
          'NOT_FOUND',
          `No scenario with id ${JSON.stringify(request.params.id)}`,
        );
      }
      return reply.status(204).send();
    },
  );

  app.post<{ Params: ParamsT }>(
    '/api/scenarios/:id/evaluate',
    {
      schema: {
        tags,
        summary: 'Evaluate a saved scenario',
        params: Params,
        response: { ...errors, 200: EvaluateResponse },
      },
    },
    async (request, reply) => {
      const scenario = await mustGet(request.workspace, request.params.id);
      return evaluateBody(app, scenario.spec as EvaluateRequestBody, reply);
    },
  );
}
