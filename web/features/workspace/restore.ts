// What the workspace opens with (issue 10: a link reopens what was on screen; unsaved changes
// survive a reload): the address bar first, then the local draft. Pure: the caller fetches the
// saved scenario the URL names and passes it in.
import type { SavedScenario } from '../../api/scenario-types.ts';
import type { LocalDraft } from '../../state/local-draft.ts';
import {
  emptyScenario,
  fromInput,
  fromSaved,
  specKey,
  type WorkspaceScenario,
} from '../../state/scenario.ts';
import type { UrlState } from '../../state/url-state.ts';

export interface StartingPoint {
  scenario: WorkspaceScenario;
  /** specKey of the saved version (null: never saved), for "unsaved changes". */
  savedKey: string | null;
  /** Why the start differs from what was asked, for the panel to say (e.g. a deleted scenario). */
  notice?: string;
}

/** Same placements, options and campus: the draft is the URL's spec with its keys kept. */
const sameSpec = (a: WorkspaceScenario, b: WorkspaceScenario) =>
  specKey({ ...a, name: '' }) === specKey({ ...b, name: '' });

export function startingPoint(
  url: UrlState,
  draft: LocalDraft | null,
  saved: SavedScenario | null | 'missing',
): StartingPoint | null {
  if (url.scenarioId) {
    if (saved === 'missing' || saved === null) {
      const notice = `The scenario in the link (${url.scenarioId}) was not found: it may have been deleted, or belong to another workspace.`;
      if (url.spec) return { scenario: fromInput(url.spec), savedKey: null, notice };
      return draft && draft.scenario.id === url.scenarioId
        ? { scenario: { ...draft.scenario, id: null, version: null }, savedKey: null, notice }
        : { scenario: emptyScenario(), savedKey: null, notice };
    }
    const base = fromSaved(saved);
    const savedKey = specKey(base);
    // This browser's unsaved edits of it win: they are newer than any link to it.
    if (draft && draft.scenario.id === saved.id) return { scenario: draft.scenario, savedKey };
    if (url.spec) {
      const edited = fromInput(url.spec);
      return { scenario: { ...edited, id: saved.id, version: saved.version }, savedKey };
    }
    return { scenario: base, savedKey };
  }
  if (url.spec) {
    const linked = fromInput(url.spec);
    if (draft && draft.scenario.id === null && sameSpec(draft.scenario, linked))
      return { scenario: draft.scenario, savedKey: null };
    return { scenario: linked, savedKey: null };
  }
  if (url.campusId)
    return { scenario: fromInput({ campus: { id: url.campusId } }), savedKey: null };
  if (draft) return { scenario: draft.scenario, savedKey: draft.savedKey };
  return null;
}
