// Saving scenarios without a browser or a server: the save controller against an in-memory
// fake of the scenarios API (versions and 412s as server/routes/scenarios.ts answers them), the
// pure save decisions, and the HTTP client against a fake fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedScenario, ScenarioInput } from '../../web/api/scenario-types.ts';
import {
  ConflictError,
  createScenariosClient,
  type ScenariosClient,
} from '../../web/api/scenarios-client.ts';
import { createSaveController } from '../../web/features/scenarios/save-controller.ts';
import {
  copyName,
  NAME_MAX,
  saveBlocker,
  saveButtonState,
} from '../../web/features/scenarios/save-logic.ts';
import {
  addPlacement,
  emptyScenario,
  saveStateOf,
  specKey,
  type WorkspaceScenario,
} from '../../web/state/scenario.ts';
import { createStore, initialState, type Store } from '../../web/state/store.ts';

const xe100 = { designId: 'xe-100', units: 4, lat: 32.1, lon: -99.5 };
const natrium = { designId: 'natrium', units: 1, lat: 32.4, lon: -99.9 };

function draft(name = 'Abilene 4 × Xe-100'): WorkspaceScenario {
  return addPlacement({ ...emptyScenario(), name, campus: { id: 'stargate-abilene' } }, xe100);
}

/** The scenarios API in memory: JSON round trips, versions, If-Match → 412 with theirs. */
function fakeServer() {
  const rows = new Map<string, SavedScenario>();
  let next = 0;
  let clock = Date.parse('2030-01-01T00:00:00Z');
  const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const stamp = () => new Date((clock += 60_000)).toISOString();
  const mustGet = (id: string) => {
    const row = rows.get(id);
    if (!row) throw new Error(`404 ${id}`);
    return row;
  };
  const client: ScenariosClient & { rows: typeof rows } = {
    rows,
    list: async () => wire([...rows.values()].reverse()),
    get: async (id) => ({ scenario: wire(mustGet(id)), etag: `"v${mustGet(id).version}"` }),
    async create(input: ScenarioInput) {
      next += 1;
      const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
      const at = stamp();
      const row = { ...wire(input), id, workspace: 'w', version: 1, createdAt: at, updatedAt: at };
      rows.set(id, row);
      return wire(row);
    },
    async update(id, version, input) {
      const row = mustGet(id);
      if (row.version !== version) {
        const current = wire(row);
        throw new ConflictError('stale', `/api/scenarios/${id}`, {
          currentVersion: row.version,
          current,
        });
      }
      const updated = { ...row, ...wire(input), version: row.version + 1, updatedAt: stamp() };
      rows.set(id, updated);
      return wire(updated);
    },
    remove: async (id) => void rows.delete(id),
    evaluateSaved: () => Promise.reject(new Error('not used')),
    evaluate: () => Promise.reject(new Error('not used')),
  };
  return client;
}

const tab = (server: ScenariosClient, scenario = draft()) => {
  const store = createStore({ ...initialState(), scenario });
  return { store, controller: createSaveController(store, server) };
};
const stateOf = (store: Store) => {
  const { scenario, savedKey, saving, conflict } = store.get();
  return saveStateOf(scenario, savedKey, { saving, conflict });
};

