// The optimiser's question as a form (issue 13 "UI"): the target (served energy, loss-of-load
// hours or firm peak with N-1), year, candidates (sites within a radius, or the best hexes),
// designs, limits, budget and objective, with the number of Monte Carlo trials under
// "Advanced". Enter or Run submits; a value out of range is refused at its field in the user's
// terms and nothing is sent. The request itself is built by optimise-question.ts.
import type { Design } from '../../../models/records.ts';
import type { OPTIMISE_LIMITS } from '../../../server/schemas/optimise.ts';
import type { LIMITS as EVALUATE_LIMITS } from '../../../server/schemas/evaluate.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import type { OptimiseObjective, OptimiseRequest } from './optimise-client.ts';
import {
  DEFAULTS,
  questionRequest,
  questionValues,
  type CandidateKind,
  type TargetKind,
} from './optimise-question.ts';

// The server's limits, typed against its `as const` objects so a change there fails tsc here
// (a value import would pull TypeBox into this chunk).
const L: Pick<
  typeof OPTIMISE_LIMITS,
  | 'radiusKmMax'
  | 'maxUnitsPerSiteMax'
  | 'maxSitesMax'
  | 'trialsMax'
  | 'designsMax'
  | 'hexesMax'
  | 'yearSpanMax'
> = {
  radiusKmMax: 2000,
  maxUnitsPerSiteMax: 12,
  maxSitesMax: 6,
  trialsMax: 2000,
  designsMax: 8,
  hexesMax: 30,
  yearSpanMax: 12,
};
/** The suitability grid's radius range (server/schemas/optimise.ts, candidates.hexes). */
const HEX_RADIUS_KM = { min: 10, max: 1500 } as const;
const TRIALS_MIN: (typeof EVALUATE_LIMITS)['trialsMin'] = 20;
const YEAR_RANGE = { min: 2024, max: 2045 } as const;

const OBJECTIVES: [OptimiseObjective, string][] = [
  ['deliveredCost', 'Lowest delivered $/MWh'],
  ['annualisedCost', 'Lowest annualised cost'],
  ['earliestYear', 'Earliest year meeting the target'],
];
const TARGETS: [TargetKind, string][] = [
  ['served', 'Served energy'],
  ['lossOfLoad', 'Loss-of-load hours'],
  ['firmPeak', 'Firm peak, N-1'],
];
const CANDIDATES: [CandidateKind, string][] = [
  ['radius', 'Bundled sites'],
  ['hexes', 'Best grid hexes (free placement)'],
];

export interface OptimiseForm {
  element: HTMLFormElement;
  /** The request body without the campus, or null (with the field marked) when a value is bad. */
  read(): Omit<OptimiseRequest, 'campus'> | null;
  setDesigns(designs: readonly Design[]): void;
  setYear(year: number): void;
  /** Shows a question asked before (a saved scenario's optimisation) in the fields. */
  setQuestion(request: Omit<OptimiseRequest, 'campus'>): void;
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
  const lossOfLoad = numberField(
    'lolh',
    'Loss of load, at most',
    5,
    { min: 0, max: 8760, step: 1, integer: false },
    'h/yr',
  );
  const year = numberField('year', 'Study year', DEFAULTS.year, {
    ...YEAR_RANGE,
    step: 1,
    integer: true,
  });
  const fromYear = numberField('from-year', 'Search from year', DEFAULTS.year - 4, {
    ...YEAR_RANGE,
    step: 1,
    integer: true,
  });
  const hexes = numberField('hexes', 'Hexes to try', 20, {
    min: 1,
    max: L.hexesMax,
    step: 1,
    integer: true,
  });
  const budget = numberField(
    'budget',
    'Capital budget (optional)',
    Number.NaN,
    { min: 0.1, max: 10_000, step: 0.5, integer: false },
    'US$ bn',
  );
  budget.input.value = '';
  budget.input.placeholder = 'none';
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
  const numbers = [target, lossOfLoad, year, fromYear, radius, hexes, budget, maxUnits, maxSites];
  numbers.push(trials);

