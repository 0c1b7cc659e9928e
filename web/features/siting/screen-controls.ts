// The screen's inputs: radius and "Screen sites" (a form, so Enter runs it), and one labelled,
// keyboard-reachable slider per criterion weight, each showing its value and its share.
import { CRITERIA, type Criterion, type ScreenWeights } from '../../api/siting-types.ts';
import { h } from '../../ui/dom.ts';

// The server's defaults and limits, imported from the model that applies them.
export { DEFAULT_WEIGHTS } from '../../../models/siting/weights.ts';
export { RADIUS_KM_RANGE } from '../../../models/siting.ts';
import { DEFAULT_WEIGHTS } from '../../../models/siting/weights.ts';
import { RADIUS_KM_RANGE } from '../../../models/siting.ts';
export const DEFAULT_RADIUS_KM = 300;
const WEIGHT_MAX = 100;
const WEIGHT_STEP = 5;

const WEIGHT_LABELS: Record<Criterion, { label: string; hint: string }> = {
  populationMargin: {
    label: 'Population margin',
    hint: "Headroom under RG 4.7's 500 persons/mi² (worst radius out to 20 mi)",
  },
  distance: { label: 'Distance to campus', hint: 'Transmission cost to the campus' },
  seismic: { label: 'Seismic hazard', hint: 'Approximate seismic zone class' },
  brownfield: { label: 'Brownfield reuse', hint: 'A nuclear or retiring coal site within 3 km' },
  water: { label: 'Cooling water', hint: 'A recorded source, or a design that can cool dry' },
  interconnection: {
    label: 'Interconnection',
    hint: 'Distance to the nearest ≥ 345 kV point (an EIA-860 plant at that voltage)',
  },
};

export interface ScreenControls {
  element: HTMLElement;
  radiusKm(): number | null;
  weights(): ScreenWeights;
  setRunnable(enabled: boolean, why: string | null): void;
}

export function createScreenControls(hooks: {
  onRun(): void;
  onWeights(weights: ScreenWeights): void;
}): ScreenControls {
  const radius = h('input', {
    type: 'number',
    id: 'screen-radius',
    'data-testid': 'screen-radius',
    min: RADIUS_KM_RANGE.min,
    max: RADIUS_KM_RANGE.max,
    step: 10,
    value: DEFAULT_RADIUS_KM,
    required: true,
    inputmode: 'numeric',
  });
  const run = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-testid': 'screen-run' },
    'Screen sites',
  );
  const why = h('p', { class: 'screen-why muted', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'screen-form', novalidate: true },
    h('label', { for: 'screen-radius', class: 'field-label' }, 'Radius'),
    h(
      'div',
      { class: 'inline-row' },
      h('span', { class: 'unit-input' }, radius, h('span', {}, 'km')),
      run,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hooks.onRun();
  });

  const sliders = new Map<Criterion, HTMLInputElement>();
  const outputs = new Map<Criterion, HTMLElement>();
  const weights = (): ScreenWeights =>
    Object.fromEntries(
      CRITERIA.map((k) => [k, Number(sliders.get(k)!.value)]),
    ) as unknown as ScreenWeights;
  const showValues = () => {
    const w = weights();
    const total = CRITERIA.reduce((sum, k) => sum + w[k], 0);
    for (const k of CRITERIA) {
      const share = total > 0 ? ` · ${Math.round((100 * w[k]) / total)}%` : '';
      outputs.get(k)!.textContent = `${w[k]}${share}`;
    }
  };
  const rows = CRITERIA.map((key) => {
    const { label, hint } = WEIGHT_LABELS[key];
    const slider = h('input', {
      type: 'range',
      id: `screen-weight-${key}`,
      'data-testid': `screen-weight-${key}`,
      min: 0,
      max: WEIGHT_MAX,
      step: WEIGHT_STEP,
      value: DEFAULT_WEIGHTS[key],
      'aria-describedby': `screen-weight-${key}-hint`,
    });
    slider.addEventListener('input', () => {
      showValues();
      hooks.onWeights(weights());
    });
    sliders.set(key, slider);
    const output = h('output', { for: slider.id, class: 'weight-value' });
    outputs.set(key, output);
    return h(
      'div',
      { class: 'weight-row', title: hint },
      h('label', { for: slider.id }, label),
      slider,
      output,
      h('span', { id: `screen-weight-${key}-hint`, class: 'visually-hidden' }, hint),
    );
  });
  const reset = h('button', { type: 'button', class: 'button button-quiet' }, 'Reset');
  reset.addEventListener('click', () => {
    for (const k of CRITERIA) sliders.get(k)!.value = String(DEFAULT_WEIGHTS[k]);
    showValues();
    hooks.onWeights(weights());
  });
  showValues();

  const element = h(
    'div',
    { class: 'screen-controls' },
    form,
    why,
    h(
      'fieldset',
      { class: 'weights' },
      h('legend', {}, 'Weights', h('span', { class: 'muted' }, ' · re-rank at once')),
      ...rows,
      reset,
    ),
  );
  return {
    element,
    radiusKm() {
      const km = Number(radius.value);
      const ok = radius.value !== '' && km >= RADIUS_KM_RANGE.min && km <= RADIUS_KM_RANGE.max;
      return ok ? km : null;
    },
    weights,
    setRunnable(enabled, reason) {
      run.disabled = !enabled;
      why.textContent = reason ?? '';
      why.hidden = !reason;
    },
  };
}
