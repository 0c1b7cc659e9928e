// `npx vitest bench --run tests/bench/evaluate.bench.ts`: the evaluation's cost on one core.
// Targets: one campus, 9 units at 3 sites, 8,760 h, 1,000 trials ≤ 100 ms median (issue 4), and
// ≤ 30 ms with line outages, backup dispatch and the grid on (issue 8); the same fleet with backup
// off and the campus islanded runs in the same bench as the reference for the ratio. Also a single
// unit far short of its campus with the default backup (the first reactor a user places), one
// runTrials chunk of 125 trials, the server's worker task size, and the trials alone.
import { bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import {
  evaluate,
  prepareEvaluation,
  runTrials,
  type EvaluateInputs,
} from '../../models/scenario.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';

const geo = loadGeoData();
const { campuses } = geo;
const data = evaluateDataOf(geo);
const abilene = campuses.find((campus) => campus.id === 'stargate-abilene');
if (!abilene) throw new Error('stargate-abilene is missing from geo-data');

/** 3 units at each of 3 sites: co-located, ~60 km and ~190 km from Abilene. */
function fleet(designIds: [string, string, string], options: object = {}): EvaluateInputs {
  const offsets = [
    [0.01, 0],
    [0.5, 0.3],
    [-1.5, -1],
  ];
  return {
    campus: abilene as NonNullable<typeof abilene>,
    deployments: designIds.map((designId, i) => ({
      designId,
      units: 3,
      lat: (abilene?.lat ?? 0) + offsets[i][0],
      lon: (abilene?.lon ?? 0) + offsets[i][1],
    })),
    options: { trials: 1000, year: 2035, ...options },
  };
}

const lwr = fleet(['bwrx-300', 'bwrx-300', 'xe-100']);
const storage = fleet(['bwrx-300', 'natrium', 'xe-100']);
const prepared = prepareEvaluation(storage, data);
const reference = fleet(['bwrx-300', 'bwrx-300', 'xe-100'], {
  backup: { gas: { mw: 0 }, battery: { mw: 0, mwh: 0 } },
});
const allOn = fleet(['bwrx-300', 'bwrx-300', 'xe-100'], {
  backup: { gas: { mw: 300 } },
  grid: { mode: 'connected', importLimitMw: 300 },
});
const allOnDefaultLimit = fleet(['bwrx-300', 'bwrx-300', 'xe-100'], {
  backup: { gas: { mw: 300 } },
  grid: { mode: 'connected' },
});
/** The first reactor placed for a campus: short most hours, the default gas and battery serving. */
const firstReactor: EvaluateInputs = {
  campus: abilene,
  deployments: [{ designId: 'bwrx-300', units: 1, lat: abilene.lat + 0.01, lon: abilene.lon }],
  options: { trials: 1000, year: 2035 },
};

describe('evaluate', () => {
  bench('9 units (BWRX-300, BWRX-300, Xe-100) at 3 sites, 1,000 trials (target ≤ 100 ms)', () => {
    evaluate(lwr, data);
  });

  bench(
    '9 units (BWRX-300, Natrium with storage, Xe-100) at 3 sites, 1,000 trials (target ≤ 100 ms)',
    () => {
      evaluate(storage, data);
    },
  );

  bench('reference: the same 9 units, lines on, backup off, islanded, 1,000 trials', () => {
    evaluate(reference, data);
  });

  bench(
    'lines + 300 MW gas + sized battery + grid (300 MW limit), 1,000 trials (target ≤ 30 ms)',
    () => {
      evaluate(allOn, data);
    },
  );

  bench('lines + 300 MW gas + sized battery + grid (limit = campus peak), 1,000 trials', () => {
    evaluate(allOnDefaultLimit, data);
  });

  bench('1 unit (BWRX-300) short most hours, default gas and battery backup, 1,000 trials', () => {
    evaluate(firstReactor, data);
  });

  bench('runTrials: one 125-trial chunk (the server’s worker task), Natrium fleet', () => {
    runTrials(prepared, 250, 375);
  });

  bench('runTrials: all 1,000 trials, Natrium fleet', () => {
    runTrials(prepared, 0, 1000);
  });
});
