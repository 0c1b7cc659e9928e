// The modelled part of the Campus tab: year picker, headline figures, phase editor, charts and
// the model's assumptions, kept in step with /api/demand through the demand controller.
import './campus.css';
import { api } from '../../api/client.ts';
import type { CampusFeature } from '../../api/client.ts';
import type { DemandRequest } from '../../api/demand-types.ts';
import { campusPlannedMw, shortCampusName } from '../../map/campus-mw.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { skeleton } from '../panel/states.ts';
import { createDemandCharts } from './demand-charts.ts';
import { createDemandController, EDIT_DEBOUNCE_MS, type DemandState } from './demand-controller.ts';
import { demandRequest, type CampusDraft } from './draft.ts';
import { demandFigures, needsPhasesNote } from './figures.ts';
import { createPhaseEditor } from './phase-editor.ts';
import { inputsBasis } from './provenance.ts';
import { gapText, targetGap, targetPhase } from './target-gap.ts';

export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2045;

export interface DemandView {
  element: HTMLElement;
  /** Stops listening and cancels any request (the campus is no longer in view). */
  destroy(): void;
}

export function createDemandView(
  feature: CampusFeature,
  draft: CampusDraft,
  onPeak: (campusId: string, peakMw: number) => void,
  /** Each request the draft becomes (null: no complete phase): the scenario's campus follows. */
  onRequest: (request: DemandRequest | null) => void = () => {},
): DemandView {
  const campus = feature.properties;
  const planned = campusPlannedMw(campus).mw;
  const figures = h('div', { class: 'figures-slot' }, skeleton(5, 'Modelling hourly load…'));
  const alert = h('div', { class: 'demand-alert-slot' });
  const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Modelling' });
  const assumptions = h('div', { class: 'model-assumptions-slot' });
  const year = h('select', {
    class: 'compact-select',
    id: 'campus-year',
    'data-testid': 'campus-year',
  });
  const charts = createDemandCharts((picked) => setYear(picked));
  charts.element.hidden = true;

  const controller = createDemandController(
    (request, signal) => api.demand(request, signal),
    (state) => render(state),
  );
  // A result always answers the latest run (older ones are cancelled), so the inputs named in
  // the figures' tooltips are those of the latest run, even while newer edits are pending.
  let latestBasis = inputsBasis(campus, draft);
  let resultBasis = latestBasis;
  const recompute = (delayMs: number) => {
    latestBasis = inputsBasis(campus, draft);
    const request = demandRequest(draft);
    onRequest(request);
    controller.run(request, delayMs);
  };
  const gapSlot = h('div', { class: 'target-gap-slot' });
  const editor = createPhaseEditor(
    draft,
    campus.userDrawn ? null : { pue: campus.pue, trainingShare: campus.trainingShare },
    () => {
      recompute(EDIT_DEBOUNCE_MS);
      renderGap();
    },
  );
  // Published against modelled: the target the dated phases fall short of, and one click to
  // add the remainder as a phase (an assumption, said in its note), which re-models demand.
  function renderGap(): void {
    const gap = targetGap(campus, draft);
    if (!gap) return replaceChildren(gapSlot);
    const add = h(
      'button',
      { type: 'button', class: 'button', 'data-testid': 'add-target-phase' },
      `Add the remaining ${gap.gapMw.toLocaleString('en-US', { maximumFractionDigits: 0 })} MW as a phase from ${gap.startYear}`,
    );
    add.addEventListener('click', () => editor.addPhase(targetPhase(campus, gap)));
    replaceChildren(
      gapSlot,
      h(
        'div',
        { class: 'target-gap', role: 'note', 'data-testid': 'target-gap' },
        h('p', {}, h('strong', {}, `${gapText(gap)}.`)),
        h(
          'p',
          { class: 'muted' },
          gap.targetYear === null
            ? 'The target is published without a year, so the model stops at the dated phases.'
            : `The target is published for ${gap.targetYear}; no phase reaches it.`,
        ),
        add,
      ),
    );
  }
  renderGap();

  const setYear = (picked: number | null) => {
    draft.year = picked;
    year.value = picked === null ? '' : String(picked);
    recompute(0);
  };
  year.append(h('option', { value: '' }, 'First full-build year'));
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
    year.append(h('option', { value: String(y) }, String(y)));
  year.value = draft.year === null ? '' : String(draft.year);
  year.addEventListener('change', () => setYear(year.value === '' ? null : Number(year.value)));

  const element = h(
    'section',
    { class: 'demand-view', 'aria-label': 'Modelled demand' },
    progress,
    h(
      'div',
      { class: 'year-row' },
      h('label', { for: 'campus-year', class: 'field-label' }, 'Model year'),
      year,
    ),
    alert,
    figures,
    gapSlot,
    editor.element,
    charts.element,
    assumptions,
  );

  let shown: { result: DemandState['result']; stale: boolean } = { result: null, stale: false };
  function render(state: DemandState): void {
    element.classList.toggle('is-loading', state.loading);
    element.setAttribute('aria-busy', String(state.loading));
    const stale = state.error !== null && state.result !== null;
    element.classList.toggle('is-stale', stale);
    replaceChildren(
      alert,
      state.error === null
        ? null
        : h(
            'div',
            { class: 'demand-error', role: 'alert', 'data-testid': 'demand-error' },
            h('p', { class: 'error-title' }, 'The model could not run with these inputs.'),
            h('p', {}, state.error),
            h(
              'p',
              { class: 'muted' },
              stale
                ? 'Correct it in the phase editor below. Until then the figures are those of the last good run, marked stale.'
                : 'Correct it in the phase editor below to see figures.',
            ),
          ),
    );
    if (state.needsPhases) {
      replaceChildren(figures, needsPhasesNote(shortCampusName(campus.name), !campus.userDrawn));
      charts.element.hidden = true;
      replaceChildren(assumptions);
      shown = { result: null, stale: false };
      editor.open();
      return;
    }
    const result = state.result;
    if (!result) {
      // Nothing modelled yet: a skeleton while the first run is out, else (an error) nothing.
      replaceChildren(figures, state.loading ? skeleton(5, 'Modelling hourly load…') : null);
      return;
    }
    if (result === shown.result && stale === shown.stale) return;
    const isNew = result !== shown.result;
    if (isNew) resultBasis = latestBasis;
    shown = { result, stale };
    const yearOption = year.options[0];
    yearOption.textContent = `${result.year} (first full-build year)`;
    replaceChildren(
      figures,
      stale ? h('span', { class: 'badge badge-stale' }, 'Stale: last good result') : null,
      demandFigures(result, resultBasis, planned),
    );
    charts.element.hidden = false;
    charts.show(result);
    replaceChildren(
      assumptions,
      h(
        'details',
        { class: 'assumptions' },
        h('summary', {}, `Model assumptions (${result.assumptions.length})`),
        h('ul', {}, ...result.assumptions.map((text) => h('li', {}, text))),
      ),
    );
    if (isNew) onPeak(campus.id, result.peakMw);
  }

  recompute(0);
  if (draft.userDrawn || draft.edited) editor.open();
  return { element, destroy: () => controller.reset() };
}
