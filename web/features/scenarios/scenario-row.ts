// One saved scenario in the Scenarios tab's list: its name and when it was saved, a compare
// checkbox, and open, rename, duplicate and delete. Rename and the confirm steps (delete; open
// over unsaved changes) happen inline in the row, never in a modal.
import type { ScenarioSummary } from '../../api/scenario-types.ts';
import { h } from '../../ui/dom.ts';
import { formatTime } from './scenario-format.ts';

export type RowMode = 'idle' | 'rename' | 'confirm-delete' | 'confirm-open';

export interface RowContext {
  mode: RowMode;
  isOpen: boolean;
  picked: boolean;
  /** A fifth pick is refused: the checkbox of an unpicked row is then disabled. */
  canPick: boolean;
}

export interface RowHandlers {
  setMode(mode: RowMode): void;
  pick(picked: boolean): void;
  /** Unconfirmed, it asks first when opening would replace unsaved changes. */
  open(confirmed: boolean): void;
  rename(name: string): void;
  duplicate(): void;
  remove(): void;
}

function button(label: string, testid: string, onClick: () => void, extra = ''): HTMLElement {
  const element = h(
    'button',
    { type: 'button', class: `button button-small ${extra}`, 'data-testid': testid },
    label,
  );
  element.addEventListener('click', onClick);
  return element;
}

function renameForm(summary: ScenarioSummary, handlers: RowHandlers): HTMLElement {
  const input = h('input', {
    class: 'text-input',
    value: summary.name,
    maxlength: 200,
    'aria-label': `New name for ${summary.name}`,
    'data-testid': 'scenario-rename-input',
  });
  const form = h(
    'form',
    { class: 'row-inline' },
    input,
    h(
      'button',
      {
        type: 'submit',
        class: 'button button-small button-primary',
        'data-testid': 'scenario-rename-save',
      },
      'Rename',
    ),
    button('Cancel', 'scenario-rename-cancel', () => handlers.setMode('idle')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) handlers.rename(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') handlers.setMode('idle');
  });
  queueMicrotask(() => {
    input.focus();
    input.select();
  });
  return form;
}

function confirmStep(text: string, yes: HTMLElement, handlers: RowHandlers): HTMLElement {
  return h(
    'div',
    { class: 'row-inline row-confirm', role: 'group', 'aria-label': text },
    h('span', {}, text),
    yes,
    button('Cancel', 'scenario-confirm-cancel', () => handlers.setMode('idle')),
  );
}

function actions(
  summary: ScenarioSummary,
  context: RowContext,
  handlers: RowHandlers,
): HTMLElement {
  if (context.mode === 'rename') return renameForm(summary, handlers);
  if (context.mode === 'confirm-delete')
    return confirmStep(
      `Delete “${summary.name}”? This cannot be undone.`,
      button('Delete', 'scenario-delete-confirm', handlers.remove, 'button-danger'),
      handlers,
    );
  if (context.mode === 'confirm-open')
    return confirmStep(
      'Open it and discard your unsaved changes?',
      button('Open anyway', 'scenario-open-confirm', () => handlers.open(true), 'button-danger'),
      handlers,
    );
  return h(
    'div',
    { class: 'row-actions' },
    context.isOpen ? null : button('Open', 'scenario-open', () => handlers.open(false)),
    button('Rename', 'scenario-rename', () => handlers.setMode('rename')),
    button('Duplicate', 'scenario-duplicate', handlers.duplicate),
    button('Delete', 'scenario-delete', () => handlers.setMode('confirm-delete')),
  );
}

export function scenarioRow(
  summary: ScenarioSummary,
  context: RowContext,
  handlers: RowHandlers,
): HTMLElement {
  const check = h('input', {
    type: 'checkbox',
    class: 'compare-check',
    'data-testid': 'compare-check',
    'aria-label': `Compare ${summary.name}`,
    checked: context.picked,
    disabled: !context.picked && !context.canPick,
    title: !context.picked && !context.canPick ? 'Compare at most 4 scenarios' : undefined,
  });
  check.addEventListener('change', () => handlers.pick(check.checked));
  return h(
    'li',
    {
      class: `scenario-row${context.isOpen ? ' is-open' : ''}`,
      'data-testid': 'scenario-row',
      'data-id': summary.id,
    },
    check,
    h(
      'div',
      { class: 'scenario-row-body' },
      h(
        'div',
        { class: 'scenario-row-title' },
        h('span', { class: 'scenario-row-name', title: summary.name }, summary.name),
        context.isOpen ? h('span', { class: 'badge badge-open' }, 'open') : null,
      ),
      h(
        'span',
        { class: 'scenario-row-meta' },
        `Saved ${formatTime(summary.updatedAt)} · version ${summary.version}`,
      ),
      actions(summary, context, handlers),
    ),
  );
}
