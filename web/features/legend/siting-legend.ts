// The legend's siting entry: the suitability hexes' sequential scale (with "excluded" in words)
// and an opacity slider, the screened sites' rank badges, and the checked point's rings. It
// appears once a check or a screen has put something on the map.
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  HEX_DEFAULT_OPACITY,
  HEX_EXCLUDED_COLOUR,
  HEX_SCORE_STOPS,
  RING_COLOURS,
} from '../../map/layers/siting.ts';
import { h } from '../../ui/dom.ts';
import { groupToggle } from './legend.ts';

function hexScale(): HTMLElement {
  const gradient = HEX_SCORE_STOPS.map(([score, colour]) => `${colour} ${score}%`).join(', ');
  return h(
    'div',
    {
      class: 'hex-scale',
      role: 'img',
      'aria-label': 'Hex colour: suitability score from 0 (light) to 100 (dark); grey is excluded',
    },
    h('span', { class: 'hex-ramp', style: `background:linear-gradient(90deg, ${gradient})` }),
    h(
      'span',
      { class: 'hex-ramp-labels' },
      h('span', {}, '0'),
      h('span', {}, 'score'),
      h('span', {}, '100'),
    ),
    h(
      'span',
      { class: 'hex-excluded' },
      h('span', { class: 'legend-swatch square', style: `background:${HEX_EXCLUDED_COLOUR}` }),
      'Excluded, > 500/mi²',
    ),
  );
}

function ringKey(): HTMLElement {
  const line = (colour: string) =>
    h('span', { class: 'legend-line', style: `border-top-color:${colour}`, 'aria-hidden': 'true' });
  return h(
    'ul',
    { class: 'legend-list' },
    h('li', {}, line(RING_COLOURS.rg47), '20 mi (RG 4.7)'),
    h('li', {}, line(RING_COLOURS.epz), 'Plume EPZ'),
  );
}

export function createSitingLegend(
  map: MapLibreMap,
  setOpacity: (opacity: number) => void,
): HTMLElement {
  const opacity = h('input', {
    type: 'range',
    min: 0.1,
    max: 1,
    step: 0.05,
    value: HEX_DEFAULT_OPACITY,
    id: 'siting-hex-opacity',
    'data-testid': 'siting-hex-opacity',
  });
  opacity.addEventListener('input', () => setOpacity(Number(opacity.value)));
  return h(
    'section',
    { class: 'legend-group legend-siting', hidden: true },
    groupToggle(map, 'siting-hexes', 'Suitability hexes'),
    hexScale(),
    h('label', { class: 'legend-opacity', for: opacity.id }, h('span', {}, 'Opacity'), opacity),
    groupToggle(map, 'siting-screen', 'Screen ranks'),
    groupToggle(map, 'siting-check', 'Checked point'),
    ringKey(),
  );
}
