// The optimiser's question as a form (issue 13 "UI"): target, year, radius, designs, limits and
// objective, with the number of Monte Carlo trials under "Advanced". Enter or Run submits; a
// value out of range is refused at its field in the user's terms and nothing is sent.
import type { Design } from '../../../models/records.ts';
import type { OPTIMISE_LIMITS } from '../../../server/schemas/optimise.ts';
import type { LIMITS as EVALUATE_LIMITS } from '../../../server/schemas/evaluate.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import type { OptimiseObjective, OptimiseRequest } from './optimise-client.ts';

// The server's limits, typed against its `as const` objects so a change there fails tsc here
// (a value import would pull TypeBox into this chunk).
const L: Pick<
  typeof OPTIMISE_LIMITS,
  'radiusKmMax' | 'maxUnitsPerSiteMax' | 'maxSitesMax' | 'trialsMax' | 'designsMax'
> = { radiusKmMax: 2000, maxUnitsPerSiteMax: 12, maxSitesMax: 6, trialsMax: 2000, designsMax: 8 };
const TRIALS_MIN: (typeof EVALUATE_LIMITS)['trialsMin'] = 20;
const YEAR_RANGE = { min: 2024, max: 2045 } as const;

/** Issue 13's example question: 99.9% within 400 km, three designs, up to 8 units at 3 sites. */
export const DEFAULTS = {
  servedPercent: 99.9,
  year: 2032,
  radiusKm: 400,
  designs: ['bwrx-300', 'xe-100', 'natrium'],
  maxUnitsPerSite: 8,
  maxSites: 3,
  objective: 'deliveredCost' as OptimiseObjective,
  trials: 200,
};

const OBJECTIVES: [OptimiseObjective, string][] = [
  ['deliveredCost', 'Lowest delivered $/MWh'],
  ['annualisedCost', 'Lowest annualised cost'],
];

export interface OptimiseForm {
  element: HTMLFormElement;
  /** The request body without the campus, or null (with the field marked) when a value is bad. */
  read(): Omit<OptimiseRequest, 'campus'> | null;
  setDesigns(designs: readonly Design[]): void;
  setYear(year: number): void;
  setRunning(running: boolean): void;
}

interface NumberField {
  input: HTMLInputElement;
  label: string;
  min: number;
  max: number;
  integer: boolean;
  unit?: string;
}

