// One error handler for the whole API: every failure answers `{ error: { code, message } }`.
// Validation errors name the field and the value; a 5xx is logged in full and answered with a
// generic message, never a stack (STYLE.md rule 9).
import type { FastifyError, FastifyInstance } from 'fastify';
import { ModelError } from '../../models/errors.ts';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const MODEL_STATUS: Record<ModelError['code'], number> = {
  INVALID_INPUT: 400,
  UNKNOWN_ID: 404,
  NO_PUBLISHED_LOAD: 422,
  UNANSWERABLE: 422,
};

/** An error a route throws on purpose, with its HTTP status and stable code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function describeValidation(error: FastifyError, body: unknown): string {
  const first = error.validation?.[0];
  if (!first) return error.message;
  const context = error.validationContext ?? 'request';
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
  const field = [context, path, missing].filter(Boolean).join('.');
  let value: unknown = body;
  for (const key of first.instancePath.split('/').filter(Boolean)) {
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  const shown = missing ? 'missing' : `got ${JSON.stringify(value)}`;
  return `Invalid ${field}: ${first.message ?? 'is invalid'} (${shown})`;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const source =
        error.validationContext === 'querystring'
          ? request.query
          : error.validationContext === 'params'
            ? request.params
            : request.body;
      return reply.status(400).send({
        error: {
          code: 'BAD_REQUEST',
          message: describeValidation(error, source),
          details: error.validation,
        },
      } satisfies ApiErrorBody);
    }
    if (error instanceof HttpError) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error instanceof ModelError) {
      return reply
        .status(MODEL_STATUS[error.code])
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(status).send({
        error: {
          code: 'INTERNAL',
          message: 'Internal server error; the details are in the server log.',
        },
      });
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type): safe to pass on.
    return reply
      .status(status)
      .send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    } satisfies ApiErrorBody);
  });
}
