// Campus layers: circles sized by planned MW (see campus-size.ts), filled by the share of load
// covered.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { CAMPUS_LABEL_PROPERTY, CAMPUS_MW_PROPERTY, COVERAGE_PROPERTY } from '../campus-mw.ts';
import { campusLabelOffsetEm, campusRadius, SELECTION_RING_GAP_PX } from './campus-size.ts';
import { LABEL_FONT_BOLD } from './fonts.ts';

export const CAMPUS_SOURCE = 'campuses';

/** Property a later evaluation sets on each campus feature: 'none' | 'part' | 'full'. */
export const COVERAGE_CLASS_PROPERTY = COVERAGE_PROPERTY;
// UX.md: red for none, amber for part, green for full. Grey until evaluated. The legend writes
// the words next to each swatch, so colour is never the only signal.
export const COVERAGE_COLOURS = {
  none: { colour: '#c2410c', label: 'No load covered', shortLabel: 'None' },
  part: { colour: '#d69e14', label: 'Part of load covered', shortLabel: 'Part' },
  full: { colour: '#2f855a', label: 'All load covered', shortLabel: 'All' },
  unevaluated: { colour: '#475569', label: 'Not yet evaluated', shortLabel: 'Not evaluated' },
} as const;

/** Campus names appear at state scale and closer; at national scale they would collide. */
export const CAMPUS_LABEL_MIN_ZOOM = 5;

export const campusFillColour: ExpressionSpecification = [
  'match',
  ['get', COVERAGE_CLASS_PROPERTY],
  'none',
  COVERAGE_COLOURS.none.colour,
  'part',
  COVERAGE_COLOURS.part.colour,
  'full',
  COVERAGE_COLOURS.full.colour,
  COVERAGE_COLOURS.unevaluated.colour,
];

export const selectedCampusFilter = (campusId: string | null): FilterSpecification => [
  '==',
  ['get', 'id'],
  campusId ?? '',
];

const labelLayout = (sizePx: number): SymbolLayerSpecification['layout'] => ({
  'text-field': ['get', CAMPUS_LABEL_PROPERTY],
  'text-font': LABEL_FONT_BOLD,
  'text-size': sizePx,
  'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
  'text-radial-offset': campusLabelOffsetEm(),
  'text-max-width': 12,
});

export function campusLayers(selectedCampusId: string | null = null): LayerSpecification[] {
  return [
    {
      id: 'campuses-circle',
      type: 'circle',
      source: CAMPUS_SOURCE,
      layout: {
        // Big campuses first, so a small one nearby stays visible on top.
        'circle-sort-key': ['-', 0, ['coalesce', ['get', CAMPUS_MW_PROPERTY], 0]],
      },
      paint: {
        'circle-radius': campusRadius(),
        'circle-color': campusFillColour,
        'circle-opacity': 0.72,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'campuses-selected',
      type: 'circle',
      source: CAMPUS_SOURCE,
      filter: selectedCampusFilter(selectedCampusId),
      paint: {
        'circle-radius': campusRadius(SELECTION_RING_GAP_PX),
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-stroke-color': '#0f172a',
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'campuses-label',
      type: 'symbol',
      source: CAMPUS_SOURCE,
      minzoom: CAMPUS_LABEL_MIN_ZOOM,
      // The selected campus has its own label below.
      filter: ['!=', ['get', 'id'], selectedCampusId ?? ''],
      layout: labelLayout(12),
      paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      // The selected campus is always labelled: at any zoom, and never dropped for a collision.
      id: 'campuses-selected-label',
      type: 'symbol',
      source: CAMPUS_SOURCE,
      filter: selectedCampusFilter(selectedCampusId),
      layout: { ...labelLayout(13), 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#0f172a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
