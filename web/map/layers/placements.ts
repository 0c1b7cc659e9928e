// Placed reactors' lines and EPZ rings (UX.md "The map"): each deployment's line runs to the
// campus, or to its interconnection point when grid-connected, labelled "84 km · 1.2% loss" at
// higher zoom; the EPZ ring shows for the hovered or selected placement. The markers
// themselves are HTML (web/map/reactor-markers.ts) so they can carry a badge and be dragged.
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LABEL_FONT_BOLD } from './fonts.ts';

export const PLACEMENT_LINE_SOURCE = 'placement-lines';
export const PLACEMENT_EPZ_SOURCE = 'placement-epz';

/** Line labels appear from about 300 km across the screen; further out they would collide. */
export const PLACEMENT_LABEL_MIN_ZOOM = 6.5;

export function placementLayers(): LayerSpecification[] {
  return [
    {
      id: 'placements-epz-fill',
      type: 'fill',
      source: PLACEMENT_EPZ_SOURCE,
      paint: { 'fill-color': '#7c3aed', 'fill-opacity': 0.1 },
    },
    {
      id: 'placements-epz-line',
      type: 'line',
      source: PLACEMENT_EPZ_SOURCE,
      paint: { 'line-color': '#6d28d9', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'placements-line-casing',
      type: 'line',
      source: PLACEMENT_LINE_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 5 },
    },
    {
      id: 'placements-line',
      type: 'line',
      source: PLACEMENT_LINE_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': ['case', ['get', 'selected'], '#4c1d95', '#7c3aed'],
        'line-width': ['case', ['get', 'selected'], 3.5, 2.5],
        // Grid-connected lines end at the grid, not the campus: dashed to say so.
        'line-dasharray': [
          'case',
          ['==', ['get', 'to'], 'interconnection'],
          ['literal', [2, 1.5]],
          ['literal', [1, 0]],
        ],
      },
    },
    {
      id: 'placements-line-label',
      type: 'symbol',
      source: PLACEMENT_LINE_SOURCE,
      minzoom: PLACEMENT_LABEL_MIN_ZOOM,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT_BOLD,
        'text-size': 12,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        // The line's own figures win over town names around it.
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': '#4c1d95',
        'text-halo-color': '#ffffff',
        'text-halo-width': 2,
      },
    },
  ];
}
