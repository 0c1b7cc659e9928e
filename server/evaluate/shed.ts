// Load shedding's answers: 503 with Retry-After in the standard error shape, for a full queue,
// a request that ran past its time, or a server that is shutting down. The app's error handler
// answers every other 5xx with a generic message, so the routes that shed load answer these
// themselves (registerShedding, in their own scope).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from '../plugins/errors.ts';

export class ShedError extends HttpError {
  constructor(
    code: 'OVERLOADED' | 'TIMEOUT' | 'SHUTTING_DOWN',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(503, code, message);
  }
}

export function sendShed(reply: FastifyReply, error: ShedError): FastifyReply {
  return reply
    .status(503)
    .header('retry-after', String(error.retryAfterSeconds))
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code: error.code, message: error.message } }));
}

/** In this plugin scope, a ShedError answers 503 + Retry-After; anything else goes up. */
export function registerShedding(scope: FastifyInstance): void {
  scope.setErrorHandler((error, _request, reply) => {
    if (error instanceof ShedError) return sendShed(reply, error);
    throw error;
  });
}

/** Aborts when the client goes away before its answer is written. */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return controller.signal;
}

/** The client's signal plus a deadline that becomes a 503 TIMEOUT. */
export function requestSignal(reply: FastifyReply, timeoutMs: number, what: string): AbortSignal {
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new ShedError(
          'TIMEOUT',
          `The ${what} took longer than ${timeoutMs} ms (COMPUTE_TIMEOUT_MS) and was stopped; ` +
            'retry later or ask for less work.',
          2,
        ),
      ),
    timeoutMs,
  );
  timer.unref();
  reply.raw.once('close', () => clearTimeout(timer));
  return AbortSignal.any([clientGoneSignal(reply), deadline.signal]);
}
