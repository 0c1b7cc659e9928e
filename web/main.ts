// Wires the app: the map renders at once, the panel shows skeletons until each data set
// arrives, and the store keeps map, panel and search in step.
import { api, ApiError } from './api/client.ts';
import { createLegend } from './features/legend/legend.ts';
import { createNationalLegend, type NationalGroup } from './features/legend/national-legend.ts';
import { createSitingLegend } from './features/legend/siting-legend.ts';
import { createPanel } from './features/panel/panel.ts';
import { createResizeHandle } from './features/panel/resize.ts';
import {
  attachPopups,
  closeAllPopups,
  setPopupAvoid,
  showSitePopup,
  SITE_HIT_LAYERS,
} from './features/popups/popups.ts';
import { createSearch, type SearchEntry } from './features/search/search.ts';
import { attachHexTooltip } from './features/siting/hex-tooltip.ts';
import { createSitingMap } from './features/siting/siting-map.ts';
import { shortCampusName, withCampusMapProperties } from './map/campus-mw.ts';
import {
  applyBasemapData,
  applyCountyData,
  createMap,
  setSourceData,
  whenLoaded,
} from './map/create-map.ts';
import { CAMPUS_SOURCE, selectedCampusFilter } from './map/layers/campuses.ts';
import { INTERCONNECTION_SOURCE } from './map/layers/interconnections.ts';
import { PLACE_SOURCE } from './map/layers/places.ts';
import { PLANT_SOURCE } from './map/layers/plants.ts';
import { POPULATION_DENSITY_SOURCE } from './map/layers/population.ts';
import { SITE_SOURCE } from './map/layers/sites.ts';
import { armPlacement, isPlacing } from './map/placement.ts';
import { createStore, type AppState } from './state/store.ts';
import { postJson, getJson } from './api/client.ts';
import type { EvaluateResponse, SavedScenario } from './api/scenario-types.ts';
import { createWorkspace } from './features/workspace/workspace.ts';
import { attachMapPlacements } from './features/workspace/map-placements.ts';
import { attachUrlSync } from './features/workspace/url-sync.ts';
import { campusOfScenario } from './features/workspace/campus-sync.ts';
import { startingPoint } from './features/workspace/restore.ts';
import { decodeUrlState } from './state/url-state.ts';
import { readDraft } from './state/local-draft.ts';
import { withOptions } from './state/scenario.ts';
import { scenariosClient } from './api/scenarios-client.ts';
import { createSaveController } from './features/scenarios/save-controller.ts';
import { createScenarioBar } from './features/scenarios/scenario-bar.ts';
import { createDownloadsMenu } from './features/reports/downloads-menu.ts';
import { lazySection } from './features/panel/lazy-section.ts';
import { newScenarioButton } from './features/workspace/new-scenario.ts';
import { loadBasemapData, loadCountyData } from './map/basemap-load.ts';
import { h, replaceChildren } from './ui/dom.ts';
import type { InterconnectionProperties, PlantProperties } from './api/client.ts';

/** Zoom that shows a campus with the sites around it (about 150 km across at 1280 px). */
const CAMPUS_ZOOM = 8;
/** Zoom that shows a whole state. */
const STATE_ZOOM = 6;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no element #${id}`);
  return element as T;
};

const store = createStore();
const workspaceElement = byId('workspace');
const mapNotice = byId('map-notice');
const map = createMap(byId('map'));
const sitingMap = createSitingMap(map);

