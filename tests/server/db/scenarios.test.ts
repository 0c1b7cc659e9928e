import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import * as repo from '../../../server/db/scenarios.ts';
import { dialects, useTestDatabase } from '../../helpers/databases.ts';

// Every JSON kind; jsonb may reorder keys, which toEqual ignores.
const spec = {
  campus: { id: 'stargate-abilene', utcOffsetHours: -6, phases: [{ start: '2026-01', itMw: 200 }] },
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 32.45, lon: -99.73, codYear: 2032 }],
  options: { trials: 500, seed: 1, targetReliability: 0.999, storage: true, note: null },
  labels: ['Zürich', '東京', 'Ω 🚀'],
  tiny: 1e-9,
  flags: [true, false],
};
const at = (iso: string) => new Date(iso);
// Each test writes to its own workspace: tests share the file's database, never its rows.
const newWorkspace = () => `ws-${randomUUID()}`;

describe.each(dialects)('scenario repository on %s', (dialect) => {
  const current = useTestDatabase(dialect);
  const db = () => current().db;

  const create = (workspace: string, name = 'a', now?: Date, body: unknown = spec) =>
    repo.createScenario(db(), { workspace, name, spec: body }, now);

  it('round-trips a created scenario, spec and unicode name included, through get', async () => {
    const ws = newWorkspace();
    const created = await create(ws, 'Abilene — 東京');
    expect(created).toMatchObject({ workspace: ws, name: 'Abilene — 東京', version: 1, spec });
    expect(await repo.getScenario(db(), ws, created.id)).toEqual(created);
  });

  it('round-trips a spec that is itself a JSON string without parsing it twice', async () => {
    const ws = newWorkspace();
    const created = await create(ws, 'a', undefined, '[1]');
    expect((await repo.getScenario(db(), ws, created.id))?.spec).toBe('[1]');
  });

  it('returns times as ISO strings equal to the clock it was given', async () => {
    const ws = newWorkspace();
    const now = at('2027-03-04T05:06:07.089Z');
    const read = await repo.getScenario(db(), ws, (await create(ws, 'a', now)).id);
    expect(read?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(read).toMatchObject({ createdAt: now.toISOString(), updatedAt: now.toISOString() });
  });

  it('lists only its workspace, newest updated first, without specs', async () => {
    const ws = newWorkspace();
    const old = await create(ws, 'old', at('2027-01-01T00:00:00Z'));
    await create(ws, 'mid', at('2027-02-01T00:00:00Z'));
    await create(newWorkspace(), 'other');
    const edit = { name: 'old, edited', spec };
    await repo.updateScenario(db(), ws, old.id, 1, edit, at('2027-03-01T00:00:00Z'));
    const list = await repo.listScenarios(db(), ws);
    expect(list.map((s) => s.name)).toEqual(['old, edited', 'mid']);
    const { spec: _spec, optimisation: _optimisation, ...summary } = old;
    const updatedAt = '2027-03-01T00:00:00.000Z';
    expect(list[0]).toStrictEqual({ ...summary, name: 'old, edited', version: 2, updatedAt });
  });

  it('pages the list with limit and offset', async () => {
    const ws = newWorkspace();
    for (const day of ['01', '02', '03']) await create(ws, day, at(`2027-01-${day}T00:00:00Z`));
    const page = await repo.listScenarios(db(), ws, { limit: 1, offset: 1 });
    expect(page.map((s) => s.name)).toEqual(['02']);
  });

  it('updates with the current version, bumping it to 2', async () => {
    const ws = newWorkspace();
    const created = await create(ws, 'a', at('2027-01-01T00:00:00Z'));
    const later = at('2027-01-02T00:00:00Z');
    const changes = { name: 'b', spec: { v: [2] } };
    const result = await repo.updateScenario(db(), ws, created.id, 1, changes, later);
    const expected = { ...created, ...changes, version: 2, updatedAt: later.toISOString() };
    expect(result).toEqual({ status: 'updated', scenario: expected });
    expect(await repo.getScenario(db(), ws, created.id)).toEqual(expected);
  });

  it('refuses a stale version and changes nothing', async () => {
    const ws = newWorkspace();
    const { id } = await create(ws);
    const first = await repo.updateScenario(db(), ws, id, 1, { name: 'b', spec: 1 });
    if (first.status !== 'updated') throw new Error(`expected updated, got ${first.status}`);
    const stale = await repo.updateScenario(db(), ws, id, 1, { name: 'c', spec: 2 });
    expect(stale).toEqual({ status: 'stale', current: first.scenario });
    expect(await repo.getScenario(db(), ws, id)).toEqual(first.scenario);
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const ws = newWorkspace();
    const { id } = await create(ws);
    const results = await Promise.all(
      ['x', 'y'].map((name) => repo.updateScenario(db(), ws, id, 1, { name, spec })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['stale', 'updated']);
    expect((await repo.getScenario(db(), ws, id))?.version).toBe(2);
  });

  it('reports an update of a missing id as not-found', async () => {
    const changes = { name: 'x', spec };
    const result = await repo.updateScenario(db(), newWorkspace(), randomUUID(), 1, changes);
    expect(result).toEqual({ status: 'not-found' });
  });

  it('deletes once, then reports false', async () => {
    const ws = newWorkspace();
    const { id } = await create(ws);
    expect(await repo.deleteScenario(db(), ws, id)).toBe(true);
    expect(await repo.getScenario(db(), ws, id)).toBeUndefined();
    expect(await repo.deleteScenario(db(), ws, id)).toBe(false);
  });

  it('hides a scenario from every other workspace', async () => {
    const [owner, intruder] = [newWorkspace(), newWorkspace()];
    const created = await create(owner);
    expect(await repo.getScenario(db(), intruder, created.id)).toBeUndefined();
    expect(await repo.listScenarios(db(), intruder)).toEqual([]);
    const update = await repo.updateScenario(db(), intruder, created.id, 1, { name: 'x', spec: 0 });
    expect(update).toEqual({ status: 'not-found' });
    expect(await repo.deleteScenario(db(), intruder, created.id)).toBe(false);
    expect(await repo.getScenario(db(), owner, created.id)).toEqual(created);
  });

  it('runs migrations again without error or data loss', async () => {
    const ws = newWorkspace();
    const created = await create(ws);
    await migrateToLatest(db());
    await migrateToLatest(db());
    expect(await repo.getScenario(db(), ws, created.id)).toEqual(created);
  });
});
