// The scenario open in the workspace (UX.md "Scenarios"): the campus, the placed reactors and
// the evaluation options, plus its saved id and version. Pure: every edit returns a new value,
// so the store can tell what changed and the local draft and URL can be derived from it.
import type {
  CampusRequest,
  DeploymentInput,
  EvaluateOptionsInput,
  EvaluateRequest,
  SavedScenario,
  ScenarioInput,
  ScenarioOptimisation,
} from '../api/scenario-types.ts';

/** A placed deployment; `key` names its marker and row for the session and is never sent. */
export interface Placement extends DeploymentInput {
  key: string;
}

export interface WorkspaceScenario {
  /** The saved scenario's id and version (its ETag); null until first saved. */
  id: string | null;
  version: number | null;
  name: string;
  /** What the evaluate request sends as `campus`; null while no campus is chosen. */
  campus: CampusRequest | null;
  placements: Placement[];
  options: EvaluateOptionsInput;
  /**
   * The optimisation the placements were loaded from (request and result), saved with the
   * scenario so the Optimise tab reopens it without re-running; absent for a hand-placed one.
   */
  optimisation?: ScenarioOptimisation;
}

/** What the top bar says about the open scenario. */
export type SaveState = 'new' | 'saved' | 'unsaved' | 'saving' | 'conflict';

export const DEFAULT_SCENARIO_NAME = 'Untitled scenario';

export const emptyScenario = (): WorkspaceScenario => ({
  id: null,
  version: null,
  name: DEFAULT_SCENARIO_NAME,
  campus: null,
  placements: [],
  options: {},
});

const deployment = ({ key: _key, ...rest }: Placement): DeploymentInput => rest;

/** The body of POST/PUT /api/scenarios; null while there is no campus to save. */
export function scenarioInput(scenario: WorkspaceScenario): ScenarioInput | null {
  if (!scenario.campus || scenario.placements.length === 0) return null;
  return {
    name: scenario.name,
    campus: scenario.campus,
    deployments: scenario.placements.map(deployment),
    options: scenario.options,
  };
}

/** The body of POST /api/evaluate; null until a campus and one reactor are chosen. */
export function evaluateRequest(scenario: WorkspaceScenario): EvaluateRequest | null {
  const input = scenarioInput(scenario);
  if (!input) return null;
  const { name: _name, ...request } = input;
  return request;
}

/** JSON with sorted keys: two specs that mean the same compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** What "unsaved changes" compares: name, campus, deployments and options (not keys or ids). */
export const specKey = (scenario: WorkspaceScenario): string =>
  canonicalJson({
    name: scenario.name,
    campus: scenario.campus,
    deployments: scenario.placements.map(deployment),
    options: scenario.options,
  });

/** The top-bar state: `savedKey` is the specKey at the last save or open (null: never saved). */
export function saveStateOf(
  scenario: WorkspaceScenario,
  savedKey: string | null,
  flags: { saving?: boolean; conflict?: boolean } = {},
): SaveState {
  if (flags.conflict) return 'conflict';
  if (flags.saving) return 'saving';
  if (savedKey === null) return scenario.placements.length > 0 ? 'unsaved' : 'new';
  return specKey(scenario) === savedKey ? 'saved' : 'unsaved';
}

let keyCounter = 0;
/** A fresh placement key (unique within the page). */
export const newPlacementKey = (): string => `p${(keyCounter += 1)}`;

const withKeys = (deployments: readonly DeploymentInput[]): Placement[] =>
  deployments.map((d) => ({ ...d, key: newPlacementKey() }));

/** A scenario as the server returned it, ready to edit. */
export function fromSaved(saved: SavedScenario): WorkspaceScenario {
  return {
    id: saved.id,
    version: saved.version,
    name: saved.name,
    campus: saved.campus,
    placements: withKeys(saved.deployments),
    options: saved.options ?? {},
    ...(saved.optimisation ? { optimisation: saved.optimisation } : {}),
  };
}

/** A scenario from a spec (an unsaved link, an imported file): not saved anywhere yet. */
export function fromInput(
  input: Partial<ScenarioInput> & Pick<ScenarioInput, 'campus'>,
): WorkspaceScenario {
  return {
    ...emptyScenario(),
    name: input.name ?? DEFAULT_SCENARIO_NAME,
    campus: input.campus,
    placements: withKeys(input.deployments ?? []),
    options: input.options ?? {},
  };
}

export const addPlacement = (
  scenario: WorkspaceScenario,
  placement: Omit<Placement, 'key'>,
  key = newPlacementKey(),
): WorkspaceScenario => ({
  ...scenario,
  placements: [...scenario.placements, { ...placement, key }],
});

export const updatePlacement = (
  scenario: WorkspaceScenario,
  key: string,
  patch: Partial<Omit<Placement, 'key'>>,
): WorkspaceScenario => ({
  ...scenario,
  placements: scenario.placements.map((p) => (p.key === key ? { ...p, ...patch, key } : p)),
});

/** Moving a placement off its candidate site drops the site id (it no longer sits there). */
export const movePlacement = (
  scenario: WorkspaceScenario,
  key: string,
  lat: number,
  lon: number,
): WorkspaceScenario => ({
  ...scenario,
  placements: scenario.placements.map((p) => {
    if (p.key !== key) return p;
    const { siteId: _siteId, ...rest } = p;
    return { ...rest, lat, lon };
  }),
});

export const removePlacement = (scenario: WorkspaceScenario, key: string): WorkspaceScenario => ({
  ...scenario,
  placements: scenario.placements.filter((p) => p.key !== key),
});

/** Options with `patch` applied; a field set to undefined is removed (the server default). */
export function withOptions(
  scenario: WorkspaceScenario,
  patch: Partial<EvaluateOptionsInput>,
): WorkspaceScenario {
  const options: Record<string, unknown> = { ...scenario.options, ...patch };
  for (const [key, value] of Object.entries(options)) if (value === undefined) delete options[key];
  return { ...scenario, options: options as EvaluateOptionsInput };
}

/** A copy to save as new (the conflict's "save mine as a copy", or "duplicate"). */
export const asCopy = (scenario: WorkspaceScenario, name: string): WorkspaceScenario => ({
  ...scenario,
  id: null,
  version: null,
  name,
});
