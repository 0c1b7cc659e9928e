// The Scenarios tab (UX.md "Scenarios"): save (mirroring the top bar), the open scenario's
// name, and the saved scenarios: open, rename, duplicate, delete, and pick 2–4 to compare.
import './scenarios.css';
import { saveStateOf } from '../../state/scenario.ts';
import type { Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { emptyState, errorState, skeleton } from '../panel/states.ts';
import type { SaveController } from './save-controller.ts';
import { SAVE_STATE_TEXT } from './save-logic.ts';
import { saveButton } from './scenario-bar.ts';
import { scenarioRow, type RowMode } from './scenario-row.ts';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface ScenariosActions {
  compare(ids: string[]): void;
}

export function createScenariosSection(
  store: Store,
  controller: SaveController,
  actions: ScenariosActions,
): HTMLElement {
  const name = h('input', {
    id: 'scenario-name',
    class: 'text-input',
    maxlength: 200,
    'data-testid': 'scenario-name',
    autocomplete: 'off',
  });
  name.addEventListener('input', () => {
    store.set({ scenario: { ...store.get().scenario, name: name.value } });
  });
  const saveState = h('span', { class: 'save-state', 'aria-live': 'polite' });
  const error = h('p', { class: 'scenario-error', role: 'alert' });
  const list = h('ul', { class: 'scenario-list', 'data-testid': 'scenario-list' });
  const listSlot = h('div', { class: 'scenario-list-slot' });
  const compare = h(
    'button',
    { type: 'button', class: 'button button-primary', 'data-testid': 'scenario-compare' },
    'Compare',
  );
  const compareHint = h('span', { class: 'muted compare-hint' });

  const modes = new Map<string, RowMode>();
  const picked = new Set<string>();
  compare.addEventListener('click', () => {
    const ids = controller.state().list.scenarios.filter((s) => picked.has(s.id));
    if (ids.length >= COMPARE_MIN) actions.compare(ids.map((s) => s.id));
  });

  const after = (done: Promise<unknown>, id: string) =>
    void done.then(() => {
      modes.delete(id);
      renderList();
    });

  function renderList(): void {
    const { list: state } = controller.state();
    const present = new Set(state.scenarios.map((s) => s.id));
    for (const id of picked) if (!present.has(id)) picked.delete(id);
    const count = picked.size;
    compare.disabled = count < COMPARE_MIN || count > COMPARE_MAX;
    compare.textContent = count >= COMPARE_MIN ? `Compare ${count} scenarios` : 'Compare';
    compareHint.textContent =
      count < COMPARE_MIN ? `Pick ${COMPARE_MIN}–${COMPARE_MAX} scenarios to compare.` : '';
    compare.title = compareHint.textContent || 'Evaluate each and show them side by side';
    if (state.status !== 'ready' && state.scenarios.length === 0) {
      if (state.status === 'error')
        return replaceChildren(
          listSlot,
          errorState('saved scenarios', state.error ?? '', () => void controller.refreshList()),
        );
      return replaceChildren(listSlot, skeleton(3, 'Loading saved scenarios…'));
    }
    if (state.scenarios.length === 0)
      return replaceChildren(
        listSlot,
        emptyState('No saved scenarios yet', 'Place a reactor, then save: it will be listed here.'),
        list,
      );
    const { scenario } = store.get();
    replaceChildren(
      list,
      ...state.scenarios.map((summary) => {
        const id = summary.id;
        const setMode = (mode: RowMode) => {
          modes.set(id, mode);
          renderList();
        };
        return scenarioRow(
          summary,
          {
            mode: modes.get(id) ?? 'idle',
            isOpen: scenario.id === id,
            picked: picked.has(id),
            canPick: picked.size < COMPARE_MAX,
          },
          {
            setMode,
            pick(on) {
              if (on) picked.add(id);
              else picked.delete(id);
              renderList();
            },
            open(confirmed) {
              const { scenario: now, savedKey } = store.get();
              if (!confirmed && saveStateOf(now, savedKey) === 'unsaved')
                return setMode('confirm-open');
              after(controller.open(id), id);
            },
            rename: (next) => after(controller.rename(id, next), id),
            duplicate: () => void controller.duplicate(id),
            remove: () => after(controller.remove(id), id),
          },
        );
      }),
    );
    replaceChildren(listSlot, list);
  }

  const renderHead = () => {
    const { scenario, savedKey, saving, conflict } = store.get();
    if (document.activeElement !== name) name.value = scenario.name;
    saveState.textContent = SAVE_STATE_TEXT[saveStateOf(scenario, savedKey, { saving, conflict })];
    error.textContent = controller.state().error ?? '';
  };

  store.subscribe((state, previous) => {
    renderHead();
    if (state.scenario.id !== previous.scenario.id || state.savedKey !== previous.savedKey)
      renderList();
  });
  controller.subscribe(() => {
    renderHead();
    renderList();
  });
  renderHead();
  renderList();
  void controller.refreshList();

  return h(
    'div',
    { class: 'section-inner scenarios-section' },
    h('label', { for: 'scenario-name', class: 'field-label' }, 'Scenario name'),
    h('div', { class: 'inline-row' }, name, saveButton(store, controller, 'scenario-save-tab')),
    h('p', { class: 'muted scenario-save-line' }, 'State: ', saveState),
    error,
    h('h3', { class: 'subhead' }, 'Saved scenarios'),
    listSlot,
    h('div', { class: 'compare-bar' }, compare, compareHint),
  );
}
