import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseAuthTokens } from '../../server/plugins/auth.ts';
import { testApp } from '../helpers/app.ts';

const TOKENS = 'alpha:alpha-token-0123456789,beta:beta-token-0123456789';
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const payload = {
  name: 'private plan',
  campus: { id: 'xai-colossus-1' },
  deployments: [{ designId: 'bwrx-300', units: 1, lat: 35.1, lon: -90.2 }],
};

let app: FastifyInstance;
beforeEach(async () => {
  app = await testApp({ authTokens: parseAuthTokens(TOKENS), evaluationWorkers: 0 });
});
afterEach(async () => {
  await app.close();
});

describe('AUTH_TOKENS', () => {
  it('parses workspace:token pairs and rejects short tokens naming the workspace only', () => {
    expect(parseAuthTokens(TOKENS)?.get('beta-token-0123456789')).toBe('beta');
    expect(parseAuthTokens(undefined)).toBeNull();
    expect(() => parseAuthTokens('gamma:short')).toThrowError(/"gamma:…".*16\+ characters/);
  });

  it('answers 401 to a scenario request without a token', async () => {
    const res = await app.inject({ url: '/api/scenarios' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('answers 401 to any POST without a token, and to a wrong token', async () => {
    const demand = {
      method: 'POST' as const,
      url: '/api/demand',
      payload: { campus: { id: 'xai-colossus-1' } },
    };
    expect((await app.inject(demand)).statusCode).toBe(401);
    expect(
      (await app.inject({ ...demand, headers: as('wrong-token-0123456789') })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ ...demand, headers: as('alpha-token-0123456789') })).statusCode,
    ).toBe(200);
  });

  it('keeps health and bundled data open', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/campuses' })).statusCode).toBe(200);
  });

  it("hides one workspace's scenario from another (404)", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: as('alpha-token-0123456789'),
      payload,
    });
    expect(created.statusCode).toBe(201);
    const url = created.headers.location as string;
    expect((await app.inject({ url, headers: as('alpha-token-0123456789') })).statusCode).toBe(200);
    expect((await app.inject({ url, headers: as('beta-token-0123456789') })).statusCode).toBe(404);
    const betaList = await app.inject({
      url: '/api/scenarios',
      headers: as('beta-token-0123456789'),
    });
    expect(betaList.json().scenarios).toEqual([]);
  });
});
