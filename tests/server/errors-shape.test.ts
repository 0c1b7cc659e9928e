// One error shape, always (issue 12): Fastify's own errors, deep and huge bodies, NUL and lone
// surrogates, free-form bounds and If-Match semantics, on both databases.
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { useTestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/databases.ts';

const scenario = {
  name: 'shape',
  campus: { id: 'stargate-abilene' },
  deployments: [{ designId: 'bwrx-300', units: 1, lat: 32.6, lon: -99.8 }],
  options: { trials: 20 },
};
const json = { 'content-type': 'application/json' };

function expectError(res: LightMyRequestResponse, status: number, message?: RegExp) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeLessThanOrEqual(300);
  if (message) expect(body.error.message).toMatch(message);
  return body.error as { code: string; message: string; details?: Record<string, unknown> };
}

describe.each(dialects)('error shape on %s', (dialect) => {
  const app = useTestApp(dialect);
  const post = (payload: string) =>
    app().inject({ method: 'POST', url: '/api/scenarios', payload, headers: json });
  const count = async () =>
    (await app().inject({ url: '/api/scenarios?limit=500' })).json().scenarios.length;

  it('answers deeply nested JSON with a 400 naming the field, not a serialiser 500', async () => {
    const nest = '['.repeat(100_000) + ']'.repeat(100_000);
    expectError(await post(nest), 400, /^Invalid body[.0-9]*: nests deeper than 32 levels/);
    const inName = JSON.stringify(scenario).replace('"shape"', nest);
    expectError(await post(inName), 400, /^Invalid body\.name/);
    const free = '{"a":'.repeat(20) + '1' + '}'.repeat(20);
    const inCampus = JSON.stringify(scenario).replace('"campus":{', `"campus":{"extra":${free},`);
    expectError(await post(inCampus), 400, /^Invalid body\.campus\.extra: .*8 levels/);
  });

  it('bounds free-form campus fields in keys and size', async () => {
    const keys = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    const wide = { ...scenario, campus: { id: 'stargate-abilene', extra: keys } };
    expectError(await post(JSON.stringify(wide)), 400, /^Invalid body\.campus\.extra: .*100 keys/);
    const big = { ...scenario, campus: { id: 'stargate-abilene', notes: 'x'.repeat(70_000) } };
    expectError(await post(JSON.stringify(big)), 400, /^Invalid body\.campus\.notes: .*characters/);
    const proto = JSON.stringify(scenario).replace(
      '"campus":{',
      '"campus":{"x":{"constructor":1},',
    );
    expectError(await post(proto), 400, /^Invalid body\.campus\.x\.constructor/);
  });

  it('quotes at most 100 characters of a 1 MB value', async () => {
    const res = await post(JSON.stringify({ ...scenario, name: 'x'.repeat(1_000_000) }));
    const error = expectError(res, 400, /^Invalid body\.name: .*\(got "x{90,100}…\)$/);
    expect(res.body.length).toBeLessThan(400);
    expect(error.details).toBeUndefined();
  });

  it('refuses NUL and lone surrogates in any string or key, and saves nothing', async () => {
    const before = await count();
    const nul = JSON.stringify({ ...scenario, name: 'a\u0000b' });
    expectError(await post(nul), 400, /^Invalid body\.name: .*NUL/);
    for (const text of ['a\\ud800b', '\\udc00', 'x\\ud83d']) {
      const lone = JSON.stringify(scenario).replace('"shape"', `"${text}"`);
      expectError(await post(lone), 400, /^Invalid body\.name: .*unpaired surrogate/);
    }
    const inNote = JSON.stringify(scenario).replace('"campus":{', '"campus":{"note":"\\ud800",');
    expectError(await post(inNote), 400, /^Invalid body\.campus\.note: /);
    const inKey = JSON.stringify(scenario).replace('"campus":{', '"campus":{"a\\u0000":1,');
    expectError(await post(inKey), 400, /^Invalid body\.campus\.a.*the key contains a NUL/);
    expectError(await app().inject({ url: '/api/scenarios?limit=%00' }), 400, /querystring\.limit/);
    // A valid pair (an emoji) is fine.
    const emoji = await post(JSON.stringify({ ...scenario, name: 'reactor 🙂' }));
    expect(emoji.statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it("answers Fastify's own errors in the standard shape", async () => {
    expectError(await post('{'), 400, /^Invalid body: not valid JSON/);
    expectError(await post(''), 400, /empty/);
    expectError(await post('{"__proto__":{"x":1}}'), 400, /__proto__/);
    const text = await app().inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: 'hi',
      headers: { 'content-type': 'application/xml' },
    });
    expect(expectError(text, 415).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const large = await post(JSON.stringify({ ...scenario, name: 'x'.repeat(2_000_000) }));
    expect(expectError(large, 413).code).toBe('PAYLOAD_TOO_LARGE');
    const long = await app().inject({ url: `/api/designs/${'a'.repeat(5000)}` });
    expect(long.statusCode).toBeGreaterThanOrEqual(400);
    expectError(long, long.statusCode);
    expectError(await app().inject({ url: '/api/scenarios/%E0%A4%A' }), 400, /URL/);
    const notFound = await app().inject({ url: `/api/nothing/${'b'.repeat(10_000)}` });
    expectError(notFound, notFound.statusCode);
  });
});

describe.each(dialects)('If-Match on %s', (dialect) => {
  const app = useTestApp(dialect);
  const create = async () =>
    (await app().inject({ method: 'POST', url: '/api/scenarios', payload: scenario })).json()
      .id as string;
  const put = (id: string, ifMatch: string) =>
    app().inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: { 'if-match': ifMatch },
      payload: scenario,
    });
  const del = (id: string, ifMatch?: string) =>
    app().inject({
      method: 'DELETE',
      url: `/api/scenarios/${id}`,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    });
  const version = async (id: string) =>
    (await app().inject({ url: `/api/scenarios/${id}` })).json().version as number | undefined;

  it('compares strongly: a weak validator does not match', async () => {
    const id = await create();
    const error = expectError(await put(id, 'W/"v1"'), 412);
    expect(error).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 1 } });
    expect(await version(id)).toBe(1);
  });

  it('If-Match: * matches any existing version, and none of a missing one', async () => {
    const id = await create();
    expect((await put(id, '"v1"')).statusCode).toBe(200);
    const any = await put(id, '*');
    expect(any.statusCode).toBe(200);
    expect(any.headers.etag).toBe('"v3"');
    expectError(await put('00000000-0000-4000-8000-000000000000', '*'), 404);
  });

  it('a list matches any of its tags', async () => {
    const id = await create();
    expect((await put(id, 'W/"v1", "v7", "v1"')).statusCode).toBe(200);
  });

  it('a huge or garbage version is a 412 or 400, never a 5xx', async () => {
    const id = await create();
    for (const tag of ['"v99999999999999999999999"', '"v2147483648"', '"v9007199254740993"']) {
      expect(expectError(await put(id, tag), 412).code).toBe('STALE_VERSION');
      expect(expectError(await del(id, tag), 412).code).toBe('STALE_VERSION');
    }
    for (const tag of ['garbage', '"v-1"', `"v${'9'.repeat(400)}"`, '"v1" junk']) {
      expectError(await put(id, tag), 400, /^Invalid If-Match/);
      expectError(await del(id, tag), 400, /^Invalid If-Match/);
    }
    expect(await version(id)).toBe(1);
  });

  it('DELETE honours If-Match: 412 when stale in the PUT shape, 204 when current', async () => {
    const id = await create();
    expect((await put(id, '"v1"')).statusCode).toBe(200);
    const stale = expectError(await del(id, '"v1"'), 412);
    expect(stale).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: 2, current: { id, version: 2 } },
    });
    expect(expectError(await del(id, 'W/"v2"'), 412).code).toBe('STALE_VERSION');
    expect(await version(id)).toBe(2);
    expect((await del(id, '"v2"')).statusCode).toBe(204);
    expectError(await del(id, '"v2"'), 404);
    const other = await create();
    expect((await del(other, '*')).statusCode).toBe(204);
    const plain = await create();
    expect((await del(plain)).statusCode).toBe(204);
  });
});
