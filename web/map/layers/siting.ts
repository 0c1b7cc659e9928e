// Siting layers: the suitability hexes of a screen (under campuses and sites), the screened
// sites' rank badges, and the checked point with its rings and the line to the nearest
// population centre (on top). Features come from map/siting-features.ts.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { LABEL_FONT_BOLD, LABEL_FONT_REGULAR } from './fonts.ts';

export const SITING_HEX_SOURCE = 'siting-hexes';
export const SITING_SCREEN_SOURCE = 'siting-screen';
export const SITING_CHECK_SOURCE = 'siting-check';

/**
 * ColorBrewer YlGnBu, 5 classes (sequential, colour-blind safe): light is less suitable, dark
 * more, so the best ground stands out on the light basemap. Its hues avoid the coverage
 * red/amber/green and sit apart from the site-kind colours.
 */
export const HEX_SCORE_STOPS: readonly (readonly [number, string])[] = [
  [0, '#ffffcc'],
  [25, '#a1dab4'],
  [50, '#41b6c4'],
  [75, '#2c7fb8'],
  [100, '#253494'],
];
/** A cell over RG 4.7's 500 persons/mi² scores 0: excluded, drawn grey rather than pale. */
export const HEX_EXCLUDED_COLOUR = '#9ca3af';
export const HEX_DEFAULT_OPACITY = 0.6;
/** Ring colours: the RG 4.7 20 mi ring in slate, the plume EPZ in red (emergency planning). */
export const RING_COLOURS = { rg47: '#334155', epz: '#b91c1c' } as const;

const hexColour: ExpressionSpecification = [
  'case',
  ['<=', ['get', 'score'], 0],
  HEX_EXCLUDED_COLOUR,
  ['interpolate', ['linear'], ['get', 'score'], ...HEX_SCORE_STOPS.flat()],
];

const isGeometry = (type: 'Polygon' | 'LineString'): FilterSpecification => [
  '==',
  ['geometry-type'],
  type,
];
const isKind = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } as const;

export function sitingHexLayers(opacity = HEX_DEFAULT_OPACITY): LayerSpecification[] {
  return [
    {
      id: 'siting-hex-fill',
      type: 'fill',
      source: SITING_HEX_SOURCE,
      filter: isGeometry('Polygon'),
      paint: {
        'fill-color': hexColour,
        'fill-opacity': opacity,
        'fill-outline-color': 'rgba(255, 255, 255, 0.45)',
      },
    },
    {
      // The screen radius: where the hexes (and the ranked sites) stop.
      id: 'siting-hex-radius',
      type: 'line',
      source: SITING_HEX_SOURCE,
      filter: isGeometry('LineString'),
      paint: { 'line-color': '#1e3a8a', 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
  ];
}

export const screenHighlightFilter = (siteId: string | null): FilterSpecification => [
  '==',
  ['get', 'siteId'],
  siteId ?? '',
];

export function sitingScreenLayers(highlightId: string | null = null): LayerSpecification[] {
  // The badge sits up and right of the site icon (10 px), so the icon's shape stays readable.
  const badgeOffsetPx: [number, number] = [11, -11];
  return [
    {
      id: 'siting-screen-highlight',
      type: 'circle',
      source: SITING_SCREEN_SOURCE,
      filter: screenHighlightFilter(highlightId),
      paint: {
        'circle-radius': 16,
        'circle-color': 'rgba(37, 99, 235, 0.18)',
        'circle-stroke-color': '#1d4ed8',
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'siting-screen-badge',
      type: 'circle',
      source: SITING_SCREEN_SOURCE,
      paint: {
        'circle-radius': 8,
        'circle-translate': badgeOffsetPx,
        'circle-color': ['case', ['get', 'excluded'], '#6b7280', '#0f172a'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'siting-screen-rank',
      type: 'symbol',
      source: SITING_SCREEN_SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'rank']],
        'text-font': LABEL_FONT_BOLD,
        'text-size': 10,
        // text-offset is in ems of text-size: 1.1 em × 10 px = the badge's 11 px.
        'text-offset': [1.1, -1.1],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}

export function sitingCheckLayers(): LayerSpecification[] {
  const ringColour: ExpressionSpecification = [
    'match',
    ['get', 'role'],
    'epz',
    RING_COLOURS.epz,
    RING_COLOURS.rg47,
  ];
  return [
    {
      id: 'siting-check-ring',
      type: 'line',
      source: SITING_CHECK_SOURCE,
      filter: isKind('ring'),
      paint: {
        'line-color': ringColour,
        'line-width': ['match', ['get', 'role'], 'epz', 2, 1.6],
        'line-dasharray': [4, 2],
      },
    },
    {
      id: 'siting-check-centre-line',
      type: 'line',
      source: SITING_CHECK_SOURCE,
      filter: isKind('centre-line'),
      paint: { 'line-color': '#0f172a', 'line-width': 1.5, 'line-dasharray': [1.5, 1.5] },
    },
    {
      id: 'siting-check-centre',
      type: 'circle',
      source: SITING_CHECK_SOURCE,
      filter: isKind('centre'),
      paint: {
        'circle-radius': 4,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#0f172a',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'siting-check-point',
      type: 'circle',
      source: SITING_CHECK_SOURCE,
      filter: isKind('point'),
      paint: {
        'circle-radius': 7,
        'circle-color': '#0f172a',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
      },
    },
    {
      // At the population centre, not along the line: a line-placed label vanishes when the
      // line is shorter than its text, as it is for a town a few miles away.
      id: 'siting-check-centre-label',
      type: 'symbol',
      source: SITING_CHECK_SOURCE,
      filter: isKind('centre'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT_BOLD,
        'text-size': 12,
        // Across the line from the centre, never along it (map/siting-features.ts labelAnchor).
        'text-anchor': ['match', ['get', 'anchor'], 'left', 'left', 'top'],
        'text-offset': [
          'match',
          ['get', 'anchor'],
          'left',
          ['literal', [0.7, 0]],
          ['literal', [0, 0.7]],
        ],
        'text-max-width': 16,
      },
      paint: { 'text-color': '#0f172a', ...halo },
    },
    {
      // Just outside each ring's north point.
      id: 'siting-check-ring-label',
      type: 'symbol',
      source: SITING_CHECK_SOURCE,
      filter: isKind('ring-label'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT_REGULAR,
        'text-size': 11.5,
        'text-anchor': 'bottom',
        'text-offset': [0, -0.2],
      },
      paint: { 'text-color': ringColour, ...halo },
    },
    {
      // The verdict in words under the checked point (never colour alone).
      id: 'siting-check-label',
      type: 'symbol',
      source: SITING_CHECK_SOURCE,
      filter: isKind('point'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT_BOLD,
        'text-size': 13,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 14,
      },
      paint: { 'text-color': '#0f172a', ...halo },
    },
  ];
}
