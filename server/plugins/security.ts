// Transport-level guards that every answer gets, before auth or routing matter: a request id
// echoed or generated (so a client's error report can be matched to the log line), a Host
// allow-list (a page on another site that rebinds its DNS name to 127.0.0.1 must not reach a
// local planner), and security headers from @fastify/helmet with a Content-Security-Policy the
// web app and /docs run under (tests/web/csp.browser.test.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import fastifyHelmet from '@fastify/helmet';
// @fastify/helmet's own engine (helmet 8, its dependency), for the answers its hook misses.
import helmet from 'helmet';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: a well-formed incoming X-Request-Id is kept (a proxy's id then threads
 * through), anything else is replaced, so a log line never carries attacker-shaped text.
 * Fastify's own `requestIdHeader` would take the header unchecked, hence it stays off.
 */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export const requestIdOptions = { requestIdHeader: false, genReqId: requestIdOf } as const;

type FrameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

/**
 * Fastify answers a malformed URL or an over-long path segment (`frameworkErrors`) before any
 * hook runs, onSend included, so that handler stamps the request id and security headers itself.
 */
export function withRequestId<O extends { frameworkErrors: FrameworkErrors }>(options: O): O {
  return {
    ...options,
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      stampSecurityHeaders(request, reply);
      options.frameworkErrors(error, request, reply);
    },
  };
}

/** One ALLOWED_HOSTS entry: a host name or IP, `[v6]`, optionally `:port`; or `*` for any. */
const HOST_ENTRY = /^(\*|(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?)$/i;

const bracketed = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The hosts a local planner is reached by: localhost, the loopback addresses and the listen
 * host; a wildcard bind (0.0.0.0, ::) adds this machine's name and interface addresses, which is
 * how the rest of a LAN reaches it. Entries carry no port, so any port matches.
 */
export function defaultAllowedHosts(listenHost = '127.0.0.1'): string[] {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', bracketed(listenHost.toLowerCase())]);
  if (listenHost === '0.0.0.0' || listenHost === '::') {
    hosts.delete(bracketed(listenHost));
    hosts.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) hosts.add(bracketed(address.toLowerCase()));
    }
  }
  return [...hosts];
}

/** Parses ALLOWED_HOSTS ("a.example,b.example:8080"); throws naming the bad entry. */
export function parseAllowedHosts(text: string | undefined, listenHost: string): string[] {
  if (text === undefined || text.trim() === '') return defaultAllowedHosts(listenHost);
  const entries = text
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    if (!HOST_ENTRY.test(entry)) {
      throw new Error(
        `ALLOWED_HOSTS entry ${JSON.stringify(entry.slice(0, 100))} must be a host name or IP, optionally :port, or *`,
      );
    }
  }
  return entries;
}

/** Whether a Host header value is allowed: an entry with a port must match it exactly. */
export function hostAllowed(allowed: readonly string[], host: string | undefined): boolean {
  if (allowed.includes('*')) return true;
  if (!host) return false;
  const value = host.toLowerCase().replace(/\.(?=(:\d+)?$)/, '');
  const name = value.replace(/:\d+$/, '');
  return allowed.includes(value) || allowed.includes(name);
}

/**
 * The CSP of the page and /docs. MapLibre runs its worker from a same-origin asset or a blob:
 * URL and draws images from blob: and data: URLs; swagger-ui and the app set inline style
 * attributes on elements (hence 'unsafe-inline' for styles only; scripts stay 'self').
 * upgrade-insecure-requests is left out: a LAN deployment over plain http would break; a TLS
 * proxy adds it together with HSTS.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** The one source of the security headers: @fastify/helmet's hook and the fallback both use it. */
export const HELMET_OPTIONS = {
  global: true,
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  // HSTS belongs to the TLS proxy: sent over plain http it is ignored, and a wrong one sticks.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
} as const;

const { global: _global, ...helmetHeaders } = HELMET_OPTIONS;
const applyHelmet = helmet(helmetHeaders);

/**
 * Sets the security headers on an answer @fastify/helmet's onRequest hook did not see, with the
 * same options. helmet writes to the raw response, so that is where its mark is looked for.
 */
export function stampSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.raw.hasHeader('content-security-policy')) return;
  applyHelmet(request.raw, reply.raw, (error?: unknown) => {
    if (error) throw error;
  });
}

export interface SecurityOptions {
  /** Parsed ALLOWED_HOSTS; `['*']` allows any Host. */
  allowedHosts: readonly string[];
}

export async function registerSecurity(
  app: FastifyInstance,
  options: SecurityOptions,
): Promise<void> {
  // First hook of all, so even a refused host or a 401 carries the id.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // An answer from a hook registered ahead of helmet's (drain.ts's 503) gets them here.
  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('x-request-id')) reply.header('x-request-id', request.id);
    stampSecurityHeaders(request, reply);
  });
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  // After helmet's hook, so the refusal carries the headers too.
  app.addHook('onRequest', async (request) => {
    if (hostAllowed(options.allowedHosts, request.host)) return;
    throw new HttpError(
      421,
      'HOST_NOT_ALLOWED',
      `Host ${JSON.stringify((request.host ?? '').slice(0, 100))} is not served here; ALLOWED_HOSTS lists the hosts that are.`,
    );
  });
}
