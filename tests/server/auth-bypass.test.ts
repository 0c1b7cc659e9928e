// With AUTH_TOKENS set, every spelling of every protected path is refused without a token,
// and none of them reads, changes or deletes a scenario. The router decodes %73, folds nothing
// by case, and Node hands absolute-form targets through; auth must judge the route the router
// matched, not the text of the URL. Spellings go through inject (which normalises dot segments
// and absolute-form itself) and, byte for byte, over a real socket (which does not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseAuthTokens } from '../../server/plugins/auth.ts';
import { testApp } from '../helpers/app.ts';
import { dialects, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { rawRequest } from '../helpers/raw-http.ts';

const TOKEN = 'alpha-token-0123456789';
const scenario = {
  name: 'private plan',
  campus: { id: 'xai-colossus-1' },
  deployments: [{ designId: 'bwrx-300', units: 1, lat: 35.1, lon: -90.2 }],
  options: { trials: 20 },
};
const body = JSON.stringify(scenario);

interface Target {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** Every protected operation, by its canonical path (`:id` is the seeded scenario). */
const targets = (id: string): Target[] => [
  { method: 'GET', path: '/api/scenarios' },
  { method: 'POST', path: '/api/scenarios', body },
  { method: 'GET', path: `/api/scenarios/${id}` },
  { method: 'PUT', path: `/api/scenarios/${id}`, body, headers: { 'if-match': '"v1"' } },
  { method: 'DELETE', path: `/api/scenarios/${id}`, headers: { 'if-match': '"v1"' } },
  { method: 'POST', path: `/api/scenarios/${id}/evaluate` },
  { method: 'GET', path: `/api/scenarios/${id}/report.csv` },
  { method: 'GET', path: `/api/scenarios/${id}/export.json` },
  { method: 'POST', path: '/api/evaluate', body },
  { method: 'POST', path: '/api/report?format=csv', body },
  { method: 'GET', path: '/api/no-such-route' },
];

const hex = (c: string) => `%${c.charCodeAt(0).toString(16)}`;

/** The ways to write `/api/<rest>` that a router or a proxy might read as the same path. */
export function spellings(path: string, origin: string): string[] {
  const [pathOnly, query] = path.split('?');
  const rest = pathOnly.slice('/api/'.length);
  const [first, ...more] = rest.split('/');
  const tail = more.length ? `/${more.join('/')}` : '';
  const q = query ? `?${query}` : '';
  const variants = [
    pathOnly,
    `/api/${hex(first[0])}${first.slice(1)}${tail}`,
    `/api/${[...first].map(hex).join('')}${tail}`,
    `/api/${[...first].map((c) => hex(c).toUpperCase()).join('')}${tail}`,
    `/${hex('a')}pi/${rest}`,
    `/api%2F${rest}`,
    `/api%2f${rest}`,
    `/api/${first}${tail.replace(/\//g, '%2F')}`,
    `/api/%2573${first.slice(1)}${tail}`,
    pathOnly.toUpperCase(),
    `/API/${rest}`,
    `/api/${first[0].toUpperCase()}${first.slice(1)}${tail}`,
    `/api/./${rest}`,
    `/api/x/../${rest}`,
    `/x/../api/${rest}`,
    `/api/%2e/${rest}`,
    `/api/x/%2e%2e/${rest}`,
    `/./api/${rest}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `//api//${rest.replace(/\//g, '//')}`,
    `${pathOnly}/`,
    `${pathOnly}//`,
    `${pathOnly};x=1`,
    `/api;x=1/${rest}`,
    `/api/${first};x=1${tail}`,
    `/api\\${rest}`,
    `${pathOnly}%20`,
    `${pathOnly}%00`,
    `${pathOnly}.`,
  ];
  return variants.flatMap((v) => [
    `${v}${q}`,
    `${v}${q ? `${q}&x=1` : '?x=1'}`,
    `${v}${q}#frag`,
    `${origin}${v}${q}`,
    `http://localhost${v}${q}`,
  ]);
}

interface Answer {
  status: number;
  body: string;
}

/** What a spelling may answer: 401, or 400 when the URL itself is malformed. Never 2xx/3xx/5xx. */
function expectRefused(target: Target, spelling: string, answer: Answer): void {
  const where = `${target.method} ${spelling} → ${answer.status} ${answer.body.slice(0, 120)}`;
  if (answer.status === 400) {
    expect(answer.body, where).toMatch(/url/i);
  } else {
    expect(answer.status, where).toBe(401);
  }
}

describe.each(dialects)('protected paths without a token on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let id: string;
  let port: number;
  let before: unknown[];

  const rows = async () =>
    database.db.selectFrom('scenarios').selectAll().orderBy('id').execute() as Promise<unknown[]>;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    app = await testApp({
      databaseUrl: database.url,
      evaluationWorkers: 0,
      authTokens: parseAuthTokens(`alpha:${TOKEN}`),
      // Hundreds of refusals from one address: the limit is tested in auth-rate-limit.test.ts.
      rateLimitPerMinute: 0,
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: scenario,
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
    before = await rows();
    expect(before).toHaveLength(1);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses every spelling through inject', async () => {
    let count = 0;
    for (const target of targets(id)) {
      for (const spelling of spellings(target.path, `http://127.0.0.1:${port}`)) {
        const res = await app.inject({
          method: target.method as 'GET',
          url: spelling,
          headers: {
            ...target.headers,
            ...(target.body ? { 'content-type': 'application/json' } : {}),
          },
          payload: target.body,
        });
        expectRefused(target, spelling, { status: res.statusCode, body: res.body });
        count++;
      }
    }
    expect(count).toBeGreaterThan(1500);
    expect(await rows()).toEqual(before);
  });

  it('refuses every spelling sent byte for byte on a socket, absolute-form included', async () => {
    const statuses = new Map<number, number>();
    for (const target of targets(id)) {
      for (const spelling of spellings(target.path, `http://127.0.0.1:${port}`)) {
        const answer = await rawRequest(port, target.method, spelling, {
          headers: target.headers,
          body: target.body,
        });
        expectRefused(target, spelling, answer);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    }
    // Most spellings reach the router and are refused by auth, not by the URL parser.
    expect(statuses.get(401)).toBeGreaterThan(1000);
    expect(await rows()).toEqual(before);
  });

  it('still serves the owner with the token', async () => {
    const res = await app.inject({
      url: `/api/scenarios/${id}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'private plan', version: 1 });
  });
});
