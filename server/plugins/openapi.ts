// OpenAPI document generated from the route schemas, browsable at /docs (JSON at /docs/json).
// The bearer scheme is documented on every route that is not `config: { public: true }`; it is
// enforced only when AUTH_TOKENS is set (server/plugins/auth.ts).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { registerPublic } from './auth.ts';

export const BEARER_SCHEME = 'bearerAuth';

const Unauthorized = {
  description: 'No or unknown bearer token (only when AUTH_TOKENS is set)',
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
};

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SMR × AI Campus Planner API',
        description:
          'AI-campus power demand against small-modular-reactor supply: bundled data, demand, coverage, siting and scenarios. Errors are `{ error: { code, message } }`. With AUTH_TOKENS set, every operation that lists the bearer scheme needs `Authorization: Bearer <token>`.',
        version,
      },
      tags: [
        { name: 'system', description: 'Health' },
        { name: 'data', description: 'Bundled datasets with sources and confidence' },
        { name: 'models', description: 'Demand, coverage and siting models' },
        {
          name: 'scenarios',
          description: 'Saved scenarios with optimistic concurrency (ETag / If-Match)',
        },
        { name: 'jobs', description: 'Long work (optimisations): status, progress, cancel' },
      ],
      components: {
        securitySchemes: {
          [BEARER_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            description: 'A token of AUTH_TOKENS (workspace:token); it picks the workspace.',
          },
        },
      },
    },
    // Read at document time, so it sees each route's final config.
    transform: ({ schema, url, route }) => {
      if (route.config?.public === true) return { schema: { ...schema, security: [] }, url };
      const response = { 401: Unauthorized, ...(schema?.response as object | undefined) };
      return { schema: { ...schema, security: [{ [BEARER_SCHEME]: [] }], response }, url };
    },
  });
  // Its own scope, so the public mark covers the UI's routes and nothing else.
  await registerPublic(app, async (scope) => {
    await scope.register(swaggerUi, { routePrefix: '/docs' });
  });
}
