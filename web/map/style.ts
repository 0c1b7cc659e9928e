// The whole map style: the offline basemap, population heat and suitability hexes under its
// labels, power plants and interconnection points, campuses, candidate sites, city names, and
// on top the screened sites' ranks and the checked point. Data sources start empty; main.ts
// and the siting feature fill them with setData.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { basemapSources, basemapStyle, type BasemapData } from './basemap.ts';
import { CAMPUS_SOURCE, campusLayers } from './layers/campuses.ts';
import { INTERCONNECTION_SOURCE, interconnectionLayers } from './layers/interconnections.ts';
import { PLACE_SOURCE, placeLayers } from './layers/places.ts';
import { PLANT_SOURCE, plantLayers, plantSource } from './layers/plants.ts';
import { POPULATION_DENSITY_SOURCE, populationDensityLayers } from './layers/population.ts';
import { SITE_SOURCE, siteLayers } from './layers/sites.ts';
import {
  PLACEMENT_EPZ_SOURCE,
  PLACEMENT_LINE_SOURCE,
  placementLayers,
} from './layers/placements.ts';
import {
  SITING_CHECK_SOURCE,
  SITING_HEX_SOURCE,
  SITING_SCREEN_SOURCE,
  sitingCheckLayers,
  sitingHexLayers,
  sitingScreenLayers,
} from './layers/siting.ts';

const emptyGeojson = {
  type: 'geojson' as const,
  data: { type: 'FeatureCollection' as const, features: [] },
};

/** Layer groups the legend toggles, each with the id prefix of its layers. */
export const LAYER_GROUPS = {
  campuses: 'campuses-',
  placements: 'placements-',
  sites: 'sites-',
  plants: 'plants-',
  interconnections: 'interconnections-',
  'population-density': 'population-density-',
  places: 'places-',
  'basemap-labels': 'basemap-labels-',
  'siting-hexes': 'siting-hex-',
  'siting-screen': 'siting-screen-',
  'siting-check': 'siting-check-',
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;
export const inLayerGroup = (layerId: string, group: LayerGroup): boolean =>
  layerId.startsWith(LAYER_GROUPS[group]);

export function plannerStyle(basemap?: BasemapData): StyleSpecification {
  const base = basemapStyle(basemap);
  // Hexes go under the place names, so a town stays readable through a suitability cell.
  const labelsAt = base.layers.findIndex((layer) => inLayerGroup(layer.id, 'basemap-labels'));
  const cut = labelsAt < 0 ? base.layers.length : labelsAt;
  return {
    ...base,
    name: 'SMR × AI Campus Planner',
    sources: {
      ...basemapSources(basemap),
      [SITING_HEX_SOURCE]: { ...emptyGeojson },
      [CAMPUS_SOURCE]: { ...emptyGeojson },
      [SITE_SOURCE]: { ...emptyGeojson },
      [PLANT_SOURCE]: plantSource(),
      [INTERCONNECTION_SOURCE]: { ...emptyGeojson },
      [POPULATION_DENSITY_SOURCE]: { ...emptyGeojson },
      [PLACE_SOURCE]: { ...emptyGeojson },
      [PLACEMENT_LINE_SOURCE]: { ...emptyGeojson },
      [PLACEMENT_EPZ_SOURCE]: { ...emptyGeojson },
      [SITING_SCREEN_SOURCE]: { ...emptyGeojson },
      [SITING_CHECK_SOURCE]: { ...emptyGeojson },
    },
    layers: [
      ...base.layers.slice(0, cut),
      ...populationDensityLayers(),
      ...sitingHexLayers(),
      ...base.layers.slice(cut),
      ...plantLayers(),
      ...interconnectionLayers(),
      // Placed reactors' EPZ rings and lines end under the campus circle they deliver to.
      ...placementLayers(),
      ...campusLayers(),
      ...siteLayers(),
      // City names above the sites, so a site's name never hides Memphis.
      ...placeLayers(),
      ...sitingScreenLayers(),
      ...sitingCheckLayers(),
    ],
  };
}
