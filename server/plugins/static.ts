// Serves the built web app (dist/web) and compresses what the server sends. Vite puts content
// hashes in asset names, so assets are immutable for a year; index.html must be revalidated so
// a deploy is seen at once. The Vite build writes .br and .gz next to each asset (vite.config.ts),
// which @fastify/static serves as they are (`preCompressed`); API JSON is compressed on the fly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const YEAR_S = 365 * 24 * 3600;
/** Answers smaller than this go out as they are: compressing them saves little and costs time. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Quality 4 (of 11): JSON about as small as gzip -6, several times faster than quality 11. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const COMPRESSIBLE_TYPE = /^(application\/(json|geo\+json|javascript)|text\/)/;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to answer with: br before gzip, each only if the client accepts it (q > 0). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/**
 * @fastify/compress compresses the routes declared after it (the web app's files here). The
 * API routes are declared before registerWebApp runs (server/app.ts), so a root onSend hook,
 * which Fastify applies to every route at ready, compresses their buffered JSON the same way;
 * it leaves alone anything already encoded, so it turns into a no-op if compression is ever
 * registered first.
 */
function compressEarlierRoutes(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding') || request.headers['x-no-compression'] !== undefined)
      return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE_TYPE.test(type) || Buffer.byteLength(payload) < COMPRESS_THRESHOLD_BYTES)
      return payload;
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary))
      reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    const encoding = pickEncoding(request.headers['accept-encoding']);
    if (encoding === null) return payload;
    const body = encoding === 'br' ? await brotli(payload, BROTLI) : await gzipAsync(payload);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });
}

export async function registerCompression(app: FastifyInstance): Promise<void> {
  if (app.hasReplyDecorator('compress')) return;
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: BROTLI,
  });
  compressEarlierRoutes(app);
}

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await registerCompression(app);
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
