// OpenAPI document generated from the route schemas, browsable at /docs (JSON at /docs/json).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SMR × AI Campus Planner API',
        description:
          'AI-campus power demand against small-modular-reactor supply: bundled data, demand, coverage, siting and scenarios. Errors are `{ error: { code, message } }`.',
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
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
