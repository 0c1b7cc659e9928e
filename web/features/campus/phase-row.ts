// One phase of the editor: start month, what the load is given as (accelerators × count, IT MW
// or facility MW), the matching inputs, the ramp, and delete. Edits mutate the phase draft and
// call `changed`; a change of load kind redraws the row so only the relevant inputs show.
import { h } from '../../ui/dom.ts';
import { ACCELERATOR_CHOICES } from './accelerators.ts';
import { countSpec, mwSpec, rampSpec } from './campus-fields.ts';
import { checkedInput, type ReportValidity } from './field-check.ts';
import { isComplete, type LoadKind, type PhaseDraft } from './draft.ts';

const LOAD_KINDS: [LoadKind, string][] = [
  ['accelerator', 'GPUs × count'],
  ['itMw', 'IT MW'],
  ['facilityMw', 'Facility MW'],
];

export interface PhaseRowHooks {
  changed(): void;
  remove(): void;
  redraw(): void;
  /** A field's value was refused (message) or is valid again (null): not sent while refused. */
  validity: ReportValidity;
}

function numberInput(attrs: Record<string, string | number | undefined>, value: number | null) {
  const input = h('input', { type: 'number', inputmode: 'decimal', ...attrs });
  if (value !== null) input.value = String(value);
  return input;
}

function field(
  label: string,
  control: HTMLElement,
  className = '',
  error: HTMLElement | null = null,
): HTMLElement {
  return h('label', { class: `phase-field ${className}` }, h('span', {}, label), control, error);
}

export function phaseRow(phase: PhaseDraft, index: number, hooks: PhaseRowHooks): HTMLElement {
  const n = index + 1;
  const changed = () => {
    row.classList.toggle('phase-incomplete', !isComplete(phase));
    hooks.changed();
  };
  const start = h('input', { type: 'month', min: '2020-01', max: '2045-12' });
  start.value = phase.start;
  start.addEventListener('input', () => {
    phase.start = start.value;
    changed();
  });

  const kind = h('select', { 'aria-label': `Phase ${n}: load given as` });
  for (const [value, label] of LOAD_KINDS) kind.append(h('option', { value }, label));
  kind.value = phase.kind;
  kind.addEventListener('change', () => {
    phase.kind = kind.value as LoadKind;
    changed();
    hooks.redraw();
  });

  const remove = h(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      'aria-label': `Delete phase ${n}`,
      title: 'Delete phase',
    },
    '×',
  );
  remove.addEventListener('click', hooks.remove);

  const ramp = numberInput(
    { min: 0, max: 120, step: 1, placeholder: '6', 'aria-label': `Phase ${n}: ramp, months` },
    phase.rampMonths,
  );
  const rampError = checkedInput(
    ramp,
    () => rampSpec(n),
    (value) => {
      phase.rampMonths = value;
      changed();
    },
    hooks.validity,
  );

  const load: HTMLElement[] = [];
  if (phase.kind === 'accelerator') {
    const accelerator = h('select', { class: 'phase-accelerator' });
    for (const choice of ACCELERATOR_CHOICES) {
      accelerator.append(
        h('option', { value: choice.id, disabled: !choice.modelled }, choice.label),
      );
    }
    accelerator.value = phase.accelerator;
    accelerator.addEventListener('change', () => {
      phase.accelerator = accelerator.value;
      changed();
    });
    const count = numberInput(
      { min: 1, step: 1, placeholder: 'count', 'data-testid': 'phase-count' },
      phase.count,
    );
    const countError = checkedInput(
      count,
      () => countSpec(n),
      (value) => {
        phase.count = value;
        changed();
      },
      hooks.validity,
    );
    load.push(
      field('Accelerator', accelerator, 'f-accelerator'),
      field('GPUs', count, 'f-count', countError),
    );
  } else {
    const mw = numberInput(
      { min: 0, step: 10, placeholder: 'MW', 'data-testid': 'phase-mw' },
      phase.mw,
    );
    const loadKind = phase.kind;
    const mwError = checkedInput(
      mw,
      () => mwSpec(n, loadKind),
      (value) => {
        phase.mw = value;
        changed();
      },
      hooks.validity,
    );
    load.push(
      field(loadKind === 'itMw' ? 'IT MW (installed)' : 'Facility MW (peak)', mw, 'f-mw', mwError),
    );
  }

  const row = h(
    'li',
    {
      class: `phase-row ${isComplete(phase) ? '' : 'phase-incomplete'}`,
      'data-testid': 'phase-row',
      title: phase.note,
    },
    h('div', { class: 'phase-line' }, h('span', { class: 'phase-number' }, `Phase ${n}`), remove),
    h(
      'div',
      { class: 'phase-fields' },
      field('Start', start, 'f-start'),
      field('Ramp, mo', ramp, 'f-ramp', rampError),
      field('Load as', kind, 'f-kind'),
    ),
    h('div', { class: 'phase-fields' }, ...load),
  );
  return row;
}
