// The Coverage tab (UX.md "Coverage"): the answer first and large, the metrics, the charts,
// the model's warnings and assumptions, and the scenario options. It follows the live
// evaluation in the store: a thin progress bar and dimmed figures while loading, an error
// said in the panel with the last good result kept and marked stale, and an empty state that
// leads to the Reactors tab. Each part is rebuilt only when what it shows has changed.
import './coverage.css';
import type { EvaluateOptionsInput, EvaluateResponse } from '../../api/scenario-types.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { skeleton } from '../panel/states.ts';
import { createCoverageCharts } from './coverage-chart-panel.ts';
import { answerBlock, metricsGrid } from './coverage-figures.ts';
import { createOptionsForm } from './coverage-options.ts';
import {
  DEFAULT_FULL_TRIALS,
  QUICK_TRIALS,
  type EvaluationState,
} from './evaluation-controller.ts';

export interface CoverageActions {
  setOptions(patch: Partial<EvaluateOptionsInput>): void;
  showReactors(): void;
}

function emptyBlock(state: AppState, showReactors: () => void): HTMLElement {
  const go = h(
    'button',
    { type: 'button', class: 'button button-primary', 'data-testid': 'coverage-go-reactors' },
    'Go to Reactors',
  );
  go.addEventListener('click', showReactors);
  const noCampus = state.scenario.campus === null;
  return h(
    'div',
    { class: 'cov-empty', role: 'status', 'data-testid': 'coverage-empty' },
    h('p', { class: 'empty-title' }, 'No reactors placed yet'),
    noCampus ? h('p', {}, 'First choose a campus in the Campus tab (or draw a new one).') : null,
    h(
      'p',
      {},
      'In the Reactors tab, pick a design, set its units and press “Place on map”, then click the map near the campus. Coverage then leads with the share of the load they cover, firm MW, loss-of-load hours, backup and delivered $/MWh.',
    ),
    go,
  );
}

function errorBlock(message: string, hasResult: boolean): HTMLElement {
  return h(
    'div',
    { class: 'cov-error', role: 'alert', 'data-testid': 'coverage-error' },
    h('p', { class: 'error-title' }, 'Coverage could not be evaluated.'),
    h('p', {}, message),
    h(
      'p',
      { class: 'muted' },
      hasResult
        ? 'Correct the option or placement it names; until then the figures below are the last good result, marked stale.'
        : 'Correct the option or placement it names, or check that the planner server is running.',
    ),
  );
}

function statusBadges(e: EvaluationState): HTMLElement[] {
  const trials = e.resultRequest?.options?.trials ?? DEFAULT_FULL_TRIALS;
  const quality = e.refining
    ? 'refining…'
    : e.quality === 'quick'
      ? `${QUICK_TRIALS} trials (quick)`
      : `${trials.toLocaleString('en-US')} trials`;
  const badges = [
    h(
      'span',
      {
        class: `badge cov-quality${e.refining ? ' is-refining' : ''}`,
        'data-testid': 'coverage-quality',
        title: e.refining
          ? `A quick answer at ${QUICK_TRIALS} trials; the full ${trials.toLocaleString('en-US')}-trial answer is on its way`
          : 'Monte Carlo trials behind these figures',
      },
      quality,
    ),
  ];
  if (e.stale && !e.loading) {
    badges.push(
      h(
        'span',
        {
          class: 'badge cov-stale',
          'data-testid': 'coverage-stale',
          title: 'These figures answer older inputs than the latest',
        },
        'Stale',
      ),
    );
  }
  return badges;
}

function notesBlock(result: EvaluateResponse): HTMLElement {
  const { warnings, assumptions } = result;
  const details = h(
    'details',
    { class: 'cov-notes', 'data-testid': 'coverage-notes', open: warnings.length > 0 },
    h('summary', {}, `Warnings (${warnings.length}) and model assumptions (${assumptions.length})`),
    warnings.length
      ? h('ul', { class: 'cov-warnings' }, ...warnings.map((w) => h('li', {}, w)))
      : null,
    h('ul', { class: 'cov-assumptions' }, ...assumptions.map((a) => h('li', {}, a))),
  );
  return details;
}

export function createCoverageSection(store: Store, actions: CoverageActions): HTMLElement {
  const progress = h('div', {
    class: 'cov-progress',
    role: 'progressbar',
    'aria-label': 'Evaluating coverage',
    hidden: true,
  });
  const empty = h('div', { class: 'cov-empty-slot' });
  const alert = h('div', { class: 'cov-alert-slot' });
  const status = h('div', { class: 'cov-status', 'aria-live': 'polite' });
  const answer = h('div', { class: 'cov-answer-slot' });
  const metrics = h('div', { class: 'cov-metrics-slot' });
  const charts = createCoverageCharts();
  const notes = h('div', { class: 'cov-notes-slot' });
  const body = h('div', { class: 'cov-body' }, status, answer, metrics, charts.element, notes);
  const form = createOptionsForm(
    () => store.get().scenario.options,
    (patch) => actions.setOptions(patch),
  );
  const element = h(
    'div',
    { class: 'section-inner coverage-section', 'data-testid': 'coverage-section' },
    progress,
    empty,
    alert,
    body,
    form.element,
  );

  let shown: EvaluateResponse | null = null;
  const renderEvaluation = (state: AppState) => {
    const e = state.evaluation;
    progress.hidden = !e.loading;
    element.classList.toggle('is-loading', e.loading);
    element.classList.toggle('is-stale', e.stale && !e.loading);
    element.setAttribute('aria-busy', String(e.loading));
    const isEmpty = e.empty && e.result === null;
    replaceChildren(empty, isEmpty ? emptyBlock(state, actions.showReactors) : null);
    replaceChildren(alert, e.error === null ? null : errorBlock(e.error, e.result !== null));
    body.hidden = isEmpty || (e.result === null && !e.loading);
    const result = e.result;
    replaceChildren(status, ...(result ? statusBadges(e) : []));
    if (!result) {
      shown = null;
      replaceChildren(answer, e.loading ? skeleton(4, 'Evaluating coverage…') : null);
      replaceChildren(metrics);
      replaceChildren(notes);
      charts.element.hidden = true;
      return;
    }
    if (result === shown) return;
    shown = result;
    replaceChildren(answer, answerBlock(result, e.resultRequest));
    replaceChildren(metrics, metricsGrid(result, e.resultRequest));
    charts.element.hidden = false;
    charts.show(result);
    replaceChildren(notes, notesBlock(result));
    form.setResult(result);
  };

  const initial = store.get();
  renderEvaluation(initial);
  form.setOptions(initial.scenario.options);
  store.subscribe((state, previous) => {
    if (
      state.evaluation !== previous.evaluation ||
      state.scenario.campus !== previous.scenario.campus
    ) {
      renderEvaluation(state);
    }
    if (state.scenario.options !== previous.scenario.options)
      form.setOptions(state.scenario.options);
  });
  return element;
}