const describe = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.message}${error.status ? ` (HTTP ${error.status}, ${error.code})` : ''}`
    : String(error);

async function load<K extends 'campuses' | 'sites' | 'designs' | 'places'>(
  key: K,
  fetcher: () => Promise<Extract<AppState[K], { status: 'ready' }>['data']>,
): Promise<void> {
  store.set({ [key]: { status: 'loading' } } as Partial<AppState>);
  try {
    store.set({ [key]: { status: 'ready', data: await fetcher() } } as Partial<AppState>);
  } catch (error) {
    console.warn(`Loading ${key} failed:`, error);
    store.set({ [key]: { status: 'error', message: describe(error) } } as Partial<AppState>);
  }
}
const loadCampuses = () => load('campuses', api.campuses);
const loadSites = () => load('sites', api.sites);
const loadDesigns = () => load('designs', api.designs);
const loadPlaces = () => load('places', () => api.places(10_000));

// Plants, interconnection points and population heat start hidden: each loads the first time
// its legend toggle turns it on. Full records by id for the popups.
const plantsById = new Map<string, PlantProperties>();
const interconnectionsById = new Map<string, InterconnectionProperties>();
const loaded = new Set<NationalGroup>();
async function loadNationalLayer(group: NationalGroup): Promise<void> {
  if (loaded.has(group) || group === 'places') return;
  loaded.add(group);
  try {
    await whenLoaded(map);
    if (group === 'plants') {
      const plants = await api.plants();
      for (const f of plants.features) plantsById.set(f.properties.id, f.properties);
      setSourceData(map, PLANT_SOURCE, plants);
    } else if (group === 'interconnections') {
      const points = await api.interconnections();
      for (const f of points.features) interconnectionsById.set(f.properties.id, f.properties);
      setSourceData(map, INTERCONNECTION_SOURCE, points);
    } else {
      setSourceData(map, POPULATION_DENSITY_SOURCE, await api.populationDensity());
    }
  } catch (error) {
    loaded.delete(group);
    console.warn(`Loading ${group} failed:`, error);
    mapNotice.hidden = false;
    mapNotice.textContent = `The ${group.replace('-', ' ')} layer did not load (${describe(error)}); toggle it again to retry.`;
  }
}

function campusById(id: string) {
  const { campuses } = store.get();
  return campuses.status === 'ready'
    ? campuses.data.features.find((f) => f.properties.id === id)
    : undefined;
}
function siteById(id: string) {
  const { sites } = store.get();
  return sites.status === 'ready'
    ? sites.data.features.find((f) => f.properties.id === id)
    : undefined;
}

function selectCampus(id: string, fly = true): void {
  store.set({ selectedCampusId: id });
  panel.showTab('campus');
  const campus = campusById(id);
  if (fly && campus) {
    const [lon, lat] = campus.geometry.coordinates;
    map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), CAMPUS_ZOOM) });
  }
}

function onSearchPick(entry: SearchEntry): void {
  if (entry.kind === 'campus') return selectCampus(entry.id);
  const [lon, lat] = entry.coordinates;
  const zoom = entry.kind === 'state' ? STATE_ZOOM : Math.max(map.getZoom(), CAMPUS_ZOOM);
  map.flyTo({ center: [lon, lat], zoom });
  if (entry.kind !== 'site') return;
  const site = siteById(entry.id);
  if (site) showSitePopup(map, site.properties, [lon, lat]);
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const designName = (id: string) => {
  const { designs } = store.get();
  return (designs.status === 'ready' ? designs.data.find((d) => d.id === id)?.name : null) ?? id;
};
const workspace = createWorkspace(store, {
  evaluate: (request, signal) => postJson<EvaluateResponse>('/api/evaluate', request, signal),
  storage,
  now: () => new Date(),
  autoName: (scenario) => {
    const campus = campusById(store.get().selectedCampusId ?? '')?.properties.name;
    if (!campus || scenario.placements.length === 0) return null;
    const units = new Map<string, number>();
    for (const p of scenario.placements)
      units.set(p.designId, (units.get(p.designId) ?? 0) + p.units);
    const fleet = [...units].map(([id, n]) => `${n} × ${designName(id)}`).join(' + ');
    return `${shortCampusName(campus)} · ${fleet}`;
  },
});

const saves = createSaveController(store, scenariosClient, {
  onOpen: () => ({ selectedPlacementKey: null, scenarioEpoch: store.get().scenarioEpoch + 1 }),
});
document
  .querySelector('.topbar')
  ?.append(
    createScenarioBar(store, saves),
    createDownloadsMenu(store, { client: scenariosClient, saves }),
  );
// The Coverage and Scenarios tabs and the compare tools load once the map is first idle (their code is not
// needed for the first paint, which keeps the first JavaScript small); the compare view loads
// on first use.
const mapReady = new Promise<void>((resolve) => map.once('idle', () => resolve()));
const compareSlot = h('div', { class: 'compare-slot section-inner' });
const scenariosTab = lazySection(mapReady, 'Loading scenarios…', async () => {
  const { createScenariosSection } = await import('./features/scenarios/scenarios-section.ts');
  const compare = (ids: string[]) => {
    void import('./features/scenarios/compare-view.ts').then(({ createCompareView }) =>
      replaceChildren(
        compareSlot,
        createCompareView(scenariosClient, ids, () => replaceChildren(compareSlot), designName),
      ),
    );
  };
  return h(
    'div',
    {},
    newScenarioButton(store, workspace),
    createScenariosSection(store, saves, { compare }),
    compareSlot,
  );
});
const compareSites = lazySection(mapReady, 'Loading site comparison…', async () => {
  const { createCompareSites } = await import('./features/compare-sites/compare-sites.ts');
  return createCompareSites(store, scenariosClient, {
    placeAt: (site) => {
      const [lon, lat] = site.geometry.coordinates;
      workspace.placeAt({ lat, lon }, site.properties.id);
    },
  });
});
const coverageTab = lazySection(mapReady, 'Loading coverage…', async () => {
  const { createCoverageSection } = await import('./features/coverage/coverage-section.ts');
  return createCoverageSection(store, {
    setOptions: (patch) => workspace.edit((scenario) => withOptions(scenario, patch)),
    showReactors: () => panel.showTab('reactors'),
  });
});
const optimiseTab = lazySection(mapReady, 'Loading the optimiser…', async () => {
  const { createOptimiseSection } = await import('./features/optimise/optimise-section.ts');
  return createOptimiseSection(store, {
    workspace,
    showOnMap: (points) => {
      const campus = campusById(store.get().selectedCampusId ?? '');
      const all = [
        ...points.map((p): [number, number] => [p.lon, p.lat]),
        ...(campus ? [campus.geometry.coordinates as [number, number]] : []),
      ];
      if (all.length === 0) return;
      const lons = all.map(([lon]) => lon);
      const lats = all.map(([, lat]) => lat);
      map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], {
        padding: 80,
        maxZoom: CAMPUS_ZOOM,
      });
    },
  });
});

const panel = createPanel(
  store,
  {
    selectCampus: (id) => selectCampus(id),
    retry: loadCampuses,
    armCampusPlacement: (onPlace, onCancel) =>
      armPlacement(map, 'Click the map to place the new campus · Esc cancels', onPlace, onCancel),
    campusRequest: (request) => workspace.setCampus(request?.campus ?? null),
    siting: {
      armPick: (onPlace, onCancel) =>
        armPlacement(map, 'Click the map to check a point · Esc cancels', onPlace, onCancel),
      sitingMap,
    },
    reactors: {
      retryDesigns: loadDesigns,
      armPlacement: (onPlace, onCancel) =>
        armPlacement(
          map,
          'Click the map to place the reactors · Esc cancels',
          (at) => onPlace({ lat: at.lat, lon: at.lng }),
          onCancel,
        ),
      workspace,
      tools: compareSites,
    },
  },
  {
    coverage: coverageTab,
    optimise: optimiseTab,
    scenarios: scenariosTab,
  },
);
attachMapPlacements(map, store, workspace, { dragDistance: panel.reactors.showDragDistance });
attachUrlSync(map, store);
workspaceElement.append(
  createResizeHandle(workspaceElement, panel.element, () => map.resize()),
  panel.element,
);
const sitingLegend = createSitingLegend(map, (opacity) => sitingMap.setHexOpacity(opacity));
sitingMap.onFirstData(() => (sitingLegend.hidden = false));
const nationalLegend = createNationalLegend(map, (group) => void loadNationalLayer(group));
byId('map').after(createLegend(map, nationalLegend, sitingLegend));
const search = createSearch(store, onSearchPick);
byId('search-slot').append(search.element);

attachPopups(map, {
  campus: (id) => campusById(id)?.properties,
  site: (id) => siteById(id)?.properties,
  plant: (id) => plantsById.get(id),
  interconnection: (id) => interconnectionsById.get(id),
  onCampusClick: (id) => selectCampus(id, false),
});

attachHexTooltip(map);

// With the Siting tab open, a click on a candidate site also checks that site; with the
// Reactors tab open, it offers "place here".
for (const layer of SITE_HIT_LAYERS) {
  map.on('click', layer, (event) => {
    if (isPlacing(map)) return;
    const tab = panel.activeTab();
    if (tab !== 'siting' && tab !== 'reactors') return;
    const site = siteById(String(event.features?.[0]?.properties?.id ?? ''));
    if (!site) return;
    const [lon, lat] = site.geometry.coordinates;
    if (tab === 'siting') return panel.siting.check(lat, lon, site.properties.name);
    panel.reactors.offerSite({ id: site.properties.id, name: site.properties.name, lat, lon });
  });
}

// A hook for tests and benchmarks: where the live evaluation stands, and a count of the
// answers shown so far.
let answersShown = 0;
store.subscribe(({ evaluation: e }, { evaluation: before }) => {
  if (e.result !== before.result && e.result) {
    answersShown += 1;
    workspaceElement.dataset.evaluationAnswers = String(answersShown);
  }
  const stage = e.empty
    ? 'empty'
    : e.refining
      ? 'refining'
      : e.loading
        ? 'loading'
        : e.error
          ? 'error'
          : 'done';
  workspaceElement.dataset.evaluation = stage;
  workspaceElement.dataset.evaluationQuality = e.quality ?? '';
});

store.subscribe(async (state, previous) => {
  await whenLoaded(map);
  const { evaluation } = state;
  if (evaluation !== previous.evaluation && evaluation.result && !evaluation.stale) {
    const id = state.selectedCampusId;
    if (id)
      servedByCampus = { ...servedByCampus, [id]: evaluation.result.coverage.servedEnergyFraction };
  }
  const campusesChanged =
    state.campuses !== previous.campuses ||
    state.modelledPeakMw !== previous.modelledPeakMw ||
    servedByCampus !== shownServed;
  if (campusesChanged && state.campuses.status === 'ready') {
    shownServed = servedByCampus;
    setSourceData(
      map,
      CAMPUS_SOURCE,
      withCampusMapProperties(state.campuses.data, state.modelledPeakMw, servedByCampus),
    );
  }
  if (state.scenarioEpoch !== previous.scenarioEpoch) openScenarioCampus();
  if (state.sites !== previous.sites && state.sites.status === 'ready') {
    setSourceData(map, SITE_SOURCE, state.sites.data);
  }
  if (state.places !== previous.places && state.places.status === 'ready') {
    setSourceData(map, PLACE_SOURCE, state.places.data);
  }
  if (
    state.selectedCampusId !== previous.selectedCampusId ||
    state.scenario.placements !== previous.scenario.placements
  ) {
    // Popups open away from the selected campus and placed reactors, never over them.
    const selected = state.selectedCampusId ? campusById(state.selectedCampusId) : undefined;
    setPopupAvoid(map, [
      ...(selected ? [selected.geometry.coordinates as [number, number]] : []),
      ...state.scenario.placements.map((p): [number, number] => [p.lon, p.lat]),
    ]);
  }
  if (state.selectedCampusId !== previous.selectedCampusId) {
    // Another campus: the popups about the last one close (the clicked campus's stays).
    closeAllPopups(map, state.selectedCampusId);
    map.setFilter('campuses-selected', selectedCampusFilter(state.selectedCampusId));
    map.setFilter('campuses-selected-label', selectedCampusFilter(state.selectedCampusId));
    map.setFilter('campuses-label', ['!=', ['get', 'id'], state.selectedCampusId ?? '']);
  }
});

// The boundary files load at once; the code that converts them (topojson, d3-geo) is its own
// chunk, fetched in parallel, so it is not part of the first JavaScript.
loadBasemapData()
  .then(async (data) => {
    await whenLoaded(map);
    applyBasemapData(map, data);
    search.setStates(
      data.labels.features
        .filter((f) => f.properties.kind === 'state')
        .map((f) => ({
          code: f.properties.abbr,
          name: f.properties.name,
          coordinates: f.geometry.coordinates,
        })),
    );
    map.once('idle', () => {
      loadCountyData()
        .then((counties) => applyCountyData(map, counties))
        .catch((error: unknown) => console.warn('County lines failed to load:', error));
    });
  })
  .catch((error: unknown) => {
    console.warn('Basemap failed to load:', error);
    mapNotice.hidden = false;
    mapNotice.textContent =
      'The basemap boundaries did not load; campuses and sites are still shown. Reload to retry.';
  });

/** Served energy of each campus's latest evaluation: fills its circle (red, amber, green). */
let servedByCampus: Readonly<Record<string, number>> = {};
let shownServed = servedByCampus;

/** Selects the open scenario's campus (a drawn one is put back on the map). */
function openScenarioCampus(fly = true): void {
  const feature = campusOfScenario(store, store.get().scenario.campus);
  if (feature) selectCampus(feature.properties.id, fly);
}

/** Opens what the address bar or the local draft says was on screen. */
async function restoreWorkspace(): Promise<void> {
  const url = decodeUrlState(location.search);
  const draft = storage ? readDraft(storage) : null;
  let saved: SavedScenario | 'missing' | null = null;
  if (url.scenarioId) {
    saved = await getJson<SavedScenario>(`/api/scenarios/${url.scenarioId}`).catch(
      (error: unknown) => {
        console.warn('Opening the linked scenario failed:', error);
        return 'missing' as const;
      },
    );
  }
  const start = startingPoint(url, draft, saved);
  if (url.view) map.jumpTo({ center: [url.view.lon, url.view.lat], zoom: url.view.zoom });
  if (start?.notice) {
    mapNotice.hidden = false;
    mapNotice.textContent = start.notice;
  }
  if (!start) return;
  if (!store.get().selectedDesignId && start.scenario.placements[0])
    store.set({ selectedDesignId: start.scenario.placements[0].designId });
  workspace.open(start.scenario, start.savedKey);
  openScenarioCampus(!url.view);
}

void Promise.all([loadCampuses(), loadSites(), loadDesigns(), loadPlaces()]).then(() =>
  restoreWorkspace(),
);
