// Candidate-site layers: one shape AND one colour per kind (UX.md: colour is never the only
// signal). Icons are drawn on a canvas at start-up (map/site-icons.ts): the style has no sprite.
// 1,352 sites would bury the national view, so the plant-table kinds (operating coal and gas
// plants of 100 MW+) draw smaller and only from a closer zoom, in their own layers.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { SiteKind } from '../../../models/records.ts';
import { LABEL_FONT_REGULAR } from './fonts.ts';

export const SITE_SOURCE = 'sites';

export type SiteShape =
  'triangle' | 'diamond' | 'hexagon' | 'triangle-down' | 'square' | 'cross' | 'pentagon';

export interface SiteKindStyle {
  label: string;
  shortLabel: string;
  shape: SiteShape;
  colour: string;
  /** Zoom from which the kind is drawn; absent: from the national view. */
  minZoom?: number;
}

// Listed in the order the legend shows them. Colours avoid the red/amber/green reserved for
// coverage and the slate of unevaluated campuses; violet for nuclear follows OpenInfraMap's
// convention for nuclear plants (a lighter violet for shut-down reactor sites).
export const SITE_KINDS: Record<SiteKind, SiteKindStyle> = {
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
  'retired-nuclear': {
    label: 'Shut-down nuclear plant (reactor site)',
    shortLabel: 'Retired nuclear',
    shape: 'hexagon',
    colour: '#a78bfa',
  },
  'coal-retirement': {
    label: 'Retiring coal plant',
    shortLabel: 'Retiring coal',
    shape: 'square',
    colour: '#8a4b16',
  },
  'coal-plant': {
    label: 'Coal plant of 100 MW+ (as of 2017)',
    shortLabel: 'Coal plant',
    shape: 'triangle-down',
    colour: '#44403c',
    minZoom: 4.5,
  },
  'gas-plant': {
    label: 'Gas plant of 100 MW+ (as of 2017)',
    shortLabel: 'Gas plant',
    shape: 'cross',
    colour: '#be185d',
    minZoom: 5.5,
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
/** Site names appear only zoomed in: the curated sites would crowd the national view. */
export const SITE_LABEL_MIN_ZOOM = 6;
/** Names of the many coal and gas plants appear only closer still. */
export const MINOR_SITE_LABEL_MIN_ZOOM = 8;

/** The layers a pointer can hit: every symbol layer of sites. */
export const SITE_SYMBOL_LAYERS = ['sites-symbol', 'sites-symbol-coal', 'sites-symbol-gas'];

const iconByKind: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...(Object.keys(SITE_KINDS) as SiteKind[]).flatMap((kind) => [kind, siteIconId(kind)]),
  siteIconId('federal-site'),
] as unknown as ExpressionSpecification;

// New-build projects draw on top: they are the most likely places to put an SMR.
const drawOrder: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'smr-project',
  6,
  'nuclear-plant',
  5,
  'retired-nuclear',
  4,
  'coal-retirement',
  3,
  'federal-site',
  2,
  1,
];

const kindIs = (kind: SiteKind): FilterSpecification => ['==', ['get', 'kind'], kind];
const MINOR: SiteKind[] = ['coal-plant', 'gas-plant'];
const majorFilter: FilterSpecification = ['!', ['in', ['get', 'kind'], ['literal', MINOR]]];
const minorFilter: FilterSpecification = ['in', ['get', 'kind'], ['literal', MINOR]];

function symbolLayer(
  id: string,
  filter: FilterSpecification,
  size: [number, number],
  minzoom?: number,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SITE_SOURCE,
    filter,
    ...(minzoom === undefined ? {} : { minzoom }),
    layout: {
      'icon-image': iconByKind,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 3, size[0], 8, size[1]],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': drawOrder,
    },
  };
}

function labelLayer(
  id: string,
  filter: FilterSpecification,
  minzoom: number,
  size: number,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SITE_SOURCE,
    filter,
    minzoom,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT_REGULAR,
      'text-size': size,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 1,
      'text-max-width': 12,
      'symbol-sort-key': ['-', 0, ['get', 'existingMw']],
    },
    paint: {
      'text-color': '#374151',
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.4,
    },
  };
}

export function siteLayers(): LayerSpecification[] {
  return [
    // Coal and gas plants underneath, smaller: context for the curated sites above them.
    symbolLayer(
      'sites-symbol-gas',
      kindIs('gas-plant'),
      [0.55, 0.85],
      SITE_KINDS['gas-plant'].minZoom,
    ),
    symbolLayer(
      'sites-symbol-coal',
      kindIs('coal-plant'),
      [0.6, 0.95],
      SITE_KINDS['coal-plant'].minZoom,
    ),
    symbolLayer('sites-symbol', majorFilter, [0.8, 1.15]),
    labelLayer('sites-label-minor', minorFilter, MINOR_SITE_LABEL_MIN_ZOOM, 10),
    labelLayer('sites-label', majorFilter, SITE_LABEL_MIN_ZOOM, 11),
  ];
}
