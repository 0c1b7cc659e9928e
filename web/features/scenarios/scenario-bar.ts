// The top bar's scenario block (UX.md "A slim top bar"): the open scenario's name, its save
// state in words, save and discard; and, on a conflict, a banner under the bar (never a modal)
// offering "Reload theirs" or "Save mine as a copy".
import './scenarios.css';
import { saveStateOf } from '../../state/scenario.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import type { SaveController, SaveControllerState } from './save-controller.ts';
import { SAVE_STATE_TEXT, saveButtonState } from './save-logic.ts';
import { formatTime } from './scenario-format.ts';

const button = (label: string, testid: string, className = 'button', onClick: () => void) => {
  const element = h('button', { type: 'button', class: className, 'data-testid': testid }, label);
  element.addEventListener('click', onClick);
  return element;
};

/** The save button; the Scenarios tab mirrors it with another test id. */
export function saveButton(
  store: Store,
  controller: SaveController,
  testid = 'scenario-save',
): HTMLButtonElement {
  const element = button('Save', testid, 'button button-primary scenario-save', () => {
    void controller.save();
  });
  const render = ({ scenario, savedKey, saving, conflict }: AppState) => {
    const state = saveButtonState(scenario, savedKey, { saving, conflict });
    element.textContent = state.label;
    element.disabled = state.disabled;
    element.title = state.title;
    // A disabled button takes no hover in some browsers: the reason is also its description.
    element.setAttribute('aria-description', state.title);
  };
  store.subscribe(render);
  render(store.get());
  return element;
}

function conflictBanner(controller: SaveController, state: SaveControllerState): HTMLElement {
  const current = state.conflict?.current;
  const when = current ? ` (version ${current.version}, ${formatTime(current.updatedAt)})` : '';
  return h(
    'div',
    { class: 'conflict-banner', role: 'alert', 'data-testid': 'conflict-banner' },
    h(
      'p',
      {},
      h('strong', {}, 'Someone else saved this scenario'),
      `${when}. Reload theirs, or keep your changes by saving them as a new scenario; theirs stays as they saved it.`,
    ),
    h(
      'div',
      { class: 'conflict-actions' },
      button('Reload theirs', 'conflict-reload', 'button', () => controller.reloadTheirs()),
      button('Save mine as a copy', 'conflict-copy', 'button button-primary', () => {
        void controller.saveMineAsCopy();
      }),
    ),
  );
}

export function createScenarioBar(store: Store, controller: SaveController): HTMLElement {
  const name = h('span', { class: 'scenario-bar-name', 'data-testid': 'scenario-bar-name' });
  const saveState = h('span', {
    class: 'save-state',
    'data-testid': 'save-state',
    'aria-live': 'polite',
  });
  const discard = button('Discard', 'scenario-discard', 'button button-quiet', () => {
    void controller.discardChanges();
  });
  discard.title = 'Back to the saved version';
  const error = h('span', { class: 'scenario-bar-error', role: 'alert' });
  const banner = h('div', { class: 'conflict-slot' });
  const element = h(
    'div',
    { class: 'scenario-bar', role: 'group', 'aria-label': 'Scenario' },
    name,
    saveState,
    saveButton(store, controller),
    discard,
    error,
    banner,
  );

  const render = () => {
    const { scenario, savedKey, saving, conflict } = store.get();
    const state = saveStateOf(scenario, savedKey, { saving, conflict });
    name.textContent = scenario.name;
    name.title = scenario.name;
    saveState.textContent = SAVE_STATE_TEXT[state];
    saveState.className = `save-state save-state-${state}`;
    discard.hidden = !(state === 'unsaved' && scenario.id !== null);
    const saved = controller.state();
    error.textContent = saved.error ?? '';
    error.title = saved.error ?? '';
    // Rebuilt only when the conflict changes, so a focused button keeps its focus.
    const details = conflict ? (saved.conflict ?? 'unknown') : null;
    if (details === shownConflict) return;
    shownConflict = details;
    replaceChildren(banner, details ? conflictBanner(controller, saved) : null);
  };
  let shownConflict: unknown = null;
  store.subscribe((state, previous) => {
    if (
      state.scenario !== previous.scenario ||
      state.savedKey !== previous.savedKey ||
      state.saving !== previous.saving ||
      state.conflict !== previous.conflict
    )
      render();
  });
  controller.subscribe(render);
  render();
  return element;
}