describe('save', () => {
  it('creates a new scenario, then PUTs with its version', async () => {
    const server = fakeServer();
    const { store, controller } = tab(server);
    expect(stateOf(store)).toBe('unsaved');
    expect(await controller.save()).toBe(true);
    const { scenario } = store.get();
    expect(scenario.id).toMatch(/^0{8}-/);
    expect(scenario.version).toBe(1);
    expect(stateOf(store)).toBe('saved');
    store.set({ scenario: addPlacement(store.get().scenario, natrium) });
    expect(stateOf(store)).toBe('unsaved');
    expect(await controller.save()).toBe(true);
    expect(store.get().scenario.version).toBe(2);
    expect(server.rows.get(scenario.id!)?.deployments).toHaveLength(2);
    expect(stateOf(store)).toBe('saved');
  });

  it('keeps edits made while the save was in flight: only id, version and savedKey follow', async () => {
    const server = fakeServer();
    let release = () => {};
    const slow: ScenariosClient = {
      ...server,
      create: (input) => new Promise((resolve) => (release = () => resolve(server.create(input)))),
    };
    const { store, controller } = tab(slow);
    const saving = controller.save();
    expect(store.get().saving).toBe(true);
    expect(stateOf(store)).toBe('saving');
    const sent = store.get().scenario;
    store.set({ scenario: { ...addPlacement(sent, natrium), name: 'Renamed meanwhile' } });
    release();
    await saving;
    const { scenario, savedKey, saving: still } = store.get();
    expect(still).toBe(false);
    expect(scenario.id).not.toBeNull();
    expect(scenario.name).toBe('Renamed meanwhile');
    expect(scenario.placements).toHaveLength(2);
    expect(savedKey).toBe(specKey(sent));
    expect(stateOf(store)).toBe('unsaved');
  });

  it('leaves the workspace alone when another scenario was opened meanwhile', async () => {
    const server = fakeServer();
    const other = await server.create({ ...draft('Other'), deployments: [natrium] } as never);
    let release = () => {};
    const slow: ScenariosClient = {
      ...server,
      create: (input) => new Promise((resolve) => (release = () => resolve(server.create(input)))),
    };
    const { store, controller } = tab(slow);
    const saving = controller.save();
    await controller.open(other.id);
    release();
    await saving;
    expect(store.get().scenario.id).toBe(other.id);
    expect(stateOf(store)).toBe('saved');
  });

  it('refuses with nothing to save, saying why', async () => {
    const server = fakeServer();
    const { store, controller } = tab(server, emptyScenario());
    expect(await controller.save()).toBe(false);
    expect(server.rows.size).toBe(0);
    expect(saveBlocker(emptyScenario())).toMatch(/campus/);
    expect(saveBlocker({ ...emptyScenario(), campus: { id: 'x' } })).toMatch(/reactor/);
    const button = saveButtonState(store.get().scenario, null, { saving: false, conflict: false });
    expect(button).toMatchObject({ disabled: true, title: expect.stringMatching(/campus/) });
  });

  it('reports a failed save and stays unsaved', async () => {
    const server = fakeServer();
    const failing = { ...server, create: () => Promise.reject(new Error('disk full')) };
    const { store, controller } = tab(failing);
    expect(await controller.save()).toBe(false);
    expect(controller.state().error).toBe('Could not save: disk full');
    expect(store.get().saving).toBe(false);
    expect(stateOf(store)).toBe('unsaved');
  });
});

describe('two tabs edit one scenario', () => {
  it('the second save gets a conflict; reload-theirs gives theirs; save-mine-as-copy creates a copy and theirs is unchanged — nothing is lost', async () => {
    const server = fakeServer();
    const first = tab(server);
    await first.controller.save();
    const id = first.store.get().scenario.id!;
    const second = tab(server);
    await second.controller.open(id);

    first.store.set({ scenario: { ...first.store.get().scenario, name: 'Theirs' } });
    expect(await first.controller.save()).toBe(true);
    const mine = addPlacement(second.store.get().scenario, natrium);
    second.store.set({ scenario: { ...mine, name: 'Mine' } });
    expect(await second.controller.save()).toBe(false);
    expect(stateOf(second.store)).toBe('conflict');
    expect(second.controller.state().conflict?.currentVersion).toBe(2);
    expect(server.rows.get(id)?.name).toBe('Theirs');
    expect(await second.controller.save()).toBe(false); // blocked until resolved

    // Save mine as a copy: a new scenario with my edits; theirs stays as it was.
    expect(await second.controller.saveMineAsCopy()).toBe(true);
    const copy = second.store.get().scenario;
    expect(copy.id).not.toBe(id);
    expect(copy.name).toBe('Mine (copy)');
    expect(server.rows.get(copy.id!)?.deployments).toHaveLength(2);
    expect(server.rows.get(id)).toMatchObject({ name: 'Theirs', version: 2 });
    expect(server.rows.get(id)?.deployments).toHaveLength(1);
    expect(stateOf(second.store)).toBe('saved');

    // A third tab in the same conflict reloads theirs instead.
    const third = tab(server);
    await third.controller.open(id);
    await first.controller.save(); // nothing changed: still fine
    first.store.set({ scenario: addPlacement(first.store.get().scenario, natrium) });
    await first.controller.save();
    third.store.set({ scenario: { ...third.store.get().scenario, name: 'Third' } });
    expect(await third.controller.save()).toBe(false);
    third.controller.reloadTheirs();
    expect(third.store.get().scenario).toMatchObject({ id, name: 'Theirs', version: 3 });
    expect(third.store.get().scenario.placements).toHaveLength(2);
    expect(stateOf(third.store)).toBe('saved');
    expect(third.controller.state().conflict).toBeNull();
    expect(server.rows.size).toBe(2);
  });
});

