// Saved scenarios (DESIGN.md "Scenarios"): create, list, read, replace with If-Match, delete,
// and evaluate. Each belongs to the requester's workspace; another workspace's is a 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  createScenario,
  deleteScenario,
  deleteScenarioIf,
  getScenario,
  listScenarios,
  updateScenario,
  type ExpectedVersion,
  type Scenario,
} from '../db/scenarios.ts';
import { HttpError } from '../plugins/errors.ts';
import { quote } from '../plugins/quote.ts';
import { ErrorBody } from '../schemas/common.ts';
import type { EvaluateRequestBody, ScenarioInputBody } from '../schemas/evaluate.ts';
import { EvaluateResponse } from '../schemas/evaluate-result.ts';
import {
  ScenarioList,
  ScenarioResponse,
  ScenarioSaveInput,
  type ScenarioSaveInputBody,
} from '../schemas/scenario.ts';
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
  const { spec, optimisation, ...meta } = scenario;
  return {
    ...meta,
    ...(spec as Omit<ScenarioInputBody, 'name'>),
    name: scenario.name,
    ...(optimisation === null ? {} : { optimisation }),
  };
}

function send(reply: FastifyReply, scenario: Scenario) {
  reply.header('etag', etagOf(scenario)).header('cache-control', 'no-store');
  return present(scenario);
}

/**
 * If-Match (RFC 9110 13.1.1): `*`, or a list of entity tags compared strongly, so a weak tag
 * (W/"v3") matches nothing. "v3" is our tag; v3 and 3 are accepted as its older spellings. A
 * version too large to be stored matches nothing (412), never an error.
 */
export function parseIfMatch(header: string): ExpectedVersion {
  const text = header.trim();
  if (text === '*') return '*';
  const versions: number[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (/^W\/"[\x21\x23-\x7e]*"$/.test(tag)) continue;
    const match = /^"?v?(\d{1,30})"?$/.exec(tag);
    if (!match) {
      throw new HttpError(
        400,
        'BAD_REQUEST',
        `Invalid If-Match: ${quote(header)} (want "v<version>" or *)`,
      );
    }
    const version = Number(match[1]);
    if (Number.isSafeInteger(version)) versions.push(version);
  }
  return versions;
}

function expectedVersion(method: string, header: string | undefined): ExpectedVersion {
  if (header === undefined) {
    throw new HttpError(
      428,
      'PRECONDITION_REQUIRED',
      `${method} needs If-Match with the version you edited, e.g. If-Match: "v3"`,
    );
  }
  return parseIfMatch(header);
}

/** The 412 a PUT or DELETE answers when the scenario moved on: the winner, in full. */
function stale(current: Scenario, action: string): HttpError {
  return new HttpError(
    412,
    'STALE_VERSION',
    `Scenario changed since the version you ${action}: it is at version ${current.version}. Reload it, or save yours as a copy.`,
    { currentVersion: current.version, current: present(current) },
  );
}

const notFound = (id: string) =>
  new HttpError(404, 'NOT_FOUND', `No scenario with id ${quote(id)}`);

export default async function scenarioRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const mustGet = async (workspace: string, id: string) => {
    const scenario = await getScenario(db(), workspace, id);
    if (!scenario) throw notFound(id);
    return scenario;
  };
  const tags = ['scenarios'];

  app.post<{ Body: ScenarioSaveInputBody }>(
    '/api/scenarios',
    {
      schema: {
        tags,
        summary: 'Save a scenario',
        body: ScenarioSaveInput,
        response: { ...errors, 201: ScenarioResponse },
      },
    },
    async (request, reply) => {
      const { name, optimisation, ...spec } = request.body;
      const scenario = await createScenario(db(), {
        workspace: request.workspace,
        name,
        spec,
        optimisation,
      });
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

  app.put<{ Params: ParamsT; Body: ScenarioSaveInputBody }>(
    '/api/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'Replace a scenario; needs If-Match',
        params: Params,
        body: ScenarioSaveInput,
        response: { ...errors, 200: ScenarioResponse },
      },
    },
    async (request, reply) => {
      const version = expectedVersion('PUT', request.headers['if-match']);
      const { name, optimisation, ...spec } = request.body;
      const result = await updateScenario(db(), request.workspace, request.params.id, version, {
        name,
        spec,
        optimisation,
      });
      if (result.status === 'not-found') throw notFound(request.params.id);
      if (result.status === 'stale') throw stale(result.current, 'edited');
      return send(reply, result.scenario);
    },
  );

  app.delete<{ Params: ParamsT }>(
    '/api/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'Delete a scenario; with If-Match, only that version',
        params: Params,
        response: errors,
      },
    },
    async (request, reply) => {
      const { workspace, params, headers } = request;
      // Without If-Match a DELETE is unconditional (the web app's "delete" after a reload).
      if (headers['if-match'] === undefined) {
        if (!(await deleteScenario(db(), workspace, params.id))) throw notFound(params.id);
        return reply.status(204).send();
      }
      const result = await deleteScenarioIf(
        db(),
        workspace,
        params.id,
        parseIfMatch(headers['if-match']),
      );
      if (result.status === 'not-found') throw notFound(params.id);
      if (result.status === 'stale') throw stale(result.current, 'read');
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
