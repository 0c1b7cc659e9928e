// Optional bearer-token auth (DESIGN.md "Configuration → AUTH_TOKENS"). Unset: single-user
// mode, everything in the "default" workspace. Set to "workspace:token,…": every
// /api/scenarios* request and every POST needs `Authorization: Bearer <token>`, and a scenario
// belongs to its token's workspace. The page, assets, data GETs and /api/health stay open.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    workspace: string;
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

function needsAuth(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/scenarios') || request.method === 'POST';
}

function workspaceOf(tokens: Map<string, string>, header: string | undefined): string | undefined {
  const presented = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  if (!presented) return undefined;
  // Compare every token in constant time so response timing does not reveal prefixes.
  let found: string | undefined;
  for (const [token, workspace] of tokens) {
    const a = Buffer.from(token);
    const b = Buffer.from(presented);
    if (a.length === b.length && timingSafeEqual(a, b)) found = workspace;
  }
  return found;
}

export function registerAuth(app: FastifyInstance, tokens: Map<string, string> | null): void {
  app.decorateRequest('workspace', DEFAULT_WORKSPACE);
  if (!tokens) return;
  app.addHook('onRequest', async (request) => {
    if (!needsAuth(request)) return;
    const workspace = workspaceOf(tokens, request.headers.authorization);
    if (!workspace) {
      throw new HttpError(
        401,
        'UNAUTHORIZED',
        'This request needs Authorization: Bearer <token> (AUTH_TOKENS is set).',
      );
    }
    request.workspace = workspace;
  });
}
