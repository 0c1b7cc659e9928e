// `npm run bench` (part): the optimiser on issue 13's benchmark question, "power Colossus 2 at
// 99.9% in 2032, sites within 400 km, BWRX-300 / Xe-100 / Natrium, up to 8 units a site and 3
// sites", timed in stages: building the relaxation's menu, one HiGHS solve (the relaxation's
// own answer), the 20 cheapest fleets (20 solves with cuts), and the whole search with its
// Monte Carlo checks on the evaluation worker pool (1 general worker + the small lane on 2 cores).
import { readFileSync } from 'node:fs';
import { loadGeoData } from '../../geo-data/load.ts';
import { relaxationLp } from '../../models/optimise/relaxation.ts';
import { sitingDataOf } from '../../server/evaluate/screen-task.ts';
import { getPopulationIndex } from '../../server/plugins/population.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';
import { createEvaluator } from '../../server/evaluate/evaluator.ts';
import { highsSolver } from '../../server/optimise/highs.ts';
import { planOptimise, runOptimise } from '../../server/optimise/search.ts';
import type { OptimiseRequest } from '../../server/schemas/optimise.ts';

const request = JSON.parse(
  readFileSync(new URL('../fixtures/colossus-2.optimise.json', import.meta.url), 'utf8'),
) as OptimiseRequest;

const geoData = loadGeoData();
const data = evaluateDataOf(geoData);
const siting = sitingDataOf(geoData, getPopulationIndex());
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const solve = await highsSolver();
const yearPlan = (r: OptimiseRequest) => {
  const p = planOptimise(r, { geoData, data, siting });
  const y = p.planYear(p.years[p.years.length - 1]);
  if (!y) throw new Error('no design online by the study year');
  return { ...y, sites: p.sites };
};
solve(relaxationLp(yearPlan(request).relaxation)); // warm the WebAssembly
let t = performance.now();
const plan = yearPlan(request);
console.log(`menu: ${plan.options.length} options at ${plan.sites.length} sites in ${ms(t)}`);
t = performance.now();
const first = solve(relaxationLp(plan.relaxation));
console.log(`one relaxation solve (${first.status}): ${ms(t)}`);
const evaluator = createEvaluator({ data, dataVersion: geoData.version });
t = performance.now();
const selections = await evaluator.relax(plan.relaxation, 20);
console.log(`20 cheapest fleets (in a worker): ${selections.length} in ${ms(t)}`);
t = performance.now();
const result = await runOptimise(request, { geoData, data, evaluator, siting });
const best = result.best;
console.log(
  `whole optimisation (500 trials a fleet): ${ms(t)}, ${result.evaluatedCount} fleets evaluated; ` +
    `best ${best?.deployments.map((d) => `${d.units} × ${d.designId} at ${d.siteId}`).join(' + ')} ` +
    `at ${best?.evaluation.economics.deliveredCostUsdPerMwh?.toFixed(2)} $/MWh, served ` +
    `${((best?.evaluation.afterBackup.servedEnergyFraction ?? 0) * 100).toFixed(3)}%`,
);
const timed = async (label: string, r: OptimiseRequest) => {
  const started = performance.now();
  const out = await runOptimise(r, { geoData, data, evaluator, siting });
  const b = out.best;
  console.log(
    `${label}: ${ms(started)}, ${out.evaluatedCount} fleets over ${out.years.length} year(s); best ` +
      `${b ? `${b.year}: ${b.deployments.map((d) => `${d.units} × ${d.designId} at ${d.siteId}`).join(' + ')} at ${b.evaluation.economics.deliveredCostUsdPerMwh?.toFixed(2)} $/MWh` : 'none'}`,
  );
};
await timed('free placement at the 20 best hexes', {
  ...request,
  candidates: { hexes: 20, radiusKm: 400 },
});
await timed('earliest year meeting the target, 2028–2032', {
  ...request,
  year: { from: 2028, to: 2032 },
  objective: 'earliestYear',
});
await timed('with gas backup sized per fleet', {
  ...request,
  options: { ...request.options, backup: 'gas' },
});
await evaluator.close();
