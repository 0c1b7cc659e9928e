// Liveness and database reachability. Open to everyone, never cached.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ErrorBody } from '../schemas/common.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  dataVersion: Type.String({ description: 'Hash of the bundled geo-data; part of cache keys.' }),
});

export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Service and database health',
        response: { 200: Health, 503: ErrorBody },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await sql`select 1`.execute(app.database.db);
      } catch (error) {
        app.log.error({ err: error }, 'database health check failed');
        return reply.status(503).send({
          error: {
            code: 'DATABASE_UNAVAILABLE',
            message: `The ${app.database.dialect} database does not answer.`,
          },
        });
      }
      return {
        status: 'ok' as const,
        database: app.database.dialect,
        dataVersion: app.geoData.version,
      };
    },
  );
}