describe('managing saved scenarios', () => {
  let server: ReturnType<typeof fakeServer>;
  let t: ReturnType<typeof tab>;
  beforeEach(async () => {
    server = fakeServer();
    t = tab(server);
    await t.controller.save();
    await t.controller.refreshList();
  });

  it('lists, duplicates with a free copy name, and renames', async () => {
    const id = t.store.get().scenario.id!;
    expect(t.controller.state().list).toMatchObject({ status: 'ready', scenarios: [{ id }] });
    const copy = await t.controller.duplicate(id);
    expect(copy?.name).toBe('Abilene 4 × Xe-100 (copy)');
    await t.controller.refreshList();
    expect((await t.controller.duplicate(id))?.name).toBe('Abilene 4 × Xe-100 (copy 2)');
    expect(await t.controller.rename(copy!.id, '  Kept name ')).toBe(true);
    expect(server.rows.get(copy!.id)).toMatchObject({ name: 'Kept name', version: 2 });
  });

  it('renaming the open scenario keeps its other unsaved edits unsaved', async () => {
    const id = t.store.get().scenario.id!;
    await t.controller.rename(id, 'New name');
    expect(t.store.get().scenario).toMatchObject({ name: 'New name', version: 2 });
    expect(stateOf(t.store)).toBe('saved');
    t.store.set({ scenario: addPlacement(t.store.get().scenario, natrium) });
    await t.controller.rename(id, 'Newer name');
    expect(stateOf(t.store)).toBe('unsaved');
    expect(server.rows.get(id)?.deployments).toHaveLength(1);
  });

  it('discards back to the saved version, and deleting the open one keeps it unsaved', async () => {
    const id = t.store.get().scenario.id!;
    t.store.set({ scenario: addPlacement(t.store.get().scenario, natrium) });
    expect(await t.controller.discardChanges()).toBe(true);
    expect(t.store.get().scenario.placements).toHaveLength(1);
    expect(stateOf(t.store)).toBe('saved');
    expect(await t.controller.remove(id)).toBe(true);
    expect(server.rows.has(id)).toBe(false);
    expect(t.store.get().scenario).toMatchObject({ id: null, version: null });
    expect(t.store.get().scenario.placements).toHaveLength(1);
    expect(stateOf(t.store)).toBe('unsaved');
  });
});

describe('copyName', () => {
  it('adds (copy), then a number when taken, and stays within the name limit', () => {
    expect(copyName('Plan A')).toBe('Plan A (copy)');
    expect(copyName('Plan A', ['Plan A (copy)'])).toBe('Plan A (copy 2)');
    expect(copyName('Plan A', ['Plan A (copy)', 'Plan A (copy 2)'])).toBe('Plan A (copy 3)');
    const long = copyName('x'.repeat(300));
    expect(long).toHaveLength(NAME_MAX);
    expect(long.endsWith(' (copy)')).toBe(true);
  });
});

describe('scenarios client', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', { getItem: () => null }));
  afterEach(() => vi.unstubAllGlobals());

  it('sends If-Match "v<version>" and turns a 412 into a ConflictError with theirs', async () => {
    const current = { id: 'a', name: 'Theirs', version: 5 };
    const calls: [string, RequestInit][] = [];
    const fetchImpl = (async (path: string, init: RequestInit) => {
      calls.push([path, init]);
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      const error = {
        code: 'STALE_VERSION',
        message: 'stale',
        details: { currentVersion: 5, current },
      };
      return new Response(JSON.stringify({ error }), { status: 412 });
    }) as typeof fetch;
    const client = createScenariosClient(fetchImpl);
    const failure = await client.update('a', 3, { name: 'Mine' } as ScenarioInput).catch((e) => e);
    expect(failure).toBeInstanceOf(ConflictError);
    expect((failure as ConflictError).details.current).toEqual(current);
    const headers = calls[0][1].headers as Record<string, string>;
    expect(calls[0][0]).toBe('/api/scenarios/a');
    expect(headers['if-match']).toBe('"v3"');
    expect(headers['content-type']).toBe('application/json');
    await expect(client.remove('a')).resolves.toBeUndefined();
  });
});
