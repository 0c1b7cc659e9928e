// The online fleet as flat typed arrays for the Monte Carlo (models/coverage/plan.ts SimUnits):
// one entry per unit, its delivered weight netMwe × (1 − line loss) and its planned pairs.
import type { SimUnits } from '../coverage/plan.ts';
import type { DeploymentSupply } from './fleet.ts';
import { plannedPairs } from './refuelling.ts';
import type { UnitSchedule } from './schedule.ts';
import type { StorageArrays } from './storage.ts';

export function simUnits(
  plans: readonly DeploymentSupply[],
  schedule: readonly UnitSchedule[],
  lossFractions: readonly number[],
): { units: SimUnits; storage: StorageArrays } {
  const n = schedule.length;
  const pairs = schedule.map((u) => plannedPairs(u.outages));
  const plannedFrom = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) plannedFrom[i + 1] = plannedFrom[i] + pairs[i].length / 2;
  const units: SimUnits = {
    count: n,
    deployment: Int32Array.from(schedule, (u) => u.deployment),
    unit: Int32Array.from(schedule, (u) => u.unit),
    netMw: Float64Array.from(schedule, (u) => plans[u.deployment].design.netMwe),
    deliveredMw: Float64Array.from(
      schedule,
      (u) => plans[u.deployment].design.netMwe * (1 - lossFractions[u.deployment]),
    ),
    forcedOutageRate: Float64Array.from(
      schedule,
      (u) => plans[u.deployment].design.forcedOutageRate,
    ),
    mttfHours: Float64Array.from(schedule, (u) => plans[u.deployment].design.mttfHours),
    mttrHours: Float64Array.from(schedule, (u) => plans[u.deployment].design.mttrHours),
    plannedFrom,
    plannedHours: Float64Array.from(pairs.flat()),
    storageSlot: new Int32Array(n).fill(-1),
  };
  const withStorage = schedule
    .map((u, i) => ({
      i,
      design: plans[u.deployment].design,
      keep: 1 - lossFractions[u.deployment],
    }))
    .filter((s) => s.design.storageMwh > 0);
  withStorage.forEach((s, j) => {
    units.storageSlot[s.i] = j;
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
