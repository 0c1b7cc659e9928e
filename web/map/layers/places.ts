// City names over the basemap (GeoNames places of 10,000+, GET /api/places): bigger places from
// lower zooms, every place of 10,000+ at campus zoom, so Memphis, Abilene and Phoenix are named.
// Drawn like the basemap labels, with local fonts (no glyph server).
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { LABEL_FONT_BOLD, LABEL_FONT_REGULAR } from './fonts.ts';

export const PLACE_SOURCE = 'places';

/** Smallest place of each tier and the zoom its names appear from, biggest first. */
export const PLACE_TIERS = [
  { id: '1m', minPopulation: 1_000_000, minZoom: 4, textSize: 13 },
  { id: '250k', minPopulation: 250_000, minZoom: 5, textSize: 12 },
  { id: '100k', minPopulation: 100_000, minZoom: 6, textSize: 11.5 },
  { id: '50k', minPopulation: 50_000, minZoom: 7, textSize: 11 },
  { id: '10k', minPopulation: 10_000, minZoom: 8, textSize: 10.5 },
] as const;

const population: ExpressionSpecification = ['get', 'population'];

function tierFilter(i: number): FilterSpecification {
  const lower: FilterSpecification = ['>=', population, PLACE_TIERS[i].minPopulation];
  return i === 0 ? lower : ['all', lower, ['<', population, PLACE_TIERS[i - 1].minPopulation]];
}

/** A dot's radius: 0 until its tier's zoom, so a dot never shows without its name. */
const dotRadius = [
  'step',
  ['zoom'],
  0,
  ...PLACE_TIERS.flatMap((tier, i) => [
    tier.minZoom,
    ['case', ['>=', population, PLACE_TIERS[i].minPopulation], i < 2 ? 3 : 2.2, 0],
  ]),
] as unknown as ExpressionSpecification;

export function placeLayers(): LayerSpecification[] {
  return [
    {
      id: 'places-dot',
      type: 'circle',
      source: PLACE_SOURCE,
      minzoom: PLACE_TIERS[0].minZoom,
      paint: {
        'circle-radius': dotRadius,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#4b5563',
        'circle-stroke-width': 1,
      },
    },
    // Biggest tier last: MapLibre places the topmost symbol layer first, so a big city's name
    // wins a collision with a small town's.
    ...PLACE_TIERS.map((tier, i): LayerSpecification => ({
      id: `places-label-${tier.id}`,
      type: 'symbol',
      source: PLACE_SOURCE,
      minzoom: tier.minZoom,
      filter: tierFilter(i),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': i < 2 ? LABEL_FONT_BOLD : LABEL_FONT_REGULAR,
        'text-size': tier.textSize,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-max-width': 9,
        'symbol-sort-key': ['-', 0, population],
      },
      paint: {
        'text-color': '#1f2937',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.5,
      },
    })).reverse(),
  ];
}
