// Serves the built web app (dist/web) and compresses what the server sends. Vite puts content
// hashes in asset names, so assets are immutable for a year; index.html must be revalidated so
// a deploy is seen at once. The Vite build writes .br and .gz next to each asset (vite.config.ts),
// which @fastify/static serves as they are (`preCompressed`); API JSON is compressed on the fly.
// registerCompression must run before the routes (server/app.ts): @fastify/compress applies to
// the routes declared after it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const YEAR_S = 365 * 24 * 3600;
/** Answers smaller than this go out as they are: compressing them saves little and costs time. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Quality 4 (of 11): JSON about as small as gzip -6, several times faster than quality 11. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

export async function registerCompression(app: FastifyInstance): Promise<void> {
  if (app.hasReplyDecorator('compress')) return;
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: BROTLI,
  });
}

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
    preCompressed: true,
    setHeaders(reply, path) {
      const immutable = path.includes(`${join('assets', '')}`);
      reply.header(
        'cache-control',
        immutable ? `public, max-age=${YEAR_S}, immutable` : 'no-cache',
      );
    },
  });
}
