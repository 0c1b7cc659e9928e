// The phase editor: PUE and training share (defaults shown), one row per phase, add and delete.
// Every edit marks the draft edited and asks for a recompute; the view debounces it. A refused
// value (campus-fields.ts) shows its message at the field and holds every recompute until it is
// corrected, so nothing invalid is sent.
import './phase-editor.css';
import { formatPue } from '../../format.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { PUE_SPEC, TRAINING_SHARE_SPEC } from './campus-fields.ts';
import {
  DRAWN_CAMPUS_DEFAULTS,
  emptyPhase,
  incompleteCount,
  type CampusDraft,
  type PhaseDraft,
} from './draft.ts';
import { checkedInput } from './field-check.ts';
import { phaseRow } from './phase-row.ts';

/** The server accepts at most 50 phases (schemas/campus.ts maxItems). */
const MAX_PHASES = 50;

export interface PhaseEditor {
  element: HTMLDetailsElement;
  open(): void;
  /** Appends a phase (e.g. the published target's remainder), opens the editor, recomputes. */
  addPhase(phase: PhaseDraft): void;
  /** Fields whose value is refused: while any is, nothing is recomputed. */
  invalidCount(): number;
}

const percent = (share: number): string => String(Math.round(share * 1000) / 10);

export function createPhaseEditor(
  draft: CampusDraft,
  published: { pue: number; trainingShare: number } | null,
  onEdit: () => void,
): PhaseEditor {
  const summary = h('summary', {});
  const list = h('ol', { class: 'phase-list' });
  const pending = h('p', { class: 'phase-pending muted', 'aria-live': 'polite' });
  const add = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'phase-add' },
    '+ Add phase',
  );

  const defaults = published ?? DRAWN_CAMPUS_DEFAULTS;
  const hint = (value: string) =>
    published ? `Campus record: ${value}` : `Default: ${value} (assumption)`;
  const pue = h('input', {
    type: 'number',
    min: 1,
    max: 3,
    step: 0.01,
    inputmode: 'decimal',
    placeholder: formatPue(defaults.pue),
    'data-testid': 'campus-pue',
    'aria-describedby': 'campus-pue-hint',
  });
  if (draft.pue !== null) pue.value = String(draft.pue);
  const share = h('input', {
    type: 'number',
    min: 0,
    max: 100,
    step: 5,
    inputmode: 'decimal',
    placeholder: percent(defaults.trainingShare),
    'data-testid': 'campus-training-share',
    'aria-describedby': 'campus-share-hint',
  });
  if (draft.trainingShare !== null) share.value = percent(draft.trainingShare);

  const invalid = new Map<HTMLInputElement, string>();
  const refreshText = () => {
    const phases = draft.phases.length;
    const pueText = formatPue(draft.pue ?? defaults.pue);
    const shareText = percent(draft.trainingShare ?? defaults.trainingShare);
    summary.textContent = `Phases (${phases}) · PUE ${pueText} · training ${shareText}%`;
    const waiting = incompleteCount(draft);
    pending.textContent =
      invalid.size > 0
        ? `Not modelled until ${invalid.size === 1 ? 'the marked field is' : `${invalid.size} marked fields are`} corrected.`
        : waiting === 0
          ? ''
          : `${waiting} phase${waiting === 1 ? '' : 's'} not modelled until start month and load are filled in.`;
    add.disabled = phases >= MAX_PHASES;
  };
  const edited = () => {
    draft.edited = true;
    refreshText();
    if (invalid.size === 0) onEdit();
  };
  const validity = (input: HTMLInputElement, message: string | null) => {
    if (message === null) invalid.delete(input);
    else invalid.set(input, message);
    refreshText();
  };
  const drawRows = () => {
    // A redrawn row starts from the draft's (valid) values: its old refusals go.
    for (const input of [...invalid.keys()]) if (list.contains(input)) invalid.delete(input);
    replaceChildren(
      list,
      ...draft.phases.map((phase, i) =>
        phaseRow(phase, i, {
          changed: edited,
          validity,
          redraw: drawRows,
          remove: () => {
            draft.phases.splice(i, 1);
            drawRows();
            edited();
          },
        }),
      ),
    );
    refreshText();
  };

  const pueError = checkedInput(
    pue,
    () => PUE_SPEC,
    (value) => {
      draft.pue = value;
      edited();
    },
    validity,
  );
  const shareError = checkedInput(
    share,
    () => TRAINING_SHARE_SPEC,
    (value) => {
      draft.trainingShare = value === null ? null : value / 100;
      edited();
    },
    validity,
  );
  add.addEventListener('click', () => {
    draft.phases.push(emptyPhase());
    drawRows();
    edited();
    list.querySelector<HTMLInputElement>('li:last-child input[type=month]')?.focus();
  });

  const element = h(
    'details',
    { class: 'phase-editor', 'data-testid': 'phase-editor' },
    summary,
    h(
      'div',
      { class: 'editor-globals' },
      h(
        'label',
        { class: 'phase-field' },
        h('span', {}, 'PUE (annual)'),
        pue,
        pueError,
        h('small', { id: 'campus-pue-hint', class: 'muted' }, hint(formatPue(defaults.pue))),
      ),
      h(
        'label',
        { class: 'phase-field' },
        h('span', {}, 'Training share, %'),
        share,
        shareError,
        h(
          'small',
          { id: 'campus-share-hint', class: 'muted' },
          hint(`${percent(defaults.trainingShare)}%`),
        ),
      ),
    ),
    list,
    h('div', { class: 'editor-actions' }, add, pending),
  );
  drawRows();
  return {
    element,
    open: () => {
      element.open = true;
    },
    addPhase(phase) {
      if (draft.phases.length >= MAX_PHASES) return;
      draft.phases.push(phase);
      element.open = true;
      drawRows();
      edited();
    },
    invalidCount: () => invalid.size,
  };
}
