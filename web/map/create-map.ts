// Creates the MapLibre map: offline style, controls with labels, and the hooks browser tests
// rely on (DESIGN.md "UI hooks": data-idle on the container, window.__plannerMap).
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Vite does not bundle MapLibre's worker: ship it as an asset and point MapLibre at it.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { BASEMAP_SOURCES } from './layers/basemap-layers.ts';
import { addSiteIcons } from './site-icons.ts';
import { plannerStyle } from './style.ts';
import type { BasemapData, CountyData } from './basemap.ts';

declare global {
  interface Window {
    __plannerMap?: maplibregl.Map;
  }
}

maplibregl.setWorkerUrl(workerUrl);

// The lower 48 with a margin into Canada and Mexico: where every campus in the data sits.
export const INITIAL_BOUNDS: maplibregl.LngLatBoundsLike = [
  [-125, 24.5],
  [-66.5, 49.5],
];

export const ATTRIBUTION =
  'Boundaries: <a href="https://www.census.gov/geographies/mapping-files.html">US Census Bureau</a> (us-atlas)' +
  ' · <a href="https://www.naturalearthdata.com/">Natural Earth</a> (world-atlas)';

const iconPixelRatio = (): number =>
  Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));

export function createMap(container: HTMLElement): maplibregl.Map {
  container.dataset.idle = 'false';
  const map = new maplibregl.Map({
    container,
    style: plannerStyle(),
    bounds: INITIAL_BOUNDS,
    fitBoundsOptions: { padding: 24 },
    minZoom: 2,
    // Boundaries are 1:10m (states) and 1:50m (countries): beyond this there is no more detail.
    maxZoom: 12,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    attributionControl: false,
    locale: {
      'Map.Title': 'Map of AI campuses and candidate reactor sites',
      'NavigationControl.ZoomIn': 'Zoom in',
      'NavigationControl.ZoomOut': 'Zoom out',
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
  map.addControl(
    new maplibregl.AttributionControl({ compact: true, customAttribution: ATTRIBUTION }),
    'bottom-right',
  );

  map.on('idle', () => (container.dataset.idle = 'true'));
  map.on('movestart', () => (container.dataset.idle = 'false'));
  map.on('dataloading', () => (container.dataset.idle = 'false'));
  map.on('styleimagemissing', (event) => {
    if (event.id.startsWith('sites-icon-')) addSiteIcons(map, iconPixelRatio());
  });
  map.once('load', () => {
    styleLoaded.add(map);
    // Compact attribution starts folded to its (i) button, clear of the legend beside it.
    container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    addSiteIcons(map, iconPixelRatio());
  });

  window.__plannerMap = map;
  return map;
}

const styleLoaded = new WeakSet<maplibregl.Map>();

/**
 * Resolves once the style is loaded, so sources can take data. map.loaded() is not that test:
 * it turns false again whenever a source is loading, and 'load' fires only once, so waiting
 * for 'load' after it would never resolve.
 */
export const whenLoaded = (map: maplibregl.Map): Promise<void> =>
  styleLoaded.has(map)
    ? Promise.resolve()
    : new Promise((resolve) => map.once('load', () => resolve()));

export function setSourceData(map: maplibregl.Map, sourceId: string, data: GeoJSON.GeoJSON): void {
  const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
  if (!source) throw new Error(`Map has no GeoJSON source ${JSON.stringify(sourceId)}`);
  source.setData(data);
}

export function applyBasemapData(map: maplibregl.Map, data: BasemapData): void {
  setSourceData(map, BASEMAP_SOURCES.land, data.land);
  setSourceData(map, BASEMAP_SOURCES.countryBorders, data.countryBorders);
  setSourceData(map, BASEMAP_SOURCES.stateLines, data.stateLines);
  setSourceData(map, BASEMAP_SOURCES.labels, data.labels);
}

export function applyCountyData(map: maplibregl.Map, data: CountyData): void {
  setSourceData(map, BASEMAP_SOURCES.countyLines, data.countyLines);
  setSourceData(map, BASEMAP_SOURCES.countyLabels, data.labels);
}
