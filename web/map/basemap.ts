// The offline basemap's style: GeoJSON sources (filled at run time from us-atlas, the US Census
// cartographic boundaries, and world-atlas, Natural Earth 1:50m, by basemap-build.ts) and its
// layers, so no tile, glyph or sprite server is needed.
import type { FeatureCollection } from 'geojson';
import type {
  GeoJSONSourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_SOURCES } from './layers/basemap-layers.ts';
import { basemapLayers } from './layers/basemap-layers.ts';
import type { BasemapData } from './basemap-build.ts';

export type { BasemapData, BasemapTopologies, CountyData } from './basemap-build.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const geojson = (data: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data,
  // Boundaries are drawn as thin lines: a coarser tolerance than the default shows as jaggies.
  tolerance: 0.25,
});

/** The basemap style; without data, its sources start empty and are filled by setData. */
export function basemapSources(data?: BasemapData): Record<string, GeoJSONSourceSpecification> {
  return {
    [BASEMAP_SOURCES.land]: geojson(data?.land ?? EMPTY),
    [BASEMAP_SOURCES.countryBorders]: geojson(data?.countryBorders ?? EMPTY),
    [BASEMAP_SOURCES.stateLines]: geojson(data?.stateLines ?? EMPTY),
    [BASEMAP_SOURCES.labels]: geojson(data?.labels ?? EMPTY),
    [BASEMAP_SOURCES.countyLines]: geojson(EMPTY),
    [BASEMAP_SOURCES.countyLabels]: geojson(EMPTY),
  };
}

/** No `glyphs` (labels use local fonts) and no `sprite` (icons are drawn at run time). */
export function basemapStyle(data?: BasemapData): StyleSpecification {
  return {
    version: 8,
    name: 'Planner offline basemap',
    sources: basemapSources(data),
    layers: basemapLayers(),
  };
}
