// What saving decides, without a DOM or a server: whether there is anything to save, what the
// workspace holds after a save answer when the user kept editing meanwhile, what a conflict
// resolves to, and what a copy is called. The save controller applies these to the store.
import type { SavedScenario, ScenarioSaveInput } from '../../api/scenario-types.ts';
import {
  fromSaved,
  saveStateOf,
  scenarioInput,
  specKey,
  type SaveState,
  type WorkspaceScenario,
} from '../../state/scenario.ts';

/** The server's name limit (server/schemas/evaluate.ts ScenarioInput.name). */
export const NAME_MAX = 200;

/** Why the scenario cannot be saved (the save button's tooltip), or null when it can. */
export function saveBlocker(scenario: WorkspaceScenario): string | null {
  if (!scenario.campus) return 'Choose a campus first: nothing to save yet';
  if (scenario.placements.length === 0) return 'Place a reactor first: nothing to save yet';
  if (!scenario.name.trim()) return 'Give the scenario a name first';
  return null;
}

/** What a save sends: the scenario with its name cleaned, and its request body. */
export function saveRequest(
  scenario: WorkspaceScenario,
  name = scenario.name,
): { sent: WorkspaceScenario; input: ScenarioSaveInput } | null {
  if (saveBlocker(scenario)) return null;
  const sent = { ...scenario, name: cleanName(name) };
  const input = scenarioInput(sent);
  if (!input) return null;
  const { optimisation } = sent;
  return { sent, input: optimisation ? { ...input, optimisation } : input };
}

/** A name the server accepts: trimmed and at most NAME_MAX characters. */
export const cleanName = (name: string): string => name.trim().slice(0, NAME_MAX);

/** "<name> (copy)", then "(copy 2)", … when that is taken; always within NAME_MAX. */
export function copyName(name: string, taken: readonly string[] = []): string {
  const used = new Set(taken);
  const base = cleanName(name) || 'Untitled scenario';
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${base.slice(0, NAME_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

export interface SavedOutcome {
  scenario: WorkspaceScenario;
  savedKey: string;
}

/**
 * The workspace after a save answered. `before` is the scenario when the save went out, `sent`
 * what was sent (its name may differ: a copy), `current` the scenario now: edits made while the
 * save was in flight are kept (they stay "unsaved changes"); only the id, version and savedKey
 * follow the answer. Null when the user has moved on to another scenario meanwhile.
 */
export function afterSave(
  current: WorkspaceScenario,
  before: WorkspaceScenario,
  sent: WorkspaceScenario,
  saved: SavedScenario,
): SavedOutcome | null {
  if (current.id !== before.id) return null;
  const name = current.name === before.name ? sent.name : current.name;
  return {
    scenario: { ...current, id: saved.id, version: saved.version, name },
    savedKey: specKey(sent),
  };
}

/** The workspace after "reload theirs": the server's current version, as saved. */
export function openedOutcome(saved: SavedScenario): SavedOutcome {
  const scenario = fromSaved(saved);
  return { scenario, savedKey: specKey(scenario) };
}

/** The body of a saved scenario, to send again (rename, duplicate). */
export const inputOf = (saved: SavedScenario, name = saved.name): ScenarioSaveInput => ({
  name,
  campus: saved.campus,
  deployments: saved.deployments,
  ...(saved.options ? { options: saved.options } : {}),
  ...(saved.optimisation ? { optimisation: saved.optimisation } : {}),
});

/** The open scenario once its saved copy was deleted: unsaved again, nothing of it lost. */
export const afterDelete = (scenario: WorkspaceScenario): WorkspaceScenario => ({
  ...scenario,
  id: null,
  version: null,
});

export const SAVE_STATE_TEXT: Record<SaveState, string> = {
  new: 'new',
  saved: 'saved',
  unsaved: 'unsaved changes',
  saving: 'saving…',
  conflict: 'conflict',
};

export interface SaveButtonState {
  disabled: boolean;
  /** Why it is disabled (its tooltip), or what it does. */
  title: string;
  label: string;
}

/** The save button: what it says and whether there is anything to save. */
export function saveButtonState(
  scenario: WorkspaceScenario,
  savedKey: string | null,
  flags: { saving: boolean; conflict: boolean },
): SaveButtonState {
  const label = scenario.id === null ? 'Save' : 'Save changes';
  if (flags.conflict)
    return { disabled: true, label, title: 'Someone else saved this scenario: resolve it first' };
  if (flags.saving) return { disabled: true, label, title: 'Saving…' };
  const blocker = saveBlocker(scenario);
  if (blocker) return { disabled: true, label, title: blocker };
  if (saveStateOf(scenario, savedKey) === 'saved')
    return { disabled: true, label, title: 'All changes are saved' };
  return {
    disabled: false,
    label,
    title: scenario.id === null ? 'Save this scenario' : 'Save over the saved version',
  };
}
