// Power plants of 100 MW+ (NACEI, as of 2017) by primary fuel: circles sized by MW (area ∝ MW)
// and filled by fuel, clustered at low zoom so 2,266 plants stay readable. Off by default.
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { PlantFuel } from '../../../models/records.ts';
import { LABEL_FONT_BOLD } from './fonts.ts';

export const PLANT_SOURCE = 'plants';
/** Clusters break up beyond this zoom: every plant is its own circle from state scale in. */
export const PLANT_CLUSTER_MAX_ZOOM = 5;

/** Fuel colours follow the usual energy-map conventions, in the order the legend shows them. */
export const PLANT_FUELS_STYLE: Record<PlantFuel, { label: string; colour: string }> = {
  coal: { label: 'Coal', colour: '#44403c' },
  naturalGas: { label: 'Natural gas', colour: '#be185d' },
  petroleum: { label: 'Petroleum', colour: '#92400e' },
  nuclear: { label: 'Nuclear', colour: '#6d28d9' },
  hydro: { label: 'Hydro', colour: '#2563eb' },
  pumpedStorageHydro: { label: 'Pumped storage', colour: '#93c5fd' },
  wind: { label: 'Wind', colour: '#0891b2' },
  solar: { label: 'Solar', colour: '#facc15' },
  geothermal: { label: 'Geothermal', colour: '#9f1239' },
  biomass: { label: 'Biomass', colour: '#4d7c0f' },
  other: { label: 'Other', colour: '#9ca3af' },
};

/** Plant sizes the legend shows, MW. */
export const PLANT_SIZE_LEGEND_MW = [100, 1000, 4000];

/** Radius in px at zoom 6 for a plant of `mw`: area ∝ MW, 100 MW → 2.5 px. */
export const plantRadiusPx = (mw: number): number => 2.5 * Math.sqrt(Math.max(mw, 1) / 100);

const radiusAt = (scale: number): ExpressionSpecification => [
  '*',
  2.5 * scale,
  ['sqrt', ['/', ['max', ['get', 'totalMw'], 1], 100]],
];

const fuelColour = [
  'match',
  ['get', 'primaryFuel'],
  ...(Object.keys(PLANT_FUELS_STYLE) as PlantFuel[]).flatMap((fuel) => [
    fuel,
    PLANT_FUELS_STYLE[fuel].colour,
  ]),
  PLANT_FUELS_STYLE.other.colour,
] as unknown as ExpressionSpecification;

/** The GeoJSON source, clustered; clusters sum their plants' MW. */
export function plantSource(): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterMaxZoom: PLANT_CLUSTER_MAX_ZOOM,
    clusterRadius: 36,
    clusterProperties: { totalMw: ['+', ['get', 'totalMw']] },
  };
}

const hidden = (visible: boolean) => ({ visibility: visible ? 'visible' : 'none' }) as const;

export function plantLayers(visible = false): LayerSpecification[] {
  const clustered: ExpressionSpecification = ['has', 'point_count'];
  return [
    {
      id: 'plants-cluster',
      type: 'circle',
      source: PLANT_SOURCE,
      filter: clustered,
      layout: hidden(visible),
      paint: {
        // A cluster grows with its summed MW, damped and capped so clusters never bury the map.
        'circle-radius': [
          'min',
          16,
          ['+', 5, ['*', 0.5, ['sqrt', ['/', ['get', 'totalMw'], 100]]]],
        ],
        'circle-color': '#94a3b8',
        'circle-opacity': 0.3,
        'circle-stroke-color': '#475569',
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'plants-cluster-count',
      type: 'symbol',
      source: PLANT_SOURCE,
      filter: clustered,
      layout: {
        ...hidden(visible),
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT_BOLD,
        'text-size': 10,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    },
    {
      id: 'plants-circle',
      type: 'circle',
      source: PLANT_SOURCE,
      filter: ['!', clustered],
      layout: hidden(visible),
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          radiusAt(0.7),
          6,
          radiusAt(1),
          10,
          radiusAt(2),
        ],
        'circle-color': fuelColour,
        'circle-opacity': 0.8,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.8,
      },
    },
  ];
}
