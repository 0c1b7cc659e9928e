import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/databases.ts';

const scenario = {
  name: 'Abilene with four BWRX-300s',
  campus: { id: 'stargate-abilene' },
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 32.6, lon: -99.8 }],
  options: { trials: 50 },
};

describe.each(dialects)('scenario routes on %s', (dialect) => {
  const app = useTestApp(dialect);

  const create = async (body: object = scenario) =>
    app().inject({ method: 'POST', url: '/api/scenarios', payload: body });

  it('creates a scenario: 201 with Location and ETag, and reads it back', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/scenarios/${body.id}`);
    expect(res.headers.etag).toBe('"v1"');
    expect(body).toMatchObject({ ...scenario, version: 1 });
    const got = await app().inject({ url: res.headers.location as string });
    expect(got.json()).toEqual(body);
  });

  it('lists saved scenarios without their specs', async () => {
    const { id } = (await create({ ...scenario, name: 'listed' })).json();
    const list = (await app().inject({ url: '/api/scenarios' })).json().scenarios;
    const row = list.find((s: { id: string }) => s.id === id);
    expect(row).toMatchObject({ name: 'listed', version: 1 });
    expect(row.deployments).toBeUndefined();
  });

  it('replaces a scenario with the right If-Match and bumps the version', async () => {
    const { id } = (await create()).json();
    const res = await app().inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: { 'if-match': '"v1"' },
      payload: { ...scenario, name: 'renamed' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"v2"');
    expect(res.json()).toMatchObject({ name: 'renamed', version: 2 });
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const { id } = (await create()).json();
    const put = (name: string, version: string) =>
      app().inject({
        method: 'PUT',
        url: `/api/scenarios/${id}`,
        headers: { 'if-match': version },
        payload: { ...scenario, name },
      });
    expect((await put('first', '"v1"')).statusCode).toBe(200);
    const stale = await put('second', '"v1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: 2 },
    });
    expect((await app().inject({ url: `/api/scenarios/${id}` })).json().name).toBe('first');
  });

  it('answers 428 to a PUT without If-Match', async () => {
    const { id } = (await create()).json();
    const res = await app().inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      payload: scenario,
    });
    expect(res.statusCode).toBe(428);
  });

  it('deletes a scenario, then 404s it', async () => {
    const { id } = (await create()).json();
    expect((await app().inject({ method: 'DELETE', url: `/api/scenarios/${id}` })).statusCode).toBe(
      204,
    );
    expect((await app().inject({ url: `/api/scenarios/${id}` })).statusCode).toBe(404);
    expect((await app().inject({ method: 'DELETE', url: `/api/scenarios/${id}` })).statusCode).toBe(
      404,
    );
  });

  it('rejects a scenario without a name, naming the field', async () => {
    const { name: _name, ...unnamed } = scenario;
    const res = await create(unnamed);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('name');
  });

  it('answers 400 to an id that is not a UUID', async () => {
    expect((await app().inject({ url: '/api/scenarios/not-a-uuid' })).statusCode).toBe(400);
  });
});
