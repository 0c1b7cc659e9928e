// "Compare sites" in the Reactors tab: pick candidate sites near the campus, evaluate the
// chosen design and units at each (two at a time, fewer trials) and see, row by row as the
// answers arrive, siting, line, interconnection, delivered cost and served share; "Place here"
// puts the placement on that site.
import './compare-sites.css';
import { isAbort, type SiteFeature } from '../../api/client.ts';
import type { ScenariosClient } from '../../api/scenarios-client.ts';
import { formatKm } from '../../format.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { runLimited } from '../scenarios/run-limited.ts';
import { kindLabel, sitesTable, type SitesRun } from './compare-sites-table.ts';
import {
  campusPoint,
  nearestSites,
  SITE_TRIALS_MAX,
  siteRequest,
  siteRow,
  type SiteOption,
} from './site-compare.ts';

export const SITE_CONCURRENCY = 2;

export interface CompareSitesActions {
  placeAt(site: SiteFeature): void;
}

function optionsOf(state: AppState): SiteOption[] | null {
  const { sites, campuses, scenario } = state;
  if (sites.status !== 'ready') return null;
  const from = campusPoint(scenario.campus, campuses.status === 'ready' ? campuses.data : null);
  return from ? nearestSites(sites.data.features, from) : [];
}

/** Why the run cannot start, or null when it can. */
function blocker(state: AppState, picked: number): string | null {
  if (!state.scenario.campus) return 'Choose a campus first';
  if (!state.selectedDesignId) return 'Choose a design above first';
  if (picked < 2) return 'Pick two or more sites';
  return null;
}

export function createCompareSites(
  store: Store,
  client: ScenariosClient,
  actions: CompareSitesActions,
): HTMLElement {
  const picked = new Set<string>();
  let options: SiteOption[] | null = null;
  let run: SitesRun | null = null;
  let abort: AbortController | null = null;
  const list = h('ul', { class: 'site-options' });
  const results = h('div', { class: 'compare-sites-results', 'aria-live': 'polite' });
  const runButton = h(
    'button',
    { type: 'button', class: 'button button-primary', 'data-testid': 'compare-sites-run' },
    'Compare sites',
  );
  const hint = h('span', { class: 'muted compare-sites-hint' });

  const renderButton = () => {
    const reason = blocker(store.get(), picked.size);
    runButton.disabled = reason !== null;
    runButton.title = reason ?? 'Evaluate the chosen design at each picked site';
    runButton.textContent = picked.size >= 2 ? `Compare ${picked.size} sites` : 'Compare sites';
    hint.textContent = reason ?? '';
  };

  const renderOptions = () => {
    if (options === null)
      return replaceChildren(list, h('li', { class: 'muted' }, 'Loading candidate sites…'));
    if (options.length === 0)
      return replaceChildren(
        list,
        h('li', { class: 'muted' }, 'Choose a campus to list the candidate sites nearest it.'),
      );
    const ids = new Set(options.map((o) => o.site.properties.id));
    for (const id of picked) if (!ids.has(id)) picked.delete(id);
    replaceChildren(
      list,
      ...options.map(({ site, km }) => {
        const id = site.properties.id;
        const box = h('input', {
          type: 'checkbox',
          value: id,
          'data-testid': 'compare-site-option',
          checked: picked.has(id),
        });
        box.addEventListener('change', () => {
          if (box.checked) picked.add(id);
          else picked.delete(id);
          renderButton();
        });
        return h(
          'li',
          {},
          h(
            'label',
            { class: 'site-option' },
            box,
            h('span', { class: 'site-option-name' }, site.properties.name),
            h('span', { class: 'site-option-kind' }, kindLabel(site)),
            h('span', { class: 'site-option-km' }, formatKm(km)),
          ),
        );
      }),
    );
  };

  const renderRun = () =>
    replaceChildren(results, run ? sitesTable(run, (site) => actions.placeAt(site)) : null);

  runButton.addEventListener('click', () => {
    const state = store.get();
    if (!options || blocker(state, picked.size) || !state.selectedDesignId) return;
    abort?.abort();
    const controller = (abort = new AbortController());
    const chosen = options.filter((o) => picked.has(o.site.properties.id));
    const placement = {
      designId: state.selectedDesignId,
      units: state.placementUnits,
      codYear: state.placementCodYear,
    };
    const design =
      state.designs.status === 'ready'
        ? (state.designs.data.find((d) => d.id === placement.designId)?.name ?? placement.designId)
        : placement.designId;
    const current: SitesRun = (run = {
      options: chosen,
      rows: chosen.map(() => null),
      errors: chosen.map(() => null),
      label: `${design} × ${placement.units} unit${placement.units === 1 ? '' : 's'} at each site, ${SITE_TRIALS_MAX} trials or fewer`,
    });
    renderRun();
    const tasks = chosen.map(({ site }) => () => {
      const request = siteRequest(state.scenario, site, placement);
      if (!request) return Promise.reject(new Error('No campus to evaluate against'));
      return client.evaluate(request, controller.signal);
    });
    void runLimited(
      tasks,
      SITE_CONCURRENCY,
      (i, outcome) => {
        if (outcome.ok) current.rows[i] = siteRow(chosen[i].site, outcome.value);
        else if (!isAbort(outcome.error))
          current.errors[i] =
            `Could not evaluate: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`;
        if (run === current) renderRun();
      },
      controller.signal,
    );
  });

  let optionsKey = '';
  const refresh = (state: AppState) => {
    const next = optionsOf(state);
    const key = next === null ? 'loading' : next.map((o) => o.site.properties.id).join(',');
    if (key !== optionsKey) {
      optionsKey = key;
      options = next;
      renderOptions();
    }
    renderButton();
  };
  store.subscribe((state, previous) => {
    if (
      state.sites !== previous.sites ||
      state.campuses !== previous.campuses ||
      state.scenario.campus !== previous.scenario.campus ||
      state.selectedDesignId !== previous.selectedDesignId
    )
      refresh(state);
  });
  refresh(store.get());

  return h(
    'section',
    {
      class: 'compare-sites',
      'data-testid': 'compare-sites',
      'aria-label': 'Compare candidate sites',
    },
    h('h3', { class: 'subhead' }, 'Compare candidate sites'),
    h(
      'p',
      { class: 'section-lead' },
      'The candidate sites nearest the campus. Pick two or more to evaluate the chosen design and units at each.',
    ),
    list,
    h('div', { class: 'compare-sites-bar' }, runButton, hint),
    results,
  );
}
