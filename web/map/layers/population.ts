// Census 2020 population density: block groups summed on a grid (GET /api/population/density),
// drawn as a heat layer weighted by people. Off by default; it sits under the place names.
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';

export const POPULATION_DENSITY_SOURCE = 'population-density';

/** The sequential ramp, low to high (blues: clear of the coverage red/amber/green). */
export const POPULATION_RAMP = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];

export function populationDensityLayers(visible = false, opacity = 0.65): LayerSpecification[] {
  return [
    {
      id: 'population-density-heat',
      type: 'heatmap',
      source: POPULATION_DENSITY_SOURCE,
      layout: { visibility: visible ? 'visible' : 'none' },
      paint: {
        // A cell of 250,000 people counts fully; the heat sums neighbouring cells.
        'heatmap-weight': ['interpolate', ['linear'], ['get', 'population'], 0, 0, 250000, 1],
        // Zoomed in, each cell's heat spreads over more pixels: raise the intensity to match.
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 6, 1.5, 9, 3.5],
        // About two grid cells across at every zoom (0.3° ≈ 3.4 px at zoom 4).
        'heatmap-radius': ['interpolate', ['exponential', 2], ['zoom'], 3, 3, 10, 3 * 128],
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          'rgba(222,235,247,0)',
          0.1,
          POPULATION_RAMP[0],
          0.3,
          POPULATION_RAMP[1],
          0.55,
          POPULATION_RAMP[2],
          0.8,
          POPULATION_RAMP[3],
          1,
          POPULATION_RAMP[4],
        ],
        'heatmap-opacity': opacity,
      },
    },
  ];
}
