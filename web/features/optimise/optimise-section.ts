// The Optimise tab (issue 13 "UI"): ask for the cheapest fleet meeting a target, watch the job
// (a progress bar with the best delivered cost so far, and Cancel), then read the ranked fleets
// and the Pareto chart and load a fleet onto the map as the open scenario's placements, where
// the normal evaluation runs and the save flow keeps it.
import './optimise.css';
import { ApiError } from '../../api/client.ts';
import type { CampusRequest } from '../../api/scenario-types.ts';
import { chartHost } from '../../charts/svg.ts';
import { formatUsdPerMwh, formatWhole } from '../../format.ts';
import { newPlacementKey, withOptions, type WorkspaceScenario } from '../../state/scenario.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren, scrollToTop } from '../../ui/dom.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { fullBuildYear } from './full-build-year.ts';
import { fleetKey, fleetText, formatServedPercent, type Names } from './fleet-format.ts';
import {
  cancelJob,
  startOptimise,
  watchJob,
  type OptimiseDeployment,
  type OptimiseJob,
  storedResult,
  type OptimiseRequest,
  type ScenarioOptimisation,
  type StoredOptimiseResult,
} from './optimise-client.ts';
import { createOptimiseForm } from './optimise-form.ts';
import { paretoChart, type ParetoPoint } from './pareto-chart.ts';
import { rankedTable } from './ranked-table.ts';
import { questionText } from './saved-question.ts';
import { gasText, searchSummary } from './search-summary.ts';

export interface OptimiseActions {
  workspace: Pick<Workspace, 'edit'>;
  /** Frames the loaded fleet and the campus on the map. */
  showOnMap?(points: { lat: number; lon: number }[]): void;
}

const describe = (error: unknown): string =>
  error instanceof ApiError ? error.message : String(error);

/** The loaded fleet as the scenario's placements, studied in the optimiser's year. */
export function withFleet(
  scenario: WorkspaceScenario,
  campus: CampusRequest,
  deployments: readonly OptimiseDeployment[],
  year: number,
): WorkspaceScenario {
  const placements = deployments.map(({ designId, units, lat, lon, siteId }) => ({
    designId,
    units,
    lat,
    lon,
    siteId,
    key: newPlacementKey(),
  }));
  return withOptions({ ...scenario, campus: scenario.campus ?? campus, placements }, { year });
}

/** "$96/MWh delivered · covers 99.42% of 2032 load": the best fleet's ranked figures. */
function bestFigures(result: StoredOptimiseResult, bestKey: string | null, year: number): string {
  const row = result.ranked.find((f) => fleetKey(f.deployments) === bestKey);
  if (!row) return '';
  return `${formatUsdPerMwh(row.deliveredCostUsdPerMwh)} delivered · covers ${formatServedPercent(row.servedEnergyFraction)} of ${year} load${gasText(row.backupGasMw)}`;
}

/** Scrolls the panel just enough to show `element` (scrollIntoView could move the page too). */
function scrollIntoPanel(element: HTMLElement): void {
  const scroller = element.closest('.tabpanels');
  if (!scroller) return;
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const below = box.bottom - view.bottom;
  if (below > 0) scroller.scrollTo({ top: scroller.scrollTop + below + 16, behavior: 'smooth' });
}

