// `npx vitest bench --run tests/bench/demand.bench.ts`: the demand model's cost.
// Targets: one campus-year (8,760 hours plus the 2024–2045 ramp) ≤ 5 ms; 1,000 different
// campuses ≤ 2 s. The mean time per iteration is the figure to read.
import { bench, describe } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { demandForYear, type CampusSpec } from '../../models/demand.ts';
import type { CampusKind } from '../../models/records.ts';
import { streamFor } from '../../models/rng.ts';

const { campuses, gpuPower } = loadGeoData();
const abilene = campuses.find((campus) => campus.id === 'stargate-abilene');
if (!abilene) throw new Error('stargate-abilene is missing from geo-data');

const kinds: CampusKind[] = ['ai-training', 'ai-inference', 'ai-mixed', 'fab'];
const accelerators = ['nvidia-h100-sxm5', 'nvidia-gb200-nvl72', 'nvidia-b200', 'amd-mi300x'];

/** 1,000 different campuses, 1–4 phases each, drawn from a fixed seed. */
function manyCampuses(n: number): CampusSpec[] {
  const rng = streamFor(2025, 1000);
  return Array.from({ length: n }, (_, i) => {
    const phases = Array.from({ length: 1 + Math.floor(rng.uniform() * 4) }, (_unused, p) => {
      const start = `${2024 + p * 2 + Math.floor(rng.uniform() * 2)}-0${1 + Math.floor(rng.uniform() * 9)}`;
      const pick = rng.uniform();
      if (pick < 0.4) return { start, facilityMw: rng.uniformIn(20, 2000) };
      if (pick < 0.7) return { start, itMw: rng.uniformIn(20, 1500) };
      const accelerator = accelerators[Math.floor(rng.uniform() * accelerators.length)];
      return { start, accelerator, count: Math.floor(rng.uniformIn(1000, 400_000)) };
    });
    return {
      id: `bench-${i}`,
      kind: kinds[i % kinds.length],
      lat: rng.uniformIn(25, 49),
      lon: rng.uniformIn(-124, -67),
      utcOffsetHours: -5 - Math.floor(rng.uniform() * 4),
      pue: rng.uniformIn(1.08, 1.4),
      trainingShare: rng.uniform(),
      phases,
    };
  });
}

const thousand = manyCampuses(1000);
let seed = 0;

describe('demand', () => {
  bench('one campus-year: Stargate Abilene 2026, 8,760 h + ramp 2024–2045 (target ≤ 5 ms)', () => {
    seed += 1;
    demandForYear(abilene, { year: 2026, seed, gpuPower });
  });

  bench(
    '1,000 different campuses, one year each (target ≤ 2 s)',
    () => {
      for (const [i, campus] of thousand.entries()) {
        demandForYear(campus, { year: 2030, seed: i, gpuPower });
      }
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});
