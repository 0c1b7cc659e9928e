// Candidate-site layers: one shape AND one colour per kind (UX.md: colour is never the only
// signal). Icons are drawn on a canvas at start-up (map/site-icons.ts): the style has no sprite.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { SiteKind } from '../../../models/records.ts';
import { LABEL_FONT_REGULAR } from './fonts.ts';

export const SITE_SOURCE = 'sites';

export type SiteShape = 'triangle' | 'diamond' | 'square' | 'pentagon';

// Listed in the order the legend shows them. Colours avoid the red/amber/green reserved for
// coverage and the slate of unevaluated campuses; violet for operating nuclear follows
// OpenInfraMap's convention for nuclear plants.
export const SITE_KINDS: Record<
  SiteKind,
  { label: string; shortLabel: string; shape: SiteShape; colour: string }
> = {
  'smr-project': {
    label: 'SMR project (planned or licensing)',
    shortLabel: 'SMR project',
    shape: 'triangle',
    colour: '#0f766e',
  },
  'nuclear-plant': {
    label: 'Operating nuclear plant',
    shortLabel: 'Nuclear plant',
    shape: 'diamond',
    colour: '#6d28d9',
  },
  'coal-retirement': {
    label: 'Retiring coal plant',
    shortLabel: 'Retiring coal',
    shape: 'square',
    colour: '#8a4b16',
  },
  'federal-site': {
    label: 'Federal (DOE) site',
    shortLabel: 'Federal site',
    shape: 'pentagon',
    colour: '#1d4ed8',
  },
};

export const siteIconId = (kind: SiteKind): string => `sites-icon-${kind}`;
/** Logical icon size in px; the canvas draws at the device pixel ratio. */
export const SITE_ICON_SIZE_PX = 16;
/** Site names appear only zoomed in: 58 sites would crowd the national view. */
export const SITE_LABEL_MIN_ZOOM = 6;

const iconByKind: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'smr-project',
  siteIconId('smr-project'),
  'nuclear-plant',
  siteIconId('nuclear-plant'),
  'coal-retirement',
  siteIconId('coal-retirement'),
  siteIconId('federal-site'),
];

// New-build projects draw on top: they are the most likely places to put an SMR.
const drawOrder: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'smr-project',
  4,
  'nuclear-plant',
  3,
  'coal-retirement',
  2,
  1,
];

export function siteLayers(): LayerSpecification[] {
  return [
    {
      id: 'sites-symbol',
      type: 'symbol',
      source: SITE_SOURCE,
      layout: {
        'icon-image': iconByKind,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 1.15],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': drawOrder,
      },
    },
    {
      id: 'sites-label',
      type: 'symbol',
      source: SITE_SOURCE,
      minzoom: SITE_LABEL_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT_REGULAR,
        'text-size': 11,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 1,
        'text-max-width': 12,
      },
      paint: {
        'text-color': '#374151',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.4,
      },
    },
  ];
}