  const select = (id: string, choices: [string, string][]) => {
    const el = h('select', { id: `optimise-${id}`, 'data-testid': `optimise-${id}` });
    for (const [value, label] of choices) el.append(h('option', { value }, label));
    return el;
  };
  const labelled = (label: string, control: HTMLElement) =>
    h(
      'div',
      { class: 'optimise-field' },
      h('label', { for: control.id, class: 'field-label' }, label),
      control,
    );
  const gasBackup = h('input', {
    type: 'checkbox',
    id: 'optimise-gas-backup',
    'data-testid': 'optimise-gas-backup',
  });
  const objective = select('objective', OBJECTIVES);
  const targetKind = select('target-kind', TARGETS);
  const candidateKind = select('candidate-kind', CANDIDATES);
  /** Only the fields the chosen kinds read are shown. */
  const showKinds = () => {
    target.element.hidden = targetKind.value !== 'served';
    lossOfLoad.element.hidden = targetKind.value !== 'lossOfLoad';
    hexes.element.hidden = candidateKind.value !== 'hexes';
    fromYear.element.hidden = objective.value !== 'earliestYear';
    year.element.querySelector('label')!.textContent =
      objective.value === 'earliestYear' ? 'By year' : 'Study year';
  };
  for (const el of [objective, targetKind, candidateKind]) el.addEventListener('change', showKinds);

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
    h(
      'div',
      { class: 'optimise-grid' },
      labelled('Target', targetKind),
      target.element,
      lossOfLoad.element,
    ),
    h('div', { class: 'optimise-grid' }, fromYear.element, year.element),
    h('div', { class: 'optimise-grid' }, labelled('Candidates', candidateKind), hexes.element),
    radius.element,
    h(
      'div',
      { class: 'optimise-field' },
      h('span', { class: 'field-label', id: 'optimise-designs-label' }, 'Designs allowed'),
      designList,
    ),
    h('div', { class: 'optimise-grid' }, maxUnits.element, maxSites.element),
    budget.element,
    h(
      'label',
      { class: 'optimise-design', for: gasBackup.id },
      gasBackup,
      h('span', {}, 'Size gas backup for each fleet (a smaller fleet with gas may cost less)'),
    ),
    labelled('Objective', objective),
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
  showKinds();
  /** Designs a question asked for before the design list loaded. */
  let wantedDesigns: string[] | null = null;
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
      // Only the shown fields are read (a hidden one keeps whatever it held).
      const shown = numbers.filter((f) => !f.element.hidden && f !== budget);
      if (shown.map(value).some((v) => v === null)) return null;
      const n = (f: NumberField) => Number(f.input.value);
      if (candidateKind.value === 'hexes') {
        const km = n(radius);
        if (km < HEX_RADIUS_KM.min || km > HEX_RADIUS_KM.max) {
          invalid(
            `The hex grid's radius must be ${HEX_RADIUS_KM.min}–${HEX_RADIUS_KM.max} km`,
            radius.input,
          );
          return null;
        }
      }
      if (objective.value === 'earliestYear') {
        const span = n(year) - n(fromYear) + 1;
        if (span < 1 || span > L.yearSpanMax) {
          invalid(
            `Search from year must be at most ${L.yearSpanMax - 1} years before the year, and not after it`,
            fromYear.input,
          );
          return null;
        }
      }
      const budgetGiven = budget.input.value.trim() !== '';
      if (budgetGiven && value(budget) === null) return null;
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
      return questionRequest({
        targetKind: targetKind.value as TargetKind,
        servedPercent: n(target),
        lossOfLoadHours: n(lossOfLoad),
        year: n(year),
        fromYear: n(fromYear),
        candidateKind: candidateKind.value as CandidateKind,
        radiusKm: n(radius),
        hexes: n(hexes),
        designs,
        maxUnitsPerSite: n(maxUnits),
        maxSites: n(maxSites),
        budgetBillionUsd: budgetGiven ? n(budget) : null,
        objective: objective.value as OptimiseObjective,
        trials: n(trials),
        gasBackup: gasBackup.checked,
      });
    },
    setDesigns(designs) {
      const checked = new Set(
        wantedDesigns ??
          (designList.childElementCount === 0
            ? DEFAULTS.designs
            : [...designList.querySelectorAll<HTMLInputElement>('input:checked')].map(
                (b) => b.value,
              )),
      );
      wantedDesigns = null;
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
      fromYear.input.value = String(Math.max(YEAR_RANGE.min, studyYear - 4));
    },
    setQuestion(request) {
      // The values come from questionValues; one it leaves out keeps what its field holds.
      const v = questionValues(request);
      const put = (field: NumberField, n: number | undefined) => {
        if (n !== undefined) field.input.value = String(n);
      };
      targetKind.value = v.targetKind;
      put(target, v.servedPercent);
      put(lossOfLoad, v.lossOfLoadHours);
      put(year, v.year);
      put(fromYear, v.fromYear);
      candidateKind.value = v.candidateKind;
      put(hexes, v.hexes);
      put(radius, v.radiusKm);
      put(maxUnits, v.maxUnitsPerSite);
      put(maxSites, v.maxSites);
      budget.input.value = v.budgetBillionUsd === null ? '' : String(v.budgetBillionUsd);
      gasBackup.checked = v.gasBackup;
      objective.value = v.objective;
      put(trials, v.trials);
      const boxes = [...designList.querySelectorAll<HTMLInputElement>('input')];
      if (boxes.length === 0) wantedDesigns = v.designs;
      for (const box of boxes) box.checked = v.designs.includes(box.value);
      showKinds();
    },
    setRunning(running) {
      run.disabled = running;
      run.textContent = running ? 'Running…' : 'Run optimiser';
    },
  };
}
