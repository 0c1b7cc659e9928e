// The legend's national-data group: power plants by fuel, interconnection points by voltage
// class, Census population heat and city names. Each toggles with layer-toggle-<group>; a key
// shows only while its layer is on, so the legend stays short. `onShow` loads a layer's data
// the first time it is turned on.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlantFuel } from '../../../models/records.ts';
import { interconnectionLabel, VOLTAGE_CLASSES } from '../../map/layers/interconnections.ts';
import { PLANT_FUELS_STYLE, PLANT_SIZE_LEGEND_MW, plantRadiusPx } from '../../map/layers/plants.ts';
import { POPULATION_RAMP } from '../../map/layers/population.ts';
import type { LayerGroup } from '../../map/style.ts';
import { formatMw } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import { groupToggle } from './legend.ts';

export type NationalGroup = Extract<
  LayerGroup,
  'plants' | 'interconnections' | 'population-density' | 'places'
>;

function fuelKey(): HTMLElement {
  const items = (Object.keys(PLANT_FUELS_STYLE) as PlantFuel[]).map((fuel) =>
    h(
      'li',
      {},
      h('span', {
        class: 'legend-dot',
        style: `background:${PLANT_FUELS_STYLE[fuel].colour}`,
        'aria-hidden': 'true',
      }),
      PLANT_FUELS_STYLE[fuel].label,
    ),
  );
  return h(
    'div',
    { class: 'legend-key' },
    h('ul', { class: 'legend-list legend-fuels', 'aria-label': 'Plant fuels' }, ...items),
    h(
      'p',
      { class: 'legend-note' },
      `Area ∝ MW (${formatMw(PLANT_SIZE_LEGEND_MW[1])} ≈ ${Math.round(plantRadiusPx(PLANT_SIZE_LEGEND_MW[1]) * 2)} px); grey: clusters`,
    ),
  );
}

function voltageKey(): HTMLElement {
  const items = VOLTAGE_CLASSES.map((c, i) => {
    const next = VOLTAGE_CLASSES[i + 1];
    const range = next ? `${c.kv}–${next.kv - 1} kV` : `${c.kv} kV+`;
    return h(
      'li',
      { title: interconnectionLabel(c.kv) },
      h('span', {
        class: 'legend-dot',
        style: `background:${c.colour};width:${c.radiusPx * 2}px;height:${c.radiusPx * 2}px`,
        'aria-hidden': 'true',
      }),
      range,
    );
  });
  return h(
    'div',
    { class: 'legend-key' },
    h('p', { class: 'legend-note' }, 'EIA-860 2019 plants at that kV'),
    h('p', { class: 'legend-note' }, '(a proxy for a substation)'),
    h('ul', { class: 'legend-list legend-columns' }, ...items),
  );
}

function populationKey(): HTMLElement {
  return h(
    'div',
    { class: 'legend-key' },
    h('div', {
      class: 'legend-ramp',
      style: `background:linear-gradient(to right, ${POPULATION_RAMP.join(', ')})`,
      role: 'img',
      'aria-label': 'Population heat, from few people (light) to many (dark blue)',
    }),
    h('p', { class: 'legend-ramp-ends' }, h('span', {}, 'fewer people'), h('span', {}, 'more')),
    h('p', { class: 'legend-note' }, '2020 Census block groups, 0.3° grid'),
  );
}

export function createNationalLegend(
  map: MapLibreMap,
  onShow: (group: NationalGroup) => void,
): HTMLElement {
  const section = (group: NationalGroup, label: string, key: HTMLElement | null, on: boolean) => {
    if (key) key.hidden = !on;
    const toggle = groupToggle(map, group, label, {
      checked: on,
      onChange: (visible) => {
        if (key) key.hidden = !visible;
        if (visible) onShow(group);
      },
    });
    return h('div', { class: 'legend-subgroup' }, toggle, key);
  };
  return h(
    'section',
    { class: 'legend-group', 'aria-label': 'National data' },
    section('plants', 'Power plants 100 MW+ (2017)', fuelKey(), false),
    section('interconnections', 'Interconnection points', voltageKey(), false),
    section('population-density', 'Population density', populationKey(), false),
    section('places', 'City names (10,000+)', null, true),
  );
}
