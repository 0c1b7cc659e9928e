// Serves the built web app (dist/web). Vite puts content hashes in asset names, so assets are
// immutable for a year; index.html must be revalidated so a deploy is seen at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const YEAR_S = 365 * 24 * 3600;

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(join(webDir, 'index.html'))) {
    app.log.warn({ webDir }, 'web app not built; `npm run build` (or `npm start`) builds it');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.status(503).send({
        error: {
          code: 'WEB_NOT_BUILT',
          message: 'The web app is not built. Run `npm run build`, or start with `npm start`.',
        },
      }),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: true,
    cacheControl: false,
    setHeaders(reply, path) {
      const immutable = path.includes(`${join('assets', '')}`);
      reply.header(
        'cache-control',
        immutable ? `public, max-age=${YEAR_S}, immutable` : 'no-cache',
      );
    },
  });
}
