// The online fleet as flat typed arrays for the Monte Carlo (models/coverage/plan.ts SimUnits):
// one entry per unit online in the evaluated year, its delivered weight netMwe × (1 − line loss)
// and its planned pairs in every plan year of the fleet's outage plan.
import type { SimUnits } from '../coverage/plan.ts';
import type { DeploymentSupply } from './fleet.ts';
import type { FleetOutagePlan, PlanUnitInput } from './plan.ts';
import type { StorageArrays } from './storage.ts';

/** Every unit of every deployment, in deployment then unit order (the plan's unit order). */
export function planUnitsOf(plans: readonly DeploymentSupply[]): PlanUnitInput[] {
  return plans.flatMap((p) =>
    Array.from({ length: p.units }, (_, unit) => ({ deployment: p.index, unit, design: p.design })),
  );
}

export function simUnits(
  plans: readonly DeploymentSupply[],
  outagePlan: FleetOutagePlan,
  year: number,
  lossFractions: readonly number[],
): { units: SimUnits; storage: StorageArrays } {
  const all = planUnitsOf(plans);
  const N = all.length;
  const online = all
    .map((u, i) => ({ ...u, i }))
    .filter((u) => plans[u.deployment].codYear <= year);
  const n = online.length;
  const P = outagePlan.periodYears;
  const plannedFrom = new Int32Array(P * n + 1);
  const flat: number[] = [];
  for (let p = 0; p < P; p += 1) {
    online.forEach((u, k) => {
      const a = outagePlan.from[p * N + u.i];
      const b = outagePlan.from[p * N + u.i + 1];
      for (let j = a; j < b; j += 1)
        flat.push(outagePlan.hours[2 * j], outagePlan.hours[2 * j + 1]);
      plannedFrom[p * n + k + 1] = plannedFrom[p * n + k] + (b - a);
    });
  }
  const designOf = (u: (typeof online)[number]) => plans[u.deployment].design;
  const units: SimUnits = {
    count: n,
    deployment: Int32Array.from(online, (u) => u.deployment),
    unit: Int32Array.from(online, (u) => u.unit),
    netMw: Float64Array.from(online, (u) => designOf(u).netMwe),
    deliveredMw: Float64Array.from(
      online,
      (u) => designOf(u).netMwe * (1 - lossFractions[u.deployment]),
    ),
    forcedOutageRate: Float64Array.from(online, (u) => designOf(u).forcedOutageRate),
    mttfHours: Float64Array.from(online, (u) => designOf(u).mttfHours),
    mttrHours: Float64Array.from(online, (u) => designOf(u).mttrHours),
    plannedFrom,
    plannedHours: Float64Array.from(flat),
    storageSlot: new Int32Array(n).fill(-1),
  };
  const withStorage = online
    .map((u, k) => ({ k, design: designOf(u), keep: 1 - lossFractions[u.deployment] }))
    .filter((s) => s.design.storageMwh > 0);
  withStorage.forEach((s, j) => {
    units.storageSlot[s.k] = j;
  });
  const storage: StorageArrays = {
    count: withStorage.length,
    capacityMwh: Float64Array.from(withStorage, (s) => s.design.storageMwh),
    dischargeMaxMw: Float64Array.from(withStorage, (s) => s.design.peakMwe - s.design.netMwe),
    chargeMaxMw: Float64Array.from(withStorage, (s) => s.design.netMwe),
    lineKeep: Float64Array.from(withStorage, (s) => s.keep),
  };
  return { units, storage };
}
