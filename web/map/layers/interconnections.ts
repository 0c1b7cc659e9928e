// Known high-voltage interconnection points: EIA-860 2019 plants interconnected at ≥ 230 kV, by
// voltage class. They are plants at that voltage, a proxy for a substation (public data maps no
// substations), and every label says so. Circle size AND colour step with the class.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';

export const INTERCONNECTION_SOURCE = 'interconnections';

/** Voltage classes, lowest first: a point belongs to the highest class its kV reaches. */
export const VOLTAGE_CLASSES = [
  { kv: 230, colour: '#a5f3fc', radiusPx: 2.5 },
  { kv: 345, colour: '#22d3ee', radiusPx: 3.2 },
  { kv: 500, colour: '#0e7490', radiusPx: 4 },
  { kv: 765, colour: '#083344', radiusPx: 5 },
] as const;

/** The class a voltage falls in (e.g. 480 kV → 345, 525 kV → 500). */
export const voltageClassKv = (kv: number): number =>
  [...VOLTAGE_CLASSES].reverse().find((c) => kv >= c.kv)?.kv ?? VOLTAGE_CLASSES[0].kv;

/** What a point is, in words: never "substation". */
export const interconnectionLabel = (kv: number): string =>
  `EIA-860 2019 plant at ${kv} kV (proxy for a substation)`;

const byClass = (pick: (c: (typeof VOLTAGE_CLASSES)[number]) => string | number) =>
  [
    'step',
    ['get', 'kv'],
    pick(VOLTAGE_CLASSES[0]),
    ...VOLTAGE_CLASSES.slice(1).flatMap((c) => [c.kv, pick(c)]),
  ] as unknown as ExpressionSpecification;

export function interconnectionLayers(visible = false): LayerSpecification[] {
  return [
    {
      id: 'interconnections-circle',
      type: 'circle',
      source: INTERCONNECTION_SOURCE,
      layout: { visibility: visible ? 'visible' : 'none', 'circle-sort-key': ['get', 'kv'] },
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          3,
          ['*', 0.7, byClass((c) => c.radiusPx)],
          8,
          ['*', 1.4, byClass((c) => c.radiusPx)],
        ],
        'circle-color': byClass((c) => c.colour),
        'circle-stroke-color': '#083344',
        'circle-stroke-width': 0.8,
      },
    },
  ];
}