export function createOptimiseSection(store: Store, actions: OptimiseActions): HTMLElement {
  const form = createOptimiseForm(() => void run());
  const campusLine = h('p', { class: 'section-lead', 'data-testid': 'optimise-campus' });
  const progressFill = h('span', { class: 'progress-fill', style: 'width: 0%' });
  const progressText = h('span', {});
  const cancel = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'data-testid': 'optimise-cancel' },
    'Cancel',
  );
  const progress = h(
    'div',
    { class: 'optimise-progress', 'data-testid': 'optimise-progress', hidden: true },
    h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        'aria-label': 'Optimiser progress',
        'aria-valuemin': '0',
      },
      progressFill,
    ),
    h(
      'div',
      { class: 'optimise-progress-row' },
      h('span', { 'aria-live': 'polite' }, progressText),
      cancel,
    ),
  );
  const error = h('p', {
    class: 'optimise-error',
    role: 'alert',
    'data-testid': 'optimise-error',
    hidden: true,
  });
  const results = h('div', { class: 'optimise-results', 'data-testid': 'optimise-results' });

  /** Cancel was pressed before the job had an id. */
  let cancelAsked = false;
  let jobId: string | null = null;
  let runToken = 0;
  let shown: {
    result: StoredOptimiseResult;
    request: OptimiseRequest;
    selectedKey: string | null;
  } | null = null;
  /** The optimisation the results below came from, as the open scenario stores it. */
  let shownStored: ScenarioOptimisation | null = null;
  let running = false;
  let yearTouched = false;
  form.element
    .querySelector('#optimise-year')
    ?.addEventListener('input', () => (yearTouched = true));

  const campusOf = (state: AppState): { request: CampusRequest; name: string } | null => {
    const id = state.selectedCampusId;
    const feature =
      id && state.campuses.status === 'ready'
        ? state.campuses.data.features.find((f) => f.properties.id === id)
        : undefined;
    const request = state.scenario.campus ?? (id ? { id } : null);
    if (!request) return null;
    return {
      request,
      name: feature?.properties.name ?? request.name ?? request.id ?? 'the campus',
    };
  };
  const names: Names = {
    design: (id) => {
      const { designs } = store.get();
      return (
        (designs.status === 'ready' ? designs.data.find((d) => d.id === id)?.name : null) ?? id
      );
    },
    site: (id) => {
      const { sites } = store.get();
      return (
        (sites.status === 'ready'
          ? sites.data.features.find((f) => f.properties.id === id)?.properties.name
          : null) ?? id
      );
    },
  };

  const showError = (message: string | null) => {
    error.hidden = message === null;
    error.textContent = message ?? '';
  };
  const showProgress = (job: OptimiseJob | null) => {
    progress.hidden = job === null;
    if (!job) return;
    const { done, total } = job.progress;
    const best = job.progress.bestDeliveredCostUsdPerMwh;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    progressFill.style.width = `${(share * 100).toFixed(1)}%`;
    progress.querySelector('[role=progressbar]')?.setAttribute('aria-valuenow', String(done));
    progress.querySelector('[role=progressbar]')?.setAttribute('aria-valuemax', String(total));
    const counted =
      total > 0
        ? `Evaluated ${formatWhole(done)} of ${formatWhole(total)} fleets`
        : job.state === 'queued'
          ? 'Waiting for a worker…'
          : 'Finding candidate fleets…';
    progressText.textContent =
      typeof best === 'number' && Number.isFinite(best)
        ? `${counted} · best so far ${formatUsdPerMwh(best)}`
        : counted;
  };
  const setRunning = (on: boolean) => {
    running = on;
    form.setRunning(on);
    cancel.disabled = !on;
    results.classList.toggle('stale', on);
  };

  function loadFleet(key: string): void {
    if (!shown) return;
    const { result, request } = shown;
    const fleet =
      result.ranked.find((f) => fleetKey(f.deployments) === key) ??
      result.pareto.find((f) => fleetKey(f.deployments) === key);
    if (!fleet) return;
    shown = { ...shown, selectedKey: key };
    // The scenario keeps the optimisation with the fleet, so saving it stores both and
    // reopening it shows these results without running the optimiser again.
    const optimisation = (shownStored ??= { request, result });
    // The Reactors tab's design picker (and its site comparison) start from the fleet's design.
    if (!store.get().selectedDesignId)
      store.set({ selectedDesignId: fleet.deployments[0]?.designId ?? null });
    actions.workspace.edit((scenario) => ({
      ...withFleet(scenario, request.campus as CampusRequest, fleet.deployments, fleet.year),
      optimisation,
    }));
    actions.showOnMap?.(fleet.deployments.map(({ lat, lon }) => ({ lat, lon })));
    renderResults(`Loaded ${fleetText(fleet.deployments, names)} onto the map.`);
  }

  function renderResults(note: string | null = null): void {
    if (!shown) return replaceChildren(results);
    const { result, request, selectedKey } = shown;
    const target =
      'servedEnergyFraction' in request.target ? request.target.servedEnergyFraction : null;
    const best = result.best;
    const bestKey = best ? fleetKey(best.deployments) : null;
    const headline = best
      ? h(
          'div',
          { class: 'optimise-best', 'data-testid': 'optimise-best' },
          h('p', { class: 'optimise-best-label' }, 'Cheapest fleet meeting the target'),
          h('p', { class: 'optimise-best-fleet' }, fleetText(best.deployments, names)),
          h('p', { class: 'muted' }, bestFigures(result, bestKey, best.year)),
        )
      : h(
          'p',
          { class: 'optimise-none', 'data-testid': 'optimise-best' },
          'No fleet met the target within these limits. Allow more units or sites, a wider radius or another design, or lower the target.',
        );
    const loadButton = h(
      'button',
      {
        type: 'button',
        class: 'button button-primary',
        'data-testid': 'optimise-load',
        disabled: !(selectedKey ?? bestKey),
      },
      selectedKey && selectedKey !== bestKey ? 'Load chosen fleet onto map' : 'Load onto map',
    );
    loadButton.addEventListener('click', () => {
      const key = selectedKey ?? bestKey;
      if (key) loadFleet(key);
    });
    const onFront = new Set(result.pareto.map((p) => fleetKey(p.deployments)));
    const points = new Map<string, ParetoPoint>();
    for (const fleet of [...result.ranked, ...result.pareto]) {
      const key = fleetKey(fleet.deployments);
      if (points.has(key)) continue;
      points.set(key, {
        key,
        costUsdPerMwh: fleet.deliveredCostUsdPerMwh,
        servedFraction: fleet.servedEnergyFraction,
        onFront: onFront.has(key),
        meetsTarget:
          'meetsTarget' in fleet && typeof fleet.meetsTarget === 'boolean'
            ? fleet.meetsTarget
            : target === null || fleet.servedEnergyFraction >= target,
        label: fleetText(fleet.deployments, names),
      });
    }
    const chart = chartHost('optimise-pareto');
    chart.element.dataset.testid = 'optimise-pareto';
    replaceChildren(
      results,
      headline,
      h(
        'div',
        { class: 'optimise-actions' },
        loadButton,
        h('span', { class: 'muted' }, searchSummary(result)),
      ),
      note
        ? h('p', { class: 'optimise-note', role: 'status', 'data-testid': 'optimise-note' }, note)
        : null,
      h('h3', { class: 'optimise-heading' }, 'Cost against reliability'),
      chart.element,
      h(
        'p',
        { class: 'muted optimise-legend' },
        'Each dot is a fleet; the line joins the Pareto front (no fleet is both cheaper and more reliable). Click a dot or a fleet to load it.',
      ),
      h('h3', { class: 'optimise-heading' }, 'Ranked fleets'),
      rankedTable(result.ranked, names, selectedKey ?? bestKey, loadFleet),
    );
    chart.render((widthPx) =>
      paretoChart({
        widthPx,
        points: [...points.values()],
        targetFraction: target,
        selectedKey: selectedKey ?? bestKey,
        onPick: loadFleet,
      }),
    );
  }

  async function run(): Promise<void> {
    showError(null);
    const question = form.read();
    if (!question) return;
    const campus = campusOf(store.get());
    if (!campus)
      return showError(
        'Choose a campus on the Campus tab first; the optimiser sizes a fleet for it.',
      );
    const request: OptimiseRequest = { campus: campus.request, ...question };
    const token = (runToken += 1);
    cancelAsked = false;
    setRunning(true);
    showProgress({ state: 'queued', progress: { done: 0, total: 0 } } as OptimiseJob);
    scrollIntoPanel(progress);
    try {
      const started = await startOptimise(request);
      jobId = started.jobId;
      // Cancel pressed while the job was still being submitted: cancel it now.
      if (cancelAsked) void cancelNow(started.jobId);
      const job = await watchJob(started.jobId, showProgress, () => token !== runToken);
      if (!job) return;
      if (job.state === 'done' && job.result) {
        shown = { result: storedResult(job.result), request, selectedKey: null };
        shownStored = null;
        renderResults();
        showProgress(null);
        scrollToTop(results);
      } else if (job.state === 'cancelled') {
        showProgress(null);
        showError('Optimisation cancelled. The last result, if any, is kept below.');
      } else {
        showProgress(null);
        showError(`The optimisation failed: ${job.error?.message ?? 'no reason given'}.`);
      }
    } catch (cause) {
      if (token !== runToken) return;
      showProgress(null);
      showError(describe(cause));
    } finally {
      if (token === runToken) {
        jobId = null;
        setRunning(false);
      }
    }
  }

  const cancelNow = (id: string) =>
    // The poll sees the job go to "cancelled" and ends the run.
    cancelJob(id).catch((cause: unknown) => showError(`Cancel failed: ${describe(cause)}`));
  cancel.addEventListener('click', () => {
    cancel.disabled = true;
    progressText.textContent = 'Cancelling…';
    // Before the server has given the job an id, the cancel waits for it (run() sends it).
    if (jobId) void cancelNow(jobId);
    else cancelAsked = true;
  });

  const renderCampus = (state: AppState, previous?: AppState) => {
    const campus = campusOf(state);
    campusLine.textContent = campus
      ? `The cheapest fleet of reactors and sites that powers ${campus.name} to the target.`
      : 'Choose a campus on the Campus tab; the optimiser then finds the cheapest fleet that powers it.';
    if (!previous || state.designs !== previous.designs) {
      if (state.designs.status === 'ready') form.setDesigns(state.designs.data);
    }
    if (!yearTouched && (!previous || state.selectedCampusId !== previous.selectedCampusId)) {
      const id = state.selectedCampusId;
      const feature =
        id && state.campuses.status === 'ready'
          ? state.campuses.data.features.find((f) => f.properties.id === id)
          : undefined;
      form.setYear(fullBuildYear(feature?.properties.phases ?? []));
    }
  };
  /** A scenario opened with a saved optimisation: its results, as saved, without a re-run. */
  const showSaved = (state: AppState, previous?: AppState) => {
    const saved = state.scenario.optimisation;
    if (!saved || saved === shownStored || running) return;
    if (previous && state.scenarioEpoch === previous.scenarioEpoch && !!shown) return;
    const placed = fleetKey(
      state.scenario.placements.map((p) => ({ ...p, siteId: p.siteId ?? '' })),
    );
    const known = [...saved.result.ranked, ...saved.result.pareto].some(
      (f) => fleetKey(f.deployments) === placed,
    );
    shown = { result: saved.result, request: saved.request, selectedKey: known ? placed : null };
    shownStored = saved;
    // The fields show the question these results answer, ready to change and run again.
    form.setQuestion(saved.request);
    yearTouched = true;
    showError(null);
    renderResults(
      `Saved with this scenario, for ${questionText(saved.request, names.design)}: the optimiser was not run again.`,
    );
  };
  store.subscribe(renderCampus);
  store.subscribe(showSaved);
  renderCampus(store.get());
  showSaved(store.get());
  setRunning(false);

  return h(
    'div',
    { class: 'optimise-section section-inner', 'data-testid': 'optimise-section' },
    h('h2', { class: 'optimise-title' }, 'Optimise'),
    campusLine,
    form.element,
    progress,
    error,
    results,
  );
}
