// Per-client request budget (@fastify/rate-limit's in-memory store, a fixed one-minute window).
// The caller names the bucket: auth.ts counts writes per token and refused requests per client
// address, so a flood of bad tokens is slowed without starving the holders of good ones.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/** Requests per minute and bucket when AUTH_TOKENS is set and RATE_LIMIT_PER_MINUTE is not. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const WINDOW_MS = 60_000;

/** Counts one request against `bucket`; throws a 429 (with Retry-After) past the budget. */
export type Limiter = (
  request: FastifyRequest,
  reply: FastifyReply,
  bucket: string,
) => Promise<void>;

export async function createLimiter(app: FastifyInstance, perMinute: number): Promise<Limiter> {
  const buckets = new WeakMap<FastifyRequest, string>();
  // global: false: no route is limited on its own; only the calls below count.
  await app.register(rateLimit, { global: false });
  const handler = app.rateLimit({
    max: perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => buckets.get(request) ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'RATE_LIMITED',
        `More than ${perMinute} requests a minute from this client; retry in ${context.after} (RATE_LIMIT_PER_MINUTE).`,
      ),
  });
  return async (request, reply, bucket) => {
    buckets.set(request, bucket);
    await handler.call(app, request, reply);
  };
}