export function createOptimiseForm(onRun: () => void): OptimiseForm {
  const fieldError = h('p', {
    class: 'field-error',
    role: 'alert',
    hidden: true,
    id: 'optimise-field-error',
  });
  const numberField = (
    id: string,
    label: string,
    value: number,
    range: { min: number; max: number; step: number; integer: boolean },
    unit?: string,
  ): NumberField & { element: HTMLElement } => {
    const input = h('input', {
      type: 'number',
      id: `optimise-${id}`,
      'data-testid': `optimise-${id}`,
      min: range.min,
      max: range.max,
      step: range.step,
      value,
      inputmode: range.integer ? 'numeric' : 'decimal',
    });
    const element = h(
      'div',
      { class: 'optimise-field' },
      h('label', { for: input.id, class: 'field-label' }, label),
      unit ? h('span', { class: 'unit-input' }, input, h('span', {}, unit)) : input,
    );
    return { input, label, min: range.min, max: range.max, integer: range.integer, unit, element };
  };

  const target = numberField(
    'target',
    'Served energy target',
    DEFAULTS.servedPercent,
    { min: 50, max: 100, step: 0.1, integer: false },
    '%',
  );
  const year = numberField('year', 'Study year', DEFAULTS.year, {
    ...YEAR_RANGE,
    step: 1,
    integer: true,
  });
  const radius = numberField(
    'radius',
    'Candidate sites within',
    DEFAULTS.radiusKm,
    { min: 1, max: L.radiusKmMax, step: 10, integer: false },
    'km',
  );
  const maxUnits = numberField('max-units', 'Units per site, at most', DEFAULTS.maxUnitsPerSite, {
    min: 1,
    max: L.maxUnitsPerSiteMax,
    step: 1,
    integer: true,
  });
  const maxSites = numberField('max-sites', 'Sites, at most', DEFAULTS.maxSites, {
    min: 1,
    max: L.maxSitesMax,
    step: 1,
    integer: true,
  });
  const trials = numberField('trials', 'Monte Carlo trials per fleet', DEFAULTS.trials, {
    min: TRIALS_MIN,
    max: L.trialsMax,
    step: 20,
    integer: true,
  });
  const numbers = [target, year, radius, maxUnits, maxSites, trials];

  const objective = h('select', { id: 'optimise-objective', 'data-testid': 'optimise-objective' });
  for (const [value, label] of OBJECTIVES) objective.append(h('option', { value }, label));

  const designList = h('div', {
    class: 'optimise-designs',
    role: 'group',
    'aria-labelledby': 'optimise-designs-label',
    'data-testid': 'optimise-designs',
  });
  const run = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-testid': 'optimise-run' },
    'Run optimiser',
  );

  const element = h(
    'form',
    { class: 'optimise-form', novalidate: true, 'aria-label': 'Optimiser question' },
    h('div', { class: 'optimise-grid' }, target.element, year.element),
    radius.element,
    h(
      'div',
      { class: 'optimise-field' },
      h('span', { class: 'field-label', id: 'optimise-designs-label' }, 'Designs allowed'),
      designList,
    ),
    h('div', { class: 'optimise-grid' }, maxUnits.element, maxSites.element),
    h(
      'div',
      { class: 'optimise-field' },
      h('label', { for: objective.id, class: 'field-label' }, 'Objective'),
      objective,
    ),
    h(
      'details',
      { class: 'optimise-advanced' },
      h('summary', {}, 'Advanced'),
      trials.element,
      h(
        'p',
        { class: 'muted' },
        'Each candidate fleet is checked with this many Monte Carlo years; more trials give a steadier answer and take longer.',
      ),
    ),
    fieldError,
    h('div', { class: 'optimise-actions' }, run),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onRun();
  });

  const invalid = (message: string | null, input?: HTMLElement) => {
    fieldError.hidden = message === null;
    fieldError.textContent = message ?? '';
    for (const field of numbers) field.input.removeAttribute('aria-invalid');
    if (input && message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', fieldError.id);
      input.focus();
    }
  };
  const value = (field: NumberField): number | null => {
    const n = Number(field.input.value);
    const ok =
      field.input.value.trim() !== '' &&
      Number.isFinite(n) &&
      n >= field.min &&
      n <= field.max &&
      (!field.integer || Number.isInteger(n));
    if (ok) return n;
    const whole = field.integer ? 'a whole number ' : '';
    invalid(
      `${field.label} must be ${whole}${field.min}–${field.max}${field.unit ? ` ${field.unit}` : ''}`,
      field.input,
    );
    return null;
  };

  return {
    element,
    read() {
      invalid(null);
      const values = numbers.map(value);
      if (values.some((v) => v === null)) return null;
      const [percent, studyYear, radiusKm, units, sites, trialCount] = values as number[];
      const designs = [...designList.querySelectorAll<HTMLInputElement>('input:checked')].map(
        (box) => box.value,
      );
      if (designs.length === 0) {
        invalid('Choose at least one design', designList.querySelector('input') ?? undefined);
        return null;
      }
      if (designs.length > L.designsMax) {
        invalid(`Choose at most ${L.designsMax} designs`, designList.querySelector('input')!);
        return null;
      }
      return {
        year: studyYear,
        target: { servedEnergyFraction: percent / 100 },
        candidates: { radiusKm },
        designs,
        limits: { maxUnitsPerSite: units, maxSites: sites },
        objective: objective.value as OptimiseObjective,
        options: { trials: trialCount },
      };
    },
    setDesigns(designs) {
      const checked = new Set(
        designList.childElementCount === 0
          ? DEFAULTS.designs
          : [...designList.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value),
      );
      replaceChildren(
        designList,
        ...designs.map((design) =>
          h(
            'label',
            { class: 'optimise-design' },
            h('input', {
              type: 'checkbox',
              value: design.id,
              checked: checked.has(design.id),
              'data-testid': 'optimise-design',
            }),
            h('span', { class: 'design-name', title: design.name }, design.name),
            h('span', { class: 'muted' }, `${Math.round(design.netMwe.value)} MWe`),
          ),
        ),
      );
    },
    setYear(studyYear) {
      year.input.value = String(studyYear);
    },
    setRunning(running) {
      run.disabled = running;
      run.textContent = running ? 'Running…' : 'Run optimiser';
    },
  };
}
