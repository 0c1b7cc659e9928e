// X-Request-Id: a well-formed incoming id is echoed (so a proxy's id threads through), anything
// else is replaced by a fresh UUID; every answer carries it, errors included, and the log
// lines of the request name it (Fastify's reqId).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseAuthTokens } from '../../server/plugins/auth.ts';
import { requestIdOf } from '../../server/plugins/security.ts';
import { testApp } from '../helpers/app.ts';
import { startServerProcess } from '../helpers/server-process.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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

describe('X-Request-Id', () => {
  it('echoes a well-formed incoming id', async () => {
    for (const id of ['abc', 'trace-1.2:3_4', 'x'.repeat(128)]) {
      const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': id } });
      expect(res.headers['x-request-id']).toBe(id);
    }
  });

  it('replaces a malformed id with a fresh UUID', async () => {
    for (const id of ['x'.repeat(129), 'has space', 'a"b', '<script>', 'é', '']) {
      const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': id } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    expect(requestIdOf({ headers: { 'x-request-id': 'line\nbreak' } } as never)).toMatch(UUID);
  });

  it('generates a different UUID per request', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({ url: '/api/health' });
      ids.add(String(res.headers['x-request-id']));
    }
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it.each<[string, { url: string; headers?: Record<string, string> }]>([
    ['a 401', { url: '/api/scenarios' }],
    ['a 404', { url: '/api/designs/no-such-design' }],
    ['an unknown path (401 by default)', { url: '/api/nope' }],
    ['a 400', { url: '/api/campuses?kind=nope' }],
    ['a 421', { url: '/api/health', headers: { host: 'evil.example' } }],
    ['a bad URL', { url: '/api/%zz' }],
    ['a path segment over 100 characters', { url: `/api/designs/${'a'.repeat(150)}` }],
    ['the page', { url: '/' }],
  ])('is on %s', async (_name, request) => {
    const res = await app.inject({
      ...request,
      headers: { ...request.headers, 'x-request-id': 'client-42' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(200);
    expect(res.headers['x-request-id']).toBe('client-42');
  });
});

describe('X-Request-Id in the logs', { timeout: 90_000 }, () => {
  it("names the client's id on the request's log lines", async () => {
    const server = await startServerProcess({ env: { LOG_LEVEL: 'info' } });
    try {
      const res = await fetch(`${server.url}/api/health`, {
        headers: { 'x-request-id': 'trace-from-proxy-7' },
      });
      expect(res.headers.get('x-request-id')).toBe('trace-from-proxy-7');
      const generated = (await fetch(`${server.url}/api/nope`)).headers.get('x-request-id');
      await expect
        .poll(() => server.output(), { timeout: 10_000 })
        .toMatch(/"reqId":"trace-from-proxy-7".*"statusCode":200/);
      // The 404's lines may be written a moment after the health check's.
      await expect
        .poll(() => server.output(), { timeout: 10_000 })
        .toContain(`"reqId":"${generated}"`);
    } finally {
      await server.stop();
    }
  });
});
