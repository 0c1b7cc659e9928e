// "New scenario": starts an empty scenario for the campus in view. With unsaved changes the
// first press asks (inline, not a modal) and only the second discards them.
import { emptyScenario, saveStateOf } from '../../state/scenario.ts';
import type { Store } from '../../state/store.ts';
import { h } from '../../ui/dom.ts';
import type { Workspace } from './workspace.ts';

const LABEL = 'New scenario';
const CONFIRM = 'Discard unsaved changes and start anew?';

export function newScenarioButton(store: Store, workspace: Workspace): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'scenario-new' },
    LABEL,
  );
  let asking = false;
  const reset = () => {
    asking = false;
    button.textContent = LABEL;
  };
  button.addEventListener('blur', reset);
  button.addEventListener('click', () => {
    const { scenario, savedKey } = store.get();
    if (!asking && saveStateOf(scenario, savedKey) === 'unsaved') {
      asking = true;
      button.textContent = CONFIRM;
      return;
    }
    reset();
    workspace.open({ ...emptyScenario(), campus: scenario.campus }, null);
  });
  return h('div', { class: 'section-inner new-scenario-row' }, button);
}
