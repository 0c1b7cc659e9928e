// Security headers (@fastify/helmet) on every kind of answer: the page, an asset, the API, its
// errors (those Fastify raises before routing included: 400, 404, 413, 414, 415; and 401, 421,
// 429) and /docs. The policy itself is proven in the browser by
// tests/web/csp.browser.test.ts; here: present, and the directives the issue asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseAuthTokens } from '../../server/plugins/auth.ts';
import { testApp } from '../helpers/app.ts';

const TOKEN = 'alpha-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

let app: FastifyInstance;
// A budget of one refused request a minute, so the second answers 429.
let limited: FastifyInstance;
// Without the web bundle: its catch-all route (/*) would otherwise take a path whose parameter
// is over maxParamLength, so Fastify's 414 only shows on an app that serves no page.
let bare: FastifyInstance;
beforeAll(async () => {
  app = await testApp({ authTokens: parseAuthTokens(`alpha:${TOKEN}`), evaluationWorkers: 0 });
  limited = await testApp({
    authTokens: parseAuthTokens(`alpha:${TOKEN}`),
    rateLimitPerMinute: 1,
    evaluationWorkers: 0,
  });
  bare = await testApp({
    authTokens: parseAuthTokens(`alpha:${TOKEN}`),
    evaluationWorkers: 0,
    webDir: '/nonexistent-web-dir',
  });
});
afterAll(async () => {
  await app.close();
  await limited.close();
  await bare.close();
});

interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}

const postScenario = (payload: string, contentType = 'application/json') =>
  app.inject({
    method: 'POST',
    url: '/api/scenarios',
    payload,
    headers: { ...auth, 'content-type': contentType },
  });

/** [name, expected status (null: any success), request]; errors also check the standard body. */
const answers: [string, number | null, () => Promise<Answer>][] = [
  ['the page', null, () => app.inject({ url: '/' })],
  ['/docs', null, () => app.inject({ url: '/docs/static/index.html' })],
  ['/docs/json', null, () => app.inject({ url: '/docs/json' })],
  ['/api/health', null, () => app.inject({ url: '/api/health' })],
  ['a 401', 401, () => app.inject({ url: '/api/scenarios' })],
  ['a 404 (unknown id)', 404, () => app.inject({ url: '/api/designs/no-such-design' })],
  ['a 404 (unknown path)', 404, () => app.inject({ url: '/api/no-such-path', headers: auth })],
  // A path segment over Fastify's maxParamLength (100) is refused before routing.
  ['a 414', 414, () => bare.inject({ url: `/api/designs/${'a'.repeat(200)}` })],
  // With the page served, the same long id falls to its catch-all: a 404 in the same shape.
  [
    'a long id beside the page',
    404,
    () => app.inject({ url: `/api/designs/${'a'.repeat(200)}`, headers: auth }),
  ],
  ['a 400 (bad percent-encoding)', 400, () => app.inject({ url: '/api/designs/%E0%A4%A' })],
  ['a 413', 413, () => postScenario(JSON.stringify({ name: 'x'.repeat(2_000_000) }))],
  ['a 415', 415, () => postScenario('<scenario/>', 'application/xml')],
  ['a 400 (bad JSON)', 400, () => postScenario('{"name":')],
  ['a refused host (421)', 421, () => app.inject({ url: '/', headers: { host: 'evil.example' } })],
  [
    'a 429',
    429,
    async () => {
      await limited.inject({ url: '/api/scenarios' });
      return limited.inject({ url: '/api/scenarios' });
    },
  ],
  [
    'a 503 (shutting down)',
    503,
    async () => {
      app.drain.draining = true;
      try {
        return await app.inject({ url: '/api/health' });
      } finally {
        app.drain.draining = false;
      }
    },
  ],
];

describe('security headers', () => {
  it.each(answers)('are on %s', async (_name, status, send) => {
    const res = await send();
    if (status === null) expect(res.statusCode).toBeLessThan(400);
    else expect(res.statusCode).toBe(status);
    expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    if (status !== null) {
      const body = res.json() as { error: { code: unknown; message: unknown } };
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    // HSTS belongs to the TLS proxy, not to a server that speaks plain http.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps scripts to the page origin: no inline script in the page', async () => {
    const html = (await app.inject({ url: '/' })).body;
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});
