// Rate limiting (@fastify/rate-limit): with AUTH_TOKENS set, writes count per token and refused
// requests per client address; past the budget a 429 in the standard shape with Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../server/config.ts';
import { parseAuthTokens } from '../../server/plugins/auth.ts';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../../server/plugins/rate-limit.ts';
import type { AppOptions } from '../../server/app.ts';
import { testApp } from '../helpers/app.ts';

const ALPHA = 'alpha-token-0123456789';
const BETA = 'beta-token-0123456789';
const tokens = parseAuthTokens(`alpha:${ALPHA},beta:${BETA}`);
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const demand = {
  method: 'POST' as const,
  url: '/api/demand',
  payload: { campus: { id: 'xai-colossus-1' } },
};

let app: FastifyInstance | undefined;
const build = async (options: Partial<AppOptions>) => {
  app = await testApp({ evaluationWorkers: 0, ...options });
  return app;
};
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('rate limit', () => {
  it('answers 429 in the standard shape with Retry-After past the budget of a token', async () => {
    const app = await build({ authTokens: tokens, rateLimitPerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await app.inject({ ...demand, headers: as(ALPHA) })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const res = await app.inject({ ...demand, headers: as(ALPHA) });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/5 requests a minute.*retry in/),
      },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.headers['x-request-id']).toBeDefined();
    // Another token has its own budget; reads are not counted.
    expect((await app.inject({ ...demand, headers: as(BETA) })).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await app.inject({ url: '/api/scenarios', headers: as(ALPHA) })).statusCode).toBe(
        200,
      );
    }
  });

  it(`turns 2,000 bad-token requests into 429s after ${DEFAULT_RATE_LIMIT_PER_MINUTE} (the default)`, async () => {
    const app = await build({ authTokens: tokens });
    const counts = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const res = await app.inject({
        url: '/api/scenarios',
        headers: as(`wrong-token-${String(i).padStart(10, '0')}`),
      });
      counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      401: DEFAULT_RATE_LIMIT_PER_MINUTE,
      429: 2000 - DEFAULT_RATE_LIMIT_PER_MINUTE,
    });
    // The flood is counted per address: the token holder and other clients are unaffected.
    expect((await app.inject({ ...demand, headers: as(ALPHA) })).statusCode).toBe(200);
    expect(
      (await app.inject({ url: '/api/scenarios', remoteAddress: '10.0.0.9' })).statusCode,
    ).toBe(401);
    // Public routes are never limited.
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    const app = await build({ authTokens: tokens, rateLimitPerMinute: 0 });
    for (let i = 0; i < 30; i++) {
      expect((await app.inject({ url: '/api/scenarios' })).statusCode).toBe(401);
    }
  });

  it('is off by default in single-user mode, on when asked', async () => {
    const open = await build({});
    for (let i = 0; i < 30; i++) expect((await open.inject(demand)).statusCode).toBe(200);
    await open.close();
    const limited = await build({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.inject(demand)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it(`defaults to ${DEFAULT_RATE_LIMIT_PER_MINUTE} with AUTH_TOKENS and to off without`, () => {
    expect(loadConfig({ AUTH_TOKENS: `alpha:${ALPHA}` }).rateLimitPerMinute).toBe(
      DEFAULT_RATE_LIMIT_PER_MINUTE,
    );
    expect(loadConfig({}).rateLimitPerMinute).toBe(0);
    expect(
      loadConfig({ AUTH_TOKENS: `alpha:${ALPHA}`, RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute,
    ).toBe(0);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '120' }).rateLimitPerMinute).toBe(120);
  });

  it('stops the start naming a bad value', () => {
    for (const bad of ['-1', 'ten', '1.5', '2000000']) {
      expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: bad })).toThrowError(
        new RegExp(`RATE_LIMIT_PER_MINUTE must be an integer.*"${bad.replace('.', '\\.')}"`),
      );
    }
  });
});
