// Wires the app: the map renders at once, the panel shows skeletons until each data set
// arrives, and the store keeps map, panel and search in step.
import { api, ApiError } from './api/client.ts';
import { createLegend } from './features/legend/legend.ts';
import { createSitingLegend } from './features/legend/siting-legend.ts';
import { createPanel } from './features/panel/panel.ts';
import { createResizeHandle } from './features/panel/resize.ts';
import { attachPopups, showSitePopup, SITE_HIT_LAYER } from './features/popups/popups.ts';
import { createSearch, type SearchEntry } from './features/search/search.ts';
import { attachHexTooltip } from './features/siting/hex-tooltip.ts';
import { createSitingMap } from './features/siting/siting-map.ts';
import { loadBasemapData, loadCountyData } from './map/basemap-load.ts';
import { withCampusMapProperties } from './map/campus-mw.ts';
import {
  applyBasemapData,
  applyCountyData,
  createMap,
  setSourceData,
  whenLoaded,
} from './map/create-map.ts';
import { CAMPUS_SOURCE, selectedCampusFilter } from './map/layers/campuses.ts';
import { SITE_SOURCE } from './map/layers/sites.ts';
import { armPlacement, isPlacing } from './map/placement.ts';
import { createStore, type AppState } from './state/store.ts';

/** Zoom that shows a campus with the sites around it (about 150 km across at 1280 px). */
const CAMPUS_ZOOM = 8;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no element #${id}`);
  return element as T;
};

const store = createStore();
const workspace = byId('workspace');
const mapNotice = byId('map-notice');
const map = createMap(byId('map'));
const sitingMap = createSitingMap(map);

const describe = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.message}${error.status ? ` (HTTP ${error.status}, ${error.code})` : ''}`
    : String(error);

async function load<K extends 'campuses' | 'sites' | 'designs'>(
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
  map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), CAMPUS_ZOOM) });
  const site = siteById(entry.id);
  if (site) showSitePopup(map, site.properties, [lon, lat]);
}

const panel = createPanel(store, {
  selectCampus: (id) => selectCampus(id),
  retry: loadCampuses,
  retryDesigns: loadDesigns,
  armCampusPlacement: (onPlace, onCancel) =>
    armPlacement(map, 'Click the map to place the new campus · Esc cancels', onPlace, onCancel),
  siting: {
    armPick: (onPlace, onCancel) =>
      armPlacement(map, 'Click the map to check a point · Esc cancels', onPlace, onCancel),
    sitingMap,
  },
});
workspace.append(
  createResizeHandle(workspace, panel.element, () => map.resize()),
  panel.element,
);
const sitingLegend = createSitingLegend(map, (opacity) => sitingMap.setHexOpacity(opacity));
sitingMap.onFirstData(() => (sitingLegend.hidden = false));
byId('map').after(createLegend(map, sitingLegend));
byId('search-slot').append(createSearch(store, onSearchPick));

attachPopups(map, {
  campus: (id) => campusById(id)?.properties,
  site: (id) => siteById(id)?.properties,
  onCampusClick: (id) => selectCampus(id, false),
});

attachHexTooltip(map);

// With the Siting tab open, a click on a candidate site also checks that site.
map.on('click', SITE_HIT_LAYER, (event) => {
  if (isPlacing(map) || panel.activeTab() !== 'siting') return;
  const site = siteById(String(event.features?.[0]?.properties?.id ?? ''));
  if (!site) return;
  const [lon, lat] = site.geometry.coordinates;
  panel.siting.check(lat, lon, site.properties.name);
});

store.subscribe(async (state, previous) => {
  await whenLoaded(map);
  const campusesChanged =
    state.campuses !== previous.campuses || state.modelledPeakMw !== previous.modelledPeakMw;
  if (campusesChanged && state.campuses.status === 'ready') {
    setSourceData(
      map,
      CAMPUS_SOURCE,
      withCampusMapProperties(state.campuses.data, state.modelledPeakMw),
    );
  }
  if (state.sites !== previous.sites && state.sites.status === 'ready') {
    setSourceData(map, SITE_SOURCE, state.sites.data);
  }
  if (state.selectedCampusId !== previous.selectedCampusId) {
    map.setFilter('campuses-selected', selectedCampusFilter(state.selectedCampusId));
  }
});

loadBasemapData()
  .then(async (data) => {
    await whenLoaded(map);
    applyBasemapData(map, data);
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

void Promise.all([loadCampuses(), loadSites(), loadDesigns()]);
