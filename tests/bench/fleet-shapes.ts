// The fleet shapes of the engine benchmark (issue 13 "Performance"): 1 unit, 4 units with
// storage (Natrium's molten-salt tank), 9, 18 and 36 units, all at Stargate Abilene in 2035 with
// 1,000 trials, lines on, backup off and the campus islanded, so the Monte Carlo core (streams,
// failure / repair / refuel sampling, line outages, storage, coverage accounting) is what runs.
// A sixth shape puts the 9 units' lines on double circuits (both paths and a common mode), the
// line path the others do not take.
import { loadGeoData } from '../../geo-data/load.ts';
import { prepareEvaluation, type EvaluateInputs, type Prepared } from '../../models/scenario.ts';
import type { SimPlan } from '../../models/coverage.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';

export interface FleetShape {
  name: string;
  inputs: EvaluateInputs;
}

const geo = loadGeoData();
const data = evaluateDataOf(geo);
const abilene = geo.campuses.find((campus) => campus.id === 'stargate-abilene');
if (!abilene) throw new Error('stargate-abilene is missing from geo-data');
const campus = abilene;

/** Co-located, ~60 km and ~190 km from Abilene. */
const OFFSETS: [number, number][] = [
  [0.01, 0],
  [0.5, 0.3],
  [-1.5, -1],
];

function shape(name: string, sites: [string, number][], circuits: 1 | 2 = 1): FleetShape {
  const trials = 1000;
  return {
    name,
    inputs: {
      campus,
      deployments: sites.map(([designId, units], i) => ({
        designId,
        units,
        lat: campus.lat + OFFSETS[i][0],
        lon: campus.lon + OFFSETS[i][1],
        circuits,
      })),
      options: {
        trials,
        year: 2035,
        seed: 1,
        backup: { gas: { mw: 0 }, battery: { mw: 0, mwh: 0 } },
        grid: { mode: 'islanded' },
      },
    },
  };
}

export const FLEET_SHAPES: readonly FleetShape[] = [
  shape('1 unit (BWRX-300, co-located)', [['bwrx-300', 1]]),
  shape('4 units with storage (Natrium: 2 co-located, 2 at ~60 km)', [
    ['natrium', 2],
    ['natrium', 2],
  ]),
  shape('9 units (BWRX-300, BWRX-300, Xe-100)', [
    ['bwrx-300', 3],
    ['bwrx-300', 3],
    ['xe-100', 3],
  ]),
  shape('18 units (BWRX-300, BWRX-300, Xe-100)', [
    ['bwrx-300', 6],
    ['bwrx-300', 6],
    ['xe-100', 6],
  ]),
  shape('36 units (BWRX-300, BWRX-300, Xe-100)', [
    ['bwrx-300', 12],
    ['bwrx-300', 12],
    ['xe-100', 12],
  ]),
  shape(
    '9 units, double-circuit lines',
    [
      ['bwrx-300', 3],
      ['bwrx-300', 3],
      ['xe-100', 3],
    ],
    2,
  ),
];

export function preparedShape(shapeOf: FleetShape): Prepared {
  return prepareEvaluation(shapeOf.inputs, data);
}

export function simOf(shapeOf: FleetShape): SimPlan {
  return preparedShape(shapeOf).main.sim;
}
