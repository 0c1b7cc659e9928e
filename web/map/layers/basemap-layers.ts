// The offline basemap's layers (UX.md: quiet light land, thin state lines, so data stands out).
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LABEL_FONT_REGULAR } from './fonts.ts';

export const BASEMAP_SOURCES = {
  land: 'basemap-land',
  countryBorders: 'basemap-country-borders',
  stateLines: 'basemap-state-lines',
  labels: 'basemap-label-points',
  countyLines: 'basemap-county-lines',
  countyLabels: 'basemap-county-label-points',
} as const;

// Low-chroma greys and a pale blue: the campus and site symbols carry the only strong colour.
export const BASEMAP_COLOURS = {
  water: '#dfe7ee',
  land: '#fbfaf7',
  otherLand: '#f1f0ec',
  countyLine: '#e6e3dc',
  countyLabel: '#a3a7ae',
  coastline: '#b7c3cc',
  countryBorder: '#9ba3ab',
  stateLine: '#cfcbc3',
  countryLabel: '#6b7280',
  stateLabel: '#9096a0',
  labelHalo: '#fbfaf7',
} as const;

/** County lines appear at regional scale; county names once a campus fills the view. */
export const COUNTY_LINES_MIN_ZOOM = 6;
export const COUNTY_LABELS_MIN_ZOOM = 8;

/** Zoom at which state labels switch from postal codes to full names (names collide below). */
export const STATE_NAME_MIN_ZOOM = 5;

export function basemapLayers(): LayerSpecification[] {
  return [
    {
      id: 'basemap-water',
      type: 'background',
      paint: { 'background-color': BASEMAP_COLOURS.water },
    },
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCES.land,
      paint: {
        'fill-color': ['case', ['get', 'focus'], BASEMAP_COLOURS.land, BASEMAP_COLOURS.otherLand],
      },
    },
    {
      id: 'basemap-coastline',
      type: 'line',
      source: BASEMAP_SOURCES.land,
      paint: { 'line-color': BASEMAP_COLOURS.coastline, 'line-width': 0.6 },
    },
    {
      id: 'basemap-county-lines',
      type: 'line',
      source: BASEMAP_SOURCES.countyLines,
      minzoom: COUNTY_LINES_MIN_ZOOM,
      paint: { 'line-color': BASEMAP_COLOURS.countyLine, 'line-width': 0.6 },
    },
    {
      id: 'basemap-state-lines',
      type: 'line',
      source: BASEMAP_SOURCES.stateLines,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASEMAP_COLOURS.stateLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 8, 1.2],
      },
    },
    {
      id: 'basemap-country-borders',
      type: 'line',
      source: BASEMAP_SOURCES.countryBorders,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASEMAP_COLOURS.countryBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 1.6],
      },
    },
    ...basemapLabelLayers(),
  ];
}

function basemapLabelLayers(): LayerSpecification[] {
  const common = {
    type: 'symbol' as const,
    source: BASEMAP_SOURCES.labels,
  };
  return [
    {
      ...common,
      id: 'basemap-labels-country',
      filter: ['==', ['get', 'kind'], 'country'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT_REGULAR,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.15,
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 14],
        'text-max-width': 8,
      },
      paint: {
        'text-color': BASEMAP_COLOURS.countryLabel,
        'text-halo-color': BASEMAP_COLOURS.labelHalo,
        'text-halo-width': 1.2,
      },
    },
    {
      ...common,
      id: 'basemap-labels-state',
      filter: ['==', ['get', 'kind'], 'state'],
      minzoom: 3,
      layout: {
        'text-field': ['step', ['zoom'], ['get', 'abbr'], STATE_NAME_MIN_ZOOM, ['get', 'name']],
        'text-font': LABEL_FONT_REGULAR,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 9, 7, 12],
        'text-max-width': 7,
      },
      paint: {
        'text-color': BASEMAP_COLOURS.stateLabel,
        'text-halo-color': BASEMAP_COLOURS.labelHalo,
        'text-halo-width': 1,
      },
    },
    {
      type: 'symbol',
      source: BASEMAP_SOURCES.countyLabels,
      id: 'basemap-labels-county',
      minzoom: COUNTY_LABELS_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT_REGULAR,
        'text-size': 11,
        'text-max-width': 7,
      },
      paint: {
        'text-color': BASEMAP_COLOURS.countyLabel,
        'text-halo-color': BASEMAP_COLOURS.labelHalo,
        'text-halo-width': 1,
      },
    },
  ];
}
