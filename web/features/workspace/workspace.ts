// The workspace controller: every edit to the open scenario goes through here, and each one
// re-evaluates (debounced, progressive: evaluation-controller.ts), keeps the local draft and
// puts the scenario in the address bar. The web app never computes the model: it asks
// /api/evaluate.
import type { CampusRequest, EvaluateRequest, EvaluateResponse } from '../../api/scenario-types.ts';
import type { AppState, Store } from '../../state/store.ts';
import {
  addPlacement,
  DEFAULT_SCENARIO_NAME,
  evaluateRequest,
  saveStateOf,
  type Placement,
  type WorkspaceScenario,
} from '../../state/scenario.ts';
import { clearDraft, writeDraft } from '../../state/local-draft.ts';
import { createEvaluationController } from '../coverage/evaluation-controller.ts';

export interface Workspace {
  /** Applies an edit to the open scenario. */
  edit(change: (scenario: WorkspaceScenario) => WorkspaceScenario): void;
  /** Places the Reactors tab's design × units (and COD year) at a point, optionally a site. */
  placeAt(at: { lat: number; lon: number }, siteId?: string): Placement | null;
  /** The campus the scenario evaluates (from the Campus tab's request). */
  setCampus(campus: CampusRequest | null): void;
  /** Replaces the whole scenario (open, restore, reload theirs): views rebuild from it. */
  open(scenario: WorkspaceScenario, savedKey: string | null): void;
  /** Runs the evaluation again now (retry after an error). */
  reevaluate(): void;
}

export interface WorkspaceDeps {
  evaluate(request: EvaluateRequest, signal: AbortSignal): Promise<EvaluateResponse>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now(): Date;
  /** A descriptive name for a new scenario ("Colossus 2 · 4 × BWRX-300"), or null. */
  autoName?(scenario: WorkspaceScenario): string | null;
}

export function createWorkspace(store: Store, deps: WorkspaceDeps): Workspace {
  const evaluation = createEvaluationController(deps.evaluate, (state) =>
    store.set({ evaluation: state }),
  );
  let lastRequestKey: string | null = null;

  const afterChange = (force = false) => {
    const state = store.get();
    const request = evaluateRequest(state.scenario);
    const key = request ? JSON.stringify(request) : null;
    if (force || key !== lastRequestKey) {
      lastRequestKey = key;
      evaluation.run(request);
    }
    if (!deps.storage) return;
    const saveState = saveStateOf(state.scenario, state.savedKey);
    if (saveState === 'unsaved') {
      writeDraft(deps.storage, {
        scenario: state.scenario,
        savedKey: state.savedKey,
        savedAt: deps.now().toISOString(),
      });
    } else {
      clearDraft(deps.storage);
    }
  };

  // Any change to the scenario (here, or by the save controller) follows the same path.
  store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario || state.savedKey !== previous.savedKey) afterChange();
  });

  // A new scenario is named after what it holds until the user names it (or it is saved).
  let autoNamed: string | null = null;
  const named = (scenario: WorkspaceScenario): WorkspaceScenario => {
    if (scenario.id !== null || !deps.autoName) return scenario;
    if (scenario.name !== DEFAULT_SCENARIO_NAME && scenario.name !== autoNamed) return scenario;
    const name = deps.autoName(scenario);
    if (!name || name === scenario.name) return scenario;
    autoNamed = name;
    return { ...scenario, name };
  };
  const setScenario = (scenario: WorkspaceScenario, patch: Partial<AppState> = {}) =>
    store.set({ ...patch, scenario: named(scenario) });

  return {
    edit(change) {
      setScenario(change(store.get().scenario));
    },
    placeAt(at, siteId) {
      const { selectedDesignId, placementUnits, placementCodYear, scenario } = store.get();
      if (!selectedDesignId) return null;
      const next = addPlacement(scenario, {
        designId: selectedDesignId,
        units: placementUnits,
        lat: at.lat,
        lon: at.lon,
        ...(placementCodYear !== null ? { codYear: placementCodYear } : {}),
        ...(siteId ? { siteId } : {}),
      });
      const placed = next.placements[next.placements.length - 1];
      setScenario(next, { selectedPlacementKey: placed.key });
      return placed;
    },
    setCampus(campus) {
      const { scenario } = store.get();
      if (JSON.stringify(scenario.campus) === JSON.stringify(campus)) return;
      setScenario({ ...scenario, campus });
    },
    open(scenario, savedKey) {
      store.set({
        scenario,
        savedKey,
        conflict: false,
        selectedPlacementKey: null,
        scenarioEpoch: store.get().scenarioEpoch + 1,
      });
    },
    reevaluate: () => afterChange(true),
  };
}
