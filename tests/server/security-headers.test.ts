// Security headers (@fastify/helmet) on every kind of answer: the page, an asset, the API, its
// errors (401, 404, 421) and /docs. The policy itself is proven in the browser by
// tests/web/csp.browser.test.ts; here: present, and the directives the issue asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseAuthTokens } from '../../server/plugins/auth.ts';
import { testApp } from '../helpers/app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({
    authTokens: parseAuthTokens('alpha:alpha-token-0123456789'),
    evaluationWorkers: 0,
  });
});
afterAll(async () => {
  await app.close();
});

const answers: [string, () => Promise<{ statusCode: number; headers: Record<string, unknown> }>][] =
  [
    ['the page', () => app.inject({ url: '/' })],
    ['/docs', () => app.inject({ url: '/docs/static/index.html' })],
    ['/docs/json', () => app.inject({ url: '/docs/json' })],
    ['/api/health', () => app.inject({ url: '/api/health' })],
    ['a 401', () => app.inject({ url: '/api/scenarios' })],
    ['a 404', () => app.inject({ url: '/api/designs/no-such-design' })],
    ['a refused host', () => app.inject({ url: '/', headers: { host: 'evil.example' } })],
  ];

describe('security headers', () => {
  it.each(answers)('are on %s', async (_name, send) => {
    const res = await send();
    expect(res.statusCode).toBeLessThan(500);
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
