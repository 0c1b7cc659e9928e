// Optional bearer-token auth (DESIGN.md "Configuration → AUTH_TOKENS"). Unset: single-user
// mode, everything in the "default" workspace. Set to "workspace:token,…": a request needs
// `Authorization: Bearer <token>` unless the route it matched says `config: { public: true }`,
// and a scenario belongs to its token's workspace. Deny by default: the decision reads the
// matched route (after the router has decoded %73, dot segments, absolute-form targets), never
// the raw URL, and a request no route matches (404) needs a token too, so an unknown path
// answers exactly like a protected one. Public today: the page and assets, /docs and its JSON,
// /api/health and the bundled-data GETs.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { createLimiter, DEFAULT_RATE_LIMIT_PER_MINUTE, type Limiter } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    workspace: string;
  }
  interface FastifyContextConfig {
    /** Open without a token even when AUTH_TOKENS is set; absent means protected. */
    public?: boolean;
  }
}

export const DEFAULT_WORKSPACE = 'default';

/** Parses "workspace:token,workspace:token"; throws naming the bad entry. */
export function parseAuthTokens(text: string | undefined): Map<string, string> | null {
  if (!text || text.trim() === '') return null;
  const byToken = new Map<string, string>();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9_.-]{1,64}):(\S{16,})$/.exec(entry);
    if (!match) {
      throw new Error(
        `AUTH_TOKENS entry ${JSON.stringify(entry.replace(/:.*/, ':…'))} must be workspace:token with a token of 16+ characters`,
      );
    }
    byToken.set(match[2], match[1]);
  }
  return byToken;
}

/** Requests without a valid token that a public route let through (AUTH_TOKENS set). */
const anonymous = new WeakSet<FastifyRequest>();

const unauthorized = () =>
  new HttpError(
    401,
    'UNAUTHORIZED',
    'This request needs Authorization: Bearer <token> (AUTH_TOKENS is set).',
  );

/**
 * Registers a plugin whose routes are all public and take no route config (@fastify/static,
 * @fastify/swagger-ui). Their wildcard routes match any path; a failure they answer (403 for a
 * path the file server refuses, such as `//api/x`) is answered as for an unknown path, 401
 * without a token, so no spelling of a protected path is told apart by its status.
 */
export async function registerPublic(
  app: FastifyInstance,
  register: (scope: FastifyInstance) => Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    // Throwing hands the error on to the app's handler (errors.ts), which shapes it.
    scope.setErrorHandler((error, request) => {
      throw anonymous.has(request) ? unauthorized() : error;
    });
    await register(scope);
  });
}

const isPublic = (request: FastifyRequest): boolean =>
  !request.is404 && request.routeOptions.config?.public === true;

/** Methods that change data or cost compute; these count against the rate limit. */
const isWrite = (request: FastifyRequest): boolean =>
  !['GET', 'HEAD', 'OPTIONS'].includes(request.method);

function tokenOf(tokens: Map<string, string>, header: string | undefined): string | undefined {
  const presented = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  if (!presented) return undefined;
  // Compare every token in constant time so response timing does not reveal prefixes.
  let found: string | undefined;
  const b = Buffer.from(presented);
  for (const token of tokens.keys()) {
    const a = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) found = token;
  }
  return found;
}

export interface AuthOptions {
  /** Parsed AUTH_TOKENS; null: single-user mode, nothing to check. */
  tokens: Map<string, string> | null;
  /** Per bucket and minute; 0 turns limiting off. Default: 600 with tokens, else off. */
  rateLimitPerMinute?: number;
}

export async function registerAuth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const { tokens } = options;
  app.decorateRequest('workspace', DEFAULT_WORKSPACE);
  const perMinute = options.rateLimitPerMinute ?? (tokens ? DEFAULT_RATE_LIMIT_PER_MINUTE : 0);
  const limit: Limiter | null = perMinute > 0 ? await createLimiter(app, perMinute) : null;
  const checked = new WeakSet<FastifyRequest>();

  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (checked.has(request)) return;
    if (!tokens) {
      if (isPublic(request)) return;
      checked.add(request);
      if (limit && isWrite(request)) await limit(request, reply, `address:${request.ip}`);
      return;
    }
    const token = tokenOf(tokens, request.headers.authorization);
    if (token) request.workspace = tokens.get(token)!;
    if (isPublic(request)) {
      // Not marked checked: a hand-over to the 404 handler is judged again.
      if (!token) anonymous.add(request);
      return;
    }
    checked.add(request);
    if (!token) {
      // Refusals count per address: a stream of bad tokens ends in 429s.
      await limit?.(request, reply, `address:${request.ip}`);
      throw unauthorized();
    }
    if (limit && isWrite(request)) await limit(request, reply, `token:${token}`);
  };
  app.addHook('onRequest', guard);
  // A public route can hand over to the 404 handler (@fastify/static's wildcard route does for a
  // missing file): the request is then unmatched and is checked again, as a 404.
  app.addHook('preHandler', async (request, reply) => {
    if (request.is404) await guard(request, reply);
  });
}
