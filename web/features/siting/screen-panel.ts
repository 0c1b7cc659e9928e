// "Screen sites" for the campus chosen in the Campus tab: the inputs, a thin progress bar fed
// by the server's events while the grid is scored, the ranked table and its assumptions. The
// last good result stays on screen, dimmed while a new one loads and marked after an error.
import './screen.css';
import type { CampusRef, ScreenResponse, ScreenWeights } from '../../api/siting-types.ts';
import { formatKm, formatWhole } from '../../format.ts';
import { h, replaceChildren, scrollToTop } from '../../ui/dom.ts';
import type { RankedSite } from './rerank.ts';
import { createScreenControls } from './screen-controls.ts';
import { createScreenController, type FetchScreen, type ScreenState } from './screen-controller.ts';
import { screenTable } from './screen-table.ts';

export interface ScreenCampus {
  ref: CampusRef;
  name: string;
}

export interface ScreenMap {
  showScreen(ranked: RankedSite[] | null, response: ScreenResponse | null, radiusKm: number): void;
  setScreenLoading(loading: boolean): void;
  highlight(siteId: string | null): void;
}

export interface ScreenPanel {
  element: HTMLElement;
  setContext(campus: ScreenCampus | null, designId: string, designName: string): void;
}

function progressBar(state: ScreenState): HTMLElement | null {
  if (!state.loading) return null;
  const { progress } = state;
  const percent = progress ? Math.round((100 * progress.done) / Math.max(1, progress.total)) : 0;
  const text = progress
    ? `Scoring ${formatWhole(progress.total)} sites and grid cells… ${percent}%`
    : 'Asking the server…';
  return h(
    'div',
    { class: 'screen-progress', 'data-testid': 'screen-progress' },
    h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        'aria-label': 'Screening progress',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': percent,
      },
      h('span', { class: 'progress-fill', style: `width:${percent}%` }),
    ),
    h('p', { class: 'muted' }, text),
  );
}

export function createScreenPanel(
  fetchScreen: FetchScreen,
  map: ScreenMap,
  openSite: (site: RankedSite) => void,
): ScreenPanel {
  /** The campus, design and radius of the result shown: a new one scrolls the table into view. */
  let shownKey = '';
  let context: { campus: ScreenCampus | null; designId: string; designName: string } | null = null;
  const lead = h('p', { class: 'section-lead' });
  const status = h('div', { class: 'screen-status', 'aria-live': 'polite' });
  const results = h('div', { class: 'screen-results' });

  const request = (weights: ScreenWeights) => {
    const radiusKm = controls.radiusKm();
    if (!context?.campus || radiusKm === null) return null;
    return { campus: context.campus.ref, designId: context.designId, radiusKm, weights };
  };
  const controller = createScreenController(fetchScreen, (state) => render(state));
  const runNow = () => {
    const next = request(controls.weights());
    if (next) controller.run(next);
    else controls.setRunnable(Boolean(context?.campus), 'Enter a radius of 10 to 1,000 km.');
  };
  const controls = createScreenControls({
    onRun: runNow,
    onWeights: (weights) => controller.reweight(weights),
  });

  function render(state: ScreenState): void {
    const error = state.error
      ? h(
          'div',
          { class: 'error-state', role: 'alert', 'data-testid': 'screen-error' },
          h('p', { class: 'error-title' }, 'The screen failed.'),
          h('p', {}, state.error),
          h('p', { class: 'muted' }, 'Change the radius or weights and run it again.'),
        )
      : null;
    replaceChildren(status, progressBar(state), error);
    const result = state.result;
    results.classList.toggle('is-dimmed', state.loading && state.tableStale);
    results.classList.toggle('is-stale', Boolean(state.error && result));
    results.setAttribute('aria-busy', String(state.loading));
    map.setScreenLoading(state.loading);
    if (!result) {
      shownKey = '';
      map.showScreen(null, null, 0);
      return replaceChildren(results);
    }
    const { response, request: asked } = result;
    map.showScreen(state.ranked, response, asked.radiusKm);
    const key = JSON.stringify({ ...asked, weights: null });
    if (key !== shownKey) {
      shownKey = key;
      requestAnimationFrame(() => scrollToTop(element));
    }
    const caption =
      `${state.ranked.length} site${state.ranked.length === 1 ? '' : 's'} within ` +
      `${formatKm(asked.radiusKm)}, best first; scores out of 100`;
    replaceChildren(
      results,
      state.error ? h('p', { class: 'stale-note' }, 'Showing the last good result.') : null,
      state.ranked.length > 0
        ? screenTable(state.ranked, caption, { highlight: map.highlight, open: openSite })
        : h(
            'p',
            { class: 'empty-state' },
            `No candidate site lies within ${formatKm(asked.radiusKm)}. Widen the radius.`,
          ),
      h(
        'p',
        { class: 'grid-note muted' },
        `${formatWhole(response.grid.features.length)} hex cells of ${response.cellKm} km a side. ` +
          'Cell colour weighs population margin, seismic class and distance only.',
      ),
      h(
        'details',
        { class: 'assumptions' },
        h('summary', {}, `Assumptions (${response.assumptions.length})`),
        h('ul', { class: 'sources' }, ...response.assumptions.map((text) => h('li', {}, text))),
      ),
    );
  }

  const element = h(
    'section',
    { class: 'screen-panel', 'aria-labelledby': 'screen-heading' },
    h('h3', { id: 'screen-heading', class: 'siting-heading' }, 'Screen candidate sites'),
    lead,
    controls.element,
    status,
    results,
  );
  render(controller.get());

  return {
    element,
    setContext(campus, designId, designName) {
      const campusChanged = JSON.stringify(context?.campus) !== JSON.stringify(campus);
      const designChanged = context !== null && context.designId !== designId;
      context = { campus, designId, designName };
      replaceChildren(
        lead,
        ...(campus
          ? [
              'Ranks the candidate sites around ',
              h('strong', {}, campus.name),
              ` for ${designName}.`,
            ]
          : ['Choose a campus in the Campus tab first: the screen ranks the sites around it.']),
      );
      controls.setRunnable(Boolean(campus), campus ? null : 'No campus chosen.');
      if (campusChanged) controller.reset();
      else if (designChanged && controller.get().result) runNow();
    },
  };
}
