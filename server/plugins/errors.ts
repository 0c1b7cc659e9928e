// One error handler for the whole API: every failure, Fastify's own included (bad JSON, 413,
// 414, 415, serialiser failures), answers `{ error: { code, message } }`. Messages name the
// field and quote at most 100 characters of the value (quote.ts); a 5xx is logged in full and
// answered with a generic message and the request id, never internal text (STYLE.md rule 9).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { ModelError } from '../../models/errors.ts';
import { QUOTE_MAX_CHARS, boundMessage, fieldName, quote, truncate } from './quote.ts';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const MODEL_STATUS: Record<ModelError['code'], number> = {
  INVALID_INPUT: 400,
  UNKNOWN_ID: 404,
  NO_PUBLISHED_LOAD: 422,
  UNANSWERABLE: 422,
};

/** Stable codes for the statuses Fastify (or a plugin) answers on its own. */
const STATUS_CODE_NAMES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  411: 'LENGTH_REQUIRED',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  428: 'PRECONDITION_REQUIRED',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/** Fastify's own errors whose text we replace: theirs can echo the URL or the content type. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type: send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Invalid body: empty, but Content-Type is application/json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Invalid body: not valid JSON',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is longer than the server accepts',
  FST_ERR_BAD_URL: 'The URL is not valid (bad percent-encoding)',
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

// ajv paths are JSON pointers: "/campus/phases/0" with ~1 for "/" and ~0 for "~".
const pointerKeys = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));

function describeValidation(error: FastifyError, source: unknown): string {
  const first = error.validation?.[0];
  if (!first) return `Invalid request: ${error.message}`;
  const context = error.validationContext ?? 'request';
  const keys = pointerKeys(first.instancePath);
  const params = (first.params ?? {}) as {
    missingProperty?: string;
    additionalProperty?: string;
    allowedValues?: unknown[];
  };
  let value: unknown = source;
  for (const key of keys) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  const extra = params.missingProperty ?? params.additionalProperty;
  const field = fieldName([context, ...keys, ...(extra === undefined ? [] : [extra])].join('.'));
  if (params.missingProperty !== undefined) return `Invalid ${field}: is required (missing)`;
  if (params.additionalProperty !== undefined) return `Invalid ${field}: is not a known field`;
  const allowed = Array.isArray(params.allowedValues)
    ? `; one of ${quote(params.allowedValues)}`
    : '';
  return `Invalid ${field}: ${first.message ?? 'is invalid'}${allowed} (got ${quote(value)})`;
}

/**
 * A ModelError from invalidInput reads `Invalid <field>: <JSON of the value> (<why>)` and
 * carries the value in details: quote the value in bounds and keep only the field.
 */
function modelMessage(error: ModelError): { message: string; details?: unknown } {
  const details = error.details;
  if (!details || typeof details.field !== 'string' || !('value' in details)) {
    return { message: error.message, details };
  }
  const prefix = `Invalid ${details.field}: `;
  let json: string | undefined;
  try {
    json = JSON.stringify(details.value);
  } catch {
    json = undefined;
  }
  const { value, ...rest } = details;
  const message =
    json !== undefined && error.message.startsWith(prefix + json)
      ? `Invalid ${fieldName(details.field)}: ${quote(value)}${error.message.slice(prefix.length + json.length)}`
      : error.message;
  return { message, details: rest };
}

const internalBody = (request: FastifyRequest) => ({
  code: 'INTERNAL',
  message: `Internal error; see the server log (request id ${truncate(String(request.id), 60)})`,
});

/** The client-facing code and message of any error; 5xx ones are generic. */
function classify(
  error: FastifyError,
  request: FastifyRequest,
): { status: number; body: ApiErrorBody['error'] } {
  if (error.validation) {
    const source =
      error.validationContext === 'querystring'
        ? request.query
        : error.validationContext === 'params'
          ? request.params
          : error.validationContext === 'headers'
            ? request.headers
            : request.body;
    return {
      status: 400,
      body: { code: 'BAD_REQUEST', message: describeValidation(error, source) },
    };
  }
  if (error instanceof HttpError && error.statusCode < 500) {
    return {
      status: error.statusCode,
      body: { code: error.code, message: error.message, details: error.details },
    };
  }
  if (error instanceof ModelError) {
    return { status: MODEL_STATUS[error.code], body: { code: error.code, ...modelMessage(error) } };
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode <= 599
      ? error.statusCode
      : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return {
      status,
      body: internalBody(request),
    };
  }
  // Fastify's own 4xx (and plugins'): a stable code; Fastify's text only where it is safe.
  const own = typeof error.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(error.code);
  const code =
    own && !error.code.startsWith('FST_')
      ? error.code
      : (STATUS_CODE_NAMES[status] ?? (status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`));
  const message = FASTIFY_MESSAGES[error.code] ?? error.message ?? STATUS_CODES[status] ?? 'Error';
  return { status, body: { code, message } };
}

/**
 * Sends the error as JSON text: a string payload skips the response serialiser, so no schema
 * mismatch (or a value it cannot serialise) can turn an error into Fastify's own 500 body.
 */
function sendError(reply: FastifyReply, status: number, body: ApiErrorBody['error']) {
  const error = { ...body, message: boundMessage(body.message) };
  let text: string;
  try {
    text = JSON.stringify({ error });
  } catch {
    text = JSON.stringify({ error: { code: error.code, message: error.message } });
  }
  return reply.status(status).type('application/json; charset=utf-8').send(text);
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let classified: ReturnType<typeof classify>;
  try {
    classified = classify(error, request);
  } catch (failure) {
    // Describing the error failed: never let Fastify's fallback body out.
    request.log.error({ err: failure, original: error }, 'error handler failed');
    classified = { status: 500, body: internalBody(request) };
  }
  return sendError(reply, classified.status, classified.body);
}

/** Writes a standard error body straight to a socket Node's HTTP parser refused. */
function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const code = STATUS_CODE_NAMES[status];
  const message =
    status === 431
      ? 'The request headers (or the URL) are too large'
      : status === 408
        ? 'The request took too long to arrive'
        : 'The request is not valid HTTP';
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Fastify constructor options that route its pre-routing errors (bad URL, 414) through us. */
export const errorServerOptions = {
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    handleError(error, request, reply),
  clientErrorHandler,
} satisfies Partial<FastifyServerOptions>;

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return sendError(reply, 404, {
      code: 'NOT_FOUND',
      message: `No route for ${truncate(request.method, 20)} ${truncate(path, QUOTE_MAX_CHARS)}`,
    });
  });
}
