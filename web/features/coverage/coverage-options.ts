// The scenario options form: model year, trials, target reliability (in %), grid mode with its
// import limit and prices when connected, and the backup's gas and battery. An empty field is
// the server's default (its placeholder says which); an invalid value is said at the field and
// never sent. Built once: later option changes only set values of fields not being edited.
import type { EvaluateOptionsInput, EvaluateResponse } from '../../api/scenario-types.ts';
import { formatWhole } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import {
  FIELDS,
  fieldText,
  gridModePatch,
  parseField,
  placeholderOf,
  rangeText,
  yearPatch,
  type FieldId,
  type NumberField,
  type Patch,
} from './option-fields.ts';

export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2045;

export interface OptionsForm {
  element: HTMLElement;
  /** Shows these options in every field the user is not editing. */
  setOptions(options: EvaluateOptionsInput): void;
  /** Placeholders name the sized defaults of this answer (gas MW, battery, import limit, year). */
  setResult(result: EvaluateResponse | null): void;
}

interface FieldView {
  field: NumberField;
  input: HTMLInputElement;
  error: HTMLElement;
}

function fieldView(
  field: NumberField,
  onInput: (view: FieldView) => void,
): [HTMLElement, FieldView] {
  const id = `cov-${field.id}`;
  const input = h('input', {
    id,
    type: 'number',
    class: 'cov-input',
    inputmode: 'decimal',
    min: field.min,
    max: Number(field.max.toPrecision(12)),
    step: field.integer ? 1 : 'any',
    placeholder: placeholderOf(field),
    title: `${field.help} Allowed: ${rangeText(field)}. Empty: the default.`,
    'aria-describedby': `${id}-error`,
    'data-testid': field.testId,
  });
  const error = h('p', { class: 'cov-field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const view = { field, input, error };
  input.addEventListener('input', () => onInput(view));
  const row = h(
    'div',
    { class: 'cov-field' },
    h('label', { for: id, class: 'cov-field-label' }, field.label),
    h(
      'span',
      { class: 'cov-input-wrap' },
      input,
      field.unit ? h('span', { class: 'cov-input-unit' }, field.unit) : null,
    ),
    error,
  );
  return [row, view];
}

export function createOptionsForm(
  current: () => EvaluateOptionsInput,
  send: (patch: Patch) => void,
): OptionsForm {
  const views = new Map<FieldId, FieldView>();
  const showError = (view: FieldView, message: string | null) => {
    view.error.textContent = message ?? '';
    view.input.setAttribute('aria-invalid', String(message !== null));
  };
  const onInput = (view: FieldView) => {
    // A number input reports typed non-numbers as '' with badInput: that is not "empty".
    const parsed = view.input.validity.badInput
      ? parseField(view.field, 'x')
      : parseField(view.field, view.input.value);
    if (!parsed.ok) return showError(view, parsed.message);
    showError(view, null);
    const options = current();
    if (view.field.get(options) !== parsed.value) send(view.field.patch(options, parsed.value));
  };
  const row = (id: FieldId) => {
    const [element, view] = fieldView(FIELDS[id], onInput);
    views.set(id, view);
    return element;
  };

  const year = h('select', { id: 'cov-year', class: 'cov-input', 'data-testid': 'option-year' });
  const yearDefault = h('option', { value: '' }, 'Default: first year all reactors are online');
  year.append(yearDefault);
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
    year.append(h('option', { value: String(y) }, String(y)));
  year.addEventListener('change', () => send(yearPatch(year.value)));

  const mode = h(
    'select',
    { id: 'cov-grid-mode', class: 'cov-input', 'data-testid': 'option-grid-mode' },
    h('option', { value: 'islanded' }, 'Islanded (default)'),
    h('option', { value: 'connected' }, 'Grid-connected'),
  );
  const connected = h(
    'div',
    { class: 'cov-field-group' },
    row('importLimit'),
    row('importPrice'),
    row('exportPrice'),
  );
  mode.addEventListener('change', () => {
    connected.hidden = mode.value !== 'connected';
    send(gridModePatch(current(), mode.value === 'connected' ? 'connected' : 'islanded'));
  });

  const labelled = (id: string, label: string, control: HTMLElement) =>
    h(
      'div',
      { class: 'cov-field' },
      h('label', { for: id, class: 'cov-field-label' }, label),
      control,
    );
  const element = h(
    'section',
    { class: 'cov-options', 'aria-labelledby': 'cov-options-title' },
    h('h3', { id: 'cov-options-title', class: 'cov-heading' }, 'Scenario options'),
    h('p', { class: 'muted cov-options-note' }, 'Leave a field empty for the default shown in it.'),
    h(
      'div',
      { class: 'cov-field-group' },
      labelled('cov-year', 'Model year', year),
      row('trials'),
      row('target'),
    ),
    h('h4', { class: 'cov-subheading' }, 'Grid'),
    h('div', { class: 'cov-field-group' }, labelled('cov-grid-mode', 'Mode', mode)),
    connected,
    h('h4', { class: 'cov-subheading' }, 'Backup'),
    h('div', { class: 'cov-field-group' }, row('gasMw'), row('batteryMw'), row('batteryMwh')),
  );

  return {
    element,
    setOptions(options) {
      if (document.activeElement !== year)
        year.value = options.year === undefined ? '' : String(options.year);
      const isConnected = options.grid?.mode === 'connected';
      if (document.activeElement !== mode) mode.value = isConnected ? 'connected' : 'islanded';
      connected.hidden = !isConnected;
      for (const view of views.values()) {
        if (document.activeElement === view.input) continue;
        const text = fieldText(view.field, options);
        const shown = parseField(view.field, view.input.value);
        if (!shown.ok || shown.value !== view.field.get(options)) {
          view.input.value = text;
          showError(view, null);
        }
      }
    },
    setResult(result) {
      const sized = (id: FieldId, value: number | undefined) => {
        const view = views.get(id);
        if (view)
          view.input.placeholder = placeholderOf(
            view.field,
            value === undefined ? undefined : formatWhole(value),
          );
      };
      const b = result?.backup;
      sized('gasMw', b?.gasSized ? b.gasMw : undefined);
      sized('batteryMw', b?.batteryMw);
      sized('batteryMwh', b?.batteryMwh);
      sized(
        'importLimit',
        result?.grid.mode === 'connected' ? result.grid.importLimitMw : undefined,
      );
      if (current().year !== undefined) return;
      yearDefault.textContent = result
        ? `Default (${result.year}): first year all reactors are online`
        : 'Default: first year all reactors are online';
    },
  };
}
