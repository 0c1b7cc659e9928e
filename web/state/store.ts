// Minimal app state with subscribe. Data sets load independently, so each carries its own
// status: the panel can show a skeleton, the data or an error for each one.
import type { Design } from '../../models/records.ts';
import type { CampusCollection, PlaceCollection, SiteCollection } from '../api/client.ts';
import {
  idleEvaluation,
  type EvaluationState,
} from '../features/coverage/evaluation-controller.ts';
import { emptyScenario, type WorkspaceScenario } from './scenario.ts';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

export interface AppState {
  campuses: Loadable<CampusCollection>;
  sites: Loadable<SiteCollection>;
  designs: Loadable<Design[]>;
  /** Places of 10,000+ (GET /api/places): city labels on the map and search. */
  places: Loadable<PlaceCollection>;
  selectedCampusId: string | null;
  /** The design chosen in the Reactors tab, if any: the Siting tab starts from it. */
  selectedDesignId: string | null;
  /** Modelled facility peak by campus id, from the latest demand result: sizes map circles. */
  modelledPeakMw: Readonly<Record<string, number>>;
  /** The scenario open in the workspace: campus, placed reactors, options, saved id/version. */
  scenario: WorkspaceScenario;
  /** specKey of the scenario as last saved or opened; null: never saved. */
  savedKey: string | null;
  /** A save is out / the last save met someone else's newer version (412). */
  saving: boolean;
  conflict: boolean;
  /** Live coverage of `scenario` (features/coverage/evaluation-controller.ts). */
  evaluation: EvaluationState;
  /** Units and COD year of the next placement (Reactors tab), with selectedDesignId. */
  placementUnits: number;
  placementCodYear: number | null;
  /** Bumped when a scenario is opened or restored: views rebuild from it (not on edits). */
  scenarioEpoch: number;
  /** The placement selected on the map or in its row (its EPZ ring shows). */
  selectedPlacementKey: string | null;
}

export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState>): void;
  subscribe(listener: Listener): () => void;
}

export const initialState = (): AppState => ({
  campuses: { status: 'loading' },
  sites: { status: 'loading' },
  designs: { status: 'loading' },
  places: { status: 'loading' },
  selectedCampusId: null,
  selectedDesignId: null,
  modelledPeakMw: {},
  scenario: emptyScenario(),
  savedKey: null,
  saving: false,
  conflict: false,
  evaluation: idleEvaluation(),
  selectedPlacementKey: null,
  scenarioEpoch: 0,
  placementUnits: 1,
  placementCodYear: null,
});

export function createStore(initial: AppState = initialState()): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
