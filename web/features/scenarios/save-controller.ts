// Saving, opening and managing saved scenarios (UX.md "Scenarios", "Conflict"). The store
// holds the open scenario and its saving/conflict flags; this controller also keeps the list,
// the last error and the version that won a conflict, for the top bar and the Scenarios tab.
// The decisions (what a save answer leaves in the workspace, copy names) are save-logic.ts.
import { ApiError } from '../../api/client.ts';
import type {
  SavedScenario,
  ScenarioSummary,
  StaleVersionDetails,
} from '../../api/scenario-types.ts';
import { ConflictError, type ScenariosClient } from '../../api/scenarios-client.ts';
import { fromSaved, saveStateOf, specKey, type WorkspaceScenario } from '../../state/scenario.ts';
import type { AppState, Store } from '../../state/store.ts';
import {
  afterDelete,
  afterSave,
  cleanName,
  copyName,
  inputOf,
  openedOutcome,
  saveRequest,
  type SavedOutcome,
} from './save-logic.ts';

export interface ScenarioListState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  scenarios: ScenarioSummary[];
  error: string | null;
}

export interface SaveControllerState {
  list: ScenarioListState;
  /** What the last failed action was and why, in the server's words; null after a success. */
  error: string | null;
  /** The version that won the last conflict (store.conflict is then true). */
  conflict: StaleVersionDetails | null;
}

export interface SaveController {
  save(): Promise<boolean>;
  reloadTheirs(): void;
  saveMineAsCopy(): Promise<boolean>;
  open(id: string): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  duplicate(id: string): Promise<SavedScenario | null>;
  remove(id: string): Promise<boolean>;
  discardChanges(): Promise<boolean>;
  refreshList(): Promise<void>;
  state(): SaveControllerState;
  subscribe(listener: (state: SaveControllerState) => void): () => void;
}

export interface SaveHooks {
  /**
   * A scenario was opened, reloaded or discarded back to: the patch returned (e.g. its campus
   * selected, scenarioEpoch bumped) goes into the same store.set as the scenario.
   */
  onOpen?(scenario: WorkspaceScenario): Partial<AppState> | void;
}

const messageOf = (error: unknown): string =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

export function createSaveController(
  store: Store,
  client: ScenariosClient,
  hooks: SaveHooks = {},
): SaveController {
  let state: SaveControllerState = {
    list: { status: 'idle', scenarios: [], error: null },
    error: null,
    conflict: null,
  };
  const listeners = new Set<(state: SaveControllerState) => void>();
  const set = (patch: Partial<SaveControllerState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  const names = () => state.list.scenarios.map((s) => s.name);
  const fail = (what: string, error: unknown) => {
    set({ error: `${what}: ${messageOf(error)}` });
    return false;
  };
  const show = (outcome: SavedOutcome) => {
    const patch = hooks.onOpen?.(outcome.scenario) ?? {};
    store.set({ ...patch, ...outcome, conflict: false, saving: false });
    set({ conflict: null, error: null });
  };
  const conflictOn = (id: string, details: StaleVersionDetails) => {
    if (store.get().scenario.id !== id) return;
    set({ conflict: details });
    store.set({ conflict: true, saving: false });
  };

  async function refreshList(): Promise<void> {
    set({ list: { ...state.list, status: 'loading' } });
    try {
      set({ list: { status: 'ready', scenarios: await client.list(), error: null } });
    } catch (error) {
      set({ list: { ...state.list, status: 'error', error: messageOf(error) } });
    }
  }

  /** Sends `before` (named `name`) and applies the answer, keeping edits made meanwhile. */
  async function send(before: WorkspaceScenario, asNew: boolean, name: string): Promise<boolean> {
    const target = asNew ? { ...before, id: null, version: null } : before;
    const request = saveRequest(target, name);
    if (!request) return false;
    store.set({ saving: true });
    try {
      const saved =
        target.id === null
          ? await client.create(request.input)
          : await client.update(target.id, target.version ?? 0, request.input);
      const outcome = afterSave(store.get().scenario, before, request.sent, saved);
      store.set({ saving: false, ...(outcome ? { ...outcome, conflict: false } : {}) });
      set({ error: null, ...(outcome ? { conflict: null } : {}) });
      void refreshList();
      return true;
    } catch (error) {
      store.set({ saving: false });
      if (error instanceof ConflictError && before.id !== null) {
        conflictOn(before.id, error.details);
        return false;
      }
      return fail('Could not save', error);
    }
  }

  async function open(id: string): Promise<boolean> {
    try {
      show(openedOutcome((await client.get(id)).scenario));
      return true;
    } catch (error) {
      return fail('Could not open the scenario', error);
    }
  }

  return {
    async save() {
      const { scenario, savedKey, saving, conflict } = store.get();
      if (saving || conflict) return false;
      if (scenario.id !== null && saveStateOf(scenario, savedKey) === 'saved') return true;
      return send(scenario, false, scenario.name);
    },
    reloadTheirs() {
      if (state.conflict) show(openedOutcome(state.conflict.current));
    },
    async saveMineAsCopy() {
      const { scenario, saving } = store.get();
      if (saving) return false;
      return send(scenario, true, copyName(scenario.name, names()));
    },
    open,
    async rename(id, name) {
      const clean = cleanName(name);
      if (!clean) return false;
      try {
        const { scenario: server } = await client.get(id);
        const open = store.get().scenario;
        if (open.id === id && open.version !== server.version) {
          conflictOn(id, { currentVersion: server.version, current: server });
          return false;
        }
        const saved = await client.update(id, server.version, inputOf(server, clean));
        const current = store.get().scenario;
        if (current.id === id) {
          const keepName = current.name !== open.name;
          const scenario = {
            ...current,
            version: saved.version,
            name: keepName ? current.name : clean,
          };
          store.set({ scenario, savedKey: specKey(fromSaved(saved)) });
        }
        set({ error: null });
        void refreshList();
        return true;
      } catch (error) {
        if (error instanceof ConflictError) conflictOn(id, error.details);
        return fail('Could not rename the scenario', error);
      }
    },
    async duplicate(id) {
      try {
        const { scenario: server } = await client.get(id);
        const saved = await client.create(inputOf(server, copyName(server.name, names())));
        set({ error: null });
        void refreshList();
        return saved;
      } catch (error) {
        fail('Could not duplicate the scenario', error);
        return null;
      }
    },
    async remove(id) {
      try {
        await client.remove(id);
        const { scenario } = store.get();
        if (scenario.id === id) {
          store.set({ scenario: afterDelete(scenario), savedKey: null, conflict: false });
          set({ conflict: null });
        }
        set({ error: null });
        void refreshList();
        return true;
      } catch (error) {
        return fail('Could not delete the scenario', error);
      }
    },
    async discardChanges() {
      const { id } = store.get().scenario;
      return id === null ? false : open(id);
    },
    refreshList,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
