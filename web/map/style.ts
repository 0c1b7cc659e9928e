// The whole map style: the offline basemap underneath, then campuses, then candidate sites.
// Data sources start empty; main.ts fills them with setData when the API answers.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { basemapSources, basemapStyle, type BasemapData } from './basemap.ts';
import { CAMPUS_SOURCE, campusLayers } from './layers/campuses.ts';
import { SITE_SOURCE, siteLayers } from './layers/sites.ts';

const emptyGeojson = {
  type: 'geojson' as const,
  data: { type: 'FeatureCollection' as const, features: [] },
};

/** Layer groups the legend toggles; a layer belongs to a group when its id starts `<group>-`. */
export const LAYER_GROUPS = ['campuses', 'sites', 'basemap-labels'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
export const inLayerGroup = (layerId: string, group: LayerGroup): boolean =>
  layerId.startsWith(`${group}-`);

export function plannerStyle(basemap?: BasemapData): StyleSpecification {
  const base = basemapStyle(basemap);
  return {
    ...base,
    name: 'SMR × AI Campus Planner',
    sources: {
      ...basemapSources(basemap),
      [CAMPUS_SOURCE]: { ...emptyGeojson },
      [SITE_SOURCE]: { ...emptyGeojson },
    },
    layers: [...base.layers, ...campusLayers(), ...siteLayers()],
  };
}
